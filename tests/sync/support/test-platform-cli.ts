import { startTestPlatform } from './test-platform';

// Child-process entry for crash and restart tests: `--port N --data-dir DIR`.
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const platform = await startTestPlatform({ port: Number(opt('--port') ?? 0), dataDir: opt('--data-dir') });
process.stdout.write(`listening ${platform.url}\n`);
