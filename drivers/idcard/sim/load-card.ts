import { fileURLToPath } from 'node:url';
import { loadJsonFile } from '../../base/load-json-file';
import { SimCardSchema, type SimCard } from './card-format';

/**
 * Reads and validates a simulated card JSON file. Throws an Error naming the
 * file and the first problem when it cannot be read, is not JSON or does
 * not match {@link SimCardSchema}.
 */
export function loadSimCard(path: string): SimCard {
  return loadJsonFile(path, SimCardSchema, 'card file');
}

const card = (file: string) => fileURLToPath(new URL(`./cards/${file}`, import.meta.url));

/** Paths of the shipped sample cards (fictional people), one per card type. */
export const SAMPLE_CARDS: Record<'resident' | 'hmt' | 'foreign2017' | 'foreign2023', string> = {
  resident: card('resident.json'),
  hmt: card('hmt-residence-permit.json'),
  foreign2017: card('foreign-permanent-2017.json'),
  foreign2023: card('foreign-permanent-2023.json'),
};

/** Further sample cards for edge cases: a bad check digit, an expired card, a long-term card with appended address and fingerprint. */
export const EDGE_CASE_CARDS: Record<'badCheckDigit' | 'expired' | 'longTerm', string> = {
  badCheckDigit: card('resident-bad-check-digit.json'),
  expired: card('resident-expired.json'),
  longTerm: card('resident-long-term.json'),
};
