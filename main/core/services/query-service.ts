import { randomUUID } from 'node:crypto';
import type { MethodsOf } from '../../../common/contract/define';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import type { QueryResult, ServiceDetail } from '../../../common/contract/schemas';
import { KioskError } from '../../../common/contract/errors';
import { maskIdNumber, maskName } from '../../../common/domain/masking';
import type { PlatformClient, QueryResponse } from '../../../uplink/index';
import type { SessionManager } from '../session/session-manager';
import type { CatalogueService } from './catalogue-service';
import { platformFailure } from './platform-failure';
import { withPrefill } from './transactions-service';

type AnswerRow = QueryResponse['sections'][number]['rows'][number];

/** A query answer remembered for the rest of the session (for 显示 and the printout); wiped with it. */
export interface SessionQuery {
  id: string;
  service: ServiceDetail;
  askedAt: string;
  answer: QueryResponse;
}

/** Hidden amount on the public screen. */
const HIDDEN = '****';

/** A value as the public screen shows it: identifiers shortened as everywhere, amounts hidden, plain text as is. */
export function maskForScreen(row: AnswerRow): string {
  switch (row.kind) {
    case 'name':
      return maskName(row.value);
    case 'idNumber':
    case 'account':
      return maskIdNumber(row.value);
    case 'amount':
      return HIDDEN;
    default:
      return row.value;
  }
}

/** A value as the receipt prints it: identifiers masked (paper leaves the terminal), amounts in full (the paper is the person's answer). */
export function maskForPaper(row: AnswerRow): string {
  return row.kind === 'amount' || row.kind === 'text' ? row.value : maskForScreen(row);
}

/** The answer in the contract's shape, each value through `show`. */
function view(query: SessionQuery, show: ((row: AnswerRow) => string) | null): QueryResult {
  return {
    id: query.id,
    serviceCode: query.service.code,
    serviceName: query.service.name,
    title: query.answer.title,
    askedAt: query.askedAt,
    sections: query.answer.sections.map((s) => ({
      heading: s.heading,
      rows: s.rows.map((r) => {
        const value = show ? show(r) : r.value;
        return { label: r.label, value, masked: value !== r.value };
      }),
    })),
    note: query.answer.note,
  };
}

/** Options of {@link QueryService}. */
export interface QueryServiceOptions {
  platform: PlatformClient;
  catalogue: CatalogueService;
  session: SessionManager;
  /** While the person acts for someone else (代办) a query is refused: it would answer with the agent's own records. Default: never delegating. */
  delegating?: () => boolean;
}

/**
 * Query items (`kind: 'query'`): asked of the platform while the person
 * waits, answered on screen, never written to the outbox or the store (the
 * answer lives in this session's memory only, for 显示 and the printout).
 * Failures: `no-session` before identification, `not-found` for an unknown
 * item or one that is not a query, `invalid-payload` for an identity without
 * an ID number, `platform-unreachable` for the network, a timeout or a 5xx,
 * `not-found` for a platform refusal, `internal` (detail `invalid-response`)
 * for an answer that breaks the protocol — it is refused, never shown.
 */
export class QueryService {
  private readonly asked = new Map<string, SessionQuery>();

  constructor(private readonly options: QueryServiceOptions) {
    options.session.onWipe(() => this.asked.clear());
  }

  /** A query answered in the current session, or undefined. */
  sessionQuery(id: string): SessionQuery | undefined {
    return this.asked.get(id);
  }

  private async ask(serviceCode: string, form: Record<string, string>): Promise<SessionQuery> {
    const identity = this.options.session.currentIdentity();
    if (!identity) throw new KioskError('no-session', 'identify first');
    const item = this.options.catalogue.find(serviceCode);
    if (!item || item.kind !== 'query') throw new KioskError('not-found', `no query item ${serviceCode}`);
    if (this.options.delegating?.()) throw new KioskError('forbidden', `${item.code} is the person's own query, not asked for someone else`, { reason: 'not-delegable', itemCode: item.code });
    if (!identity.idNumber) throw new KioskError('invalid-payload', 'a query needs the ID number of the person');
    const sessionId = this.options.session.currentSessionId();
    const values = withPrefill(item, form, identity);
    const parameters = Object.fromEntries(item.form.filter((f) => !f.prefill).map((f) => [f.id, values[f.id] ?? '']));
    let answer: QueryResponse;
    let askedAt: string;
    try {
      const reply = await this.options.platform.query({ service: item.code, applicant: { name: identity.name, idNumber: identity.idNumber }, parameters });
      answer = reply.body;
      askedAt = (reply.platformTime ?? new Date(reply.receivedAt)).toISOString();
    } catch (e) {
      const failure = platformFailure(e);
      if (failure.reason === 'unreachable') throw new KioskError('platform-unreachable', 'query: platform unreachable');
      if (failure.reason === 'rejected') throw new KioskError('not-found', `query: the platform refused it (HTTP ${failure.status})`, { reason: 'rejected' });
      throw new KioskError('internal', 'query: the platform answer breaks the protocol and was refused', { reason: 'invalid-response' });
    }
    // The session may have ended while the platform answered: nobody is there to see it.
    if (this.options.session.currentSessionId() !== sessionId) throw new KioskError('no-session', 'the session ended');
    // Counted like a started application: the home screen's "most used here" list learns it.
    this.options.catalogue.recordUse(item.code);
    const query: SessionQuery = { id: randomUUID(), service: item, askedAt, answer };
    this.asked.set(query.id, query);
    return query;
  }

  /** The contract methods of the `queries` service. */
  methods(): MethodsOf<KioskContract['queries']> {
    return {
      run: async ({ serviceCode, form }) => view(await this.ask(serviceCode, form), maskForScreen),
      reveal: async ({ id }) => {
        const query = this.asked.get(id);
        if (!query) throw new KioskError('not-found', 'no such query in this session');
        return view(query, null);
      },
    };
  }
}
