/** Largest message either side of the loopback WebSocket accepts, in bytes (1 MiB). */
export const WIRE_MAX_MESSAGE_BYTES = 1_048_576;
