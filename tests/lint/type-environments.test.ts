import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The type environments of docs/architecture.md, proven with the compiler:
 * each fixture in tests/lint-fixtures/types/ is type-checked with one
 * project's compiler options *and that project's own files* (so a package
 * that drags Node's or the DOM's globals into a project is caught too), and
 * every TypeScript file of the repository belongs to exactly one project.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtureDir = join(root, 'tests/lint-fixtures/types');

type Project = 'common' | 'crypto' | 'renderer' | 'node' | 'electron' | 'platform-sim' | 'tests';

/** Parses a tsconfig file as `tsc -b` reads it (extends resolved); throws on a config error. */
function readConfig(file: string): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(file, undefined, host);
  if (!parsed) throw new Error(`cannot read ${file}`);
  expect(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  return parsed;
}

const solution = readConfig(join(root, 'tsconfig.json'));
/** The solution's projects by environment name (`tsconfig.<name>.json`). */
const projects = new Map<string, ts.ParsedCommandLine>(
  (solution.projectReferences ?? []).map((ref) => {
    const file = ts.resolveProjectReferencePath(ref);
    return [relative(root, file).replace(/^tsconfig\.(.+)\.json$/, '$1'), readConfig(file)];
  }),
);

function project(name: Project): ts.ParsedCommandLine {
  const p = projects.get(name);
  if (!p) throw new Error(`tsconfig.json references no tsconfig.${name}.json`);
  return p;
}

const programs = new Map<Project, ts.Program>();

/**
 * Parsed files shared by the programs (the libs, @types/node, the packages'
 * declarations, common/): every project has the same target and module
 * settings, so a file parses the same in each, as in the language service.
 */
const parsed = new Map<string, ts.SourceFile>();

function sharedHost(options: ts.CompilerOptions): ts.CompilerHost {
  // Referenced projects are read from their sources, as the language service
  // does, so the check needs no `tsc -b` output in .tsbuild/.
  const host: ts.CompilerHost & { useSourceOfProjectReferenceRedirect?: () => boolean } = ts.createCompilerHost(options, true);
  host.useSourceOfProjectReferenceRedirect = () => true;
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const version = typeof languageVersion === 'object' ? `${languageVersion.languageVersion}:${languageVersion.impliedNodeFormat}` : String(languageVersion);
    const key = `${version}:${fileName}`;
    let file = parsed.get(key);
    if (!file) {
      file = read(fileName, languageVersion, onError, shouldCreate);
      if (file) parsed.set(key, file);
    }
    return file;
  };
  return host;
}

/**
 * One program per environment as `tsc -b` builds it: the project's files plus
 * every fixture, with the project's options and references (emit switched off).
 */
function programFor(name: Project): ts.Program {
  let program = programs.get(name);
  if (!program) {
    const { fileNames, options: projectOptions, projectReferences } = project(name);
    const fixtures = readdirSync(fixtureDir).map((f) => join(fixtureDir, f));
    const options = { ...projectOptions, emitDeclarationOnly: false, incremental: false, noEmit: true, tsBuildInfoFile: undefined };
    program = ts.createProgram({ rootNames: [...fileNames, ...fixtures], options, projectReferences, host: sharedHost(options) });
    programs.set(name, program);
  }
  return program;
}

