import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ServiceDetailSchema } from '../../common/contract/schemas';
import type { KioskStore } from '../../offline-cache/index';

export const Schema = z.array(ServiceDetailSchema);
export const digest = (store: KioskStore) => createHash('sha256').update(store.deviceId).digest('hex');
