import { KioskError } from '../../common/contract/errors';
import type { KioskImplementation } from '../../common/contract/kiosk-contract';

const SESSION_IDLE = { sessionId: null, stage: 'idle', identity: null } as const;

/** A delegation that never starts (the transport tests do not exercise 代办). */
const NO_DELEGATION = { state: 'none', route: null, relation: null, principal: null, services: null, expiresAt: null, refusal: null } as const;

/**
 * In-memory KioskImplementation for transport tests: deterministic values,
 * one session that `identifyByQr` opens and `end` closes, and `KioskError`s
 * with stable codes (`not-found`, `no-session`) for the error paths.
 * `calls` records every (channel, input) it received, after validation;
 * `technician.status` answers a fixed summary and records its caller's
 * connection id in `callers`.
 */
export class TestKioskImplementation implements KioskImplementation {
  readonly calls: Array<{ channel: string; input: unknown }> = [];
  /** Connection id of every `technician.status` call that reached the implementation. */
  readonly callers: string[] = [];
  private person: { sessionId: string; name: string } | null = null;

  private record(channel: string, input: unknown): void {
    this.calls.push({ channel, input });
  }

  readonly system: KioskImplementation['system'] = {
    info: async (input) => {
      this.record('system:info', input);
      return {
        version: '0.0.0-test',
        deviceId: 'TEST-0001',
        simulated: true,
        idleTimeoutSeconds: 90,
        countdownSeconds: 15,
        defaultLocale: 'zh-CN',
        theme: { siteName: '测试服务中心', partner: null, primaryColor: '#1A5FB4', logoUrl: null, openingHours: null, staffAssist: false },
      };
    },
    rendererReady: async (input) => {
      this.record('system:rendererReady', input);
      return { ok: true as const };
    },
    requestStaff: async (input) => {
      this.record('system:requestStaff', input);
      return { ok: true as const };
    },
    touched: async (input) => {
      this.record('system:touched', input);
      return { ok: true as const };
    },
    serviceState: async (input) => {
      this.record('system:serviceState', input);
      return { inService: true, reason: null };
    },
  };

  readonly session: KioskImplementation['session'] = {
    current: async () => this.view(),
    begin: async () => this.view(),
    identifyByQr: async (input) => {
      this.record('session:identifyByQr', input);
      this.person = { sessionId: 'S-1', name: input.payload };
      return this.view();
    },
    reveal: async () => {
      if (!this.person) throw new KioskError('no-session', 'nobody is identified');
      return { name: this.person.name, idNumber: null };
    },
    end: async () => {
      this.person = null;
      return this.view();
    },
  };

  readonly delegation: KioskImplementation['delegation'] = {
    current: async () => NO_DELEGATION,
    start: async () => {
      if (!this.person) throw new KioskError('no-session', 'nobody is identified');
      return NO_DELEGATION;
    },
    useAuthorisation: async () => NO_DELEGATION,
    checkGuardian: async () => NO_DELEGATION,
    setRelation: async () => NO_DELEGATION,
    stop: async () => NO_DELEGATION,
  };

  readonly catalogue: KioskImplementation['catalogue'] = {
    overview: async () => ({ catalogueVersion: 1, departments: [], lifeEvents: [], popular: [] }),
    search: async (input) => {
      this.record('catalogue:search', input);
      return { items: [], total: 0, catalogueVersion: 1 };
    },
    get: async (input) => {
      throw new KioskError('not-found', `no service ${input.code}`, { code: input.code });
    },
  };

  readonly transactions: KioskImplementation['transactions'] = {
    precheck: async () => ({ ok: true, problems: [] }),
    submit: async () => ({ id: 'T-1', receiptNumber: 'R-0001', status: 'queued', createdAt: '2026-01-01T00:00:00.000Z' }),
    precheckBundle: async () => ({ ok: true, problems: [] }),
    submitBundle: async (input) => ({
      bundleId: input.bundleId,
      bundleRef: 'B-1',
      items: input.itemCodes.map((code, n) => ({ id: `T-${n + 1}`, receiptNumber: `R-000${n + 1}`, status: 'queued' as const, createdAt: '2026-01-01T00:00:00.000Z', serviceCode: code, serviceName: code })),
    }),
  };

  readonly queries: KioskImplementation['queries'] = {
    run: async (input) => ({ id: 'Q-1', serviceCode: input.serviceCode, serviceName: input.serviceCode, title: '查询结果', askedAt: '2026-01-01T00:00:00.000Z', sections: [], note: '' }),
    reveal: async (input) => ({ id: input.id, serviceCode: 'S', serviceName: 'S', title: '查询结果', askedAt: '2026-01-01T00:00:00.000Z', sections: [], note: '' }),
  };

  readonly printer: KioskImplementation['printer'] = {
    printReceipt: async (input) => ({ jobId: 'J-1', kind: 'receipt', transactionId: input.transactionId, state: 'queued', reason: null, progress: 0 }),
    reprint: async (input) => ({ jobId: input.jobId, kind: 'receipt', transactionId: null, state: 'queued', reason: null, progress: 0 }),
    printCertificate: async (input) => ({ jobId: 'C-1', kind: 'certificate', transactionId: input.transactionId, state: 'queued', reason: null, progress: 0 }),
    printQueryResult: async () => ({ jobId: 'J-Q', kind: 'receipt', transactionId: null, state: 'queued', reason: null, progress: 0 }),
  };

