import { readFileSync } from 'node:fs';
import type { TechnicianRefusal } from '../../common/contract/schemas';
import type { KeyProvider } from '../../offline-cache/index';
import { EXIT, type CliIo } from './cli-types';
import { EXIT_NO_KIOSK_DATA, NoKioskDataError, openExistingStore } from './existing-store';
import { runKioskctl } from './kioskctl';
import { loginTechnician } from './technician-login';

/** Exit status of the packaged kioskctl when the technician is not let in (refused credential or PIN, locked, not enrolled). */
export const EXIT_TECHNICIAN_REFUSED = 7;

/** Longest credential file read, in bytes (a KT1 token is under 1,500 characters). */
const MAX_CREDENTIAL_BYTES = 4096;

const REFUSAL_TEXT: Record<TechnicianRefusal | 'staff-role', string> = {
  malformed: '凭证格式不对 / the credential is malformed',
  'signature-invalid': '凭证不是平台签发的 / the credential is not signed by the platform',
  expired: '凭证已过期 / the credential has expired',
  'other-site': '凭证不适用于本站点 / the credential does not cover this site',
  'pin-wrong': 'PIN 不对 / wrong PIN',
  locked: '多次失败，已锁定 / locked after repeated failures',
  'not-enrolled': '本终端尚未开通，无法核验技术人员 / this terminal is not enrolled, so no technician can be checked',
  'staff-role': '合作网点工作人员凭证不能使用 kioskctl / a partner site staff credential cannot use kioskctl',
};

/** Options of {@link runTechnicianKioskctl}. */
export interface TechnicianKioskctlOptions {
  /** The kiosk's data directory (from the packaged configuration). */
  dataDir: string;
  /** The kiosk's own sealed key provider (the shell's choice: DPAPI, systemd-creds, keyring). */
  keys: KeyProvider;
  /** Reads the technician's PIN without echoing it. */
  readSecret: (prompt: string) => Promise<string>;
  now?: () => Date;
}

/** Takes `--credential FILE` out of `argv`; returns the file and the rest. */
function takeCredential(argv: string[]): { file: string | null; rest: string[] } {
  const at = argv.indexOf('--credential');
  if (at === -1) return { file: null, rest: argv };
  return { file: argv[at + 1] ?? null, rest: [...argv.slice(0, at), ...argv.slice(at + 2)] };
}

/**
 * kioskctl as an entry of the packaged app (`gov-kiosk --kioskctl
 * --credential FILE <command> …`): with RunAsNode off, this is how a
 * technician's command reaches the kiosk's sealed data key. Before any
 * command runs, the technician is checked offline (credential file + PIN
 * read without echo) with the screen's lockout; refused → one line in
 * Chinese and English, exit {@link EXIT_TECHNICIAN_REFUSED}. Each command is
 * audited with the technician id and, once done, its exit status. `--help`
 * needs no credential.
 */
export async function runTechnicianKioskctl(argv: string[], io: CliIo, options: TechnicianKioskctlOptions): Promise<number> {
  const { file, rest } = takeCredential(argv);
  const command = rest[0];
  if (command === undefined || rest.includes('--help') || rest.includes('-h') || command === 'help') return runKioskctl(rest, io);
  if (!file) {
    io.stderr('kioskctl: 安装版需要技术人员凭证：--credential 文件 / the packaged kioskctl needs a technician credential: --credential FILE\n');
    return EXIT.usage;
  }
  let credential: string;
  try {
    credential = readFileSync(file).subarray(0, MAX_CREDENTIAL_BYTES).toString('utf8').trim();
  } catch (e) {
    io.stderr(`kioskctl: 无法读取凭证文件 ${file} / cannot read the credential file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return EXIT.usage;
  }
  const pin = await options.readSecret('技术人员 PIN / technician PIN: ');
  let technicianId: string;
  try {
    const store = openExistingStore(options.dataDir, options.keys);
    try {
      const login = loginTechnician({ dataDir: options.dataDir, store, credential, pin, ...(options.now ? { now: options.now } : {}) });
      if (!login.ok) {
        const until = login.lock.lockedUntil ? `（至 ${login.lock.lockedUntil} / until ${login.lock.lockedUntil}）` : `（还可试 ${login.lock.attemptsLeft} 次 / ${login.lock.attemptsLeft} attempts left）`;
        io.stderr(`kioskctl: 技术人员核验未通过 / technician check refused: ${REFUSAL_TEXT[login.reason]}${until}\n`);
        return EXIT_TECHNICIAN_REFUSED;
      }
      technicianId = login.technician.id;
      store.audit.append('kioskctl.command', { technicianId, command });
    } finally {
      store.close();
    }
  } catch (e) {
    if (!(e instanceof NoKioskDataError)) throw e;
    io.stderr(`kioskctl: ${e.message}\n`);
    return EXIT_NO_KIOSK_DATA;
  }
  const status = await runKioskctl(rest, { ...io, keys: options.keys });
  const store = openExistingStore(options.dataDir, options.keys);
  try {
    store.audit.append('kioskctl.command-done', { technicianId, command, exit: status });
  } finally {
    store.close();
  }
  return status;
}
