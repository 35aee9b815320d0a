import { describe, expect, it } from 'vitest';
import { buildTransactionReceipt, PAY_LATER_HOW, PAYMENT_CHANNEL } from './build-receipt';
import type { SessionTransaction } from '../services/transactions-service';
import { RESIDENT, sampleService } from '../../../tests/core/support/fixtures';

function tx(overrides: Partial<SessionTransaction> = {}): SessionTransaction {
  return {
    id: '0190f3a2-7b1c-7d00-8000-000000000001',
    receiptNumber: 'SQ20261121000001',
    createdAt: '2026-11-21T08:30:00.000Z',
    status: 'delivered',
    service: sampleService(),
    applicantName: RESIDENT.name,
    applicantIdNumber: RESIDENT.idNumber,
    ...overrides,
  };
}

const site = { siteName: '东城区政务服务中心', deviceId: 'abcdef12-3456-7890-abcd-ef1234567890' };

function value(doc: ReturnType<typeof buildTransactionReceipt>, label: string): string | undefined {
  return doc.lines.find((l) => l.label === label)?.value;
}

describe('buildTransactionReceipt', () => {
  it('prints only the masked name and ID number', () => {
    const doc = buildTransactionReceipt(tx(), site);
    expect(value(doc, '申请人')).toBe('李**');
    expect(value(doc, '证件号码')).toBe('1101**********1230');
    const everything = JSON.stringify(doc);
    expect(everything).not.toContain(RESIDENT.name);
    expect(everything).not.toContain(RESIDENT.idNumber);
  });

  it('carries the receipt number, the service, its department and time limit, and a QR with number and id', () => {
    const doc = buildTransactionReceipt(tx(), site);
    expect(value(doc, '受理编号')).toBe('SQ20261121000001');
    expect(value(doc, '办理事项')).toBe('社会保障卡申领');
    expect(value(doc, '受理部门')).toBe('人社局');
    expect(value(doc, '办理时限')).toBe('10个工作日');
    expect(doc.qr).toBe('ZWFW:SQ20261121000001:0190f3a2-7b1c-7d00-8000-000000000001');
    expect(value(doc, '终端')).toBe('东城区政务服务中心 abcdef12');
  });

  it('says "submitted" or "saved, will be sent" by delivery status', () => {
    expect(value(buildTransactionReceipt(tx({ status: 'delivered' }), site), '状态')).toBe('已提交');
    expect(value(buildTransactionReceipt(tx({ status: 'queued' }), site), '状态')).toBe('已保存，网络恢复后自动发送');
  });

  it('names the materials to hand in at the window (captured elsewhere, not here), and says nothing when there are none', () => {
    const service = sampleService();
    const withPhoto = { ...service, materials: [...service.materials.map((m) => ({ ...m, capture: 'photo' as const })), { id: 'm9', name: '户口簿', required: true, note: null, electronic: false, capture: 'scan' as const }] };
    expect(value(buildTransactionReceipt(tx({ service: withPhoto }), site), '请到窗口交')).toBe('近期免冠照片、户口簿');
    expect(value(buildTransactionReceipt(tx(), site), '请到窗口交')).toBeUndefined();
  });

  it('stays Chinese, and repeats the key facts in the session\u2019s language at the end (the service\u2019s own name there where the platform has it)', () => {
    const service = { ...sampleService(), i18n: { en: { name: 'Applying for a social security card' } } };
    const zh = buildTransactionReceipt(tx({ service, status: 'queued' }), site);
    const en = buildTransactionReceipt(tx({ service, status: 'queued' }), site, () => null, 'en');
    expect(en.lines.slice(0, zh.lines.length)).toEqual(zh.lines);
    expect(en.lines.slice(zh.lines.length)).toEqual([
      { label: 'Receipt No.', value: 'SQ20261121000001' },
      { label: 'Service', value: 'Applying for a social security card' },
      { label: 'Status', value: 'Saved, sent automatically when the network is back' },
      { label: 'Time limit', value: '10个工作日' },
    ]);
    const ug = buildTransactionReceipt(tx(), site, () => null, 'ug');
    expect(ug.lines.slice(buildTransactionReceipt(tx(), site).lines.length).map((l) => l.label)).toEqual(['قوبۇل قىلىش نومۇرى', 'بېجىرىدىغان ئىش', 'ھالىتى', 'بېجىرىش ۋاقتى']);
    expect(value(ug, 'بېجىرىدىغان ئىش'), 'no Uyghur name from the platform: the Chinese one').toBe('社会保障卡申领');
    expect(buildTransactionReceipt(tx(), site, () => null, 'zh-CN').lines).toEqual(buildTransactionReceipt(tx(), site).lines);
  });

  it('leaves out the ID line for an identity without an ID number', () => {
    const doc = buildTransactionReceipt(tx({ applicantName: 'Zhang San', applicantIdNumber: null }), site);
    expect(doc.lines.some((l) => l.label === '证件号码')).toBe(false);
    expect(value(doc, '申请人')).toBe('Z**** S**');
  });

  it('dates the submission in the terminal\'s time zone (Beijing by default), not the process\'s', () => {
    const late = tx({ createdAt: '2026-12-06T23:30:00.000Z' });
    expect(value(buildTransactionReceipt(late, site), '提交时间')).toBe('2026-12-07 07:30');
    expect(value(buildTransactionReceipt(late, { ...site, timeZone: 'UTC' }), '提交时间')).toBe('2026-12-06 23:30');
  });

  it('states a paid fee: amount, payment channel, 已缴费 and when, in the terminal\'s zone', () => {
    const doc = buildTransactionReceipt(tx(), site, () => ({ state: 'paid', amountFen: 2000, paidAt: '2026-12-06T23:31:00.000Z' }));
    expect(value(doc, '缴费金额')).toBe('20.00 元');
    expect(value(doc, '缴费方式')).toBe(PAYMENT_CHANNEL);
    expect(value(doc, '缴费状态')).toBe('已缴费');
    expect(value(doc, '缴费时间')).toBe('2026-12-07 07:31');
  });

  it('states a fee left for later: amount due, 未缴费 and how to pay later; no fee lines without a fee', () => {
    const doc = buildTransactionReceipt(tx(), site, () => ({ state: 'due', amountFen: 2000 }));
    expect(value(doc, '应缴金额')).toBe('20.00 元');
    expect(value(doc, '缴费状态')).toBe('未缴费');
    expect(value(doc, '缴费办法')).toBe(PAY_LATER_HOW);
    expect(buildTransactionReceipt(tx(), site).lines.some((l) => l.label.startsWith('缴费') || l.label === '应缴金额')).toBe(false);
  });
});
