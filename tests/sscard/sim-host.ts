// A long-lived virtual-card host for one test file, in its own process (see
// VpcdCard: a card emulator must not share the PC/SC client's event loop).
// Reads one JSON command per stdin line and answers one line on stdout:
//   {"op":"insert","cardPath":"…","port":35963,"fault":null} → "ok" | "error <message>"
//   {"op":"remove"} → "ok"
import { createInterface } from 'node:readline';
import { loadSimSsCard, parseSsFault, VpcdCard } from '../../drivers/sscard/index';

let card: VpcdCard | null = null;

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  void handle(JSON.parse(line) as { op: string; cardPath?: string; port?: number; fault?: string | null }).then(
    () => process.stdout.write('ok\n'),
    (e: unknown) => process.stdout.write(`error ${(e as Error).message}\n`),
  );
});
lines.on('close', () => {
  void card?.remove().finally(() => process.exit(0));
  if (!card) process.exit(0);
});

async function handle(command: { op: string; cardPath?: string; port?: number; fault?: string | null }): Promise<void> {
  if (command.op === 'remove') {
    await card?.remove();
    card = null;
    return;
  }
  if (command.op !== 'insert' || !command.cardPath || !command.port) throw new Error(`bad command ${command.op}`);
  await card?.remove();
  card = new VpcdCard(loadSimSsCard(command.cardPath), { port: command.port, fault: command.fault ? parseSsFault(command.fault) : null });
  await card.insert();
}
