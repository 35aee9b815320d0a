#!/usr/bin/env node
// The whole test suite, as the README's second command (`npm test`) and CI run it:
// type-check (tsc -b over every type environment), lint, build the renderer,
// unit + integration tests, the browser end-to-end tests, then the check of
// the platform traffic those tests recorded. Prints one closing line
// "N passed, N failed" counting every test of every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reportDir = join(root, 'test-results');
// Only here, before anything runs: the end-to-end tests record the kiosk's
// platform traffic into test-results/uplink-traffic/, which the last step reads.
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;
let stepFailed = false;

function step(name, command, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${seconds} s\n`);
  if (r.status !== 0) stepFailed = true;
  return r.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
}

// Playwright's JSON report: `expected` passed, `unexpected` failed, `flaky`
// passed only on a retry (counted as failed: a flaky test is a finding).
function countPlaywright(file) {
  if (!existsSync(file)) return;
  const { stats = {} } = JSON.parse(readFileSync(file, 'utf8'));
  passed += stats.expected ?? 0;
  failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
}

// Real spooler for the A4 printing tests, when this machine can run one (root + CUPS installed).
if (process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/sbin/cupsd') && existsSync(join(root, 'scripts/setup-cups.sh'))) {
  step('start CUPS with the KioskPDF printer', 'bash', [join(root, 'scripts/setup-cups.sh')]);
}

// Build mode: one project per type environment (tsconfig.json references them);
// declarations and build info go to the git-ignored .tsbuild/, so a second run
// re-checks only what changed.
step('type-check', npx, ['tsc', '-b']);
step('lint', npx, ['eslint', '.']);
step('build renderer (voice prompts + Vite)', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:renderer', '--', '--logLevel', 'warn']);
const unitJson = join(reportDir, 'unit.json');
step('unit and integration tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
countVitest(unitJson);
const e2eJson = join(reportDir, 'e2e.json');
// Playwright (playwright.config.ts); traces and screenshots of failed tests in test-results/playwright/.
step('end-to-end tests (Playwright, Chromium)', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
countPlaywright(e2eJson);
const e2eArtifacts = join(reportDir, 'playwright');
const traces = existsSync(e2eArtifacts) ? readdirSync(e2eArtifacts, { recursive: true }).filter((f) => String(f).endsWith('trace.zip')) : [];
for (const trace of traces) process.stdout.write(`failed e2e test, trace and screenshot in: ${join(e2eArtifacts, String(trace), '..')} (npx playwright show-trace ${join(e2eArtifacts, String(trace))})\n`);
// Every request and response recorded during the end-to-end walks, against docs/openapi.yaml.
const trafficJson = join(reportDir, 'traffic.json');
step('recorded platform traffic (OpenAPI)', npx, ['vitest', 'run', '-c', 'vitest.traffic.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${trafficJson}`]);
countVitest(trafficJson);

if (stepFailed && failed === 0) failed = 1;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(stepFailed ? 1 : 0);
