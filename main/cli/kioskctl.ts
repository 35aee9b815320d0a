import { ConfigError } from '../core/config';
import { EXIT, UsageError, type CliCommand, type CliIo } from './cli-types';
import { EXIT_NO_KIOSK_DATA, NoKioskDataError } from './existing-store';
import { commands as registered } from './commands/index';

function topLevelHelp(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'kioskctl — field technician tool for the self-service kiosk (政务自助终端现场维护工具)',
    '',
    'Usage: kioskctl <command> [options]',
    '       kioskctl <command> --help',
    '',
    'Commands:',
    ...lines,
    '',
    'Exit status: 0 success, 2 usage error or invalid configuration; commands document further codes.',
  ].join('\n');
}

/**
 * Runs kioskctl with `argv` (without `node` and the script). Returns the exit
 * status; never throws for usage errors. An invalid configuration file
 * (ConfigError) prints one line per problem and exits 2.
 */
export async function runKioskctl(argv: string[], io: CliIo, commands: CliCommand[] = registered): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topLevelHelp(commands) + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`kioskctl: unknown command "${name}". Run "kioskctl --help" for the list.\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kioskctl ${name}: ${e.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    if (e instanceof NoKioskDataError) {
      io.stderr(`kioskctl ${name}: ${e.message}\n`);
      return EXIT_NO_KIOSK_DATA;
    }
    if (e instanceof ConfigError) {
      io.stderr(`${e.message}\n`);
      return EXIT.config;
    }
    io.stderr(`kioskctl ${name}: ${(e as Error).message ?? String(e)}\n`);
    return EXIT.failure;
  }
}
