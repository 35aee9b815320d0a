import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../core/config';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startCore } from '../supervisor/start-core';
import { utilityCoreProcess, type UtilityChild } from './utility-core-process';

vi.mock('electron', async () => (await import('../../tests/contract/fake-electron')).electronModule);

/**
 * Electron's utilityProcess cannot run here: the stand-in forks a real Node
 * child and gives it a `process.parentPort` like a utility process has
 * (`postMessage` / `on('message', {data})`), so the adapter and the child's
 * port code are both exercised over a real process boundary.
 */
function utilityStandIn(modulePath: string): UtilityChild {
  const shim = join(dir, 'parent-port-shim.cjs');
  const child: ChildProcess = fork(shim, [modulePath], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const events = new EventEmitter();
  child.on('message', (m) => events.emit('message', m));
  child.on('exit', (code) => events.emit('exit', code ?? -1));
  return {
    get pid() {
      return child.pid;
    },
    postMessage: (m) => void child.send(m as never),
    kill: () => child.kill('SIGKILL'),
    on: (event: string, listener: (...a: unknown[]) => void) => events.on(event, listener),
    off: (event: string, listener: (...a: unknown[]) => void) => events.off(event, listener),
  } as UtilityChild;
}

const dir = mkdtempSync(join(tmpdir(), 'utility-core-'));
writeFileSync(
  join(dir, 'parent-port-shim.cjs'),
  `const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (m) => process.send(m);
process.on('message', (m) => port.emit('message', { data: m }));
process.parentPort = port;
require(process.argv[2]);
`,
);
// A minimal core: answers init with ready, as run-core-child does, through process.parentPort.
writeFileSync(
  join(dir, 'core.cjs'),
  `process.parentPort.on('message', ({ data }) => {
  if (data.t === 'init') process.parentPort.postMessage({ t: 'ready', pid: process.pid, routes: [] });
  if (data.t === 'call') process.parentPort.postMessage({ t: 'result', ref: data.ref, result: { ok: true, value: { echoed: data.channel } } });
});
`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('utilityCoreProcess', () => {
  it('carries init/ready and calls over the utility port, and reports the exit of a killed core', async () => {
    const core = utilityCoreProcess(join(dir, 'core.cjs'), (path) => utilityStandIn(path));
    const ready = await startCore(core, { config: {} }, 10_000);
    expect(ready.routes).toEqual([]);
    const answer = new Promise((r) => core.onMessage(r));
    core.send({ t: 'call', ref: 7, connectionId: null, channel: 'system:info', payload: {} });
    expect(await answer).toEqual({ t: 'result', ref: 7, result: { ok: true, value: { echoed: 'system:info' } } });
    core.kill('SIGKILL');
    const exit = await core.exited;
    expect(exit.signal).toBeNull();
    expect(exit.code).not.toBe(0);
  });

  it('runs the real core entry over process.parentPort, with the data key handed over by the shell', async () => {
    const entry = fileURLToPath(new URL('../core/process/core-child-main.ts', import.meta.url));
    const core = utilityCoreProcess(entry, (path) => utilityStandIn(path));
    const config = loadConfig({ dataDir: join(dir, 'kiosk'), platformUrl: 'http://127.0.0.1:9' }, {});
    await startCore(core, { config: config as unknown as Record<string, unknown>, key: Buffer.alloc(32, 7).toString('base64') }, 60_000);
    const answer = new Promise<unknown>((r) => core.onMessage((m) => (m as { t?: string }).t === 'result' && r(m)));
    core.send({ t: 'call', ref: 1, connectionId: null, channel: 'system:serviceState', payload: {} });
    expect(await answer).toEqual({ t: 'result', ref: 1, result: { ok: true, value: { inService: false, reason: 'no-catalogue' } } });
    core.send({ t: 'stop' });
    expect((await core.exited).code).toBe(0);
    // The store was sealed with the shell's key, not a key file of its own.
    expect(existsSync(join(dir, 'kiosk', 'data.key'))).toBe(false);
  }, 90_000);
});
