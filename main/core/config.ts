import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SiteThemeSchema } from '../../common/contract/schemas';
import { DEFAULT_SITE_NAME } from '../../common/contract/site-name';
import { parsePositionedJson, type ConfigPlace, type ConfigProblem, type PositionedJson } from './config-file';
import { ConfigError, orderProblems, problemsFromIssues } from './config-problems';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../common/domain/local-time';
import { platformUrlProblem } from './platform-url';

export { ConfigError, formatConfigProblem, formatConfigProblems } from './config-problems';
export type { ConfigProblem } from './config-file';

/** A USB serial device found by its ids wherever it enumerates (`/dev/ttyUSB*`, `COM*`): ids are 4 hex digits. */
const UsbMatchSchema = z
  .object({
    vendorId: z.string().regex(/^(0x)?[0-9a-fA-F]{4}$/, 'a USB vendor id is 4 hex digits, e.g. "0483"'),
    productId: z.string().regex(/^(0x)?[0-9a-fA-F]{4}$/, 'a USB product id is 4 hex digits, e.g. "5720"'),
    serialNumber: z.string().min(1).max(128).optional(),
  })
  .strict();

const SerialDeviceSchema = z
  .object({
    /** `sim` plugs the protocol simulator in-process; `serial` opens a real port. */
    mode: z.enum(['sim', 'serial']).default('sim'),
    port: z.string().min(1).optional(),
    /** Find the port by USB ids (and serial number) instead of, or before, `port`. */
    usb: UsbMatchSchema.optional(),
    baudRate: z.number().int().positive().default(115200),
  })
  .strict();

const PrinterDeviceSchema = z
  .object({
    mode: z.enum(['sim', 'serial', 'tcp']).default('sim'),
    port: z.string().min(1).optional(),
    /** Find the port by USB ids (and serial number) instead of, or before, `port` (`serial` only). */
    usb: UsbMatchSchema.optional(),
    baudRate: z.number().int().positive().default(115200),
    host: z.string().min(1).optional(),
    tcpPort: z.number().int().positive().default(9100),
    /** Where the simulator writes PNG previews of printed receipts; null = none. */
    previewDir: z.string().nullable().default(null),
    /** Which field printer the simulator behaves like (`full`, `no-paper-status`, `no-asb`, `realtime-only`); default `full`. */
    simProfile: z.enum(['full', 'no-paper-status', 'no-asb', 'realtime-only']).default('full'),
    /** How long one receipt may take to come out after its last byte, ms (1000..120000); default 15000. */
    completionTimeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
  })
  .strict();

const A4PrinterSchema = z
  .object({
    /**
     * `cups`: IPP to CUPS (Linux; `host`/`port` name the spooler); `os`: the
     * operating system's spooler through the host process's printing API (the
     * Electron shell on Windows supplies it; `host`/`port` are unused);
     * `none`: no A4 printer at this site. Default `cups`, except where the
     * loader is given another default (the Electron shell on Windows: `os`).
     */
    mode: z.enum(['cups', 'os', 'none']).default('cups'),
    /** Spooler queue name (`os`: the printer's OS name, or its display name). */
    printerName: z.string().min(1).max(127).default('KioskPDF'),
    host: z.string().min(1).default('localhost'),
    port: z.number().int().positive().default(631),
  })
  .strict();

/** A real serial device needs its port, a TCP printer its host; a port without a mode is a mistake, not a simulator. */
function checkDevice(d: { mode: string; port?: string | undefined; host?: string | undefined; usb?: unknown }, ctx: z.RefinementCtx): void {
  if (d.mode === 'serial' && !d.port && !d.usb) ctx.addIssue({ code: 'custom', message: 'mode "serial" needs "port" or "usb"', params: { zh: 'mode 为 "serial" 时必须写 "port"（串口路径）或 "usb"（设备 ID）' }, path: ['port'] });
  if (d.mode === 'tcp' && !d.host) ctx.addIssue({ code: 'custom', message: 'mode "tcp" needs "host"', params: { zh: 'mode 为 "tcp" 时必须写 "host"（打印机地址）' }, path: ['host'] });
  if (d.mode === 'sim' && (d.port || d.host || d.usb)) {
    ctx.addIssue({
      code: 'custom',
      message: 'a port or host is set but mode is "sim" (or not written): set mode "serial" or "tcp"',
      params: { zh: '写了 port 或 host，但 mode 是 "sim"（或没写 mode）：请写 mode "serial" 或 "tcp"' },
      path: ['mode'],
    });
  }
}

