import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error';

/** Directory under the platform's data dir whose files are the update feed. */
export const UPDATES_DIR = 'updates';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * `GET /updates/{file}`: the update feed for electron-updater's generic
 * provider (`latest.yml`, `latest-linux.yml`, artifacts, blockmaps), served
 * from `<dataDir>/updates/`. A release tool (or a test) publishes by writing
 * files there. Names are one path segment of safe characters: anything else
 * (`..`, slashes, hidden files) is 404, never a read outside the directory.
 */
export function registerUpdateRoutes(app: FastifyInstance, dataDir: string): void {
  const dir = join(dataDir, UPDATES_DIR);
  app.get<{ Params: { file: string } }>('/updates/:file', async (request, reply) => {
    const name = request.params.file;
    const path = join(dir, name);
    if (!SAFE_NAME.test(name) || name.includes('..') || !existsSync(path) || !statSync(path).isFile()) throw new HttpError(404, 'not-found', `no update file ${name}`);
    return reply
      .header('Content-Type', /\.ya?ml$/.test(name) ? 'text/yaml; charset=utf-8' : 'application/octet-stream')
      .header('Content-Length', String(statSync(path).size))
      .send(createReadStream(path));
  });
}
