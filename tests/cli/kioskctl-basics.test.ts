import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../main/cli/commands/index';
import { tempDir } from '../core/support/temp-dir';
import { runKioskctl } from './support/kioskctl-process';

const cleanups: Array<() => void> = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

function scratch(): string {
  const t = tempDir('kioskctl-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe.concurrent('kioskctl (spawned as a technician runs it)', () => {
  it('--help lists every registered command with its summary and exits 0', async () => {
    const run = await runKioskctl(['--help']);
    expect(run.code).toBe(0);
    expect(commands.length).toBeGreaterThanOrEqual(9);
    for (const c of commands) expect(run.stdout).toMatch(new RegExp(`^  ${c.name}\\s+${c.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  });

  it('an unknown command exits 2 and points to --help', async () => {
    const run = await runKioskctl(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(run.stderr).toContain('kioskctl --help');
  });

  it('no command prints the help and exits 2', async () => {
    const run = await runKioskctl([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Usage: kioskctl <command>');
  });

  it('devices list --json: serial ports, HID devices and the configured devices with their status', async () => {
    const dir = scratch();
    const missing = join(dir, 'ttyMISSING');
    writeFileSync(
      join(dir, 'kiosk-config.json'),
      JSON.stringify({ devices: { idcard: { mode: 'serial', port: missing }, receiptPrinter: { mode: 'tcp', host: '192.0.2.10' } } }),
    );
    const run = await runKioskctl(['devices', 'list', '--data-dir', dir, '--json']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as {
      serialPorts: Array<{ path: string; manufacturer: string | null; vendorId: string | null; productId: string | null }>;
      hidDevices: unknown[];
      configured: Array<{ name: string; mode: string; port: string | null; status: string }>;
    };
    expect(Object.keys(listed).sort()).toEqual(['configured', 'hidDevices', 'serialPorts']);
    expect(Array.isArray(listed.serialPorts)).toBe(true);
    expect(Array.isArray(listed.hidDevices)).toBe(true);
    for (const p of listed.serialPorts) expect(typeof p.path).toBe('string');
    expect(listed.configured).toEqual([
      { name: 'idcard', mode: 'serial', port: missing, status: 'noDevice' },
      { name: 'receiptPrinter', mode: 'tcp', port: '192.0.2.10:9100', status: 'configured' },
      { name: 'scanner', mode: 'sim', port: null, status: 'simulated' },
      { name: 'a4Printer', mode: 'cups', port: 'ipp://localhost:631/printers/KioskPDF', status: 'configured' },
    ]);
  });

  it('devices list (text) is bilingual and shows each configured device', async () => {
    const run = await runKioskctl(['devices', 'list', '--data-dir', scratch()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已配置设备 / configured devices:');
    expect(run.stdout).toMatch(/^ {2}idcard\s+sim\s+-\s+simulated$/m);
  });

  it('devices with a bad sub-command exits 2', async () => {
    expect((await runKioskctl(['devices', 'lsit'])).code).toBe(2);
  });

  it('devices list with an invalid configuration file fails with a readable message', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'kiosk-config.json'), JSON.stringify({ devices: { idcard: { mode: 'usb' } } }));
    const run = await runKioskctl(['devices', 'list', '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('devices.idcard.mode');
  });
});
