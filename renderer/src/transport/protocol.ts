/** Path of the host's WebSocket endpoint (same origin as the page). Must match `main/web/protocol.ts`. */
export const KIOSK_API_PATH = '/kiosk-api';

/** Subprotocol the host selects; always offered first. */
export const KIOSK_WS_PROTOCOL = 'kiosk.v1';

/** A Node harness's token travels as a second offered subprotocol, `kiosk-token.<token>` (never in the URL); the page offers none. */
export const KIOSK_TOKEN_PROTOCOL_PREFIX = 'kiosk-token.';
