// A Node layer importing platform-sim/ (the kiosk meets it over HTTP only): not in tsconfig.node.json's projects.
import { NO_FAULTS } from '../../../platform-sim/faults';

export const down: boolean = NO_FAULTS.down;
