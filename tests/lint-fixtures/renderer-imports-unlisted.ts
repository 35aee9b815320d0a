import { widget } from '../widgets/widget';

export const used = widget;
