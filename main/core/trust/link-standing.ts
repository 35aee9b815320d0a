import type { Logger } from '../../../common/logging/logger';
import type { KioskStore } from '../../../offline-cache/index';
import { LINK_TRUSTED, type LinkTrust, type LinkTrustState } from '../../../uplink/index';

/** Config key of the link's last standing, with the device id it was about: `{deviceId, refused, code, at}`. */
export const LINK_STANDING_KEY = 'trust.link';

/** What is kept under {@link LINK_STANDING_KEY}. */
export interface StoredLinkStanding extends LinkTrustState {
  deviceId: string;
}

/** The stored standing of the link, or null when none was kept or it is unreadable. */
export function readLinkStanding(store: KioskStore): StoredLinkStanding | null {
  const v = store.config.get(LINK_STANDING_KEY) as Partial<StoredLinkStanding> | null;
  if (!v || typeof v.deviceId !== 'string' || (v.refused !== null && v.refused !== 'not-enrolled' && v.refused !== 'revoked')) return null;
  return { deviceId: v.deviceId, refused: v.refused ?? null, code: v.code ?? null, at: v.at ?? null };
}

/**
 * The standing to start from: the one kept by the last run for this same
 * device id (so a revoked terminal restarted offline stays out of service),
 * else trusted (a new enrolment has another device id and starts afresh).
 */
export function initialLinkStanding(store: KioskStore, deviceId: string): LinkTrustState {
  const kept = readLinkStanding(store);
  return kept && kept.deviceId === deviceId ? { refused: kept.refused, code: kept.code, at: kept.at } : LINK_TRUSTED;
}

/**
 * The one service line that says why the platform does not serve this
 * terminal and what the technician does about it (no secret, no personal
 * data); the same words for `kioskctl status`.
 */
export function linkStandingLine(state: LinkTrustState, platformUrl: string, deviceId: string): string {
  if (state.refused === 'revoked') {
    return `暂停服务：平台 ${platformUrl} 已吊销本机 ${deviceId}（${state.code}），请联系平台管理员，再用 kioskctl enrol 重新注册 / out of service: the platform ${platformUrl} revoked this terminal ${deviceId} (${state.code}); ask the platform administrators, then re-enrol with kioskctl enrol`;
  }
  if (state.refused === 'not-enrolled') {
    return `暂未开通服务：平台 ${platformUrl} 不认可本机（${state.code}），请向平台申请注册码，用 kioskctl enrol --data-dir DIR --platform ${platformUrl} --code CODE 注册 / not in service: the platform ${platformUrl} does not accept this terminal (${state.code}): it is not enrolled; get an enrolment code from the platform and run kioskctl enrol --data-dir DIR --platform ${platformUrl} --code CODE`;
  }
  return `恢复服务：平台 ${platformUrl} 已接受本机 / back in service: the platform ${platformUrl} accepts this terminal`;
}

/** Options of {@link keepLinkStanding}. */
export interface KeepLinkStandingOptions {
  trust: LinkTrust;
  store: KioskStore;
  deviceId: string;
  platformUrl: string;
  logger: Logger;
  /** The core's service line (console and structured log). */
  line(text: string): void;
  /** Called after each change has been kept, audited and logged (the core re-announces its service state). */
  onChanged(state: LinkTrustState): void;
}

/**
 * Keeps every change of the link's standing: stored under
 * {@link LINK_STANDING_KEY} (best effort), one audit row (`trust.revoked`,
 * `trust.not-enrolled`, `trust.restored`), one service line. Returns the
 * unsubscribe function.
 */
export function keepLinkStanding(options: KeepLinkStandingOptions): () => void {
  const { trust, store, deviceId } = options;
  return trust.onChanged((state) => {
    try {
      store.config.set(LINK_STANDING_KEY, { deviceId, ...state } satisfies StoredLinkStanding);
      store.audit.append(state.refused ? `trust.${state.refused}` : 'trust.restored', { deviceId, code: state.code });
    } catch (e) {
      options.logger.child({ part: 'trust' }).warn('trust.keep-failed', { error: (e as Error).name });
    }
    options.line(linkStandingLine(state, options.platformUrl, deviceId));
    options.onChanged(state);
  });
}
