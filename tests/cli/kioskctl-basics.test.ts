import { readdirSync, writeFileSync } from 'node:fs';
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
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'kiosk-config.json')}:1:23: devices.idcard.mode: 只能是 "sim"、"serial" 之一`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a malformed configuration file: one line per problem with file:line:column, Chinese and English, exit 2, no stack trace', async () => {
    const dir = scratch();
    const file = join(dir, 'kiosk-config.json');
    writeFileSync(file, '{\n  "platformUrl": "https://zwfw.example.gov.cn"\n  "idleTimeoutSeconds": 90\n}\n');
    const run = await runKioskctl(['devices', 'list', '--data-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`配置有 1 处错误 / invalid kiosk configuration: 1 problem\n  ${file}:3:3: 不是合法 JSON：两项之间缺少逗号 "," / not valid JSON: a comma "," is expected between two entries\n`);
  });

  it('config check FILE: 0 for a valid file, 2 with one line per problem for an invalid one; nothing is created', async () => {
    const dir = scratch();
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ devices: { receiptPrinter: { mode: 'tcp', host: '10.0.0.5' } } }));
    const ok = await runKioskctl(['config', 'check', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`配置有效 / configuration valid: ${good}\n`);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "theme": { "siteName": "网点" },\n  "idleTimout": 5\n}\n');
    const run = await runKioskctl(['config', 'check', bad, '--json']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { valid: boolean; problems: Array<{ line: number; column: number; field: string }> };
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['2:3 theme', '3:3 idleTimout']);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(3);
    expect(run.stderr).toContain('theme 不完整');
    expect(run.stderr).toContain('(did you mean "idleTimeoutSeconds"?)');
    expect(readdirSync(dir).sort()).toEqual(['bad.json', 'good.json']);
    expect((await runKioskctl(['config', 'check'])).code).toBe(2);
    expect((await runKioskctl(['config', 'check', join(dir, 'missing.json')])).stderr).toContain('文件不存在 / no such file');
  });

  it('devices list (text): each column starts at the same place on every row', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'kiosk-config.json'), JSON.stringify({ devices: { receiptPrinter: { mode: 'tcp', host: '192.0.2.10' }, a4Printer: { printerName: 'A-Long-Queue-Name' } } }));
    const run = await runKioskctl(['devices', 'list', '--data-dir', dir]);
    const rows = run.stdout.split('已配置设备 / configured devices:\n')[1]!.trimEnd().split('\n');
    expect(rows).toHaveLength(4);
    const statusColumn = rows.map((r) => r.search(/(simulated|present|noDevice|configured)$/));
    expect(new Set(statusColumn).size).toBe(1);
    const modeColumn = rows.map((r) => r.search(/ (sim|serial|tcp|cups|os|none) /));
    expect(new Set(modeColumn).size).toBe(1);
  });

  it('a port that cannot be opened is named once per language, in one line', async () => {
    const run = await runKioskctl(['printer', 'status', '--port', '/nonexistent/ttyKIOSK']);
    expect(run.code).toBe(5);
    expect(run.stderr).toBe('kioskctl printer: 无法打开串口 /nonexistent/ttyKIOSK / cannot open /nonexistent/ttyKIOSK: No such file or directory\n');
  });
});
