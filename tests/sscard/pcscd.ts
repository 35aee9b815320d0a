import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private pcscd (foreground, own socket, own reader.conf.d) with one vpcd virtual reader. */
export interface PcscdRig {
  /** The daemon's socket; libpcsclite clients find it through PCSCLITE_CSOCK_NAME. */
  socket: string;
  /** TCP port vpcd listens on for the virtual card (slot 0), or null for a daemon with no reader. */
  vpcdPort: number | null;
  /** Environment for a child process (kioskctl) that must talk to this daemon. */
  env: NodeJS.ProcessEnv;
  process: ChildProcess;
  /** Stops the daemon (SIGTERM, then SIGKILL) and removes its directory. */
  stop(): Promise<void>;
}

/**
 * True when a private pcscd can be started here: pcscd and the vpcd driver
 * installed (`.ci/run` installs pcscd and vsmartcard-vpcd) and root (for the
 * mount namespace, see {@link startPcscd}).
 */
export function hasPcscd(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/sbin/pcscd') && existsSync('/usr/lib/pcsc/drivers/serial/libifdvpcd.so');
}

/** A TCP port free at the time of asking (vpcd uses it and the next one, one per slot). */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port > 0 && port < 65535) return port;
  }
}

/**
 * Starts `pcscd -f` with a reader.conf.d of its own (one vpcd reader on a
 * free port, or none with `withReader: false`) and its socket in a temp dir
 * (PCSCLITE_CSOCK_NAME), so tests never touch the machine's daemon and test
 * files can run side by side. Needs root (a mount namespace, `unshare`).
 * Resolves once the socket exists.
 */
export async function startPcscd(options: { withReader?: boolean } = {}): Promise<PcscdRig> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pcscd-'));
  const confDir = join(dir, 'reader.conf.d');
  mkdirSync(confDir);
  const withReader = options.withReader ?? true;
  const vpcdPort = withReader ? await freePortPair() : null;
  if (vpcdPort !== null) {
    writeFileSync(
      join(confDir, 'vpcd'),
      `FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:${vpcdPort}\nLIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID    ${vpcdPort}\n`,
    );
  }
  const runDir = join(dir, 'run');
  mkdirSync(runDir);
  const socket = join(runDir, 'pcscd.comm');
  const env = { ...process.env, PCSCLITE_CSOCK_NAME: socket };
  // pcscd 1.9 always serves /run/pcscd/pcscd.comm (only clients read PCSCLITE_CSOCK_NAME):
  // a private mount namespace binds our directory there, so the socket appears in runDir.
  // KIOSK_TEST_PCSCD_LOG=FILE keeps pcscd's debug log with every APDU (for diagnosing a failing test).
  const log = process.env.KIOSK_TEST_PCSCD_LOG;
  const script = `mount --bind "$1" /run/pcscd && exec /usr/sbin/pcscd -f ${log ? '-d -a' : ''} -c "$2"`;
  const stdio = log ? (['ignore', openSync(log, 'a'), 'ignore'] as const) : 'ignore';
  const proc = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', runDir, confDir], { env, stdio: stdio as 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!existsSync(socket)) {
    if (Date.now() > deadline || proc.exitCode !== null) {
      proc.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error('pcscd did not create its socket');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    socket,
    vpcdPort,
    env,
    process: proc,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
