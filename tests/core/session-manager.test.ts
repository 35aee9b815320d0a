import { describe, expect, it } from 'vitest';
import { EventHub } from '../../common/contract/event-hub';
import type { KioskContract } from '../../common/contract/kiosk-contract';
import type { SessionView } from '../../common/contract/schemas';
import { SessionManager } from '../../main/core/session/session-manager';
import type { Identity } from '../../main/core/session/identity';
import { EventLog } from './support/event-log';

function person(name: string, idNumber: string | null): Identity {
  return { method: 'idcard', name, idNumber, address: '北京市东城区示例街道幸福里12号', cardType: 'resident', expired: false };
}

function setup() {
  const hub = new EventHub<KioskContract>();
  const log = new EventLog(hub);
  return { session: new SessionManager(hub), log };
}

describe('SessionManager', () => {
  it('starts idle with no session and no identity', () => {
    const { session } = setup();
    expect(session.view()).toEqual({ sessionId: null, stage: 'idle', identity: null });
    expect(session.currentIdentity()).toBeNull();
  });

  it('goes reading → identified and publishes only masked identities', () => {
    const { session, log } = setup();
    session.cardPresented();
    const reading = session.view();
    expect(reading.stage).toBe('reading');
    expect(reading.sessionId).toEqual(expect.any(String));

    session.identified(person('李晓明', '110101198504121230'));
    const view = session.view();
    expect(view.sessionId).toBe(reading.sessionId);
    expect(view.identity).toEqual({ method: 'idcard', maskedName: '李**', maskedIdNumber: '1101**********1230', cardType: 'resident', expired: false });

    const changes = log.of<SessionView>('session:onChanged');
    expect(changes.map((c) => c.stage)).toEqual(['reading', 'identified']);
    const all = log.serialised();
    expect(all).not.toContain('李晓明');
    expect(all).not.toContain('110101198504121230');
    expect(all).not.toContain('幸福里');
  });

  it('keeps the full identity for core services until the session ends', () => {
    const { session } = setup();
    session.identified(person('李晓明', '110101198504121230'));
    expect(session.currentIdentity()?.name).toBe('李晓明');
    expect(session.currentIdentity()?.idNumber).toBe('110101198504121230');
  });

  it('end() wipes the identity in place, calls wipe listeners with the ended id and publishes idle', () => {
    const { session, log } = setup();
    session.identified(person('李晓明', '110101198504121230'));
    const held = session.currentIdentity()!;
    const id = session.currentSessionId();
    const wiped: string[] = [];
    session.onWipe((sid) => wiped.push(sid));

    const after = session.end();
    expect(after).toEqual({ sessionId: null, stage: 'idle', identity: null });
    expect(wiped).toEqual([id]);
    expect(held.name).toBe('');
    expect(held.idNumber).toBeNull();
    expect(held.address).toBeNull();
    expect(session.currentIdentity()).toBeNull();
    expect(log.of<SessionView>('session:onChanged').at(-1)?.stage).toBe('idle');
  });

  it('does not call wipe listeners when no session was open, and an unsubscribed listener is not called', () => {
    const { session } = setup();
    const wiped: string[] = [];
    const off = session.onWipe((sid) => wiped.push(sid));
    session.end();
    expect(wiped).toEqual([]);
    session.identified(person('王芳', '110101199003070015'));
    off();
    session.end();
    expect(wiped).toEqual([]);
  });

  it('a different person while identified ends the old session first (data never mixes)', () => {
    const { session } = setup();
    session.identified(person('李晓明', '110101198504121230'));
    const first = session.currentSessionId();
    const firstIdentity = session.currentIdentity()!;
    const wiped: string[] = [];
    session.onWipe((sid) => wiped.push(sid));

    session.identified(person('王芳', '110101199003070015'));
    expect(wiped).toEqual([first]);
    expect(firstIdentity.name).toBe('');
    expect(session.currentSessionId()).not.toBe(first);
    expect(session.view().identity?.maskedName).toBe('王*');
  });

  it('the same person read again keeps the session', () => {
    const { session } = setup();
    session.identified(person('李晓明', '110101198504121230'));
    const first = session.currentSessionId();
    session.identified(person('李晓明', '110101198504121230'));
    expect(session.currentSessionId()).toBe(first);
  });

  it('a card presented while identified does not change the stage', () => {
    const { session, log } = setup();
    session.identified(person('李晓明', '110101198504121230'));
    const before = log.events.length;
    session.cardPresented();
    expect(session.view().stage).toBe('identified');
    expect(log.events.length).toBe(before);
  });

  it('a failed read returns to idle without a session and reports the failure', () => {
    const { session, log } = setup();
    session.cardPresented();
    session.identifyFailed({ code: 'card-removed', message: 'NoMedia' });
    expect(session.view()).toEqual({ sessionId: null, stage: 'idle', identity: null });
    expect(log.of('session:onIdentifyFailed')).toEqual([{ code: 'card-removed', message: 'NoMedia' }]);
  });

  it('a failed read while someone is identified keeps that person', () => {
    const { session } = setup();
    session.identified(person('李晓明', '110101198504121230'));
    const id = session.currentSessionId();
    session.identifyFailed({ code: 'qr-rejected', message: 'rejected' });
    expect(session.view().stage).toBe('identified');
    expect(session.currentSessionId()).toBe(id);
  });

  it('masks a QR identity without an ID number', () => {
    const { session } = setup();
    session.identified({ method: 'qr', name: 'Zhang San', idNumber: null, address: null, cardType: null, expired: false });
    expect(session.view().identity).toEqual({ method: 'qr', maskedName: 'Z**** S**', maskedIdNumber: null, cardType: null, expired: false });
  });

  it('a card on the reader at start opens nothing by itself: left unread, reported at-start, read on a touch (begin)', () => {
    const { session, log } = setup();
    let rearmed = 0;
    session.useReader(() => rearmed++);
    expect(session.cardPresented(true)).toBe(false);
    expect(session.view()).toEqual({ sessionId: null, stage: 'idle', identity: null, leftCard: 'at-start' });
    expect(session.begin()).toEqual({ sessionId: null, stage: 'idle', identity: null });
    expect(rearmed).toBe(1);
    // The reader presents it again (not initial): now it is read and opens the session.
    expect(session.cardPresented(false)).toBe(true);
    expect(session.view().stage).toBe('reading');
    expect(log.of<SessionView>('session:onChanged').map((c) => c.leftCard ?? null)).toEqual(['at-start', null, null]);
  });

  it('a card left after the session ends is reported after-session and does not start the next one; lifting it clears that', () => {
    const { session } = setup();
    let rearmed = 0;
    session.useReader(() => rearmed++);
    expect(session.cardPresented(false)).toBe(true);
    session.identified(person('李晓明', '110101198504121230'));
    expect(session.end()).toEqual({ sessionId: null, stage: 'idle', identity: null, leftCard: 'after-session' });
    session.cardRemoved();
    expect(session.view()).toEqual({ sessionId: null, stage: 'idle', identity: null });
    expect(session.begin().leftCard).toBeUndefined();
    expect(rearmed).toBe(0);
  });

  it('no card left when the session ends without a card on the reader (QR e-ID), and a new card placed later opens a session', () => {
    const { session } = setup();
    session.identified({ ...person('李晓明', '110101198504121230'), method: 'qr' });
    expect(session.end().leftCard).toBeUndefined();
    expect(session.cardPresented(false)).toBe(true);
  });
});
