// Runs electronegativity's programmatic runner (the package's main export) in
// its own process and writes what it returns as JSON, parse errors included:
// the CLI prints parse errors only in its table mode and writes none to a report.
// Usage: node electronegativity-runner.mjs <input dir> <electron version> <excluded check class names, csv> <output.json>
import { writeFileSync } from 'node:fs';
import run from '@doyensec/electronegativity';

const [input, electronVersion, excluded, output] = process.argv.slice(2);
run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: excluded ? excluded.split(',').map((c) => c.toLowerCase()) : [],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
).then(
  (r) => {
    const issues = r.issues.map((i) => ({ id: i.id, file: i.file, line: i.location.line, column: i.location.column, description: i.description }));
    writeFileSync(output, JSON.stringify({ globalChecks: r.globalChecks, atomicChecks: r.atomicChecks, errors: r.errors, issues }));
  },
  (error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
