import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DeviceStatusSchema } from '../../common/contract/schemas';
import type { SsCardReader } from '../../drivers/sscard/index';
import { until } from '../idcard/support';

/** The exact JSON object of `kioskctl sscard read --json`. */
export const SsCardDataSchema = z
  .object({
    cardNumber: z.string().min(1),
    idNumber: z.string().regex(/^\d{17}[\dX]$/),
    idNumberValid: z.boolean(),
    name: z.string().min(1),
    gender: z.enum(['0', '1', '2', '9']),
    genderLabel: z.string().min(1),
    nation: z.string().regex(/^\d{2}$/),
    nationLabel: z.string().nullable(),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    birthPlace: z.string().regex(/^\d*$/),
    issuingRegion: z.string().regex(/^\d{6}$/),
    cardIdentifier: z.string().regex(/^[0-9A-F]{32}$/),
    issueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    expired: z.boolean(),
  })
  .strict();

/** One contract run's target: a reader, and (virtual card only) hands to insert and remove the card. */
export interface SsContractTarget {
  reader: SsCardReader;
  insertCard?: () => Promise<void>;
  removeCard?: () => Promise<void>;
  teardown(): Promise<void>;
}

/** The social-security card reader contract: the same suite for the virtual card and, opt-in, a real reader with a card. */
export function ssCardReaderContract(label: string, options: { setup(): Promise<SsContractTarget>; controlsCard: boolean }): void {
  describe(`social-security card reader contract: ${label}`, () => {
    let t: SsContractTarget;
    beforeEach(async () => {
      t = await options.setup();
    });
    afterEach(async () => {
      await t.teardown();
    });

    it('reports a valid DeviceStatus that is online', async () => {
      await until(() => t.reader.status.state === 'online', 5000);
      expect(DeviceStatusSchema.parse(t.reader.status)).toEqual(t.reader.status);
      expect(t.reader.status.device).toBe('sscard');
    });

    it('reads a card into exactly the kioskctl JSON object', async () => {
      await t.insertCard?.();
      const data = await t.reader.read({ waitMs: 5000 });
      expect(SsCardDataSchema.parse(data)).toEqual(data);
    });

    it('reads the same card twice in a row', async () => {
      await t.insertCard?.();
      const first = await t.reader.read({ waitMs: 5000 });
      expect(await t.reader.read({ waitMs: 5000 })).toEqual(first);
    });

    it.skipIf(!options.controlsCard)('refuses no-card (NoMedia) when the reader is empty', async () => {
      await t.removeCard?.();
      await expect(t.reader.read({ waitMs: 1000 })).rejects.toMatchObject({ refusal: 'no-card', kind: 'NoMedia', classCode: 'no-card' });
    });

    it.skipIf(!options.controlsCard)('emits cardPresented and cardRemoved while polling', async () => {
      const seen: string[] = [];
      t.reader.on('cardPresented', () => seen.push('presented'));
      t.reader.on('cardRemoved', () => seen.push('removed'));
      await t.removeCard?.();
      t.reader.startPolling();
      await new Promise((r) => setTimeout(r, 200));
      await t.insertCard?.();
      await until(() => seen.includes('presented'), 5000);
      await t.removeCard?.();
      await until(() => seen.includes('removed'), 5000);
      t.reader.stopPolling();
      expect(seen).toEqual(['presented', 'removed']);
    });
  });
}
