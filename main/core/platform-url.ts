/** Why a platform URL is refused, in Chinese and English. */
export interface PlatformUrlProblem {
  zh: string;
  en: string;
}

/** True for a loopback host name as `URL.hostname` gives it: `localhost`, `127.0.0.0/8`, `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * The scheme rule of the platform URL: `https:` always; `http:` only to a
 * loopback host (platform-sim in development) and never in a packaged
 * build. Returns null when `url` is acceptable, or when it is not a URL at
 * all (the schema's URL check reports that).
 *
 * @param packaged true for a packaged (installed) build
 */
export function platformUrlProblem(url: string, packaged: boolean): PlatformUrlProblem | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'https:') return null;
  const shown = JSON.stringify(url);
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) {
    if (!packaged) return null;
    return {
      zh: `安装版只连接 https:// 平台地址，这里写的是 ${shown}（http 仅供开发时连本机模拟平台）`,
      en: `a packaged build connects only to an https:// platform URL, not ${shown} (http is for a loopback platform-sim in development only)`,
    };
  }
  return {
    zh: `平台地址必须以 https:// 开头，这里写的是 ${shown}（http 只允许本机 127.0.0.1/localhost，且仅限开发）`,
    en: `the platform URL must start with https://, not ${shown} (http only to 127.0.0.1/localhost, in development)`,
  };
}
