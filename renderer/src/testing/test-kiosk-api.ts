// One file on purpose: the renderer tests' fake of the whole KioskApi; its services share one state (session, outbox,
// devices, technician access) as the real core does, so splitting the class would put that state behind extra wiring.
import type { KioskApi } from '../../../common/contract/kiosk-contract';
import type { DelegationView } from '../../../common/contract/delegation-schemas';
import { isChildForGuardianRoute } from '../../../common/domain/delegation-rules';
import { isValidIdNumber } from '../../../common/domain/id-number';
import { KioskError } from '../../../common/contract/errors';
import type {
  Connectivity,
  DeviceStatus,
  KeyProtection,
  PrintJob,
  ServiceDetail,
  SessionView,
  SubmitResult,
  ServiceState,
  SystemInfo,
  BundleSubmitResult,
} from '../../../common/contract/schemas';
import { collectBundleProblems, mergeBundleForm, splitBundleForm } from '../../../common/domain/bundle-form';
import { maskIdNumber, maskName } from '../../../common/domain/masking';
import { device, INITIALS, NOW, TEST_CATALOGUE, TEST_PINYIN } from './test-kiosk-data';

export { TEST_CATALOGUE } from './test-kiosk-data';

/** The PIN the fake's technician credential takes. */
export const TEST_TECHNICIAN_PIN = '482916';

type Listener<T> = (payload: T) => void;

/** A tiny typed event emitter for one event. */
class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  on(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(payload: T): void {
    for (const l of [...this.listeners]) l(payload);
  }
  get size(): number {
    return this.listeners.size;
  }
}

/** Options of {@link TestKioskApi}. */
export interface TestKioskApiOptions {
  /** Overrides of `system.info()`. */
  system?: Partial<SystemInfo>;
  /** Delay of every method in milliseconds (default 0). */
  latencyMs?: number;
  /** Print progress step in milliseconds (default 150). */
  printStepMs?: number;
  /** Lifetime of a payment order in milliseconds (default 300000). */
  paymentTtlMs?: number;
}

const NO_DELEGATION: DelegationView = { state: 'none', route: null, relation: null, principal: null, services: null, expiresAt: null, refusal: null };

/**
 * In-memory {@link KioskApi} for unit tests, Playwright checks of the
 * renderer alone and screenshots. One class on purpose: it is a fake of the
 * whole contract, one method group per contract service in the contract's
 * order, sharing one session, catalogue and print state; its data lives in
 * test-kiosk-data.ts. Behaves like the core closely enough for
 * the flows: masked identities, queueing when offline, print jobs with
 * progress events and scriptable failures. Holds no real personal data.
 */
export class TestKioskApi implements KioskApi {
  /** Names of every method called, in order (for assertions). */
  readonly calls: string[] = [];
  private readonly opts: Required<Omit<TestKioskApiOptions, 'system'>> & { system: SystemInfo };
  private sessionView: SessionView = { sessionId: null, stage: 'idle', identity: null };
  private person: { name: string; idNumber: string } | null = null;
  private leftCard: { name: string; idNumber: string } | null = null;
  private conn: Connectivity = { state: 'online', pending: 0, lastContactAt: NOW };
  private readonly deviceMap = new Map<string, DeviceStatus>([
    ['idcard', device('idcard', 'idcard')],
    ['receipt-1', device('receipt-1', 'receiptPrinter', { paper: 'ok', coverOpen: false })],
    ['a4-1', device('a4-1', 'a4Printer', { paper: 'ok' })],
  ]);
  private readonly jobs = new Map<string, PrintJob>();
  private nextPrintFailure: string | null = null;
  private counter = 0;
  private readonly sessionChanged = new Emitter<SessionView>();
  private readonly identifyFailed = new Emitter<{ code: 'read-failed' | 'card-removed' | 'invalid-card' | 'device-error' | 'qr-rejected' | 'platform-unreachable'; message: string }>();
  private readonly catalogueUpdated = new Emitter<{ catalogueVersion: number }>();
  private readonly jobChanged = new Emitter<PrintJob>();
  private readonly deviceChanged = new Emitter<DeviceStatus>();
  private readonly connChanged = new Emitter<Connectivity>();
  private readonly serviceChanged = new Emitter<ServiceState>();
  private readonly infoChanged = new Emitter<SystemInfo>();
  private readonly delegationChanged = new Emitter<DelegationView>();
  private delegationView: DelegationView = NO_DELEGATION;
  private service: ServiceState = { inService: true, reason: null };
  /** Ratings received. */
  readonly ratings: unknown[] = [];
  /** The `locale` of every `printer.printReceipt` call, in order (null: none sent). */
  readonly receiptLocales: Array<string | null> = [];
  /** Screens from which staff help was requested. */
  readonly staffRequests: string[] = [];
  private readonly payments = new Map<string, 'pending' | 'paid' | 'expired' | 'cancelled'>();
  /** Submissions received, with their status. */
  readonly submissions: SubmitResult[] = [];
  /** Life-event bundles received (each item is also in {@link submissions}). */
  readonly bundleSubmissions: BundleSubmitResult[] = [];

