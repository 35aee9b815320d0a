// Pure ECMAScript 2022 and common/: type-checks in every environment.
import { maskName } from '../../../common/domain/masking';

export const masked: string = maskName('张三');
export const last: number | undefined = [1, 2, 3].at(-1);
export const own: boolean = Object.hasOwn({ a: 1 }, 'a');
