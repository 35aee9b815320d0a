import type { FastifyInstance } from 'fastify';

/** `GET /api/v1/time` → `{serverTime}`. */
export function registerTimeRoutes(app: FastifyInstance): void {
  app.get('/api/v1/time', async (request) => ({ serverTime: request.platformTime }));
}
