import { contextBridge, ipcRenderer } from 'electron';
import { createContractClient } from '../../common/contract/client';
import { kioskContract } from '../../common/contract/kiosk-contract';
import { toBridgeApi } from './bridge-api';
import { createIpcTransport } from './ipc-transport';

/*
 * Sandboxed preload (bundled to dist/electron/preload.cjs by
 * scripts/build-electron.mjs, since a sandboxed preload cannot require local
 * files). Exposes exactly one thing: the typed KioskApi as `window.kiosk`.
 * No ipcRenderer, no generic invoke: only the contract's channels exist.
 */
contextBridge.exposeInMainWorld('kiosk', toBridgeApi(kioskContract, createContractClient(kioskContract, createIpcTransport(ipcRenderer))));