  constructor(options: TestKioskApiOptions = {}) {
    this.opts = {
      latencyMs: options.latencyMs ?? 0,
      printStepMs: options.printStepMs ?? 150,
      paymentTtlMs: options.paymentTtlMs ?? 300_000,
      system: {
        version: '0.1.0-test',
        deviceId: 'TEST-0001',
        simulated: true,
        idleTimeoutSeconds: 60,
        countdownSeconds: 15,
        defaultLocale: 'zh-CN',
        theme: {
          siteName: '幸福村便民服务点',
          partner: null,
          primaryColor: '#b3261e',
          logoUrl: null,
          openingHours: '24 小时',
          staffAssist: true,
        },
        ...options.system,
      },
    };
  }

  private async delay<T>(name: string, fn: () => T): Promise<T> {
    this.calls.push(name);
    if (this.opts.latencyMs > 0) await new Promise((r) => setTimeout(r, this.opts.latencyMs));
    return fn();
  }

  private setSession(view: SessionView): void {
    this.sessionView = view;
    this.sessionChanged.emit(view);
  }

  private identified(method: 'idcard' | 'qr', name: string, idNumber: string): SessionView {
    this.person = { name, idNumber };
    return {
      sessionId: `s-${++this.counter}`,
      stage: 'identified',
      identity: { method, maskedName: maskName(name), maskedIdNumber: maskIdNumber(idNumber), cardType: 'resident', expired: false },
    };
  }

  /* ------------------------------------------------------------ test controls */

  private setDelegation(view: DelegationView): DelegationView {
    this.delegationView = view;
    this.delegationChanged.emit(view);
    return view;
  }

  /** The principal known (ready), or a refusal when it is the agent themselves. */
  private principal(route: DelegationView['route'], name: string, idNumber: string, extra: Partial<DelegationView> = {}): DelegationView {
    if (this.person?.idNumber === idNumber) return this.setDelegation({ ...this.delegationView, refusal: 'same-person' });
    return this.setDelegation({ ...NO_DELEGATION, state: 'ready', route, principal: { maskedName: maskName(name), maskedIdNumber: maskIdNumber(idNumber) }, ...extra });
  }

  /** Simulates a card placed on the reader: `reading`, then `identified` (while a delegation waits for a card: the principal's). */
  placeCard(name = '张三', idNumber = '110101199003070015'): void {
    if (this.person && this.delegationView.state === 'awaiting-card') {
      this.principal('card', name, idNumber);
      return;
    }
    this.setSession({ sessionId: null, stage: 'reading', identity: null });
    this.setSession(this.identified('idcard', name, idNumber));
  }

  /**
   * Simulates a card left on the reader (`at-start`: there when the terminal
   * started; `after-session`: left behind): the session stays idle and reports
   * it; `session.begin` then reads it as {@link placeCard} does, and
   * {@link liftCard} clears it.
   */
  leaveCard(kind: 'at-start' | 'after-session' = 'at-start', name = '张三', idNumber = '110101199003070015'): void {
    this.leftCard = { name, idNumber };
    this.setSession({ sessionId: null, stage: 'idle', identity: null, leftCard: kind });
  }

  /** Lifts a card left on the reader. */
  liftCard(): void {
    if (!this.leftCard) return;
    this.leftCard = null;
    this.setSession({ sessionId: null, stage: 'idle', identity: null });
  }

  /** Simulates a card placed and being read (stage `reading`), with no outcome yet. */
  beginCardRead(): void {
    this.setSession({ sessionId: null, stage: 'reading', identity: null });
  }

  /** Simulates a failed card read. */
  failCardRead(code: 'read-failed' | 'card-removed' | 'invalid-card' | 'device-error' = 'read-failed'): void {
    this.identifyFailed.emit({ code, message: code });
  }

  /** Announces a new catalogue version. */
  updateCatalogue(version = 2): void {
    this.catalogueUpdated.emit({ catalogueVersion: version });
  }

  /** Changes connectivity and emits the event. */
  setConnectivity(state: Connectivity['state']): void {
    this.conn = { ...this.conn, state };
    this.connChanged.emit(this.conn);
  }

  /** Changes the service state and emits `system.onServiceState`. */
  setServiceState(state: ServiceState): void {
    this.service = state;
    this.serviceChanged.emit(state);
  }

  /** Changes one device's status and emits the event. */
  /** Plugs a device of `device` class under `name` (online, simulated) and publishes it, e.g. a camera. */
  plugDevice(name: string, deviceClass: DeviceStatus['device']): void {
    const next = device(name, deviceClass);
    this.deviceMap.set(name, next);
    this.deviceChanged.emit(next);
  }