/** The type errors of one fixture under one environment, as `TSnnnn: message`. */
function typeErrors(name: Project, fixture: string): string[] {
  const program = programFor(name);
  const file = program.getSourceFile(join(fixtureDir, fixture));
  if (!file) throw new Error(`fixture ${fixture} is not in the program`);
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(
    (d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  );
}

describe('type environments: what each project forbids', () => {
  it.each<[Project, string, string, Project]>([
    ['renderer', 'renderer-uses-buffer.ts', 'Buffer', 'node'],
    ['renderer', 'renderer-uses-process.ts', 'process', 'node'],
    ['common', 'common-uses-document.ts', 'document', 'renderer'],
    ['common', 'common-uses-buffer.ts', 'Buffer', 'node'],
    ['node', 'drivers-uses-window.ts', 'window', 'renderer'],
    ['node', 'node-uses-document.ts', 'document', 'renderer'],
    ['electron', 'electron-uses-window.ts', 'window', 'renderer'],
    ['platform-sim', 'platform-sim-uses-document.ts', 'document', 'renderer'],
  ])('%s: %s fails on %s (and passes in %s)', (env, fixture, name, where) => {
    const errors = typeErrors(env, fixture);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^TS\\d+: Cannot find name '${name}'\\.`));
    // The same file is fine where that global exists: the environment is what fails it.
    expect(typeErrors(where, fixture)).toEqual([]);
  });

  it.each<Project>(['common', 'renderer', 'node', 'electron', 'platform-sim'])('%s: pure ECMAScript importing common/ passes', (env) => {
    expect(typeErrors(env, 'clean-common.ts')).toEqual([]);
  });

  it.each<[Project, string, string]>([
    ['common', 'common-imports-renderer.ts', 'renderer/src/theme/colors.ts'],
    ['renderer', 'renderer-imports-drivers.ts', 'drivers/base/errors.ts'],
    ['node', 'node-imports-platform-sim.ts', 'platform-sim/faults.ts'],
  ])('%s: %s fails, %s is in no project it references', (env, fixture, foreign) => {
    expect(typeErrors(env, fixture)).toEqual([expect.stringMatching(new RegExp(`^TS6307: File '.*/${foreign.replace(/[./]/g, '\\$&')}' is not listed within the file list of project`))]);
  });

  it('renderer: the DOM with common/ passes', () => {
    expect(typeErrors('renderer', 'clean-renderer.ts')).toEqual([]);
  });

  it.each<Project>(['node', 'electron', 'platform-sim'])('%s: Node globals and builtins with common/ pass', (env) => {
    expect(typeErrors(env, 'clean-node.ts')).toEqual([]);
  });
});

/** Folders that hold no source of ours (generated, installed or git-ignored). */
const SKIPPED = new Set(['node_modules', '.git', '.tsbuild', 'dist', 'coverage', 'test-results', 'playwright-report', '.kiosk-data', 'tmp']);

/** Every TypeScript file of the repository (repo-relative), except the deliberately broken fixtures. */
function sourceFiles(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const rel = relative(root, path);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) || rel === 'tests/lint-fixtures' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [rel] : [];
  });
}

/** Which project each file belongs to: the first matching rule (docs/architecture.md "Type environments"). */
const HOMES: [RegExp, Project][] = [
  [/\.test\.tsx?$/, 'tests'],
  [/^common\/crypto\//, 'crypto'],
  [/^common\//, 'common'],
  [/^renderer\/src\//, 'renderer'],
  [/^(drivers|offline-cache|uplink|main\/(core|cli|web|dev|supervisor))\//, 'node'],
  [/^main\/(electron|preload)\//, 'electron'],
  [/^platform-sim\//, 'platform-sim'],
  [/^(tests|bench|scripts)\/|^renderer\/vite\.config\.ts$|^[^/]+$/, 'tests'],
];

describe('type environments: every file in exactly one project', () => {
  it('the solution references every tsconfig.<env>.json', () => {
    const onDisk = readdirSync(root)
      .filter((f) => /^tsconfig\..+\.json$/.test(f) && f !== 'tsconfig.base.json')
      .map((f) => f.replace(/^tsconfig\.(.+)\.json$/, '$1'));
    expect([...projects.keys()].sort()).toEqual(onDisk.sort());
  });

  it('each TypeScript file is checked by one project, the one its folder says', () => {
    const owners = new Map<string, string[]>();
    for (const [name, parsed] of projects) {
      for (const file of parsed.fileNames) {
        const rel = relative(root, file);
        owners.set(rel, [...(owners.get(rel) ?? []), name]);
      }
    }
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(500);
    const wrong = files.flatMap((file) => {
      const expected = HOMES.find(([pattern]) => pattern.test(file))?.[1] ?? '(no rule: add the folder to a project and to HOMES)';
      const got = owners.get(file) ?? [];
      return got.length === 1 && got[0] === expected ? [] : [`${file}: in [${got.join(', ')}], expected ${expected}`];
    });
    expect(wrong).toEqual([]);
  });
});
