import { startPlatformSim } from '../../platform-sim/server';

export const start = startPlatformSim;
