// common/ importing the renderer: not a file of tsconfig.common.json nor of a project it references.
import { contrastRatio } from '../../../renderer/src/theme/colors';

export const ratio: number = contrastRatio('#000000', '#ffffff');