  setDevice(name: string, patch: Partial<DeviceStatus>): void {
    const current = this.deviceMap.get(name);
    if (!current) return;
    const next = { ...current, ...patch, updatedAt: NOW };
    this.deviceMap.set(name, next);
    this.deviceChanged.emit(next);
  }

  /** The next print job fails with this reason (e.g. `paper-out`). */
  failNextPrint(reason: string): void {
    this.nextPrintFailure = reason;
  }

  /** Number of listeners currently attached (leak checks). */
  listenerCount(): number {
    return (
      this.sessionChanged.size + this.identifyFailed.size + this.jobChanged.size + this.deviceChanged.size + this.connChanged.size + this.catalogueUpdated.size + this.serviceChanged.size + this.infoChanged.size + this.delegationChanged.size
    );
  }

  private runJob(job: PrintJob): PrintJob {
    const failure = this.nextPrintFailure;
    this.nextPrintFailure = null;
    this.jobs.set(job.jobId, job);
    const steps: PrintJob[] = failure
      ? [{ ...job, state: 'printing', progress: 0.3 }, { ...job, state: 'failed', reason: failure, progress: 0.3 }]
      : [{ ...job, state: 'printing', progress: 0.5 }, { ...job, state: 'done', progress: 1 }];
    steps.forEach((s, i) =>
      setTimeout(() => {
        this.jobs.set(s.jobId, s);
        this.jobChanged.emit(s);
      }, this.opts.printStepMs * (i + 1)),
    );
    return job;
  }

  /* ------------------------------------------------------------- the contract */

  readonly system: KioskApi['system'] = {
    info: () => this.delay('system.info', () => this.opts.system),
    rendererReady: () => this.delay('system.rendererReady', () => ({ ok: true as const })),
    requestStaff: ({ screen }) =>
      this.delay('system.requestStaff', () => {
        this.staffRequests.push(screen);
        return { ok: true as const };
      }),
    serviceState: () => this.delay('system.serviceState', () => this.service),
    touched: () => this.delay('system.touched', () => ({ ok: true as const })),
    onServiceState: (l) => this.serviceChanged.on(l),
    onInfoChanged: (l) => this.infoChanged.on(l),
  };

  readonly session: KioskApi['session'] = {
    current: () => this.delay('session.current', () => this.sessionView),
    begin: () =>
      this.delay('session.begin', () => {
        const card = this.leftCard;
        if (card && this.sessionView.stage === 'idle') {
          this.leftCard = null;
          setTimeout(() => this.placeCard(card.name, card.idNumber), 0);
          this.setSession({ sessionId: null, stage: 'idle', identity: null });
        }
        return this.sessionView;
      }),
    identifyByQr: ({ payload }) =>
      this.delay('session.identifyByQr', () => {
        if (!payload.startsWith('EID:')) throw new KioskError('invalid-payload', 'qr rejected');
        const view = this.identified('qr', '李四', '110101198001010011');
        this.setSession(view);
        return view;
      }),
    reveal: () =>
      this.delay('session.reveal', () => {
        if (!this.person) throw new KioskError('no-session', 'no session');
        return { name: this.person.name, idNumber: this.person.idNumber };
      }),
    end: () =>
      this.delay('session.end', () => {
        this.person = null;
        if (this.delegationView.state !== 'none') this.setDelegation(NO_DELEGATION);
        this.setSession({ sessionId: null, stage: 'idle', identity: null });
        return this.sessionView;
      }),
    onChanged: (l) => this.sessionChanged.on(l),
    onIdentifyFailed: (l) => this.identifyFailed.on(l),
  };

