import { z } from 'zod';
import { KioskErrorPayloadSchema } from './error-schemas';

/**
 * Messages on the loopback WebSocket. The client sends `call`; the host answers
 * each with exactly one `result` carrying the same `id`, and pushes `event`s.
 */
export const WireCallSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export type WireCall = z.infer<typeof WireCallSchema>;

export const WireResultSchema = z.union([
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(false), error: KioskErrorPayloadSchema }),
]);
export type WireResult = z.infer<typeof WireResultSchema>;

export const WireEventSchema = z.object({ type: z.literal('event'), channel: z.string(), payload: z.unknown() });
export type WireEvent = z.infer<typeof WireEventSchema>;

export { WIRE_MAX_MESSAGE_BYTES } from './wire-limits';
