/** Path of the WebSocket endpoint on the loopback host. */
export const KIOSK_API_PATH = '/kiosk-api';

/** WebSocket subprotocol the host selects; the client must offer it. */
export const KIOSK_WS_PROTOCOL = 'kiosk.v1';

/**
 * Prefix of the second subprotocol value a test or development harness in
 * Node offers: `kiosk-token.<harness token>` (hosts started with `harness`
 * only; the page never has a token and is authorised by its cookie).
 * Carrying it in `Sec-WebSocket-Protocol` keeps it out of URLs and logs and
 * lets the host refuse the upgrade before any message is exchanged. The
 * host never echoes it back. Must match `renderer/src/transport/protocol.ts`.
 */
export const KIOSK_TOKEN_PROTOCOL_PREFIX = 'kiosk-token.';
