import path from 'path';

export const join = path.join;
