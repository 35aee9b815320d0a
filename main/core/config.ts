import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SiteThemeSchema } from '../../common/contract/schemas';

const SerialDeviceSchema = z
  .object({
    /** `sim` plugs the protocol simulator in-process; `serial` opens a real port. */
    mode: z.enum(['sim', 'serial']).default('sim'),
    port: z.string().min(1).optional(),
    baudRate: z.number().int().positive().default(115200),
  })
  .strict();

const PrinterDeviceSchema = z
  .object({
    mode: z.enum(['sim', 'serial', 'tcp']).default('sim'),
    port: z.string().min(1).optional(),
    baudRate: z.number().int().positive().default(115200),
    host: z.string().min(1).optional(),
    tcpPort: z.number().int().positive().default(9100),
    /** Where the simulator writes PNG previews of printed receipts; null = none. */
    previewDir: z.string().nullable().default(null),
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
function checkDevice(d: { mode: string; port?: string | undefined; host?: string | undefined }, ctx: z.RefinementCtx): void {
  if (d.mode === 'serial' && !d.port) ctx.addIssue({ code: 'custom', message: 'mode "serial" needs "port"', path: ['port'] });
  if (d.mode === 'tcp' && !d.host) ctx.addIssue({ code: 'custom', message: 'mode "tcp" needs "host"', path: ['host'] });
  if (d.mode === 'sim' && (d.port || d.host)) ctx.addIssue({ code: 'custom', message: 'a port or host is set but mode is "sim": set mode "serial" or "tcp"', path: ['mode'] });
}

/**
 * Kiosk configuration. Every field has a default so that an unconfigured
 * machine runs with simulated devices and an embedded platform-sim.
 */
export const KioskConfigSchema = z.object({
  /** Directory holding the SQLite database, key file and device id. */
  dataDir: z.string().default('.kiosk-data'),
  /** Base URL of the central platform; null = start the embedded platform-sim (dev/demo only). */
  platformUrl: z.string().url().nullable().default(null),
  devices: z
    .object({
      idcard: SerialDeviceSchema.superRefine(checkDevice).default({ mode: 'sim', baudRate: 115200 }),
      receiptPrinter: PrinterDeviceSchema.superRefine(checkDevice).default({ mode: 'sim', baudRate: 115200, tcpPort: 9100, previewDir: null }),
      scanner: SerialDeviceSchema.extend({ baudRate: z.number().int().positive().default(9600) })
        .strict()
        .superRefine(checkDevice)
        .default({ mode: 'sim', baudRate: 9600 }),
      a4Printer: A4PrinterSchema.default({ mode: 'cups', printerName: 'KioskPDF', host: 'localhost', port: 631 }),
    })
    .strict()
    .default({
      idcard: { mode: 'sim', baudRate: 115200 },
      receiptPrinter: { mode: 'sim', baudRate: 115200, tcpPort: 9100, previewDir: null },
      scanner: { mode: 'sim', baudRate: 9600 },
      a4Printer: { mode: 'cups', printerName: 'KioskPDF', host: 'localhost', port: 631 },
    }),
  /** Seconds without a touch before the idle countdown starts. */
  idleTimeoutSeconds: z.number().int().positive().default(60),
  /** Length of the visible idle countdown, in seconds. */
  countdownSeconds: z.number().int().positive().default(15),
  /** How long `transactions.submit` waits for the platform's acknowledgement before answering `queued`, in ms. */
  submitAckWaitMs: z.number().int().nonnegative().default(3000),
  /** Poll interval of the ID card reader, in ms. */
  idcardPollMs: z.number().int().positive().default(300),
  defaultLocale: z.enum(['zh-CN', 'zh-TW', 'en', 'ug']).default('zh-CN'),
  theme: SiteThemeSchema.default({
    siteName: '政务服务自助终端',
    partner: null,
    primaryColor: '#c8102e',
    logoUrl: null,
    openingHours: null,
    staffAssist: true,
  }),
}).strict();
export type KioskConfig = z.infer<typeof KioskConfigSchema>;
export type KioskConfigInput = z.input<typeof KioskConfigSchema>;

/** Platform defaults the host process passes to {@link loadConfig}; they apply only where the configuration says nothing. */
export interface ConfigDefaults {
  /** `devices.a4Printer.mode` when neither the file nor the overrides set it (the Electron shell on Windows passes `os`). */
  a4PrinterMode?: 'cups' | 'os' | 'none';
}

/**
 * Loads configuration: `KIOSK_CONFIG` (path to a JSON file) or
 * `<dataDir>/kiosk-config.json` when present, then `overrides` on top, then
 * `defaults` where nothing set the field. Throws a readable error naming the
 * bad field when the file is invalid.
 */
export function loadConfig(overrides: KioskConfigInput = {}, env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = {}): KioskConfig {
  const dataDir = overrides.dataDir ?? env.KIOSK_DATA_DIR ?? '.kiosk-data';
  const candidate = env.KIOSK_CONFIG ?? join(dataDir, 'kiosk-config.json');
  let fromFile: unknown = {};
  if (existsSync(candidate)) {
    try {
      fromFile = JSON.parse(readFileSync(candidate, 'utf8'));
    } catch (e) {
      throw new Error(`configuration file ${candidate} is not valid JSON: ${(e as Error).message}`);
    }
  }
  const merged = { ...(fromFile as object), ...overrides, dataDir };
  if (env.KIOSK_PLATFORM_URL && overrides.platformUrl === undefined) (merged as KioskConfigInput).platformUrl = env.KIOSK_PLATFORM_URL;
  if (defaults.a4PrinterMode) applyA4PrinterMode(merged as Record<string, unknown>, defaults.a4PrinterMode);
  const parsed = KioskConfigSchema.safeParse(merged);
  if (!parsed.success) {
    throw new Error(`invalid kiosk configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
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
