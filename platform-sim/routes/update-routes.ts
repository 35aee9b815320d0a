import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error';

/** Default directory of the update feed, under the platform's data dir (`<dataDir>/updates/<channel>/<file>`). */
export const UPDATES_DIR = 'updates';

/** A channel name: what electron-updater puts before `-linux.yml` (`latest`, `beta`). */
const SAFE_CHANNEL = /^[a-z][a-z0-9-]{0,31}$/;
/** A file name: one path segment of safe characters, never hidden, never `..`. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Content type by file extension; anything else is `application/octet-stream`. */
const CONTENT_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/\.ya?ml$/i, 'text/yaml; charset=utf-8'],
  [/\.deb$/i, 'application/vnd.debian.binary-package'],
  [/\.exe$/i, 'application/vnd.microsoft.portable-executable'],
];

/** The content type platform-sim answers for an update file named `name`. */
export function updateFileContentType(name: string): string {
  return CONTENT_TYPES.find(([pattern]) => pattern.test(name))?.[1] ?? 'application/octet-stream';
}

/**
 * `GET /updates/{channel}/{file}`: the update feed for electron-updater's
 * generic provider, one directory per channel (`latest-linux.yml`,
 * `latest.yml`, the artifacts and blockmaps they name), served from
 * `updatesDir/<channel>/` (default `<dataDir>/updates/`). A release tool (or
 * a test) publishes by writing files there; the feed files are answered with
 * `Cache-Control: no-cache` so a new release is seen at the next check. A
 * channel or name outside the safe characters (`..`, slashes, hidden files)
 * and a missing file are a JSON 404, never a read outside the directory. No
 * Range support (electron-updater then downloads the whole file).
 */
export function registerUpdateRoutes(app: FastifyInstance, updatesDir: string): void {
  app.get<{ Params: { channel: string; file: string } }>('/updates/:channel/:file', async (request, reply) => {
    const { channel, file } = request.params;
    const path = join(updatesDir, channel, file);
    const stat = SAFE_CHANNEL.test(channel) && SAFE_NAME.test(file) && !file.includes('..') ? statSync(path, { throwIfNoEntry: false }) : undefined;
    if (!stat?.isFile()) throw new HttpError(404, 'not-found', `no update file ${channel}/${file}`);
    if (/\.ya?ml$/i.test(file)) reply.header('Cache-Control', 'no-cache');
    return reply.header('Content-Type', updateFileContentType(file)).header('Content-Length', String(stat.size)).send(createReadStream(path));
  });
}
