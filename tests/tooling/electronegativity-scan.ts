import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { build, transform } from 'esbuild';
import { SHELL_EXTERNALS } from '../../scripts/packaging/shell-externals.mjs';
import { REPO_ROOT } from './repo-root';

/**
 * Runs the field's Electron security scanner (`@doyensec/electronegativity`)
 * over the shipped shell (main process + preload) and reports every finding
 * with the source file it came from.
 *
 * Why not `scripts/build-electron.mjs`'s `dist/electron/*.cjs` as it is: the
 * scanner cannot read it. Its parser stops at class private fields ("Error
 * parsing main.js - Unknown node type ClassPrivateProperty"), and its checks
 * match `new BrowserWindow(...)` by identifier, while the CommonJS bundle says
 * `new import_electron.BrowserWindow(...)` and an ES-module bundle renames the
 * second module's import to `BrowserWindow2` (measured: the .cjs scans clean
 * and blind, an ES bundle misses both print windows). So the scan covers
 * exactly the modules esbuild puts in the shell's bundles (same entries, same
 * externals, node_modules included), each transpiled alone to ES2021 at its
 * own path: identifiers keep their names and a finding names its source file.
 */


/** The shell's entry points (main process and preload), as in scripts/build-electron.mjs. */
const SHELL_ENTRIES = ['main/electron/main.ts', 'main/preload/preload.ts'];


/**
 * Checks left out, with the reason: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK
 * downloads Electron's release list from GitHub, so its answer depends on the
 * network (offline it silently reports nothing). The Electron floor test
 * (tests/tooling/electron-floor.test.ts, build/electron-floor.json) answers the
 * same question from the lock file, the same way every run.
 */
export const EXCLUDED_CHECKS = ['AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK'] as const;

/** One finding of the scanner. */
export interface ScanFinding {
  /** Check id, e.g. `AUXCLICK_JS_CHECK`. */
  check: string;
  /** Repository-relative source file of the finding, or `(global)` for an application-wide check. */
  source: string;
  /** Scanner's message. */
  message: string;
}

/** The scanner's output of one run. */
export interface ScanResult {
  findings: ScanFinding[];
  /** Files the scanner could not parse, with its message (each one is a blind spot). */
  parseErrors: string[];
  /** Number of checks the scanner ran (global + atomic). */
  checksRun: number;
  /** Number of JavaScript files scanned (the shell's modules). */
  filesScanned: number;
}

interface RunnerOutput {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string }>;
  issues: Array<{ id: string; file: string; line: number; column: number; description: string }>;
}

/** Runs a command; resolves with its exit code and stderr. Never rejects on a non-zero exit. */
function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Class names of {@link EXCLUDED_CHECKS} (the runner excludes by class name). */
const EXCLUDED_CLASSES = ['AvailableSecurityFixesGlobalCheck'];

/**
 * Builds the scan bundle and runs electronegativity 1.10.3 over it, assuming
 * `electronVersion` (the locked Electron; the scanner cannot detect it from a
 * bundle). Takes about 15 s on one core. Rejects when the bundle fails to
 * build or the scanner fails.
 */
export async function scanShell(electronVersion: string): Promise<ScanResult> {
  const outdir = await mkdtemp(join(tmpdir(), 'kiosk-electronegativity-'));
  const scanDir = join(outdir, 'scan');
  try {
    const sourceOfScanFile = await writeScanTree(scanDir);
    const resultFile = join(outdir, 'result.json');
    const runner = join(REPO_ROOT, 'tests/tooling/electronegativity-runner.mjs');
    const { code, stderr } = await run(process.execPath, [runner, scanDir, electronVersion, EXCLUDED_CLASSES.join(','), resultFile], REPO_ROOT);
    if (code !== 0) throw new Error(`electronegativity failed (exit ${code}): ${stderr}`);
    const out = JSON.parse(await readFile(resultFile, 'utf8')) as RunnerOutput;
    const sourceOf = (file: string): string => (file === 'N/A' ? '(global)' : (sourceOfScanFile.get(file.split('\\').join('/')) ?? `(unknown ${file})`));
    return {
      findings: out.issues.map((i) => ({ check: i.id, source: sourceOf(i.file), message: i.description })),
      parseErrors: out.errors.map((e) => `${sourceOf(relative(scanDir, e.file))}: ${e.message}`),
      checksRun: out.globalChecks + out.atomicChecks,
      filesScanned: sourceOfScanFile.size,
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

/**
 * Writes every module the shell bundles (esbuild's metafile of the two
 * entries, node_modules included), each transpiled alone to ES2021 JavaScript,
 * at its own path under `scanDir`. Returns scan file → source file, both
 * repository-relative.
 */
async function writeScanTree(scanDir: string): Promise<Map<string, string>> {
  const inputs = new Set<string>();
  for (const entry of SHELL_ENTRIES) {
    const result = await build({
      absWorkingDir: REPO_ROOT,
      entryPoints: [entry],
      outdir: join(scanDir, '.unused'),
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      external: [...SHELL_EXTERNALS],
      logLevel: 'error',
    });
    for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
  }
  const sourceOfScanFile = new Map<string, string>();
  for (const input of inputs) {
    const loader = LOADERS[extname(input)];
    if (!loader) continue;
    const scanFile = `${input.slice(0, -extname(input).length)}.js`;
    const { code } = await transform(await readFile(join(REPO_ROOT, input), 'utf8'), { loader, target: 'es2021', sourcefile: input });
    await mkdir(dirname(join(scanDir, scanFile)), { recursive: true });
    await writeFile(join(scanDir, scanFile), code);
    sourceOfScanFile.set(scanFile, input);
  }
  return sourceOfScanFile;
}

/** esbuild loader per source extension; other inputs (JSON data) hold no code to scan. */
const LOADERS: Record<string, 'ts' | 'js'> = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js' };
