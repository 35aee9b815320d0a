import type { EventSink } from '../../../common/contract/define';
import type { DelegationRefusal, DelegationRelation, DelegationRoute, DelegationView } from '../../../common/contract/delegation-schemas';
import type { KioskContract } from '../../../common/contract/kiosk-contract';
import { maskIdNumber, maskName } from '../../../common/domain/masking';
import type { DelegationRecord } from '../../../offline-cache/index';
import { forgetIdentity, type Identity } from './identity';
import type { SessionManager } from './session-manager';

/** The evidence that the principal consented (or that the agent is their guardian). */
export type DelegationConsent = DelegationRecord['consent'];

/** A principal identified by one of the three routes, with the evidence of consent. */
export interface PrincipalEvidence {
  route: DelegationRoute;
  principal: Identity;
  consent: DelegationConsent;
  /** What an authorisation covers (codes) and until when; null for the card and guardian routes. */
  authorisation: { services: string[]; expiresAt: string } | null;
  /** The guardian route states the relation with the check. */
  relation?: DelegationRelation;
}

const NONE: DelegationView = { state: 'none', route: null, relation: null, principal: null, services: null, expiresAt: null, refusal: null };

/**
 * Acting for another person (代办) within the one session: whom the agent (the
 * session's identity) applies for, the relation and the evidence of consent.
 * Held in main/core memory only; the renderer gets {@link DelegationView}
 * (principal masked). Cleared when the session ends (the wipe) and whenever
 * the agent changes. Emits `delegation:onChanged` on every change.
 */
export class DelegationManager {
  private state: DelegationView['state'] = 'none';
  private route: DelegationRoute | null = null;
  private relation: DelegationRelation | null = null;
  private evidence: PrincipalEvidence | null = null;
  private refusal: DelegationRefusal | null = null;

  constructor(
    private readonly session: SessionManager,
    private readonly events: EventSink<KioskContract>,
  ) {
    session.onWipe(() => this.clear(false));
  }

  /** The masked view for the renderer. */
  view(): DelegationView {
    if (this.state === 'none') return { ...NONE, refusal: this.refusal };
    const p = this.evidence?.principal ?? null;
    return {
      state: this.state,
      route: this.route,
      relation: this.relation,
      principal: p ? { maskedName: maskName(p.name), maskedIdNumber: p.idNumber === null ? null : maskIdNumber(p.idNumber) } : null,
      services: this.evidence?.authorisation?.services ?? null,
      expiresAt: this.evidence?.authorisation?.expiresAt ?? null,
      refusal: this.refusal,
    };
  }

  /** True while the next card read is the principal's (not a new session). */
  awaitingCard(): boolean {
    return this.state === 'awaiting-card';
  }

  /** True while a scanned code is the principal's authorisation (not an e-ID). */
  awaitingAuthorisation(): boolean {
    return this.state === 'awaiting-authorisation';
  }

  /** Expects the principal by card or by authorisation QR; any earlier principal is forgotten. */
  start(route: 'card' | 'authorisation'): DelegationView {
    this.forgetPrincipal();
    this.state = route === 'card' ? 'awaiting-card' : 'awaiting-authorisation';
    this.route = route;
    this.relation = null;
    this.refusal = null;
    return this.publish();
  }

  /** A refusal while the principal is being identified: the state is kept (the person may try again), the reason shown. */
  refuse(reason: DelegationRefusal): DelegationView {
    this.refusal = reason;
    return this.publish();
  }

  /**
   * The principal is identified. Refused `same-person` when it is the agent
   * themselves (nothing changes but the refusal).
   */
  principalIdentified(evidence: PrincipalEvidence): DelegationView {
    const agent = this.session.currentIdentity();
    if (agent && agent.idNumber !== null && evidence.principal.idNumber?.toUpperCase() === agent.idNumber.toUpperCase()) {
      forgetIdentity(evidence.principal);
      return this.refuse('same-person');
    }
    this.forgetPrincipal();
    this.evidence = evidence;
    this.route = evidence.route;
    this.relation = evidence.relation ?? null;
    this.state = 'ready';
    this.refusal = null;
    return this.publish();
  }

  /** The agent's relation to the principal (only once the principal is known). */
  setRelation(relation: DelegationRelation): DelegationView {
    if (this.state !== 'ready') return this.view();
    this.relation = relation;
    return this.publish();
  }

  /** The principal and what covers the application, for the core's services; null unless ready with a relation. */
  active(): (PrincipalEvidence & { relation: DelegationRelation }) | null {
    if (this.state !== 'ready' || !this.evidence || !this.relation) return null;
    return { ...this.evidence, relation: this.relation };
  }

  /** True while acting for someone (from `start` on), even before the principal is known. */
  engaged(): boolean {
    return this.state !== 'none';
  }

  /** The record the outbox seals with an application: agent and principal in full, relation and consent. Null when not delegating. */
  record(): DelegationRecord | null {
    const active = this.active();
    const agent = this.session.currentIdentity();
    if (!active || !agent) return null;
    return {
      route: active.route,
      relation: active.relation,
      agent: { name: agent.name, idNumber: agent.idNumber },
      principal: { name: active.principal.name, idNumber: active.principal.idNumber },
      consent: { ...active.consent },
    };
  }

  /** Back to acting for oneself. */
  stop(): DelegationView {
    return this.clear(true);
  }

  private clear(publish: boolean): DelegationView {
    const changed = this.state !== 'none' || this.refusal !== null;
    this.forgetPrincipal();
    this.state = 'none';
    this.route = null;
    this.relation = null;
    this.refusal = null;
    return publish || changed ? this.publish() : this.view();
  }

  private forgetPrincipal(): void {
    if (this.evidence) forgetIdentity(this.evidence.principal);
    this.evidence = null;
  }

  private publish(): DelegationView {
    const view = this.view();
    this.events.emit('delegation', 'onChanged', view);
    return view;
  }
}
