import { checkConfigFile, formatConfigProblems } from '../../core/config';
import { parseCommandArgs } from '../args';
import { EXIT, UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: kioskctl config check FILE [--json]

Validates a kiosk configuration file (kiosk-config.json) without starting
anything: strict JSON, every field known (misspelt fields are refused), every
value valid. Environment variables are not applied.

  --json    print {"file","valid","problems":[{"source","line","column","field","zh","en"}]}

Exit status: 0 valid, 2 invalid (one line per problem on stderr:
FILE:LINE:COLUMN: field: 中文 / English) or usage error.`;

/** `kioskctl config check FILE`: validate a configuration file offline. */
export const configCommand: CliCommand = {
  name: 'config',
  summary: 'Validate a configuration file without starting the kiosk (config check)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals[0] !== 'check' || positionals.length !== 2) throw new UsageError('expected "config check FILE"');
    const file = positionals[1]!;
    const problems = checkConfigFile(file);
    if (values.json) io.stdout(`${JSON.stringify({ file, valid: problems.length === 0, problems })}\n`);
    if (problems.length > 0) {
      io.stderr(`${formatConfigProblems(problems)}\n`);
      return EXIT.config;
    }
    if (!values.json) io.stdout(`配置有效 / configuration valid: ${file}\n`);
    return EXIT.ok;
  },
};
