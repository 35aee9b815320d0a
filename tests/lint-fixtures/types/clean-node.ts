// Node's globals, a Node builtin and common/: type-checks in the Node layers.
import { createHash } from 'node:crypto';
import { maskIdNumber } from '../../../common/domain/masking';

export const digest: string = createHash('sha256').update(Buffer.from(maskIdNumber('110101199003070015'))).digest('hex');
export const pid: number = process.pid;
