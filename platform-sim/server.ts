import { join } from 'node:path';
import Fastify from 'fastify';
import { CatalogueVersions } from './catalogue/catalogue-versions';
import { generateCatalogue } from './catalogue/generate-catalogue';
import { WELL_KNOWN_ITEMS } from './catalogue/well-known-items';
import { installCompressionHooks } from './compression-hooks';
import { installPlatformHooks } from './fault-hooks';
import { FaultInjector } from './faults';
import { HttpError } from './http-error';
import { installJsonBodyParser } from './json-body-parser';
import { PlatformClock } from './platform-clock';
import type { PlatformContext } from './platform-context';
import { registerAdminRoutes } from './routes/admin-routes';
import { registerEnrolmentRoutes } from './routes/enrolment-routes';
import { registerTechnicianRoutes } from './routes/technician-routes';
import { registerBatchRoutes } from './routes/batch-routes';
import { registerCatalogueRoutes } from './routes/catalogue-routes';
import { registerCertificateRoutes } from './routes/certificate-routes';
import { registerFleetRoutes } from './routes/fleet-routes';
import { registerDelegationRoutes } from './routes/delegation-routes';
import { registerHeartbeatRoutes } from './routes/heartbeat-routes';
import { registerIdentityRoutes } from './routes/identity-routes';
import { registerPaymentRoutes } from './routes/payment-routes';
import { registerQueryRoutes } from './routes/query-routes';
import { registerTimeRoutes } from './routes/time-routes';
import { registerUpdateRoutes, UPDATES_DIR } from './routes/update-routes';
import { registerVersionFeedRoutes } from './routes/version-feed-routes';
import { FleetStore } from './store/fleet-store';
import { HeartbeatsStore } from './store/heartbeats-store';
import { openStore } from './store/open-store';
import { PaymentsStore } from './store/payments-store';
import { RecordsStore } from './store/records-store';
import { SettingsStore } from './store/settings-store';
import { DevicesStore } from './store/devices-store';
import { installTrustHooks } from './trust/trust-hooks';
import { TrustState } from './trust/trust-state';

/** Options of {@link startPlatformSim}. */
export interface PlatformSimOptions {
  /** TCP port; 0 (default) picks a free ephemeral port. */
  port?: number;
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /** Directory of the durable state (`platform.sqlite`); created when missing. */
  dataDir: string;
  /** When true, no request logging (default false). */
  quiet?: boolean;
  /** How long a payment order stays payable, in milliseconds (default 300000 = 5 minutes). */
  paymentTtlMs?: number;
  /** Largest accepted request body, in bytes (default 4 MiB). */
  bodyLimitBytes?: number;
  /**
   * When true, every `/api/` request but enrolment must carry a valid kiosk
   * signature (`signature-missing` otherwise). Default false while the
   * harnesses that talk to platform-sim unsigned are moved over; a signed
   * request is checked whatever this says. Changeable at run time with
   * `POST /admin/trust`.
   */
  requireSignedRequests?: boolean;
  /** Serve HTTPS with this PEM key and certificate instead of HTTP (default: HTTP). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Accepted distance of a signed request's timestamp from platform time, in ms (default 300 000). */
  signatureWindowMs?: number;
  /** Directory of the update feed, one subdirectory per channel (`GET /updates/{channel}/{file}`); default `<dataDir>/updates`. */
  updatesDir?: string;
}

/** A running platform-sim. */
export interface PlatformSim {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Every registered `METHOD path` (fastify path syntax, HEAD omitted). */
  routes: string[];
  /** Stops listening, drops open connections and closes the database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the reference central platform (protocol v1, see docs/sync-protocol.md)
 * on loopback. State that must survive a restart (accepted ids and their
 * receive counts, payments, pinned version, catalogue bumps) lives in SQLite
 * under `dataDir`; fault settings and clock offset do not. Rejects when the
 * port is taken or the data directory is unusable.
 *
 * @example
 * const sim = await startPlatformSim({ dataDir: '/tmp/sim', quiet: true });
 * await fetch(`${sim.url}/api/v1/time`);
 * await sim.close();
 */
export async function startPlatformSim(options: PlatformSimOptions): Promise<PlatformSim> {
  const db = openStore(options.dataDir);
  const settings = new SettingsStore(db);
  const base = generateCatalogue();
  const catalogue = new CatalogueVersions(base, 50, WELL_KNOWN_ITEMS.length);
  // Bumps and edits replayed in the order they made their versions.
  const changes = [...settings.bumps().map((b) => ({ version: b.version, apply: () => catalogue.bump(b.changes) })), ...settings.edits().map((e) => ({ version: e.version, apply: () => catalogue.editName(e.code, e.locale, e.name) }))];
  for (const change of changes.sort((a, b) => a.version - b.version)) change.apply();

  let baseUrl = '';
  const ctx: PlatformContext = {
    clock: new PlatformClock(),
    faults: new FaultInjector(),
    records: new RecordsStore(db),
    payments: new PaymentsStore(db, options.paymentTtlMs),
    settings,
    heartbeats: new HeartbeatsStore(db),
    catalogue,
    fleet: new FleetStore(db),
    trust: new TrustState(new DevicesStore(db), options.requireSignedRequests ?? false, options.signatureWindowMs),
    baseUrl: () => baseUrl,
  };

  const app = Fastify({
    ...(options.tls ? { https: { key: options.tls.key, cert: options.tls.cert } } : {}),
    logger: options.quiet ? false : { level: 'info', stream: process.stderr },
    bodyLimit: options.bodyLimitBytes ?? 4 * 1024 * 1024,
    forceCloseConnections: true,
    return503OnClosing: true,
  });
  const routes: string[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${r.url}`);
  });

  installPlatformHooks(app, ctx);
  installTrustHooks(app, ctx);
  installCompressionHooks(app);
  installJsonBodyParser(app);
  app.setErrorHandler((err: unknown, request, reply) => {
    const e = err as { statusCode?: number; message?: string };
    const status = err instanceof HttpError ? err.status : (e.statusCode ?? 500);
    const code =
      err instanceof HttpError
        ? err.code
        : status === 413
          ? 'payload-too-large'
          : status === 415
            ? 'unsupported-media-type'
            : status < 500
              ? 'bad-request'
              : 'internal';
    if (status >= 500) request.log.error(err);
    const message = status >= 500 && !(err instanceof HttpError) ? 'internal error' : (e.message ?? code);
    return reply.code(status).send({ error: code, message, serverTime: request.platformTime });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0]}`, serverTime: request.platformTime }),
  );

  registerTimeRoutes(app);
  registerCatalogueRoutes(app, ctx);
  registerBatchRoutes(app, ctx);
  registerHeartbeatRoutes(app, ctx);
  registerIdentityRoutes(app);
  registerPaymentRoutes(app, ctx);
  registerCertificateRoutes(app, ctx);
  registerQueryRoutes(app, ctx);
  registerDelegationRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerUpdateRoutes(app, options.updatesDir ?? join(options.dataDir, UPDATES_DIR));
  registerVersionFeedRoutes(app, options.dataDir);
  registerEnrolmentRoutes(app, ctx);
  registerTechnicianRoutes(app, ctx);
  registerFleetRoutes(app, ctx);

  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (err) {
    db.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  baseUrl = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closed: Promise<void> | null = null;
  return {
    url: baseUrl,
    port,
    routes,
    close: () => {
      closed ??= app.close().then(() => {
        db.close();
      });
      return closed;
    },
  };
}
