import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { CallContext } from './connections';
import { defineContract, event, method, service, type ImplementationOf } from './define';
import { ContractDispatcher } from './dispatcher';

/** A small contract with one service per role. */
const contract = defineContract({
  desk: service('citizen', {
    ping: method(z.object({}).strict(), z.object({ pong: z.literal(true) })),
    onTick: event(z.object({ n: z.number().int() })),
  }),
  maintenance: service('technician', {
    report: method(z.object({ verbose: z.boolean() }).strict(), z.object({ caller: z.string() })),
    onAlarm: event(z.object({ level: z.number().int() })),
  }),
});

function setup() {
  const seen: string[] = [];
  const impl: ImplementationOf<typeof contract> = {
    desk: { ping: async () => ({ pong: true as const }) },
    maintenance: {
      report: async (_input, context: CallContext) => {
        seen.push(context.connection.id);
        return { caller: context.connection.id };
      },
    },
  };
  const dispatcher = new ContractDispatcher(contract, impl);
  return { dispatcher, seen };
}

describe('ContractDispatcher roles', () => {
  it('refuses a technician method on a citizen connection with forbidden and detail.role, before looking at the payload', async () => {
    const { dispatcher, seen } = setup();
    const citizen = dispatcher.connections.open('test');
    for (const payload of [{ verbose: true }, { verbose: 'not a boolean' }, { role: 'technician' }, undefined]) {
      expect(await dispatcher.handle('maintenance:report', payload, citizen)).toEqual({ ok: false, error: { code: 'forbidden', message: 'maintenance:report needs the technician role', detail: { role: 'technician' } } });
    }
    expect(seen).toEqual([]);
  });

  it('refuses technician methods to in-process calls without a connection', async () => {
    const { dispatcher } = setup();
    expect(await dispatcher.handle('maintenance:report', { verbose: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatcher.handle('desk:ping', {})).toEqual({ ok: true, value: { pong: true } });
  });

  it('serves the granted connection, passing it to the implementation, and still refuses the others', async () => {
    const { dispatcher, seen } = setup();
    const tech = dispatcher.connections.open('test');
    const other = dispatcher.connections.open('test');
    dispatcher.connections.grant(tech.id, 'technician');
    expect(await dispatcher.handle('maintenance:report', { verbose: false }, tech)).toEqual({ ok: true, value: { caller: tech.id } });
    expect(await dispatcher.handle('maintenance:report', { verbose: false }, other)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatcher.handle('desk:ping', {}, tech)).toMatchObject({ ok: true });
    expect(seen).toEqual([tech.id]);
  });

  it('validates the payload of a granted call as usual', async () => {
    const { dispatcher } = setup();
    const tech = dispatcher.connections.open('test');
    dispatcher.connections.grant(tech.id, 'technician');
    expect(await dispatcher.handle('maintenance:report', { verbose: true, role: 'technician' }, tech)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('refuses calls on a closed connection, on one of another dispatcher, and on a look-alike object', async () => {
    const { dispatcher } = setup();
    const closed = dispatcher.connections.open('test');
    dispatcher.connections.close(closed.id);
    const foreign = setup().dispatcher.connections.open('test');
    const granted = dispatcher.connections.open('test');
    dispatcher.connections.grant(granted.id, 'technician');
    const lookAlike = { ...granted };
    for (const c of [closed, foreign, lookAlike]) {
      expect(await dispatcher.handle('desk:ping', {}, c)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'desk:ping: the connection is closed' } });
    }
  });

  it('withholds technician events from citizen connections and delivers them once granted', () => {
    const { dispatcher } = setup();
    const c = dispatcher.connections.open('test');
    expect(dispatcher.checkEvent('desk:onTick', { n: 1 }, c)).toEqual({ ok: true, payload: { n: 1 } });
    expect(dispatcher.checkEvent('maintenance:onAlarm', { level: 2 }, c)).toEqual({ ok: false });
    expect(dispatcher.checkEvent('maintenance:onAlarm', { level: 2 })).toEqual({ ok: false });
    expect(dispatcher.mayReceive('maintenance:onAlarm', c)).toBe(false);
    dispatcher.connections.grant(c.id, 'technician');
    expect(dispatcher.checkEvent('maintenance:onAlarm', { level: 2 }, c)).toEqual({ ok: true, payload: { level: 2 } });
    expect(dispatcher.checkEvent('maintenance:onAlarm', { level: 'high' }, c)).toEqual({ ok: false });
    dispatcher.connections.close(c.id);
    expect(dispatcher.checkEvent('desk:onTick', { n: 1 }, c)).toEqual({ ok: false });
  });
});

describe('defineContract roles', () => {
  it('refuses a service whose members were not bound to a role', () => {
    expect(() => defineContract({ loose: { ping: method(z.object({}), z.object({})) } } as never)).toThrow(/loose\.ping: no role/);
  });

  it('refuses a service mixing roles', () => {
    const mixed = { ...service('citizen', { a: method(z.object({}), z.object({})) }), ...service('technician', { b: method(z.object({}), z.object({})) }) };
    expect(() => defineContract({ mixed })).toThrow(/one role per service/);
  });

  it('binds every member of a service to its role', () => {
    expect(Object.values(contract.maintenance).map((m) => m.role)).toEqual(['technician', 'technician']);
    expect(Object.values(contract.desk).map((m) => m.role)).toEqual(['citizen', 'citizen']);
  });
});
