// Prints the escape table of the current browser launcher: `node --import tsx tests/e2e/support/measure-escapes.ts`.
import { LauncherProcess, runEscapeTrial } from './escape-trial';
import { startXvfb } from './xvfb';

const x = await startXvfb();
let launcher = new LauncherProcess(x.display);
try {
  await launcher.start();
  const results = await runEscapeTrial(x.display, async () => {
    launcher.killGroup();
    await new Promise((r) => setTimeout(r, 500));
    launcher = new LauncherProcess(x.display);
    await launcher.start();
  }, (r) => process.stderr.write(`${r.id} ${r.escaped}\n`));
  for (const r of results) process.stdout.write(`${r.id}\t${r.escaped ? 'yes' : 'no'}\t${r.after.join(' | ')}\n`);
  process.stdout.write(`escaped ${results.filter((r) => r.escaped).length} of ${results.length}\n`);
} finally {
  launcher.killGroup();
  await x.stop();
}