  /** Authorisation `KA1.ok` covers every test item for 1 h; `KA1.expired`, `KA1.other` are refused; the guardian route accepts a valid number under 14 whose first six digits are the agent's. */
  readonly delegation: KioskApi['delegation'] = {
    current: () => this.delay('delegation.current', () => this.delegationView),
    start: ({ route }) =>
      this.delay('delegation.start', () => {
        if (!this.person) throw new KioskError('no-session', 'no session');
        return this.setDelegation({ ...NO_DELEGATION, state: route === 'card' ? 'awaiting-card' : 'awaiting-authorisation', route });
      }),
    useAuthorisation: ({ token }) =>
      this.delay('delegation.useAuthorisation', () => {
        if (token === 'KA1.ok') return this.principal('authorisation', '王秀英', '11010519400923004X', { services: TEST_CATALOGUE.map((s) => s.code), expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
        const refusal = token === 'KA1.expired' ? 'authorisation-expired' : token === 'KA1.other' ? 'authorisation-other-agent' : 'authorisation-invalid';
        return this.setDelegation({ ...NO_DELEGATION, state: 'awaiting-authorisation', route: 'authorisation', refusal });
      }),
    checkGuardian: ({ childIdNumber, relation }) =>
      this.delay('delegation.checkGuardian', () => {
        const refuse = (refusal: DelegationView['refusal']) => this.setDelegation({ ...this.delegationView, refusal });
        if (!isValidIdNumber(childIdNumber)) return refuse('id-number-invalid');
        if (!isChildForGuardianRoute(childIdNumber, new Date())) return refuse('child-over-14');
        if (childIdNumber.slice(0, 6) !== this.person?.idNumber.slice(0, 6)) return refuse('guardian-check-failed');
        return this.principal('guardian', '张子涵', childIdNumber, { relation });
      }),
    setRelation: ({ relation }) => this.delay('delegation.setRelation', () => this.setDelegation({ ...this.delegationView, relation })),
    stop: () => this.delay('delegation.stop', () => this.setDelegation(NO_DELEGATION)),
    onChanged: (l) => this.delegationChanged.on(l),
  };

  readonly catalogue: KioskApi['catalogue'] = {
    overview: () =>
      this.delay('catalogue.overview', () => {
        const departments = [...new Set(TEST_CATALOGUE.map((s) => s.department))].map((name) => ({
          name,
          count: TEST_CATALOGUE.filter((s) => s.department === name).length,
        }));
        return {
          catalogueVersion: 1,
          departments,
          lifeEvents: [
            { id: 'newborn', name: '新生儿出生一件事', itemCodes: TEST_CATALOGUE.filter((s) => s.lifeEvents.includes('newborn')).map((s) => s.code) },
            { id: 'retirement', name: '退休一件事', itemCodes: TEST_CATALOGUE.filter((s) => s.lifeEvents.includes('retirement')).map((s) => s.code) },
            { id: 'resident', name: '居民参保一件事', itemCodes: TEST_CATALOGUE.filter((s) => s.lifeEvents.includes('resident')).map((s) => s.code) },
          ],
          popular: TEST_CATALOGUE.map(({ guide: _g, materials: _m, form: _f, lifeEvents: _l, ...summary }) => summary),
        };
      }),
    search: (input) =>
      this.delay('catalogue.search', () => {
        const q = (input.query ?? '').trim().toLowerCase();
        const items = TEST_CATALOGUE.filter(
          (s) =>
            (q === '' || s.name.includes(q) || (INITIALS[s.name] ?? '').includes(q)) &&
            (!input.department || s.department === input.department) &&
            (!input.lifeEvent || s.lifeEvents.includes(input.lifeEvent)),
        ).map(({ guide: _g, materials: _m, form: _f, lifeEvents: _l, ...summary }) => summary);
        const limit = input.limit ?? 20;
        const offset = input.offset ?? 0;
        return { items: items.slice(offset, offset + limit), total: items.length, catalogueVersion: 1 };
      }),
    get: ({ code }) =>
      this.delay('catalogue.get', () => {
        const found = TEST_CATALOGUE.find((s) => s.code === code);
        if (!found) throw new KioskError('not-found', `no service ${code}`);
        return found;
      }),
    onUpdated: (l) => this.catalogueUpdated.on(l),
  };

  /** The fake's pre-check of one item (identity fields are filled by "core"). */
  private problemsOf(found: ServiceDetail, form: Record<string, string>, materials: ReadonlyArray<{ id: string; provided: boolean }>) {
    const problems: { target: 'field' | 'material'; id: string; problem: 'missing' | 'invalid' | 'too-long' }[] = [];
    for (const f of found.form) {
      if (f.prefill) continue;
      const v = (form[f.id] ?? '').trim();
      if (f.required && v === '') problems.push({ target: 'field', id: f.id, problem: 'missing' });
      else if (f.kind === 'phone' && v !== '' && !/^1\d{10}$/.test(v)) problems.push({ target: 'field', id: f.id, problem: 'invalid' });
    }
    for (const m of found.materials) {
      const provided = materials.find((p) => p.id === m.id)?.provided ?? false;
      if (m.required && !provided) problems.push({ target: 'material', id: m.id, problem: 'missing' });
    }
    return problems;
  }

  /** Records one submitted item; queued (and counted pending) when offline. */
  private record(serviceCode: string): SubmitResult {
    const n = ++this.counter;
    const result: SubmitResult = {
      id: `tx-${n}-${serviceCode}`,
      receiptNumber: `SZ2026${String(n).padStart(6, '0')}`,
      status: this.conn.state === 'offline' ? 'queued' : 'delivered',
      createdAt: NOW,
    };
    if (result.status === 'queued') {
      this.conn = { ...this.conn, pending: this.conn.pending + 1 };
      queueMicrotask(() => this.connChanged.emit(this.conn));
    }
    this.submissions.push(result);
    return result;
  }

  /** The chosen items of a life event with their combined form and all problems ("tell once"). */
  private checkBundle(request: { bundleId: string; itemCodes: string[]; form: Record<string, string>; materials?: Array<{ id: string; provided: boolean }> | undefined }) {
    const items = request.itemCodes.map((code) => TEST_CATALOGUE.find((s) => s.code === code && s.lifeEvents.includes(request.bundleId)));
    if (items.some((i) => i === undefined)) throw new KioskError('not-found', 'not an item of this life event');
    const chosen = items as ServiceDetail[];
    const combined = mergeBundleForm(chosen);
    const perItem = chosen.map((item) => {
      const own = splitBundleForm(combined, item.code, request.form, request.materials ?? []);
      return { itemCode: item.code, problems: this.problemsOf(item, own.form, own.materials) };
    });
    return { items: chosen, problems: collectBundleProblems(combined, perItem) };
  }

  readonly transactions: KioskApi['transactions'] = {
    precheck: (request) =>
      this.delay('transactions.precheck', () => {
        const found = TEST_CATALOGUE.find((s) => s.code === request.serviceCode);
        if (!found) throw new KioskError('not-found', 'no service');
        const problems = this.problemsOf(found, request.form, request.materials ?? []);
        return { ok: problems.length === 0, problems };
      }),
    submit: (request) =>
      this.delay('transactions.submit', () => {
        if (!this.person) throw new KioskError('no-session', 'no session');
        return this.record(request.serviceCode);
      }),
    precheckBundle: (request) =>
      this.delay('transactions.precheckBundle', () => {
        const { problems } = this.checkBundle(request);
        return { ok: problems.length === 0, problems };
      }),
    submitBundle: (request) =>
      this.delay('transactions.submitBundle', () => {
        if (!this.person) throw new KioskError('no-session', 'no session');
        const { items, problems } = this.checkBundle(request);
        const online = items.filter((i) => !i.queueable).map((i) => i.code);
        if (online.length > 0 && this.conn.state === 'offline') throw new KioskError('platform-unreachable', 'offline', { itemCodes: online });
        if (problems.length > 0) throw new KioskError('invalid-payload', 'pre-check failed', { problems });
        const result: BundleSubmitResult = {
          bundleId: request.bundleId,
          bundleRef: `bundle-${++this.counter}`,
          items: items.map((item) => ({ ...this.record(item.code), serviceCode: item.code, serviceName: item.name })),
        };
        this.bundleSubmissions.push(result);
        return result;
      }),
  };

  /** A query answer for any item: one masked identifier and one hidden amount; `platform-unreachable` offline. */
  readonly queries: KioskApi['queries'] = {
    run: ({ serviceCode }) =>
      this.delay('queries.run', () => {
        if (!this.person) throw new KioskError('no-session', 'no session');
        if (this.conn.state === 'offline') throw new KioskError('platform-unreachable', 'offline');
        return this.queryAnswer(serviceCode, true);
      }),
    reveal: () => this.delay('queries.reveal', () => this.queryAnswer(TEST_CATALOGUE[0]!.code, false)),
  };

  private queryAnswer(serviceCode: string, masked: boolean) {
    const name = this.person?.name ?? '';
    return {
      id: 'query-1',
      serviceCode,
      serviceName: TEST_CATALOGUE.find((s) => s.code === serviceCode)?.name ?? serviceCode,
      title: '查询结果',
      askedAt: NOW,
      sections: [
        {
          heading: '查询对象',
          rows: [
            { label: '姓名', value: masked ? maskName(name) : name, masked },
            { label: '账户余额', value: masked ? '****' : '1,234.56 元', masked },
          ],
        },
      ],
      note: '仅供本人参考。',
    };
  }

  readonly printer: KioskApi['printer'] = {
    printReceipt: ({ transactionId, locale }) =>
      this.delay('printer.printReceipt', () => {
        this.receiptLocales.push(locale ?? null);
        const printer = this.deviceMap.get('receipt-1');
        if (printer?.paper === 'out') this.nextPrintFailure = this.nextPrintFailure ?? 'paper-out';
        return this.runJob({ jobId: `job-${++this.counter}`, kind: 'receipt', transactionId, state: 'queued', reason: null, progress: 0 });
      }),
    reprint: ({ jobId }) =>
      this.delay('printer.reprint', () => {
        const old = this.jobs.get(jobId);
        if (!old) throw new KioskError('not-found', 'no job');
        return this.runJob({ ...old, jobId: `job-${++this.counter}`, state: 'queued', reason: null, progress: 0 });
      }),
    printCertificate: ({ transactionId }) =>
      this.delay('printer.printCertificate', () => {
        if (this.conn.state === 'offline') throw new KioskError('platform-unreachable', 'offline');
        const found = TEST_CATALOGUE.find((s) => transactionId.endsWith(`-${s.code}`));
        if (found && found.output !== 'certificate') throw new KioskError('invalid-payload', 'not a certificate');
        const a4 = this.deviceMap.get('a4-1');
        if (a4?.state !== 'online' && a4?.state !== 'busy') throw new KioskError('device-offline', 'no A4 printer');
        if (a4.paper === 'out') this.nextPrintFailure = this.nextPrintFailure ?? 'paper-out';
        return this.runJob({ jobId: `cert-${++this.counter}`, kind: 'certificate', transactionId, state: 'queued', reason: null, progress: 0 });
      }),
    printQueryResult: () =>
      this.delay('printer.printQueryResult', () => this.runJob({ jobId: `job-${++this.counter}`, kind: 'receipt', transactionId: null, state: 'queued', reason: null, progress: 0 })),
    onJobChanged: (l) => this.jobChanged.on(l),
  };

  readonly payment: KioskApi['payment'] = {
    create: ({ transactionId }) =>
      this.delay('payment.create', () => {
        if (this.conn.state === 'offline') throw new KioskError('platform-unreachable', 'offline');
        const paymentId = `pay-${++this.counter}`;
        this.payments.set(paymentId, 'pending');
        const found = TEST_CATALOGUE.find((s) => transactionId.endsWith(`-${s.code}`));
        const amountFen = found?.feeFen ?? 2000;
        if (amountFen <= 0) throw new KioskError('invalid-payload', 'no fee');
        return {
          paymentId,
          transactionId,
          amountFen,
          qrPayload: `https://pay.example.gov.cn/unified/${paymentId}?amt=${amountFen}`,
          expiresAt: new Date(Date.now() + this.opts.paymentTtlMs).toISOString(),
        };
      }),
    status: ({ paymentId }) =>
      this.delay('payment.status', () => {
        const status = this.payments.get(paymentId);
        if (!status) throw new KioskError('not-found', 'no payment');
        return { paymentId, status };
      }),
    cancel: ({ paymentId }) =>
      this.delay('payment.cancel', () => {
        if (!this.payments.has(paymentId)) throw new KioskError('not-found', 'no payment');
        this.payments.set(paymentId, 'cancelled');
        return { paymentId, status: 'cancelled' as const };
      }),
  };

  /** Marks a payment order paid, as the person's payment app would. */
  markPaid(paymentId: string): void {
    if (this.payments.has(paymentId)) this.payments.set(paymentId, 'paid');
  }

  /** Marks every pending payment order paid (browser checks do not know the id). */
  markAllPaid(): void {
    for (const [id, status] of this.payments) if (status === 'pending') this.payments.set(id, 'paid');
  }

  /** Marks every pending payment order expired (browser checks do not know the id). */
  expireAllPayments(): void {
    for (const [id, status] of this.payments) if (status === 'pending') this.payments.set(id, 'expired');
  }

  /** Marks a payment order expired, as the platform would after its time-out. */
  expirePayment(paymentId: string): void {
    if (this.payments.has(paymentId)) this.payments.set(paymentId, 'expired');
  }

  readonly rating: KioskApi['rating'] = {
    submit: (request) =>
      this.delay('rating.submit', () => {
        if ((request.level === 'dissatisfied' || request.level === 'very-dissatisfied') && !(request.reason ?? '').trim()) {
          throw new KioskError('invalid-payload', 'reason required');
        }
        this.ratings.push(request);
        return { id: `rating-${++this.counter}` };
      }),
  };

  readonly devices: KioskApi['devices'] = {
    list: () => this.delay('devices.list', () => [...this.deviceMap.values()]),
    onStatusChanged: (l) => this.deviceChanged.on(l),
  };

  readonly connectivity: KioskApi['connectivity'] = {
    status: () => this.delay('connectivity.status', () => this.conn),
    onChanged: (l) => this.connChanged.on(l),
  };

  /** Pinyin candidates of the fake: words for the whole input, then the characters of its longest known first syllable. */
  readonly input: KioskApi['input'] = {
    candidates: ({ pinyin, limit }) =>
      this.delay('input.candidates', () => {
        const keys = Object.keys(TEST_PINYIN).filter((k) => pinyin.startsWith(k)).sort((a, b) => b.length - a.length);
        const candidates = keys.flatMap((key) => (TEST_PINYIN[key] ?? []).map((text) => ({ text, pinyin: key })));
        return { candidates: candidates.slice(0, limit ?? 20) };
      }),
  };

  /** Test credential {@link TestKioskApi.unlock} accepts with {@link TEST_TECHNICIAN_PIN}; any other text is `malformed`. */
  static readonly TECHNICIAN_CREDENTIAL = 'KT1.test.credential';
  private technicianUnlocked = false;
  private technicianFailures = 0;
  private technicianLockedUntil: number | null = null;
  /** Technician actions received (`printTestReceipt`, `syncNow`, `handBack`). */
  readonly technicianActions: string[] = [];
  /** What `technician.status` says protects the data key; tests set it. Default `keyring`. */
  keyProtection: KeyProtection = 'keyring';

  /**
   * The technician service as the host guards it: refused `forbidden` until
   * {@link technicianAccess} unlocked this "connection", and again after hand-back.
   */
  readonly technician: KioskApi['technician'] = {
    status: () =>
      this.delay('technician.status', () => {
        this.guardTechnician('status');
        const queue = { pending: this.conn.pending, inFlight: 0, accepted: 0, rejected: 0, needsAttention: 0, oldestPendingAgeSeconds: 0 };
        return { version: this.opts.system.version, deviceId: this.opts.system.deviceId, devices: [...this.deviceMap.values()], connectivity: this.conn.state, queue, keyProtection: this.keyProtection, at: NOW };
      }),
    printTestReceipt: () =>
      this.delay('technician.printTestReceipt', () => {
        this.guardTechnician('printTestReceipt');
        this.technicianActions.push('printTestReceipt');
        const failure = this.nextPrintFailure;
        this.nextPrintFailure = null;
        const preview = { title: '打印机测试页', lines: [{ label: '中文', value: '政务服务' }], footer: '如能看清以上内容与二维码，打印机工作正常。' };
        return failure ? { state: 'failed' as const, reason: failure, preview } : { state: 'done' as const, reason: null, preview };
      }),
    syncNow: () =>
      this.delay('technician.syncNow', () => {
        this.guardTechnician('syncNow');
        this.technicianActions.push('syncNow');
        const reachable = this.conn.state !== 'offline';
        return { drained: reachable, reachable, sent: 0, rejected: 0 };
      }),
    handBack: () =>
      this.delay('technician.handBack', () => {
        this.guardTechnician('handBack');
        this.technicianActions.push('handBack');
        this.technicianUnlocked = false;
        return { ok: true as const };
      }),
    testCard: () =>
      this.technicianCall('testCard', () => ({
        state: 'read' as const,
        reason: null,
        fields: [
          { label: '姓名', value: maskName('张三') },
          { label: '证件号', value: maskIdNumber('110101199003070015') },
          { label: '证件类型', value: 'resident' },
          { label: '有效期', value: '有效' },
        ],
        elapsedMs: 820,
      })),
    testScan: () => this.technicianCall('testScan', () => ({ state: 'scanned' as const, reason: null, payloadType: 'url' as const, length: 32, masked: `ht${'*'.repeat(28)}=1`, elapsedMs: 640 })),
    printTestA4: () => this.technicianCall('printTestA4', () => ({ state: 'done' as const, reason: null, jobId: 17, elapsedMs: 2100 })),
    discoverDevices: () =>
      this.technicianCall('discoverDevices', () => ({
        serial: [{ path: '/dev/ttyUSB0', vendorId: '0483', productId: '5720', serialNumber: 'RD-0001', manufacturer: 'Test reader' }],
        hid: [{ vendorId: '0c2e', productId: '0b61', product: 'Test scanner', usagePage: 140 }],
        assignments: this.assignments,
      })),
    assignDevice: ({ role, path }) =>
      this.technicianCall('assignDevice', () => {
        if (path !== '/dev/ttyUSB0') return { ok: false as const, reason: 'not-listed' as const };
        const assignment = { role, port: path, vendorId: '0483', productId: '5720', serialNumber: 'RD-0001', by: 'tech-test', at: NOW };
        this.assignments = [...this.assignments.filter((a) => a.role !== role), assignment];
        return { ok: true as const, assignment, appliesAtRestart: true as const };
      }),
    attention: () => this.technicianCall('attention', () => [...this.attentionItems]),
    retryAttention: ({ id }) =>
      this.technicianCall('retryAttention', () => {
        const before = this.attentionItems.length;
        this.attentionItems = this.attentionItems.filter((i) => i.id !== id);
        return { outcome: before === this.attentionItems.length ? ('not-found' as const) : ('retried' as const) };
      }),
    exportAttention: () => this.technicianCall('exportAttention', () => ({ ok: true as const, file: '/var/lib/kiosk/exports/attention-test.json', items: this.attentionItems.length, recipientFingerprint: 'ab'.repeat(32) })),
    printJobs: () => this.technicianCall('printJobs', () => [{ jobId: 'job-test-1', state: 'failed' as const, reason: 'paper-out', createdAt: NOW }]),
    reprintJob: ({ jobId }) => this.technicianCall('reprintJob', () => ({ jobId, kind: 'receipt' as const, transactionId: null, state: 'queued' as const, reason: null, progress: 0 })),
    networkTest: () =>
      this.technicianCall('networkTest', () => ({
        steps: [
          { step: 'dns' as const, outcome: 'ok' as const, ms: 3, detail: 'platform.example → 10.0.0.5' },
          { step: 'tls' as const, outcome: 'ok' as const, ms: 41, detail: 'TLSv1.3, certificate valid to Dec 31 2027' },
          { step: 'platform-time' as const, outcome: 'ok' as const, ms: 12, detail: `${NOW} (kiosk clock ahead by 20 ms)` },
          { step: 'signed-ping' as const, outcome: 'ok' as const, ms: 15, detail: 'signed request accepted, reply signature verified' },
        ],
      })),
    enrol: ({ code }) => this.technicianCall('enrol', () => (code === 'GOOD-CODE' ? { ok: true as const, deviceId: 'KIOSK-NEW', siteId: 'site-test', algorithm: 'ed25519', restartNeeded: true as const } : { ok: false as const, reason: 'code-unknown' })),
    siteConfig: () =>
      this.technicianCall('siteConfig', () => ({
        siteName: this.opts.system.theme.siteName,
        siteId: 'site-test',
        deviceId: this.opts.system.deviceId,
        region: '410102',
        platformUrl: 'https://platform.example',
        defaultLocale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
        idleTimeoutSeconds: 60,
        technicianIdleSeconds: 120,
        devices: [
          { role: 'idcard', mode: 'sim', where: null },
          { role: 'receiptPrinter', mode: 'sim', where: null },
        ],
      })),
    logs: () => this.technicianCall('logs', () => [{ time: NOW, level: 'INFO', part: 'core', event: 'core.start' }]),
    onStatusChanged: () => () => undefined,
  };

  /** Assignments made through {@link technician}.assignDevice. */
  private assignments: Array<{ role: 'idcard' | 'receiptPrinter' | 'scanner'; port: string; vendorId: string; productId: string; serialNumber: string; by: string; at: string }> = [];
  /** Items needing attention the technician screen lists; tests may replace them. */
  attentionItems: Array<{ id: string; seq: number; kind: string; reason: string; createdAt: string }> = [{ id: 'tx-rejected-1', seq: 7, kind: 'transaction', reason: 'unknown-service', createdAt: NOW }];

  /** A technician action: refused until unlocked, recorded in {@link technicianActions}. */
  private technicianCall<T>(member: string, answer: () => T): Promise<T> {
    return this.delay(`technician.${member}`, () => {
      this.guardTechnician(member);
      this.technicianActions.push(member);
      return answer();
    });
  }

  /** The staff role's services: the test double grants no staff role, so each is refused `forbidden` like the dispatcher does. */
  readonly staff: KioskApi['staff'] = {
    vouchIdentity: () => this.delay('staff.vouchIdentity', () => this.refuseStaff('vouchIdentity')),
    reprintForPresent: () => this.delay('staff.reprintForPresent', () => this.refuseStaff('reprintForPresent')),
    takeOutOfService: () => this.delay('staff.takeOutOfService', () => this.refuseStaff('takeOutOfService')),
    backIntoService: () => this.delay('staff.backIntoService', () => this.refuseStaff('backIntoService')),
    handBack: () => this.delay('staff.handBack', () => this.refuseStaff('handBack')),
  };

  private refuseStaff(member: string): never {
    throw new KioskError('forbidden', `staff:${member} needs the staff role`, { role: 'staff' });
  }

  /**
   * Technician entry like the core's: {@link TestKioskApi.TECHNICIAN_CREDENTIAL}
   * with PIN {@link TEST_TECHNICIAN_PIN} unlocks; anything else is refused
   * (`malformed` or `pin-wrong`), and 5 refusals in a row lock entry for 1 minute.
   */
  readonly technicianAccess: KioskApi['technicianAccess'] = {
    unlock: ({ credential, pin }) =>
      this.delay('technicianAccess.unlock', () => {
        if (this.technicianLockedUntil !== null && Date.now() < this.technicianLockedUntil) return { ok: false as const, reason: 'locked' as const, lock: this.technicianLock() };
        if (credential === TestKioskApi.TECHNICIAN_CREDENTIAL && pin === TEST_TECHNICIAN_PIN) {
          this.technicianFailures = 0;
          this.technicianLockedUntil = null;
          this.technicianUnlocked = true;
          return { ok: true as const, technician: { id: 'tech-test', name: '测试技术员', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }, role: 'technician' as const, idleTimeoutSeconds: 120 };
        }
        this.technicianFailures += 1;
        if (this.technicianFailures >= 5) {
          this.technicianFailures = 0;
          this.technicianLockedUntil = Date.now() + 60_000;
          return { ok: false as const, reason: 'locked' as const, lock: this.technicianLock() };
        }
        const reason = credential === TestKioskApi.TECHNICIAN_CREDENTIAL ? ('pin-wrong' as const) : ('malformed' as const);
        return { ok: false as const, reason, lock: this.technicianLock() };
      }),
    lockState: () => this.delay('technicianAccess.lockState', () => this.technicianLock()),
  };

  private technicianLock() {
    const locked = this.technicianLockedUntil !== null && Date.now() < this.technicianLockedUntil;
    return { lockedUntil: locked ? new Date(this.technicianLockedUntil!).toISOString() : null, attemptsLeft: 5 - this.technicianFailures };
  }

  private guardTechnician(member: string): void {
    if (!this.technicianUnlocked) this.refuseTechnician(member);
  }

  private refuseTechnician(member: string): never {
    throw new KioskError('forbidden', `technician:${member} needs the technician role`, { role: 'technician' });
  }
}