/** A local time `HH:MM` (24 h). */
const LocalTimeSchema = z.string().refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { message: 'a local time HH:MM (24 h) such as 02:00', params: { zh: '须为 24 小时制本地时间 HH:MM，如 02:00' } });

/**
 * Updates (electron-updater, generic provider): the channel (`latest` =
 * stable, never a prerelease), the feed (null = `<platformUrl>/updates/<channel>/`)
 * and the daily maintenance window in which an idle terminal may install,
 * in the terminal's `timeZone`; `end` earlier than `start` crosses midnight.
 */
const UpdatesSchema = z
  .object({
    channel: z
      .string()
      .refine((v) => /^[a-z][a-z0-9-]{0,31}$/.test(v), { message: 'a channel name such as latest or beta (lower-case letters, digits, -)', params: { zh: '更新通道名，如 latest 或 beta（小写字母、数字、-）' } })
      .default('latest'),
    feedUrl: z.string().url().nullable().default(null),
    maintenanceWindow: z
      .object({ start: LocalTimeSchema.default('02:00'), end: LocalTimeSchema.default('05:00') })
      .strict()
      .refine((w) => w.start !== w.end, { message: 'start and end of the maintenance window must differ', params: { zh: '维护时段的开始和结束时间不能相同' }, path: ['end'] })
      .default({ start: '02:00', end: '05:00' }),
  })
  .strict();

/**
 * The face / document camera. `none` (default): no camera at this site, so
 * the face route and camera capture are not offered; `sim`: the camera
 * simulator (plugged at start, plug/unplug through the simulator controls);
 * `v4l2`: the operating system's cameras (Linux sysfs, `/sys/class/video4linux`).
 * `label`: use the camera whose name contains this text (case-insensitive),
 * null: the first one. `pollMs`: how often the list is read.
 */
const CameraDeviceSchema = z
  .object({
    mode: z.enum(['none', 'sim', 'v4l2']).default('none'),
    label: z.string().min(1).max(100).nullable().default(null),
    pollMs: z.number().int().min(100).max(60_000).default(2000),
  })
  .strict();

/**
 * Kiosk configuration. Every field has a default so that an unconfigured
 * machine runs with simulated devices and an embedded platform-sim.
 */
