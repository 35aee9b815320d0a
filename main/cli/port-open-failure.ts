import { isDeviceError } from '../../drivers/base/errors';

/**
 * The one stderr line for a port that cannot be opened, naming the port once
 * per language: `kioskctl printer: 无法打开串口 /dev/x / cannot open /dev/x: No such file or directory`.
 */
export function portOpenFailureLine(command: string, path: string, e: unknown): string {
  if (isDeviceError(e)) return `kioskctl ${command}: ${e.messageZh} / ${e.message}\n`;
  return `kioskctl ${command}: 无法打开 ${path} / cannot open ${path}: ${(e as Error).message ?? String(e)}\n`;
}
