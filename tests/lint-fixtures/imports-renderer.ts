import type { KioskApp } from '../../renderer/src/app/kiosk-app';

export type App = KioskApp;
