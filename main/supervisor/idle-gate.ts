// The idle rule lives in common/domain so the core (applying a remote configuration between sessions) and the shell share it.
export { IDLE_AFTER_MS, IdleGate, type IdleGateOptions } from '../../common/domain/idle-gate';
