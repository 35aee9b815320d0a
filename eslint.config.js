// ESLint flat config: typescript-eslint's recommended rules plus the local
// `layers/dependencies` rule, which enforces the dependency rules of
// docs/architecture.md. The LAYERS table is the per-folder allow-list of
// folders, Node builtins and npm packages: a new dependency fails lint until
// it is classified here. Do not relax a layer to make an import pass; move
// the code to the layer where it belongs.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import layers from './tools/eslint-plugin-layers/index.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** @type {import('./tools/eslint-plugin-layers/classify.js').Layer[]} */
export const LAYERS = [
  // Pure code: the contract, domain types and helpers. Runs anywhere, so only
  // pure-JS packages (no Node, no DOM): zod; pinyin-pro for catalogue search.
  { name: 'common', dirs: ['common'], allow: ['common'], node: false, packages: ['zod', 'pinyin-pro'] },
  // The crypto providers and the signed-request format (plain Node: node:crypto),
  // shared by the kiosk's uplink/offline-cache and platform-sim. Not pure, so
  // the renderer and common/ may not import it.
  { name: 'common/crypto', dirs: ['common/crypto'], allow: ['common', 'common/crypto'], node: true, packages: [] },
  // The UI: DOM only, talks to main through the KioskApi contract. qrcode:
  // only its pure matrix encoder (see the restricted imports below).
  {
    name: 'renderer',
    dirs: ['renderer'],
    allow: ['common', 'renderer'],
    node: false,
    // @vladmandic/human: the face engine (renderer/src/media/face), loaded lazily; its models and WASM come from the own origin.
    packages: ['react', 'react-dom', 'xstate', '@xstate/react', 'zod', 'qrcode', '@vladmandic/human'],
  },
  // Device drivers (plain Node): bindings, simulators, protocol parsers.
  // smartcard: the PC/SC N-API binding behind drivers/sscard/pcsc/.
  {
    name: 'drivers',
    dirs: ['drivers'],
    allow: ['common', 'drivers'],
    node: true,
    packages: ['serialport', '@serialport/*', 'node-hid', 'smartcard', 'iconv-lite', '@napi-rs/canvas', 'pngjs', 'qrcode', 'ipp', 'zod'],
  },
  // Storage only (plain Node): outbox, catalogue cache, config, print journal, audit log.
  { name: 'offline-cache', dirs: ['offline-cache'], allow: ['common', 'common/crypto', 'offline-cache'], node: true, packages: ['better-sqlite3', 'uuid', 'zod'] },
  // Every call to the central platform (plain Node): the one client, wire
  // schemas, sync engine. Drains the outbox, so it may use offline-cache/;
  // never devices, the shell or the simulator (they meet over HTTP only).
  // undici: an Agent with the configured CA bundle for Node's fetch.
  { name: 'uplink', dirs: ['uplink'], allow: ['common', 'common/crypto', 'uplink', 'offline-cache'], node: true, packages: ['zod', 'undici'] },
  // Composition root (plain Node): joins drivers, offline-cache and uplink. pinyin-pro
  // and iconv-lite (pure JS) for the on-screen pinyin input method's candidates;
  // jsonc-parser (pure JS) for configuration errors with line and column;
  // pino + pino-roll for the structured, rotated log files.
  {
    name: 'main/core',
    dirs: ['main/core'],
    allow: ['common', 'common/crypto', 'main/core', 'drivers', 'offline-cache', 'uplink'],
    node: true,
    packages: ['zod', 'uuid', 'pinyin-pro', 'iconv-lite', 'jsonc-parser', 'pino', 'pino-roll'],
  },
  // kioskctl, the technician's tool, built on main/core.
  {
    name: 'main/cli',
    dirs: ['main/cli'],
    allow: ['common', 'common/crypto', 'main/cli', 'main/core', 'drivers', 'offline-cache', 'uplink'],
    node: true,
    packages: ['serialport', '@serialport/*', 'node-hid', 'zod'],
  },
  // The shell's side of a core in its own process (plain Node): the port
  // client standing in for the dispatcher, the supervisor (restarts, crash-loop
  // cap), idle gate, sd_notify watchdog heartbeat. Used by main/electron and main/dev.
  { name: 'main/supervisor', dirs: ['main/supervisor'], allow: ['common', 'main/supervisor', 'main/core'], node: true, packages: ['zod'] },
  // Loopback WebSocket host for browser mode (plain Node): the host library, no launcher.
  { name: 'main/web', dirs: ['main/web'], allow: ['common', 'main/web', 'main/core'], node: true, packages: ['ws', 'zod'] },
  // Development and demo tooling (plain Node): the embedded platform-sim
  // launcher, simulator controls, the browser-mode launcher and the Electron
  // shell's development bundle (dist/electron/dev.cjs). Never shipped: no
  // shipped layer lists it, and `hint` says so to whoever imports it.
  {
    name: 'main/dev',
    dirs: ['main/dev'],
    allow: ['common', 'main/dev', 'main/core', 'main/web', 'main/supervisor', 'drivers'],
    node: true,
    packages: ['zod'],
    hint: 'main/dev/ is development and demo tooling and is never shipped; the Electron shell reaches it only through its development bundle (dist/electron/dev.cjs, loaded by main/electron/dev-shell.ts when !app.isPackaged)',
  },
  // The Electron shell: the only importer of electron's main-process APIs. It
  // also runs kioskctl (main/cli) as `--kioskctl`, the technician's way to the sealed key.
  { name: 'main/electron', dirs: ['main/electron'], allow: ['common', 'main/electron', 'main/core', 'main/web', 'main/supervisor', 'main/cli'], node: true, packages: ['electron', 'electron-updater', 'zod'] },
  // Sandboxed preload: contextBridge only; no Node builtins in a sandbox.
  { name: 'main/preload', dirs: ['main/preload'], allow: ['common', 'main/preload'], node: false, packages: ['electron', 'zod'] },
  // Reference central platform: its own process; the kiosk never imports it.
  {
    name: 'platform-sim',
    dirs: ['platform-sim'],
    allow: ['common', 'common/crypto', 'platform-sim'],
    node: true,
    packages: ['fastify', '@fastify/*', 'better-sqlite3', 'zod', 'qrcode', '@napi-rs/canvas', 'uuid', 'opencc-js'],
  },
  // Tests, benches, scripts, build tooling: may import anything.
  { name: 'tooling', dirs: ['tests', 'bench', 'scripts', 'tools', 'build', 'renderer/vite.config.ts'], allow: [], node: true, packages: [], lenient: true },
];

