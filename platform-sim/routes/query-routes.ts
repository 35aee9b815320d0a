import type { FastifyInstance } from 'fastify';
import { isValidIdNumber } from '../../common/domain/id-number';
import { HttpError, parseBody } from '../http-error';
import type { PlatformContext } from '../platform-context';
import { QueryRequestSchema } from '../protocol/request-schemas';
import { queryRecords } from '../queries/query-records';

/**
 * `POST /api/v1/queries`: answers a query item (catalogue `kind: 'query'`)
 * for the person named in the body with their simulated records →
 * `{serverTime, service, title, sections, note}`. Nothing is stored: a query
 * is not an application. 404 `not-found` for an unknown item, 409 `not-a-query`
 * for an item that is applied for, 422 `id-rejected` for an ID number that
 * fails the GB 11643 check.
 */
export function registerQueryRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/api/v1/queries', async (request) => {
    const body = parseBody(QueryRequestSchema, request.body);
    const item = ctx.catalogue.find(body.service);
    if (!item) throw new HttpError(404, 'not-found', `unknown service ${body.service}`);
    if (item.kind !== 'query') throw new HttpError(409, 'not-a-query', 'this item is applied for, not queried');
    if (!isValidIdNumber(body.applicant.idNumber)) throw new HttpError(422, 'id-rejected', 'not a valid ID number');
    const answer = queryRecords(item, body.applicant, new Date(request.platformTime));
    return { serverTime: request.platformTime, service: item.code, ...answer };
  });
}
