// The renderer importing a driver: not a file of tsconfig.renderer.json nor of a project it references.
import { isDeviceError } from '../../../drivers/base/errors';

export const isIt: boolean = isDeviceError(new Error('x'));