export const KioskConfigSchema = z.object({
  /** Directory holding the SQLite database, key file and device id. */
  dataDir: z.string().default('.kiosk-data'),
  /**
   * Base URL of the central platform; null = start the embedded platform-sim
   * (dev/demo only). `https:`, or `http:` to a loopback host in development
   * (a packaged build refuses http, see {@link ConfigDefaults.packaged}).
   */
  platformUrl: z
    .string()
    .url()
    .superRefine((url, ctx) => {
      const problem = platformUrlProblem(url, false);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.en, params: { zh: problem.zh } });
    })
    .nullable()
    .default(null),
  devices: z
    .object({
      idcard: SerialDeviceSchema.superRefine(checkDevice).default({ mode: 'sim', baudRate: 115200 }),
      receiptPrinter: PrinterDeviceSchema.superRefine(checkDevice).default({ mode: 'sim', baudRate: 115200, tcpPort: 9100, previewDir: null, simProfile: 'full', completionTimeoutMs: 15_000 }),
      scanner: SerialDeviceSchema.extend({ baudRate: z.number().int().positive().default(9600) })
        .strict()
        .superRefine(checkDevice)
        .default({ mode: 'sim', baudRate: 9600 }),
      a4Printer: A4PrinterSchema.default({ mode: 'cups', printerName: 'KioskPDF', host: 'localhost', port: 631 }),
      camera: CameraDeviceSchema.default({ mode: 'none', label: null, pollMs: 2000 }),
    })
    .strict()
    .default({
      idcard: { mode: 'sim', baudRate: 115200 },
      receiptPrinter: { mode: 'sim', baudRate: 115200, tcpPort: 9100, previewDir: null, simProfile: 'full', completionTimeoutMs: 15_000 },
      scanner: { mode: 'sim', baudRate: 9600 },
      a4Printer: { mode: 'cups', printerName: 'KioskPDF', host: 'localhost', port: 631 },
      camera: { mode: 'none', label: null, pollMs: 2000 },
    }),
  /** Seconds without a touch before the idle countdown starts. */
  idleTimeoutSeconds: z.number().int().positive().default(60),
  /** Seconds without a technician call before technician mode lapses back to attract. */
  technicianIdleSeconds: z.number().int().min(10).max(3600).default(120),
  /** Length of the visible idle countdown, in seconds. */
  countdownSeconds: z.number().int().positive().default(15),
  /** How long `transactions.submit` waits for the platform's acknowledgement before answering `queued`, in ms. */
  submitAckWaitMs: z.number().int().nonnegative().default(3000),
  /** Poll interval of the ID card reader, in ms. */
  idcardPollMs: z.number().int().positive().default(300),
  defaultLocale: z.enum(['zh-CN', 'zh-TW', 'en', 'ug']).default('zh-CN'),
  /**
   * The nightly restart (shell and core): from `hour` on, at the first idle
   * moment (attract, no touch, card or session for 60 s); at `forceHour`
   * even when not idle. Hours 0–23 in `timeZone`. Once a day.
   */
  nightlyRestart: z
    .object({
      hour: z.number().int().min(0).max(23).default(3),
      forceHour: z.number().int().min(0).max(23).default(5),
      timeZone: z.string().min(1).max(64).default('Asia/Shanghai'),
    })
    .strict()
    .refine((n) => n.forceHour >= n.hour, { message: 'forceHour must not be before hour', path: ['forceHour'] })
    .default({ hour: 3, forceHour: 5, timeZone: 'Asia/Shanghai' }),
  /**
   * Following the platform's pinned version and the health check after an
   * update (main/electron/update/): the update channel whose per-version
   * feeds (`<platformUrl>/updates/<channel>/<version>/`) a pin is fetched
   * from, the time a new version has to report healthy before the terminal
   * switches back (minutes, 1–120), and the root-side installer's spool.
   */
  pinnedUpdates: z
    .object({
      channel: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/).default('stable'),
      healthDeadlineMinutes: z.number().int().min(1).max(120).default(10),
      installerSpool: z.string().min(1).max(200).default('/var/spool/gov-kiosk-update'),
    })
    .strict()
    .default({ channel: 'stable', healthDeadlineMinutes: 10, installerSpool: '/var/spool/gov-kiosk-update' }),
  /** IANA time zone of every date a person sees (screen, receipt, PDF); default Asia/Shanghai (Beijing time), whatever the machine's own zone. */
  timeZone: z.string().max(64).refine(isTimeZone, { message: 'unknown time zone: use an IANA name such as Asia/Shanghai', params: { zh: '未知时区：请写 IANA 名称，如 Asia/Shanghai' } }).default(DEFAULT_TIME_ZONE),
  /**
   * Administrative division code (GB/T 2260, six digits) of the place the
   * terminal serves, e.g. `410102`: the catalogue shows that division's
   * implementation items (实施清单) and those of the levels above it, one
   * entry per basic item. Default null: the platform's basic list only.
   */
  region: z
    .string()
    .refine((v) => /^\d{6}$/.test(v), { message: 'region must be a six-digit administrative division code such as 410102', params: { zh: 'region 须为六位行政区划代码，如 410102' } })
    .nullable()
    .default(null),
  /**
   * How the data key (it protects personal fields at rest) is kept by the
   * Electron shell. `keyStorage`: `auto` (default: Windows DPAPI; Linux the
   * credential or key file already there, else systemd-creds when the TPM 2.0
   * is available, else safeStorage with the desktop keyring), `systemd-creds`
   * (Linux, sealed by the TPM: `systemdCredsKey`), or `safe-storage`
   * (Electron safeStorage). `acceptWeakKeyStorage`: a packaged build refuses
   * safeStorage's `basic_text` backend (a fixed, public password: obfuscation
   * only, a copied disk opens it) and a systemd-creds host key without TPM
   * unless this is true; default false. Plain-Node mode ignores this section
   * (a 0600 key file).
   */
  security: z
    .object({
      keyStorage: z.enum(['auto', 'systemd-creds', 'safe-storage']).default('auto'),
      systemdCredsKey: z.enum(['tpm2', 'host+tpm2', 'auto']).default('tpm2'),
      /** Path of the TPM device (`--tpm2-device`), e.g. `/dev/tpmrm0`; default null (systemd's choice). */
      tpm2Device: z.string().min(1).max(200).nullable().default(null),
      acceptWeakKeyStorage: z.boolean().default(false),
    })
    .strict()
    .default({ keyStorage: 'auto', systemdCredsKey: 'tpm2', tpm2Device: null, acceptWeakKeyStorage: false }),
  theme: SiteThemeSchema.default({
    siteName: DEFAULT_SITE_NAME,
    partner: null,
    primaryColor: '#c8102e',
    logoUrl: null,
    openingHours: null,
    staffAssist: true,
  }),
  updates: UpdatesSchema.default({ channel: 'latest', feedUrl: null, maintenanceWindow: { start: '02:00', end: '05:00' } }),
}).strict();
export type KioskConfig = z.infer<typeof KioskConfigSchema>;
export type KioskConfigInput = z.input<typeof KioskConfigSchema>;

