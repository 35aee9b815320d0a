import { z } from 'zod';
import { KioskErrorPayloadSchema } from '../../../common/contract/error-schemas';
import { KeyProtectionSchema } from '../../../common/contract/schemas';

/**
 * Messages between the shell (Electron main process, or the browser-mode
 * launcher) and the kiosk core running in its own process (Electron
 * `utilityProcess`, or a Node child with an IPC channel). The port is the
 * trust boundary: only the shell holds it. The renderer never sees these
 * messages; connection ids are the core's own (see common/contract/connections.ts).
 */

/** Shell → core. */
export const ShellToCoreSchema = z.discriminatedUnion('t', [
  /** First message: the configuration (already validated by the shell), options, the data key when the shell holds it. */
  z.object({
    t: z.literal('init'),
    config: z.record(z.string(), z.unknown()),
    /** Base64 of the 32-byte data key (Electron: from safeStorage, which only the main process can use); absent in plain-Node mode. */
    key: z.string().max(100).optional(),
    /** What protects that key (the shell's choice: main/electron/key-storage-choice.ts); absent: the core's own key file. */
    keyProtection: KeyProtectionSchema.optional(),
    syncPollIntervalMs: z.number().int().positive().optional(),
    probeIntervalMs: z.number().int().positive().optional(),
    /** Alerts to raise on the first heartbeat (a crash loop the supervisor saw). */
    alerts: z.array(z.object({ code: z.string().max(64), message: z.string().max(500) })).max(10).optional(),
    /** One-time enrolment code of the embedded development platform (the core enrols with it when it holds no enrolment). */
    enrolmentCode: z.string().regex(/^[A-Z0-9]{4,32}$/).optional(),
  }),
  /** Opens a citizen connection in the core's registry; answered with `opened`. */
  z.object({ t: z.literal('open'), ref: z.number().int().nonnegative(), transport: z.string().max(40) }),
  z.object({ t: z.literal('close'), connectionId: z.string().max(80) }),
  /** A contract call on a connection the shell opened (null: the in-process citizen, for the shell's own questions). */
  z.object({ t: z.literal('call'), ref: z.number().int().nonnegative(), connectionId: z.string().max(80).nullable(), channel: z.string().max(100), payload: z.unknown() }),
  /** An extra route of the child (simulator controls in development); answered with `routed`. */
  z.object({ t: z.literal('route'), ref: z.number().int().nonnegative(), method: z.enum(['GET', 'POST']), path: z.string().max(200), body: z.unknown() }),
  /** Orderly stop: the core closes devices, sync and the store, then exits 0. */
  z.object({ t: z.literal('stop') }),
]);
export type ShellToCore = z.infer<typeof ShellToCoreSchema>;

const ResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: KioskErrorPayloadSchema }),
]);

/** Core → shell. */
export const CoreToShellSchema = z.discriminatedUnion('t', [
  /** The core answers calls now; `routes` are the extra routes it serves. */
  z.object({ t: z.literal('ready'), pid: z.number().int(), routes: z.array(z.object({ method: z.enum(['GET', 'POST']), path: z.string().max(200) })).max(100) }),
  /** Start-up failed: one line in Chinese and English (startup-failure.ts) and the exit code the host should use. */
  z.object({ t: z.literal('failed'), text: z.string().max(4000), exitCode: z.number().int() }),
  z.object({ t: z.literal('opened'), ref: z.number().int().nonnegative(), connectionId: z.string().max(80) }),
  z.object({ t: z.literal('result'), ref: z.number().int().nonnegative(), result: ResultSchema }),
  z.object({ t: z.literal('routed'), ref: z.number().int().nonnegative(), ok: z.boolean(), value: z.unknown() }),
  /** One line for the service log (console and log file): no catalogue at start, catalogue back. No personal data. */
  z.object({ t: z.literal('log'), line: z.string().max(2000) }),
  /** After each heartbeat the platform acknowledged: its pinned version (validated) and whether every device opened. For the shell's update controller and health check. */
  z.object({
    t: z.literal('heartbeat'),
    pinnedVersion: z.string().max(64).nullable(),
    pinRefused: z.boolean(),
    devicesOpened: z.boolean(),
  }),
  /** An event the core raised, with the ids of the connections its dispatcher allowed to receive it (already validated there). */
  z.object({ t: z.literal('event'), channel: z.string().max(100), payload: z.unknown(), to: z.array(z.string().max(80)) }),
]);
export type CoreToShell = z.infer<typeof CoreToShellSchema>;

/** One end of the port as either side sees it. */
export interface PortEnd<Out, In> {
  send(message: Out): void;
  /** Subscribes to incoming messages; returns an unsubscribe function. */
  onMessage(listener: (message: In) => void): () => void;
}
