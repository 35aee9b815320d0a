import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { openSmartcardBinding, openSsCardReader, SS_SAMPLE_CARDS, type PcscBinding, type SsCardReader, type SsCardReaderOptions, type SsSimFault } from '../../drivers/sscard/index';
import { startPcscd, type PcscdRig } from './pcscd';

/** The virtual reader the rigs use (slot 0 of this file's vpcd). */
export const VIRTUAL_READER = 'Virtual PCD 00 00';

let shared: PcscdRig | null = null;

/**
 * The pcscd of this test file (started once per file: libpcsclite reads
 * PCSCLITE_CSOCK_NAME once per process, so a file keeps one daemon).
 */
export async function filePcscd(): Promise<PcscdRig> {
  if (!shared) {
    shared = await startPcscd();
    process.env.PCSCLITE_CSOCK_NAME = shared.socket;
  }
  return shared;
}

/** Stops this file's pcscd (call in afterAll). */
export async function stopFilePcscd(): Promise<void> {
  await shared?.stop();
  shared = null;
}

/**
 * The virtual-card host of this test file (tests/sscard/sim-host.ts), in its
 * own process: the addon's synchronous disconnect would deadlock a card
 * emulator sharing the test's event loop. Started once per file.
 */
export class SimHost {
  private readonly child: ChildProcess;
  private readonly replies: string[] = [];
  private waiting: ((line: string) => void) | null = null;

  constructor() {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'tests/sscard/sim-host.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(line);
      } else this.replies.push(line);
    });
  }

  /** Inserts `cardPath` into the vpcd reader on `port`, playing `fault`. */
  insert(cardPath: string, port: number, fault: SsSimFault | null): Promise<void> {
    return this.send({ op: 'insert', cardPath, port, fault });
  }

  /** Removes the card (closes its vpcd connection). */
  remove(): Promise<void> {
    return this.send({ op: 'remove' });
  }

  /** Ends the host process. */
  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin!.end();
    await exited;
  }

  private async send(command: object): Promise<void> {
    this.child.stdin!.write(`${JSON.stringify(command)}\n`);
    const line = this.replies.shift() ?? (await new Promise<string>((resolve) => (this.waiting = resolve)));
    if (line !== 'ok') throw new Error(`sim host: ${line}`);
  }
}

let host: SimHost | null = null;

/** This file's {@link SimHost}. */
export function fileSimHost(): SimHost {
  host ??= new SimHost();
  return host;
}

/** Stops this file's pcscd and sim host (call in afterAll). */
export async function stopFileRig(): Promise<void> {
  await host?.stop();
  host = null;
  await stopFilePcscd();
}

/** A private pcscd with a vpcd reader, a virtual card process for it and a driver on the real PC/SC stack. */
export interface VpcdRig {
  pcscd: PcscdRig;
  binding: PcscBinding;
  reader: SsCardReader;
  /** Inserts the card and waits until pcscd reports it present. */
  insert(): Promise<void>;
  /** Removes the card and waits until pcscd reports the reader empty. */
  remove(): Promise<void>;
  /** True when pcscd reports a card in the virtual reader. */
  present(): boolean;
  close(): Promise<void>;
}

/** Builds a {@link VpcdRig} for a sample card (default the valid one), optionally playing a fault. */
export async function vpcdRig(options: { cardPath?: string; fault?: SsSimFault | null; reader?: Partial<SsCardReaderOptions> } = {}): Promise<VpcdRig> {
  const pcscd = await filePcscd();
  const sim = fileSimHost();
  const binding = await openSmartcardBinding();
  const reader = openSsCardReader(binding, { name: 'sscard', simulated: true, readerName: VIRTUAL_READER, pollIntervalMs: 50, ...options.reader });
  // Its own context: the reader closes `binding`, and presence must still be seen after that.
  const probe = await openSmartcardBinding();
  const present = () => {
    try {
      return probe.cardPresent(VIRTUAL_READER);
    } catch {
      return false;
    }
  };
  const wait = async (want: boolean) => {
    const deadline = Date.now() + 5000;
    while (present() !== want) {
      if (Date.now() > deadline) throw new Error(`pcscd did not report the card ${want ? 'present' : 'absent'}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return {
    pcscd,
    binding,
    reader,
    present,
    async insert() {
      await sim.insert(options.cardPath ?? SS_SAMPLE_CARDS.sample, pcscd.vpcdPort!, options.fault ?? null);
      await wait(true);
    },
    async remove() {
      await sim.remove();
      await wait(false);
    },
    async close() {
      await reader.close();
      await sim.remove();
      await wait(false);
      probe.close();
    },
  };
}