/** Platform defaults the host process passes to {@link loadConfig}; they apply only where the configuration says nothing. */
export interface ConfigDefaults {
  /** `devices.a4Printer.mode` when neither the file nor the overrides set it (the Electron shell on Windows passes `os`). */
  a4PrinterMode?: 'cups' | 'os' | 'none';
  /** True in a packaged build (the shell passes `app.isPackaged`): the platform URL must then be `https:`. Default false. */
  packaged?: boolean;
}

/** Reads a configuration file with positions; throws {@link ConfigError} when it cannot be read or is not valid JSON. */
function readConfigFile(path: string): PositionedJson {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const zh = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有权限读取这个文件' : code === 'EISDIR' ? '这是目录，不是文件' : `无法读取（${code}）`;
    const en = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'no permission to read the file' : code === 'EISDIR' ? 'a directory, not a file' : `cannot be read (${code})`;
    throw new ConfigError([{ source: path, line: null, column: null, field: '', zh, en }]);
  }
  return positionedConfig(path, text);
}

/** Parses configuration text read from `path` (named in every problem). Throws ConfigError. */
function positionedConfig(path: string, text: string): PositionedJson {
  const parsed = parsePositionedJson(path, text);
  if (!parsed.ok) throw new ConfigError(parsed.problems);
  if (typeof parsed.json.value !== 'object' || parsed.json.value === null || Array.isArray(parsed.json.value)) {
    throw new ConfigError([{ ...parsed.json.placeOf([]), field: '', zh: '整个文件应是一个对象 { … }', en: 'the whole file must be one object { … }' }]);
  }
  return parsed.json;
}

/** Known field names at a path of the configuration (for "did you mean"): the defaults' keys, plus the optional device fields. */
function knownKeys(path: ReadonlyArray<PropertyKey>): readonly string[] {
  let v: unknown = KioskConfigSchema.parse({});
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  const keys = typeof v === 'object' && v !== null ? Object.keys(v) : [];
  return path[0] === 'devices' && path.length === 2 ? [...keys, 'port', 'host'] : keys;
}

