import { describe, expect, it, afterEach, beforeEach } from 'vitest';
import { z } from 'zod';
import { CardTypeSchema, DeviceStatusSchema } from '../../common/contract/schemas';
import type { IdCardReader, SimCard } from '../../drivers/idcard/index';
import { rejection, until } from './support';

/** The exact JSON object of `kioskctl idcard read --json` (issue 3). */
export const IdCardDataSchema = z
  .object({
    cardType: CardTypeSchema,
    name: z.string(),
    englishName: z.string().nullable(),
    gender: z.enum(['0', '1', '2', '9']),
    genderLabel: z.string().min(1),
    nation: z.string().regex(/^\d{2}$/).nullable(),
    nationLabel: z.string().nullable(),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    address: z.string().nullable(),
    idNumber: z.string().min(1),
    idNumberValid: z.boolean(),
    issuer: z.string().nullable(),
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    validTo: z.string().regex(/^(\d{4}-\d{2}-\d{2}|long-term)$/),
    expired: z.boolean(),
    passNumber: z.string().nullable(),
    issueCount: z.string().nullable(),
    nationality: z.string().nullable(),
    photoWlt: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
    fingerprint: z.string().nullable(),
  })
  .strict();

/** What one contract run needs: a reader, and (simulator only) hands to place and lift a card. */
export interface ContractTarget {
  reader: IdCardReader;
  /** Present when the test can put a card on the reader; hardware runs expect a person to have placed one. */
  placeCard?: (card: SimCard) => void;
  liftCard?: () => void;
  teardown(): Promise<void>;
}

/** How to run the contract against one target. */
export interface ContractOptions {
  setup(): Promise<ContractTarget>;
  /** The card the simulator places (ignored on hardware). */
  card(): SimCard;
  /** True when the target can place and lift cards on demand (the simulator); hardware skips those cases. */
  controlsCard: boolean;
}

/** The ID card reader contract: the same suite for the simulator and, opt-in, a real reader. */
export function idCardReaderContract(label: string, { setup, card, controlsCard }: ContractOptions): void {
  describe(`ID card reader contract: ${label}`, () => {
    let t: ContractTarget;
    beforeEach(async () => {
      t = await setup();
    });
    afterEach(async () => {
      await t.teardown();
    });

    it('reports a valid DeviceStatus that becomes online', async () => {
      await until(() => t.reader.status.state === 'online', 5000);
      expect(DeviceStatusSchema.parse(t.reader.status)).toEqual(t.reader.status);
      expect(t.reader.status.device).toBe('idcard');
    });

    it('returns a 16-byte SAM id', async () => {
      expect((await t.reader.samId()).length).toBe(16);
    });

    it('reads a card into exactly the kioskctl JSON object', async () => {
      t.placeCard?.(card());
      const data = await t.reader.read({ waitMs: 5000 });
      expect(IdCardDataSchema.parse(data)).toEqual(data);
    });

    it('reads with fingerprint (or null when the card has none)', async () => {
      t.placeCard?.(card());
      const data = await t.reader.read({ waitMs: 5000, fingerprint: true });
      expect(data.fingerprint === null || Buffer.from(data.fingerprint, 'base64').length > 0).toBe(true);
    });

    it.skipIf(!controlsCard)('rejects SW3 80 without a card', async () => {
      t.liftCard?.();
      const e = await rejection(t.reader.read({ waitMs: 0 }));
      expect([e.kind, e.classCode]).toEqual(['NoMedia', '80']);
    });

    it.skipIf(!controlsCard)('emits presented, read and removed while polling', async () => {
      const seen: string[] = [];
      t.reader.on('cardPresented', () => seen.push('presented'));
      t.reader.on('cardRead', () => seen.push('read'));
      t.reader.on('cardRemoved', () => seen.push('removed'));
      t.liftCard?.();
      t.reader.startPolling();
      await until(() => t.reader.status.state === 'online', 5000);
      t.placeCard?.(card());
      await until(() => seen.includes('read'), 5000);
      t.liftCard?.();
      await until(() => seen.includes('removed'), 5000);
      t.reader.stopPolling();
      expect(seen).toEqual(['presented', 'read', 'removed']);
    });
  });
}