/**
 * The renderer's folders in one order, lowest first (rule
 * `layers/folder-order`): a file may import its own level and the levels
 * below, never a level above. A new folder fails lint until it is placed here.
 * - base: text, colours, styles, the transport, media, input, the flow machine
 *   (no React components), and the in-memory TestKioskApi;
 * - hooks: the React contexts and hooks the tree shares (flow, KioskApi,
 *   preferences, voice controls, catalogue search);
 * - ui: design-system pieces; ime and voice: the on-screen input method and
 *   the spoken prompts, built on ui; screens: one per flow screen;
 * - app and the entry files: the shell that composes everything.
 */
export const RENDERER_FOLDERS = [
  ['i18n', 'theme', 'styles', 'transport', 'media', 'input', 'lockdown', 'flow', 'testing'],
  ['hooks'],
  ['ui'],
  ['ime', 'voice'],
  ['screens'],
  ['app', 'main.tsx', 'mount.tsx'],
];

/** Why the renderer may import only one module of `qrcode`. */
const QRCODE_MESSAGE =
  "The renderer imports only qrcode/lib/core/qrcode (the pure matrix encoder): not qrcode's canvas and DOM renderers, nor its Node entry and types (Buffer, streams, pngjs).";

/**
 * Test files beside the code run in Node under Vitest: they may also use Node
 * builtins, the shared test support in tests/ and the test tooling packages.
 * The layer's own rules still hold for everything else (a renderer test still
 * cannot import main/ or electron).
 */
const TEST_LAYERS = LAYERS.map((l) => ({ ...l, allow: [...l.allow, 'tooling'], node: true, packages: [...l.packages, 'vitest', 'ws', 'esbuild'] }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '.kiosk-data/**', '.tsbuild/**', 'tests/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    plugins: { layers },
    rules: {
      'layers/dependencies': ['error', { root, layers: LAYERS }],
      'layers/folder-order': ['error', { root, base: 'renderer/src', levels: RENDERER_FOLDERS }],
      // Device protocols and input sanitising match control bytes on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'layers/dependencies': ['error', { root, layers: TEST_LAYERS }] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Start-up weight: the renderer loads no schema library at run time (the
    // host validates every result and event before sending). Types are fine.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', allowTypeImports: true, message: 'The renderer does not load zod at run time (start-up cost); import types only.' },
            { name: 'qrcode', message: QRCODE_MESSAGE },
          ],
          patterns: [
            { regex: '^qrcode/(?!lib/core/qrcode$)', message: QRCODE_MESSAGE },
            {
              group: ['schemas', 'delegation-schemas', 'catalogue-text', 'kiosk-contract', 'client', 'wire', 'error-schemas', 'dispatcher', 'event-hub'].map((m) => `**/common/contract/${m}`),
              allowTypeImports: true,
              message: 'These modules load zod; the renderer imports only their types (use convention-client, errors, wire-messages).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