/** Validates `input`; throws {@link ConfigError} with one problem per mistake, placed by `placeOf`. */
function validate(input: unknown, placeOf: (path: ReadonlyArray<PropertyKey>) => ConfigPlace): KioskConfig {
  const parsed = KioskConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ConfigError(problemsFromIssues(parsed.error.issues, { input, placeOf, knownKeys }));
}

/**
 * Loads configuration: `KIOSK_CONFIG` (path to a JSON file) or
 * `<dataDir>/kiosk-config.json` when present, then `overrides` on top, then
 * `defaults` where nothing set the field. The file is strict JSON (no
 * comments); unknown (misspelt) fields are refused, never ignored; `dataDir`
 * in the file is ignored (the file lives in the data dir). Throws
 * {@link ConfigError}: one problem per mistake, each with the file, line and
 * column of the field (or the environment variable or option that set it),
 * in Chinese and English. With `defaults.packaged`, a platform URL that is
 * not `https:` is refused the same way.
 */
export function loadConfig(overrides: KioskConfigInput = {}, env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = {}): KioskConfig {
  const dataDir = overrides.dataDir ?? env.KIOSK_DATA_DIR ?? '.kiosk-data';
  const candidate = env.KIOSK_CONFIG ?? join(dataDir, 'kiosk-config.json');
  // KIOSK_CONFIG names a file that must exist; the default file is optional.
  const file = env.KIOSK_CONFIG !== undefined || existsSync(candidate) ? readConfigFile(candidate) : null;
  const fromFile = (file?.value ?? {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...fromFile, ...overrides, dataDir };
  const fromEnv = Boolean(env.KIOSK_PLATFORM_URL && overrides.platformUrl === undefined);
  if (fromEnv) merged.platformUrl = env.KIOSK_PLATFORM_URL;
  if (defaults.a4PrinterMode) applyA4PrinterMode(merged, defaults.a4PrinterMode);
  const placeOf = (path: ReadonlyArray<PropertyKey>): ConfigPlace => {
    const top = path[0];
    if (top === 'platformUrl' && fromEnv) return { source: 'KIOSK_PLATFORM_URL', line: null, column: null };
    if (typeof top === 'string' && top in overrides) return { source: 'options', line: null, column: null };
    if (file) return file.placeOf(path as Array<string | number>);
    return { source: candidate, line: null, column: null };
  };
  const config = validate(merged, placeOf);
  const problem = defaults.packaged && config.platformUrl ? platformUrlProblem(config.platformUrl, true) : null;
  if (problem) throw new ConfigError([{ ...placeOf(['platformUrl']), field: 'platformUrl', ...problem }]);
  return config;
}

/**
 * Validates one configuration file on its own (no environment variables, no
 * overrides), as `kioskctl config check FILE` does. Returns the problems,
 * empty when the file is valid; never starts anything.
 */
export function checkConfigFile(path: string): ConfigProblem[] {
  return problemsOf(() => readConfigFile(path));
}

/**
 * {@link checkConfigFile} for text already in memory (`source` names it in
 * every problem): what a configuration pushed from the platform goes
 * through, and what the fuzzer drives. Never throws for bad text.
 */
export function checkConfigText(source: string, text: string): ConfigProblem[] {
  return problemsOf(() => positionedConfig(source, text));
}

function problemsOf(read: () => PositionedJson): ConfigProblem[] {
  try {
    const file = read();
    validate(file.value, (p) => file.placeOf(p as Array<string | number>));
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return orderProblems(e.problems);
    throw e;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets `devices.a4Printer.mode` when it is absent; leaves malformed input to the schema's error. */
function applyA4PrinterMode(input: Record<string, unknown>, mode: NonNullable<ConfigDefaults['a4PrinterMode']>): void {
  const devices = input.devices ?? {};
  if (!isObject(devices)) return;
  const a4 = devices.a4Printer ?? {};
  if (!isObject(a4) || a4.mode !== undefined) return;
  input.devices = { ...devices, a4Printer: { ...a4, mode } };
}
