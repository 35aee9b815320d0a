/** What the service does to the document, not part of the document's name: 打印 (print), 开具 / 出具 (issue), 申领 / 申请 / 办理 (apply). */
const ACTION_SUFFIX = /(打印|开具|出具|申领|申请|办理)$/u;
/** How a certifying document's name ends: 证明, 证书, 凭证, 清单, 记录, 单 (e.g. 缴费证明, 完税凭证, 参保缴费清单). */
const DOCUMENT_SUFFIX = /(证明|证书|凭证|清单|记录|单)$/u;

/**
 * The title of the certificate a service issues: the document it names, not
 * the service. "社会保险参保缴费证明打印" → "社会保险参保缴费证明",
 * "户籍证明开具" → "户籍证明", "无犯罪记录证明" stays. A bracketed
 * qualifier of the document stays ("纳税记录开具（个人所得税）" →
 * "纳税记录（个人所得税）"); one naming the office's district or county
 * ("（城东区）") is not the document's and goes. A name that names no
 * document gets "证明" ("婚姻登记记录查询" → "婚姻登记记录查询证明").
 */
export function certificateTitle(serviceName: string): string {
  const [, main = '', qualifier = ''] = /^(.*?)(（[^（）]*）)?$/u.exec(serviceName.trim()) ?? [];
  const kept = /[区县市]）$/u.test(qualifier) ? '' : qualifier;
  const document = main.replace(ACTION_SUFFIX, '');
  return DOCUMENT_SUFFIX.test(document) ? `${document}${kept}` : `${main}证明${kept}`;
}
