import type { SiteConfigView } from '../../../common/contract/technician-schemas';
import type { KioskConfig } from '../config';

/** Where a configured device is: its port (or USB ids), the TCP printer's address, the spooler queue, or null (simulated / none). */
function whereOf(d: { mode: string; port?: string | undefined; usb?: { vendorId: string; productId: string } | undefined; host?: string | undefined; tcpPort?: number }): string | null {
  if (d.mode === 'sim' || d.mode === 'none') return null;
  if (d.mode === 'tcp') return `${d.host ?? ''}:${d.tcpPort ?? ''}`;
  const usb = d.usb ? `usb ${d.usb.vendorId}:${d.usb.productId}` : null;
  return [d.port ?? null, usb].filter((x) => x !== null).join(' / ').slice(0, 300) || null;
}

/**
 * The configuration as the technician's site view shows it: site, device id,
 * region, platform address, language, time zone, timeouts and where each
 * device is. Nothing secret is in a `KioskConfig`'s chosen fields (no key,
 * no token, no update feed credentials).
 */
export function siteConfigView(config: KioskConfig, ids: { deviceId: string; siteId: string | null }): SiteConfigView {
  const { idcard, receiptPrinter, scanner, a4Printer } = config.devices;
  return {
    siteName: config.theme.siteName.slice(0, 80),
    siteId: ids.siteId,
    deviceId: ids.deviceId,
    region: config.region ?? null,
    platformUrl: (config.platformUrl ?? '').slice(0, 300),
    defaultLocale: config.defaultLocale,
    timeZone: config.timeZone,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    technicianIdleSeconds: config.technicianIdleSeconds,
    devices: [
      { role: 'idcard', mode: idcard.mode, where: whereOf(idcard) },
      { role: 'receiptPrinter', mode: receiptPrinter.mode, where: whereOf(receiptPrinter) },
      { role: 'scanner', mode: scanner.mode, where: whereOf(scanner) },
      { role: 'a4Printer', mode: a4Printer.mode, where: a4Printer.mode === 'cups' ? `ipp://${a4Printer.host}:${a4Printer.port}/printers/${a4Printer.printerName}` : a4Printer.mode === 'os' ? a4Printer.printerName : null },
    ],
  };
}
