/**
 * Plain-language (群众语言) guide sentences for generated items. Short
 * sentences, everyday words, no official jargon.
 */

/** Summary sentence for an item, from its subject, action, type code and scope. */
export function summaryFor(subject: string, name: string, action: string, type: string, scope: string | null): string {
  const scopeNote = scope ? `适用于“${scope}”的情况。` : '';
  if (action.includes('查询')) return `在这里可以查${subject}的情况，结果当场显示，需要的话可以打印出来。${scopeNote}`;
  if (action.includes('预约')) return `先在这里预约${subject}，按预约的时间去办，不用排长队。${scopeNote}`;
  if (action.includes('开具') || action.includes('打印')) return `需要${subject}的证明时，在这里申请，当场打印，带核验二维码。${scopeNote}`;
  if (action.includes('投诉') || action.includes('受理')) return `遇到${subject}方面的问题，可以在这里反映，工作人员会联系您处理。${scopeNote}`;
  switch (type) {
    case 'XK':
      return `做这件事要先拿到政府的许可。在这里提交“${name}”申请，材料齐全、审核通过后发给您证件。${scopeNote}`;
    case 'QR':
      return `在这里办理“${name}”，把您的情况登记到政府的系统里，以后办别的事不用再交一遍。${scopeNote}`;
    case 'JF':
      return `符合条件的，可以在这里申请“${name}”，审核通过后钱直接打到您本人的银行卡。${scopeNote}`;
    case 'ZS':
      return `在这里办理“${name}”，可以当场扫码支付，交完就出凭证。${scopeNote}`;
    case 'CJ':
      return `有争议需要政府来评理的，在这里提交“${name}”，会有专人联系您。${scopeNote}`;
    default:
      return `在这里可以办理“${name}”，按屏幕提示一步一步来就行。${scopeNote}`;
  }
}

/** Where the result goes, by output and whether the item completes offline. */
export function resultDeliveryFor(output: 'receipt' | 'certificate' | 'none', queueable: boolean): string {
  if (output === 'certificate') return '当场在本机打印，带防伪核验二维码；也可以在“我的证照”里随时查看。';
  if (output === 'none') return '预约或登记成功后，会用短信告诉您办理的时间和地点。';
  if (!queueable) return '结果当场显示在屏幕上，需要的话可以打印。';
  return '提交后打印受理回执，请保管好回执号；办理结果会用短信告诉您，证件可以邮寄到家（邮费到付）或到窗口领取。';
}

/** Fee sentence; `feeFen` in fen (1/100 yuan). */
export function feeDescriptionFor(feeFen: number): string {
  if (feeFen === 0) return '不收费。';
  const yuan = (feeFen / 100).toFixed(feeFen % 100 === 0 ? 0 : 2);
  return `收费${yuan}元，可以在本机用微信、支付宝或银行App扫码支付。`;
}
