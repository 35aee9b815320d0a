import type { CatalogueTextLocale, FieldText, ItemText } from '../../../common/contract/catalogue-text';
import type { FormField, ServiceDetail, ServiceSummary } from '../../../common/contract/schemas';
import type { CombinedForm } from '../../../common/domain/bundle-form';
import type { Locale } from './locales';

/** Han characters (CJK unified ideographs, extension A, compatibility): a text with none reads the same in every kiosk language (digits, codes). */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * A form field as shown: label in the person's language; `optionLabels` maps
 * each Chinese option (the value sent) that has a text in the person's
 * language to that text (show `optionLabels[o] ?? o`);
 * `labelChineseOnly` is true when the label is the Chinese one for want of a
 * translation (for screens that show some labels only, see {@link CatalogueTexts.note}).
 */
export type ShownField = FormField & { optionLabels: Readonly<Record<string, string>>; labelChineseOnly: boolean };

/** A material as shown; `nameChineseOnly` as `labelChineseOnly` of {@link ShownField}. */
export type ShownMaterial = ServiceDetail['materials'][number] & { nameChineseOnly: boolean };

/** What the guide screen shows of an item, in the person's language where the catalogue has it. */
export interface ShownGuide extends Omit<ServiceDetail['guide'], 'feeDescription'> {
  name: string;
  materials: ShownMaterial[];
}

/** What the form, pre-check and confirm screens show of a single item or a bundle's combined form. */
export interface ShownApplication {
  name: string;
  /** True when `name` is the Chinese one for want of a translation. */
  nameChineseOnly: boolean;
  form: ShownField[];
  materials: ShownMaterial[];
}

/** Per-locale text of anything that has a Chinese `name`. */
type Named = { name: string; i18n?: Partial<Record<CatalogueTextLocale, { name?: string | undefined }>> | undefined };

/**
 * Catalogue text in the person's language, for one screen render. Each method
 * returns a copy with the texts of `locale` where the catalogue has them and
 * the Chinese text where it has not; {@link chineseOnly} turns true the first
 * time a Chinese text had to stand in (a text without Han characters, such as
 * "200" or a code, needs no translation and does not count), so the screen
 * can say so once instead of mixing languages silently. In zh-CN everything
 * is the catalogue's own text and nothing is ever Chinese-only.
 *
 * Values the platform receives (form options, department filters, codes)
 * stay Chinese: only what is shown changes.
 */
export class CatalogueTexts {
  /** True once any shown text is the Chinese one for want of a translation. */
  chineseOnly = false;

  constructor(readonly locale: Locale) {}

  /** `local` when it is there, else `zh` (noted as Chinese-only when it has Han characters). */
  pick(zh: string, local: string | undefined): string {
    if (this.isChineseOnly(zh, local)) this.chineseOnly = true;
    return this.locale === 'zh-CN' || !local ? zh : local;
  }

  /** True when showing `zh` for want of `local` leaves Chinese on a screen in another language. */
  isChineseOnly(zh: string, local: string | undefined): boolean {
    return this.locale !== 'zh-CN' && !local && HAN.test(zh);
  }

  /** Notes a text shown elsewhere as Chinese-only (a screen that shows a few of a form's labels, looked up in a quiet copy). */
  note(chineseOnly: boolean): void {
    if (chineseOnly) this.chineseOnly = true;
  }

  /** The texts of this locale in an `i18n` map, undefined in zh-CN or when absent. */
  textOf<T>(i18n: Partial<Record<CatalogueTextLocale, T>> | undefined): T | undefined {
    return this.locale === 'zh-CN' ? undefined : i18n?.[this.locale];
  }

  /** A life event, a department or anything with a per-locale name. */
  named<T extends Named>(n: T): T {
    return { ...n, name: this.pick(n.name, this.textOf(n.i18n)?.name) };
  }

  /** A list row: name and department. */
  summary<T extends ServiceSummary>(s: T): T {
    const t = this.textOf(s.i18n);
    return { ...s, name: this.pick(s.name, t?.name), department: this.pick(s.department, t?.department) };
  }

  /** A form field with its label and option texts. */
  field(f: FormField, t: FieldText | undefined): ShownField {
    const optionLabels: Record<string, string> = {};
    for (const o of f.options ?? []) {
      const local = t?.options?.[o];
      this.pick(o, local);
      if (local && this.locale !== 'zh-CN') optionLabels[o] = local;
    }
    return { ...f, label: this.pick(f.label, t?.label), optionLabels, labelChineseOnly: this.isChineseOnly(f.label, t?.label) };
  }

  /** A material with its name and note. */
  material(m: ServiceDetail['materials'][number], t: NonNullable<ItemText['materials']>[string] | undefined): ShownMaterial {
    return {
      ...m,
      name: this.pick(m.name, t?.name),
      note: m.note === null ? null : this.pick(m.note, t?.note),
      nameChineseOnly: this.isChineseOnly(m.name, t?.name),
    };
  }

  /**
   * What the guide screen shows of an item: name, the guide texts (not the
   * fee sentence: the screen states the fee itself) and the materials. The
   * form and the department are not shown there, so they are not looked at.
   */
  guide(d: ServiceDetail): ShownGuide {
    const t = this.textOf(d.i18n);
    const g = d.guide;
    const tg = t?.guide;
    return {
      name: this.pick(d.name, t?.name),
      summary: this.pick(g.summary, tg?.summary),
      whoCanApply: this.pick(g.whoCanApply, tg?.whoCanApply),
      timeLimit: this.pick(g.timeLimit, tg?.timeLimit),
      resultDelivery: this.pick(g.resultDelivery, tg?.resultDelivery),
      legalBasis: this.pick(g.legalBasis, tg?.legalBasis),
      materials: d.materials.map((m) => this.material(m, t?.materials?.[m.id])),
    };
  }

  /**
   * The application being filled in: the single item's, or a bundle's
   * combined form, whose fields and materials take their text from the item
   * each first came from (`fieldSources`, `materialSources`).
   */
  application(
    service: ServiceDetail | null,
    bundle: { name: string; i18n?: Named['i18n']; items: readonly ServiceDetail[]; combined: CombinedForm | null } | null,
  ): ShownApplication | null {
    if (bundle?.combined) {
      const byCode = new Map(bundle.items.map((i) => [i.code, i]));
      const { combined } = bundle;
      const textOfSource = (sources: CombinedForm['fieldSources'][string] | undefined) => {
        const first = sources?.[0];
        return first ? { text: this.textOf(byCode.get(first.itemCode)?.i18n), id: first.id } : null;
      };
      const nameText = this.textOf(bundle.i18n)?.name;
      return {
        name: this.pick(bundle.name, nameText),
        nameChineseOnly: this.isChineseOnly(bundle.name, nameText),
        form: combined.form.map((f) => {
          const s = textOfSource(combined.fieldSources[f.id]);
          return this.field(f, s ? s.text?.form?.[s.id] : undefined);
        }),
        materials: combined.materials.map((m) => {
          const s = textOfSource(combined.materialSources[m.id]);
          return this.material(m, s ? s.text?.materials?.[s.id] : undefined);
        }),
      };
    }
    if (!service) return null;
    const t = this.textOf(service.i18n);
    return {
      name: this.pick(service.name, t?.name),
      nameChineseOnly: this.isChineseOnly(service.name, t?.name),
      form: service.form.map((f) => this.field(f, t?.form?.[f.id])),
      materials: service.materials.map((m) => this.material(m, t?.materials?.[m.id])),
    };
  }
}
