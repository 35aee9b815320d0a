import type { CliCommand } from '../cli-types';

/**
 * Every kioskctl command, in the order `--help` lists them. Add one line per
 * new command module.
 */
export const commands: CliCommand[] = [];
