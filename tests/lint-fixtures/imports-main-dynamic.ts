export const load = () => import('../../main/web/web-host');
export type Host = import('../../main/web/web-host').WebHost;
