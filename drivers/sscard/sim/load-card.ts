import { fileURLToPath } from 'node:url';
import { loadJsonFile } from '../../base/load-json-file';
import { SimSsCardSchema, type SimSsCard } from './card-format';

/**
 * Reads and validates a simulated social-security card JSON file. Throws an
 * Error naming the file and the first problem when it cannot be read, is not
 * JSON or does not match {@link SimSsCardSchema}.
 */
export function loadSimSsCard(path: string): SimSsCard {
  return loadJsonFile(path, SimSsCardSchema, 'card file');
}

const card = (file: string) => fileURLToPath(new URL(`./cards/${file}`, import.meta.url));

/** Paths of the shipped sample cards (fictional people): a valid card, an expired one, and a card without SSSE. */
export const SS_SAMPLE_CARDS: Record<'sample' | 'expired' | 'notSsCard', string> = {
  sample: card('sample.json'),
  expired: card('expired.json'),
  notSsCard: card('not-sscard.json'),
};