  readonly payment: KioskImplementation['payment'] = {
    create: async (input) => ({ paymentId: 'P-1', transactionId: input.transactionId, amountFen: 2000, qrPayload: 'PAY:P-1', expiresAt: '2026-01-01T00:05:00.000Z' }),
    status: async (input) => ({ paymentId: input.paymentId, status: 'pending' }),
    cancel: async (input) => ({ paymentId: input.paymentId, status: 'cancelled' }),
  };

  readonly rating: KioskImplementation['rating'] = {
    submit: async () => {
      throw new Error('a bug with a secret 110101199003077777 inside');
    },
  };

  readonly devices: KioskImplementation['devices'] = {
    list: async () => [],
  };

  readonly connectivity: KioskImplementation['connectivity'] = {
    status: async () => ({ state: 'online', pending: 0, lastContactAt: null }),
  };

  readonly input: KioskImplementation['input'] = {
    candidates: async (input) => {
      this.record('input:candidates', input);
      return { candidates: input.pinyin === 'zhang' ? [{ text: '张', pinyin: 'zhang' }] : [] };
    },
  };

  readonly technician: KioskImplementation['technician'] = {
    status: async (input, context) => {
      this.record('technician:status', input);
      this.callers.push(context.connection.id);
      return { version: '0.0.0-test', deviceId: 'TEST-0001', devices: [], connectivity: 'online', queue: { pending: 2, inFlight: 0, accepted: 5, rejected: 0, needsAttention: 0, oldestPendingAgeSeconds: 30 }, keyProtection: 'key-file', at: '2026-01-01T00:00:00.000Z' };
    },
    printTestReceipt: async (input) => {
      this.record('technician:printTestReceipt', input);
      return { state: 'done', reason: null };
    },
    syncNow: async (input) => {
      this.record('technician:syncNow', input);
      return { drained: true, reachable: true, sent: 0, rejected: 0 };
    },
    handBack: async (input) => {
      this.record('technician:handBack', input);
      return { ok: true };
    },
    testCard: async (input) => {
      this.record('technician:testCard', input);
      return { state: 'no-card', reason: 'NoMedia', fields: [], elapsedMs: 0 };
    },
    testScan: async (input) => {
      this.record('technician:testScan', input);
      return { state: 'no-scan', reason: null, payloadType: null, length: 0, masked: null, elapsedMs: 0 };
    },
    printTestA4: async (input) => {
      this.record('technician:printTestA4', input);
      return { state: 'failed', reason: 'offline', jobId: null, elapsedMs: 0 };
    },
    discoverDevices: async (input) => {
      this.record('technician:discoverDevices', input);
      return { serial: [], hid: [], assignments: [] };
    },
    assignDevice: async (input) => {
      this.record('technician:assignDevice', input);
      return { ok: false, reason: 'not-listed' };
    },
    attention: async (input) => {
      this.record('technician:attention', input);
      return [];
    },
    retryAttention: async (input) => {
      this.record('technician:retryAttention', input);
      return { outcome: 'not-found' };
    },
    exportAttention: async (input) => {
      this.record('technician:exportAttention', input);
      return { ok: false, reason: 'no-platform-key' };
    },
    printJobs: async (input) => {
      this.record('technician:printJobs', input);
      return [];
    },
    reprintJob: async (input) => {
      this.record('technician:reprintJob', input);
      return { jobId: input.jobId, kind: 'receipt', transactionId: null, state: 'queued', reason: null, progress: 0 };
    },
    networkTest: async (input) => {
      this.record('technician:networkTest', input);
      return { steps: (['dns', 'tls', 'platform-time', 'signed-ping'] as const).map((step) => ({ step, outcome: 'skipped' as const, ms: 0, detail: 'test' })) };
    },
    enrol: async (input) => {
      this.record('technician:enrol', input);
      return { ok: false, reason: 'code-unknown' };
    },
    siteConfig: async (input) => {
      this.record('technician:siteConfig', input);
      return { siteName: 'test', siteId: null, deviceId: 'TEST-0001', region: null, platformUrl: 'http://127.0.0.1', defaultLocale: 'zh-CN', timeZone: 'Asia/Shanghai', idleTimeoutSeconds: 60, technicianIdleSeconds: 120, devices: [] };
    },
    logs: async (input) => {
      this.record('technician:logs', input);
      return [];
    },
  };

  readonly staff: KioskImplementation['staff'] = {
    vouchIdentity: async (input) => {
      this.record('staff:vouchIdentity', input);
      return { ok: true, sessionId: 'test-session' };
    },
    reprintForPresent: async (input) => {
      this.record('staff:reprintForPresent', input);
      return { jobId: input.jobId, kind: 'receipt', transactionId: null, state: 'queued', reason: null, progress: 0 };
    },
    takeOutOfService: async (input) => {
      this.record('staff:takeOutOfService', input);
      return { inService: false, reason: 'taken-out' };
    },
    backIntoService: async (input) => {
      this.record('staff:backIntoService', input);
      return { inService: true, reason: null };
    },
    handBack: async (input) => {
      this.record('staff:handBack', input);
      return { ok: true };
    },
  };

  /** Refuses every credential (the real check is main/core/technician; tests of it run against the real core). */
  readonly technicianAccess: KioskImplementation['technicianAccess'] = {
    unlock: async () => ({ ok: false, reason: 'signature-invalid', lock: { lockedUntil: null, attemptsLeft: 4 } }),
    lockState: async () => ({ lockedUntil: null, attemptsLeft: 5 }),
  };

  private view() {
    if (!this.person) return SESSION_IDLE;
    return {
      sessionId: this.person.sessionId,
      stage: 'identified' as const,
      identity: { method: 'qr' as const, maskedName: `*${this.person.name.slice(-1)}`, maskedIdNumber: null, cardType: null, expired: false },
    };
  }
}
