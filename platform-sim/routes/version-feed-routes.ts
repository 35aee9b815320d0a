import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error';
import { UPDATES_DIR } from './update-routes';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const VERSION = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(-[0-9A-Za-z]+(\.[0-9A-Za-z]+)*)?$/;

/**
 * `GET /updates/{channel}/{version}/{file}`: one release's own feed, for a
 * terminal that follows a pinned version (downgrades included):
 * `latest-linux.yml` (electron-builder's format, naming that version only)
 * and its artifact, served from `<dataDir>/updates/<channel>/<version>/`.
 * The release tool keeps every published version there. A segment that is
 * not a safe name, or a version that is not semver, is 404: never a read
 * outside the directory.
 */
export function registerVersionFeedRoutes(app: FastifyInstance, dataDir: string): void {
  const dir = join(dataDir, UPDATES_DIR);
  app.get<{ Params: { channel: string; version: string; file: string } }>('/updates/:channel/:version/:file', async (request, reply) => {
    const { channel, version, file } = request.params;
    const path = join(dir, channel, version, file);
    const safe = SAFE_NAME.test(channel) && VERSION.test(version) && SAFE_NAME.test(file) && !file.includes('..') && !channel.includes('..');
    if (!safe || !existsSync(path) || !statSync(path).isFile()) throw new HttpError(404, 'not-found', `no update file ${channel}/${version}/${file}`.slice(0, 300));
    return reply
      .header('Content-Type', /\.ya?ml$/.test(file) ? 'text/yaml; charset=utf-8' : 'application/octet-stream')
      .header('Content-Length', String(statSync(path).size))
      .send(createReadStream(path));
  });
}
