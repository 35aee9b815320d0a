import type { ByteEndpoint } from '../drivers/base/byte-port';

export type Port = ByteEndpoint;
