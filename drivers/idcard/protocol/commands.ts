/** One reader command: CMD and PARA bytes plus the default reply timeout. */
export interface IdCardCommand {
  /** Short English name used in logs and errors. */
  name: string;
  cmd: number;
  para: number;
  /** Default time to wait for the complete reply, in milliseconds. */
  timeoutMs: number;
}

/**
 * Every command of the SAM module (HARDWARE.md section 1). Timeouts: the
 * field saw find/select 100–800 ms, read 1–2 s, read with fingerprint about
 * 3 s; ours add headroom above those.
 */
export const COMMANDS = {
  resetSam: { name: 'resetSam', cmd: 0x10, para: 0xff, timeoutMs: 2000 },
  samStatus: { name: 'samStatus', cmd: 0x11, para: 0xff, timeoutMs: 1000 },
  samId: { name: 'samId', cmd: 0x12, para: 0xff, timeoutMs: 1000 },
  findCard: { name: 'findCard', cmd: 0x20, para: 0x01, timeoutMs: 1000 },
  selectCard: { name: 'selectCard', cmd: 0x20, para: 0x02, timeoutMs: 1000 },
  readText: { name: 'readText', cmd: 0x30, para: 0x01, timeoutMs: 3000 },
  readAppendedAddress: { name: 'readAppendedAddress', cmd: 0x30, para: 0x03, timeoutMs: 1500 },
  readWithFingerprint: { name: 'readWithFingerprint', cmd: 0x30, para: 0x10, timeoutMs: 5000 },
} as const satisfies Record<string, IdCardCommand>;

/** Name of a command in {@link COMMANDS}. */
export type CommandName = keyof typeof COMMANDS;

/** Finds the command for a CMD/PARA pair, or null when unknown. */
export function commandFor(cmd: number, para: number): CommandName | null {
  for (const [name, c] of Object.entries(COMMANDS)) {
    if (c.cmd === cmd && c.para === para) return name as CommandName;
  }
  return null;
}
