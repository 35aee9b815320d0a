import type { KioskLocale, ServiceDetail } from '../../../common/contract/schemas';
import type { ReceiptDocument } from '../../../drivers/receipt-printer/index';

/** The key labels a receipt repeats in the session's language (the Chinese lines above stay the official record). */
interface KeyLabels {
  receiptNumber: string;
  service: string;
  status: string;
  delivered: string;
  queued: string;
  timeLimit: string;
}

/**
 * The key labels in the kiosk's other languages. Kept here, not taken from
 * the renderer's locale files: the core may not import the renderer, and a
 * receipt says only these few things again.
 */
const KEY_LABELS: Record<Exclude<KioskLocale, 'zh-CN'>, KeyLabels> = {
  'zh-TW': { receiptNumber: '受理編號', service: '辦理事項', status: '狀態', delivered: '已提交', queued: '已保存，網路恢復後自動發送', timeLimit: '辦理時限' },
  en: { receiptNumber: 'Receipt No.', service: 'Service', status: 'Status', delivered: 'Submitted', queued: 'Saved, sent automatically when the network is back', timeLimit: 'Time limit' },
  ug: {
    receiptNumber: 'قوبۇل قىلىش نومۇرى',
    service: 'بېجىرىدىغان ئىش',
    status: 'ھالىتى',
    delivered: 'يوللاندى',
    queued: 'ساقلاندى، تور ئەسلىگە كەلگەندە ئاپتوماتىك يوللىنىدۇ',
    timeLimit: 'بېجىرىش ۋاقتى',
  },
};

/** One item of a receipt as the language block names it. */
export interface ReceiptItemFacts {
  receiptNumber: string;
  service: ServiceDetail;
  status: 'delivered' | 'queued';
}

/**
 * The lines that repeat a receipt's key facts in the session's language:
 * receipt number, service (its name in that language where the platform has
 * it), status and time limit, per item. None for Simplified Chinese or no
 * language. Uyghur lines are printed rasterised and shaped by the driver.
 */
export function sessionLanguageLines(items: readonly ReceiptItemFacts[], locale: KioskLocale | undefined): ReceiptDocument['lines'] {
  if (!locale || locale === 'zh-CN') return [];
  const labels = KEY_LABELS[locale];
  return items.flatMap((item) => {
    const text = item.service.i18n?.[locale];
    return [
      { label: labels.receiptNumber, value: item.receiptNumber },
      { label: labels.service, value: text?.name ?? item.service.name },
      { label: labels.status, value: item.status === 'delivered' ? labels.delivered : labels.queued },
      { label: labels.timeLimit, value: text?.guide?.timeLimit ?? item.service.guide.timeLimit },
    ];
  });
}
