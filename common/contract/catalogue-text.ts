import { z } from 'zod';

/**
 * Per-locale catalogue text ("i18n" of an item, a summary, a department or a
 * life event), as the platform sends it and the kiosk serves it. Chinese
 * (zh-CN) stays the item's own fields, the official text; this carries the
 * other kiosk languages where the platform has them. Every part is optional:
 * a text the platform lacks is absent, and the kiosk then shows the Chinese
 * one and says so once per screen.
 *
 * Bounded and checked like everything from the platform: each text is 1 to
 * the Chinese field's length limit, each map has a bounded number of keys,
 * and control, bidi-embedding/override/isolate and non-character code points
 * are refused (the kiosk isolates right-to-left text itself; a platform text
 * that carries its own overrides could reorder what a person reads). A
 * refusal fails the whole answer, with the path and this rule in the message.
 */

/** Locales the catalogue may carry text for besides zh-CN (the item's own fields). Unknown locales are dropped on parse. */
export const CATALOGUE_TEXT_LOCALES = ['zh-TW', 'en', 'ug'] as const;
/** One of {@link CATALOGUE_TEXT_LOCALES}. */
export type CatalogueTextLocale = (typeof CATALOGUE_TEXT_LOCALES)[number];

/**
 * Code points refused in catalogue text: C0 controls except tab and line feed,
 * DEL and C1 controls, bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), lone surrogates, U+FFFE/U+FFFF.
 */
// Without the `u` flag, so a lone surrogate half is matched as one unit.
const UNSAFE_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first refused code point of `text` as `U+XXXX`, or null when the text is safe to show. */
export function unsafeCodePoint(text: string): string | null {
  const m = UNSAFE_RE.exec(text);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** One text of `max` UTF-16 units at most, non-empty, without refused code points. */
export function catalogueText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .superRefine((s, ctx) => {
      const bad = unsafeCodePoint(s);
      if (bad) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `catalogue text must not contain control or bidi-override characters (found ${bad})` });
    });
}

/** A map of at most `maxKeys` entries with keys of 1–`keyMax` characters. */
function boundedRecord<T extends z.ZodTypeAny>(value: T, maxKeys: number, keyMax = 64) {
  return z.record(z.string().min(1).max(keyMax), value).refine((r) => Object.keys(r).length <= maxKeys, `at most ${maxKeys} entries`);
}

/** The texts of a summary (what lists show) in one locale. */
export const SummaryTextSchema = z.object({
  name: catalogueText(200).optional(),
  department: catalogueText(100).optional(),
});
export type SummaryText = z.infer<typeof SummaryTextSchema>;

/** Guide texts in one locale (same fields and limits as `ServiceDetail.guide`). */
export const GuideTextSchema = z.object({
  summary: catalogueText(2000).optional(),
  whoCanApply: catalogueText(2000).optional(),
  timeLimit: catalogueText(200).optional(),
  resultDelivery: catalogueText(500).optional(),
  feeDescription: catalogueText(500).optional(),
  legalBasis: catalogueText(2000).optional(),
});

/** A material's texts in one locale. */
export const MaterialTextSchema = z.object({ name: catalogueText(200).optional(), note: catalogueText(500).optional() });

/**
 * A form field's texts in one locale. `options` maps the Chinese option (the
 * value submitted to the platform, unchanged) to the text shown for it.
 */
export const FieldTextSchema = z.object({
  label: catalogueText(100).optional(),
  options: boundedRecord(catalogueText(100), 50, 100).optional(),
});
export type FieldText = z.infer<typeof FieldTextSchema>;

/** Every text of an item in one locale; materials and form fields are keyed by their ids. */
export const ItemTextSchema = SummaryTextSchema.extend({
  category: catalogueText(100).optional(),
  guide: GuideTextSchema.optional(),
  materials: boundedRecord(MaterialTextSchema, 50).optional(),
  form: boundedRecord(FieldTextSchema, 40).optional(),
});
export type ItemText = z.infer<typeof ItemTextSchema>;

/** `{ 'zh-TW'?, en?, ug? }` of a given per-locale text schema (other locales are dropped). */
export function perLocale<T extends z.ZodTypeAny>(text: T) {
  return z.object({ 'zh-TW': text.optional(), en: text.optional(), ug: text.optional() });
}

/** `ServiceDetail.i18n`: every text of the item per locale. */
export const ItemI18nSchema = perLocale(ItemTextSchema);
export type ItemI18n = z.infer<typeof ItemI18nSchema>;

/** `ServiceSummary.i18n`: name and department per locale. */
export const SummaryI18nSchema = perLocale(SummaryTextSchema);
export type SummaryI18n = z.infer<typeof SummaryI18nSchema>;

/** The name of a department or a life event per locale. */
export const NameI18nSchema = perLocale(z.object({ name: catalogueText(200).optional() }));
export type NameI18n = z.infer<typeof NameI18nSchema>;
