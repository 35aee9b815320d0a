import { describe, expect, it } from 'vitest';
import { buildTransactionReceipt } from './build-receipt';
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

  it('leaves out the ID line for an identity without an ID number', () => {
    const doc = buildTransactionReceipt(tx({ applicantName: 'Zhang San', applicantIdNumber: null }), site);
    expect(doc.lines.some((l) => l.label === '证件号码')).toBe(false);
    expect(value(doc, '申请人')).toBe('Z**** S**');
  });

  it('formats the submission time as local YYYY-MM-DD HH:mm', () => {
    const doc = buildTransactionReceipt(tx(), site);
    expect(value(doc, '提交时间')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});
