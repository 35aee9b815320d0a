import type { KioskCore } from '../../main/core/create-kiosk-core';

export type Core = KioskCore;
