import { z } from 'zod';
import type { KioskConfig } from '../core/config';
import type { KioskCore } from '../core/create-kiosk-core';
import { SAMPLE_CARDS } from '../../drivers/idcard/index';
import { RouteError } from '../web/json-routes';

/** A JSON HTTP route for simulator controls (served only when devices are simulated). */
export interface SimRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: (body: unknown) => Promise<unknown>;
}

const CardBody = z
  .object({
    card: z.enum(Object.keys(SAMPLE_CARDS) as [keyof typeof SAMPLE_CARDS, ...Array<keyof typeof SAMPLE_CARDS>]).default('resident'),
    /** Put this card in place of the one on the reader; without it a second insert is refused (409). */
    replace: z.boolean().default(false),
  })
  .strict();
const ScanBody = z.object({ payload: z.string().min(1).max(2048) });
const FaultBody = z.object({ fault: z.string().max(64).nullable() });

/** True when at least one device is the in-process simulator (then the simulator controls are served). */
export function hasSimulatedDevices(config: Pick<KioskConfig, 'devices'>): boolean {
  return Object.values(config.devices ?? {}).some((d) => (d as { mode?: string }).mode === 'sim');
}

/**
 * Simulator controls for the demo and the end-to-end tests: place or lift a
 * card, scan a code, script printer faults, read back what was printed. The
 * web host serves them behind the per-launch token; they never exist in a
 * build with real devices, and this module (main/dev) is never part of the
 * packaged shell.
 */
export function simControlRoutes(core: KioskCore): SimRoute[] {
  const sims = core.simulators;
  return [
    {
      method: 'POST',
      path: '/sim/idcard/insert',
      handler: async (body) => {
        const { card, replace } = CardBody.parse(body ?? {});
        // A hand cannot put a second card on a card: the one there must be lifted first, or replaced on purpose.
        if (sims.cardOnReader && !replace) throw new RouteError(409, 'a card is already on the reader: remove it first, or send {"replace": true}');
        sims.insertCard(card);
        return { ok: true };
      },
    },
    {
      method: 'POST',
      path: '/sim/idcard/remove',
      handler: async () => {
        sims.removeCard();
        return { ok: true };
      },
    },
    {
      method: 'POST',
      path: '/sim/idcard/fault',
      handler: async (body) => {
        sims.idcard?.setFault(FaultBody.parse(body).fault);
        return { ok: true };
      },
    },
    {
      method: 'POST',
      path: '/sim/scanner/scan',
      handler: async (body) => {
        await sims.scanner?.scan(ScanBody.parse(body).payload);
        return { ok: true };
      },
    },
    {
      method: 'POST',
      path: '/sim/printer/fault',
      handler: async (body) => {
        sims.receiptPrinter?.setFault(FaultBody.parse(body).fault);
        return { ok: true };
      },
    },
    {
      method: 'GET',
      path: '/sim/printer/printed',
      handler: async () => sims.receiptPrinter?.printed ?? [],
    },
    {
      method: 'POST',
      path: '/sim/camera/plug',
      handler: async () => {
        if (!sims.camera) throw new RouteError(404, 'no simulated camera (devices.camera.mode is not sim)');
        sims.camera.plug();
        return core.devices.camera()?.refresh();
      },
    },
    {
      method: 'POST',
      path: '/sim/camera/unplug',
      handler: async () => {
        if (!sims.camera) throw new RouteError(404, 'no simulated camera (devices.camera.mode is not sim)');
        sims.camera.unplug();
        return core.devices.camera()?.refresh();
      },
    },
    {
      method: 'POST',
      path: '/sim/sync-now',
      handler: async () => core.sync.syncNow(),
    },
  ];
}
