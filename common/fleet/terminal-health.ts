import { z } from 'zod';
import { OutOfServiceReasonSchema, PaperStateSchema } from '../contract/schemas';

/**
 * The health part of a heartbeat (docs/sync-protocol.md §3.3), beside the
 * fields every heartbeat has (version, queue, devices, alerts, audit head).
 * No personal data. `report` says why it was sent: `change` (something in it
 * or in the rest of the heartbeat changed) or `full` (the slower periodic
 * report, sent even when nothing changed).
 */
export const TerminalHealthSchema = z
  .object({
    report: z.enum(['full', 'change']),
    /** Seconds since the core started. */
    uptimeSeconds: z.number().int().nonnegative(),
    versions: z
      .object({
        kiosk: z.string().min(1).max(64),
        /** Node.js running the core, e.g. `20.11.1`. */
        runtime: z.string().max(32),
        /** Catalogue version cached (null before the first). */
        catalogue: z.number().int().nonnegative().nullable(),
        /** Remote configuration version applied (null: none yet, the local file's settings). */
        config: z.number().int().nonnegative().nullable(),
      })
      .strict(),
    /** The receipt printer's paper (unknown when there is none). */
    paper: PaperStateSchema,
    /** Free bytes on the data directory's file system (null when it cannot be read). */
    diskFreeBytes: z.number().int().nonnegative().nullable(),
    /** The last distinct error codes seen (devices, platform), newest first, at most 10. */
    lastErrorCodes: z.array(z.string().min(1).max(64)).max(10),
    /** Whether the terminal serves citizens, and why not. */
    inService: z.boolean(),
    outOfServiceReason: OutOfServiceReasonSchema.nullable(),
  })
  .strict();
export type TerminalHealth = z.infer<typeof TerminalHealthSchema>;
