import type { ServiceDetail } from '../../../common/contract/schemas';
import { hasKioskStore, type KeyProvider } from '../../../offline-cache/index';
import { createPlatformClient, PlatformUnreachableError } from '../../../uplink/index';
import { buildCatalogueIndex, readUsage, REGION_KEY } from '../../core/services/catalogue-service';
import { regionalCatalogue, REGION_CODE } from '../../../common/domain/regional-catalogue';
import { intOption, parseCommandArgs, requireOption } from '../args';
import { EXIT, UsageError, type CliCommand } from '../cli-types';
import { openExistingStore } from '../existing-store';
import { table } from '../text-table';

/** Exit status when no catalogue is cached in DIR and the platform cannot be reached. */
export const EXIT_NO_CATALOGUE = 6;

/** Config key of the local usage counts (kept by the core's CatalogueService). */
const USAGE_KEY = 'catalogue.usage';

const usage = `Usage: kioskctl catalogue search --data-dir DIR [--platform URL] [--region CODE] [--limit N] [--json] QUERY

Searches the catalogue cached in DIR and ranks the results exactly as the
kiosk's search screen does (match quality, keywords and synonyms, how often
each item was started at this terminal). QUERY is Chinese, pinyin, initials
or a mix (sbcx, 社保, shebao). When DIR has no cached catalogue, it is
fetched from the platform at URL (nothing is written to DIR). Only the
entries the kiosk lists are searched: its region's implementation items and
the levels above (the region the kiosk last started with, kept in DIR).

  --region CODE  six-digit division code to list instead (e.g. 410102)
  --limit N   results to print (default 10, max 100)
  --json      print exactly [{"code","name","department"}] in rank order

Exit status: 0 searched (also when nothing matched), 2 usage error,
6 no catalogue cached in DIR and the platform unreachable (or no --platform).`;

interface Catalogue {
  items: ServiceDetail[];
  usage: Record<string, number>;
  /** The region the kiosk last started with, or null. */
  region: string | null;
}

function cachedCatalogue(dataDir: string, keys: KeyProvider | undefined): Catalogue {
  if (!hasKioskStore(dataDir)) return { items: [], usage: {}, region: null };
  const store = openExistingStore(dataDir, keys);
  try {
    const region = store.config.get(REGION_KEY);
    return { items: store.catalogue.all(), usage: readUsage(store.config.get(USAGE_KEY)), region: typeof region === 'string' && REGION_CODE.test(region) ? region : null };
  } finally {
    store.close();
  }
}

/** `kioskctl catalogue search`: the kiosk's ranking from the command line. */
export const catalogueCommand: CliCommand = {
  name: 'catalogue',
  summary: 'Search the cached catalogue as the kiosk ranks it (catalogue search)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      'data-dir': { type: 'string' },
      platform: { type: 'string' },
      region: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals[0] !== 'search') throw new UsageError('expected "catalogue search"');
    if (positionals.length !== 2) throw new UsageError('expected one QUERY (quote it when it has spaces)');
    const query = positionals[1]!;
    if (query.length > 100) throw new UsageError('QUERY is at most 100 characters');
    const dataDir = requireOption(values, 'data-dir');
    const platform = values.platform as string | undefined;
    if (platform !== undefined && !/^https?:\/\//.test(platform)) throw new UsageError('--platform must be an http(s) URL');
    const regionOption = values.region as string | undefined;
    if (regionOption !== undefined && !REGION_CODE.test(regionOption)) throw new UsageError('--region must be a six-digit division code, e.g. 410102');
    const limit = intOption(values, 'limit', 10);
    if (limit > 100) throw new UsageError('--limit is at most 100');

    const cached = cachedCatalogue(dataDir, io.keys);
    const uses = cached.usage;
    let items = cached.items;
    if (items.length === 0) {
      if (platform === undefined) {
        io.stderr('没有缓存的事项目录，也没有给出平台地址 / no catalogue cached in DIR and no --platform\n');
        return EXIT_NO_CATALOGUE;
      }
      try {
        const client = createPlatformClient({ baseUrl: platform, deviceId: 'kioskctl', timeoutMs: 15_000 });
        items = (await client.catalogue(null)).body.items;
      } catch (e) {
        if (!(e instanceof PlatformUnreachableError)) throw e;
        io.stderr('没有缓存的事项目录，平台无法连接 / no catalogue cached in DIR and the platform is unreachable\n');
        return EXIT_NO_CATALOGUE;
      }
    }
    const listed = regionalCatalogue(items, regionOption ?? cached.region).items;
    const index = buildCatalogueIndex(listed, (code) => uses[code] ?? 0);
    const found = index.search({ query, limit }).items;
    if (values.json) {
      io.stdout(`${JSON.stringify(found.map((i) => ({ code: i.code, name: i.name, department: i.department })))}\n`);
    } else if (found.length === 0) {
      io.stdout('没有找到 / nothing found\n');
    } else {
      io.stdout(table([['#', 'code', 'name', 'department'], ...found.map((i, n) => [String(n + 1), i.code, i.name, i.department])]));
    }
    return EXIT.ok;
  },
};
