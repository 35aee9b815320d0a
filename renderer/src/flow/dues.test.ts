import { describe, expect, it } from 'vitest';
import type { BundleSubmitResult, ServiceDetail, SubmitResult } from '../../../common/contract/schemas';
import { TEST_CATALOGUE } from '../testing/test-kiosk-api';
import { certificateDues, dueProgress, feeDues } from './dues';
import type { BundleFlow } from './flow-types';

const byCode = (code: string) => TEST_CATALOGUE.find((s) => s.code === code)!;
const FEE = byCode('ZS00401001');
const CERT = byCode('GG00601001');
const FREE = byCode('GG00501001');

function bundleOf(items: ServiceDetail[], statuses: Array<'delivered' | 'queued'>): BundleFlow {
  const result: BundleSubmitResult = {
    bundleId: 'b',
    bundleRef: 'ref',
    items: items.map((i, n) => ({ id: `tx-${n}`, receiptNumber: `R${n}`, status: statuses[n]!, createdAt: '2026-11-22T00:00:00Z', serviceCode: i.code, serviceName: i.name })),
  };
  return { id: 'b', name: 'B', itemCodes: items.map((i) => i.code), items, chosen: items.map((i) => i.code), combined: null, result };
}

describe('what a submission still asks of the person (fees, certificates)', () => {
  it('a single item: its fee or certificate only when it was delivered', () => {
    const delivered: SubmitResult = { id: 'tx', receiptNumber: 'R1', status: 'delivered', createdAt: '' };
    expect(feeDues({ service: FEE, bundle: null, result: delivered })).toEqual([{ transactionId: 'tx', receiptNumber: 'R1', serviceCode: FEE.code, serviceName: FEE.name, feeFen: FEE.feeFen }]);
    expect(feeDues({ service: FEE, bundle: null, result: { ...delivered, status: 'queued' } })).toEqual([]);
    expect(feeDues({ service: FREE, bundle: null, result: delivered })).toEqual([]);
    expect(certificateDues({ service: CERT, bundle: null, result: delivered }).map((d) => d.transactionId)).toEqual(['tx']);
    expect(certificateDues({ service: FEE, bundle: null, result: delivered })).toEqual([]);
  });

  it('a bundle: each delivered fee item and each delivered certificate item, in bundle order; queued ones wait for the receipt number', () => {
    const bundle = bundleOf([FREE, FEE, CERT, FEE], ['delivered', 'delivered', 'delivered', 'queued']);
    expect(feeDues({ service: null, bundle, result: null }).map((d) => d.transactionId)).toEqual(['tx-1']);
    expect(certificateDues({ service: null, bundle, result: null }).map((d) => d.serviceName)).toEqual([CERT.name]);
  });

  it('progress: the first unsettled due, its position and how many are left after it', () => {
    const bundle = bundleOf([FEE, FREE, FEE], ['delivered', 'delivered', 'delivered']);
    const dues = feeDues({ service: null, bundle, result: null });
    expect(dueProgress(dues, [])).toMatchObject({ current: { transactionId: 'tx-0' }, index: 1, count: 2, remaining: 1 });
    expect(dueProgress(dues, ['tx-0'])).toMatchObject({ current: { transactionId: 'tx-2' }, index: 2, count: 2, remaining: 0 });
    expect(dueProgress(dues, ['tx-0', 'tx-2'])).toMatchObject({ current: null, count: 2, remaining: 0 });
  });
});
