/**
 * What the voice is given to read for a prompt: the on-screen text with the
 * words espeak-ng mispronounces replaced by the same word in a form it reads
 * right. The screen keeps the original text.
 *
 *   zh-TW  身分 → 身份: Taiwan's standard form 身分 is read shēnfèn, but
 *          espeak-ng's Mandarin dictionary reads 分 there in tone 1 (fēn);
 *          身份 is the same word and is read with tone 4.
 */
export const SPOKEN_AS = {
  'zh-TW': [['身分', '身份']],
};

/**
 * `text` as the voice of `locale` should read it (see {@link SPOKEN_AS}).
 * @param {string} locale
 * @param {string} text
 * @returns {string}
 */
export function spokenForm(locale, text) {
  let out = text;
  for (const [written, spoken] of SPOKEN_AS[locale] ?? []) out = out.split(written).join(spoken);
  return out;
}
