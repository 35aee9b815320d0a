// Entry of the kiosk core's own process in browser mode and the tests
// (development and demo only): the core plus the simulator controls, which
// must run where the in-process simulators live.
import { runCoreChild } from '../core/process/run-core-child';
import { hasSimulatedDevices, simControlRoutes } from './sim-controls';

runCoreChild({ routes: (core) => (hasSimulatedDevices(core.config) ? simControlRoutes(core) : []) });
