// Entry of the kiosk core's own process in a shipped build (Electron
// utilityProcess; built to dist/electron/core.cjs). No simulator controls.
import { runCoreChild } from './run-core-child';

runCoreChild();
