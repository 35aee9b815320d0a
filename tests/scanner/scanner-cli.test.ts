import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openSerialBytePort } from '../../drivers/base/serial-byte-port';
import { ScannerSimulator } from '../../drivers/scanner/sim/scanner-simulator';
import { createPtyPair, hasSocat, type PtyPair } from '../support/pty-pair';

const root = new URL('../../', import.meta.url).pathname;

function kioskctl(args: string[]) {
  const child = spawn(process.execPath, ['bin/kioskctl.mjs', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exit, out: () => stdout, err: () => stderr };
}

async function waitFor(predicate: () => boolean, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!hasSocat())('kioskctl scanner (spawned)', () => {
  let pair: PtyPair | null = null;
  afterEach(async () => {
    await pair?.destroy();
    pair = null;
  });

  it('listen prints each payload on a line, reports rejects on stderr, exits 0 on SIGTERM', async () => {
    pair = await createPtyPair();
    const run = kioskctl(['scanner', 'listen', '--port', pair.kioskEnd, '--baud', '115200']);
    // The listener must have the port open before the simulator writes; give tsx time to start.
    const simPort = await openSerialBytePort({ path: pair.simEnd });
    const simulator = new ScannerSimulator(simPort);
    const deadline = Date.now() + 15000;
    while (!run.out().includes('READY')) {
      if (Date.now() > deadline) throw new Error('listener never printed a scan');
      await simulator.scan('READY');
      await new Promise((r) => setTimeout(r, 200));
    }
    await simulator.scan('CODE-001', { terminator: '\r\n' });
    await simulator.scan('BAD\u001bCODE');
    await simulator.scan('社保码:002', { chunkSize: 2 });
    await waitFor(() => run.out().includes('社保码:002\n'), 5000, 'the last payload');
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    const lines = run.out().split('\n').filter((l) => l !== 'READY');
    expect(lines).toEqual(['CODE-001', '社保码:002', '']);
    expect(run.err()).toContain('control character');
    expect(run.err()).toContain('扫码内容含有控制字符');
    expect(run.err()).not.toContain('BAD');
    await simulator.close();
  });

  it('sim writes a payload that listen receives', async () => {
    pair = await createPtyPair();
    const run = kioskctl(['scanner', 'listen', '--port', pair.kioskEnd]);
    const deadline = Date.now() + 15000;
    while (!run.out().includes('PING')) {
      if (Date.now() > deadline) throw new Error('listener never printed a scan');
      const sim = kioskctl(['scanner', 'sim', '--port', pair.simEnd, '--payload', 'PING', '--crlf', '--chunk', '2']);
      expect(await sim.exit).toBe(0);
    }
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  });

  it('exits 5 when the port cannot be opened and 2 on usage errors', async () => {
    const missing = kioskctl(['scanner', 'listen', '--port', '/nonexistent/ttyX']);
    expect(await missing.exit).toBe(5);
    expect(missing.err()).toContain('无法打开串口');
    const usage = kioskctl(['scanner', 'listen']);
    expect(await usage.exit).toBe(2);
    expect(usage.err()).toContain('--port is required');
  });
});
