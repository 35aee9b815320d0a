import { openKioskStore } from '../../offline-cache/index';

export const open = openKioskStore;
