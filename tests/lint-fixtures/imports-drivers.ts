import { createIdCardReader } from '../../drivers/idcard/reader';

export const reader = createIdCardReader;
