import { createPlatformClient } from '../../uplink/index';

export const client = createPlatformClient;
