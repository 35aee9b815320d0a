import { simControlRoutes } from '../../main/dev/sim-controls';

export const routes = simControlRoutes;
export const launcher = () => import('../../main/dev/embedded-platform');
export const entry: unknown = require('../../main/dev/electron-dev');
