/** Single-record REST: create, retrieve, update and delete under /sobjects/{type}[/{id}]. */
import type { Ctx } from '../context';
import { resolveJsonFields } from '../dml';
import { ApiError, notFound, RowError } from '../errors';
import { isWellFormedId } from '../ids';
import { autoAssignHeader, readJson, runsAssignmentRules, sendJson, sendNoContent } from '../httpUtil';
import type { ObjectDef } from '../schema';
import { isMultipart, readMultipart, recordFromParts } from './multipart';
import { toJsonValue } from '../values';

function objectOf(ctx: Ctx): ObjectDef {
    const obj = ctx.sim.store.describe(ctx.params[0]);
    if (!obj) throw notFound();
    return obj;
}

/** A row error on a single-record call is the whole response. */
function asApiError(err: unknown): unknown {
    if (err instanceof RowError) return new ApiError(400, err.statusCode, err.message, err.fields);
    return err;
}

function writeContext(ctx: Ctx): { userId: string; runAssignmentRules: boolean } {
    return { userId: ctx.session.userId, runAssignmentRules: runsAssignmentRules(ctx.req) };
}

/** POST /sobjects/{type} */
export async function createOne(ctx: Ctx): Promise<void> {
    const obj = objectOf(ctx);
    const body = isMultipart(ctx.req)
        ? recordFromParts(await readMultipart(ctx.req), obj.name)
        : await readJson<Record<string, unknown>>(ctx.req);
    ctx.sim.stats.write('rest.sobject.create', obj.name, 1, autoAssignHeader(ctx.req));
    try {
        const id = ctx.sim.dml.create(obj, resolveJsonFields(obj, body), writeContext(ctx));
        ctx.sim.stats.rows('rest', 1);
        sendJson(ctx.res, 201, { id, success: true, errors: [] });
    } catch (e) {
        throw asApiError(e);
    }
}

/** GET /sobjects/{type}/{id}?fields= */
export function retrieveOne(ctx: Ctx): void {
    const obj = objectOf(ctx);
    const id = ctx.params[1];
    if (!isWellFormedId(id)) {
        throw new ApiError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${id}`);
    }
    const loc = ctx.sim.store.locate(id);
    if (!loc || loc.table.object !== obj) throw notFound();
    const names = ctx.url.searchParams.get('fields');
    const fields = names
        ? names.split(',').map((n) => {
              const f = obj.byName.get(n.trim().toLowerCase());
              if (!f)
                  throw new ApiError(
                      400,
                      'INVALID_FIELD',
                      `No such column '${n.trim()}' on sobject of type ${obj.name}`
                  );
              return f;
          })
        : obj.fields;
    const rid = loc.table.id(loc.row);
    const record: Record<string, unknown> = {
        attributes: { type: obj.name, url: `/services/data/v${ctx.version}/sobjects/${obj.name}/${rid}` }
    };
    for (const f of fields) {
        record[f.name] =
            f.type === 'base64'
                ? `/services/data/v${ctx.version}/sobjects/${obj.name}/${rid}/${f.name}`
                : toJsonValue(f, loc.table.get(loc.row, f));
    }
    sendJson(ctx.res, 200, record);
}

/** PATCH /sobjects/{type}/{id} */
export async function updateOne(ctx: Ctx): Promise<void> {
    const obj = objectOf(ctx);
    const body = await readJson<Record<string, unknown>>(ctx.req);
    ctx.sim.stats.write('rest.sobject.update', obj.name, 1, autoAssignHeader(ctx.req));
    if (!isWellFormedId(ctx.params[1]))
        throw new ApiError(
            404,
            'NOT_FOUND',
            `Provided external ID field does not exist or is not accessible: ${ctx.params[1]}`
        );
    try {
        ctx.sim.dml.update(
            obj,
            ctx.params[1],
            resolveJsonFields(obj, body, ['attributes', 'Id', 'id']),
            writeContext(ctx)
        );
        ctx.sim.stats.rows('rest', 1);
        sendNoContent(ctx.res);
    } catch (e) {
        if (e instanceof RowError && e.statusCode === 'INVALID_CROSS_REFERENCE_KEY' && e.fields.length === 0)
            throw notFound();
        throw asApiError(e);
    }
}

/** DELETE /sobjects/{type}/{id} */
export function deleteOne(ctx: Ctx): void {
    const obj = objectOf(ctx);
    ctx.sim.stats.write('rest.sobject.delete', obj.name, 1, autoAssignHeader(ctx.req));
    if (!isWellFormedId(ctx.params[1]))
        throw new ApiError(
            404,
            'NOT_FOUND',
            `Provided external ID field does not exist or is not accessible: ${ctx.params[1]}`
        );
    try {
        ctx.sim.dml.delete(obj, ctx.params[1], writeContext(ctx));
        sendNoContent(ctx.res);
    } catch (e) {
        if (e instanceof RowError && e.statusCode === 'INVALID_CROSS_REFERENCE_KEY') throw notFound();
        throw asApiError(e);
    }
}

/** GET /sobjects/{type}/{id}/{blobField}: the binary content of e.g. ContentVersion.VersionData. */
export function retrieveBlob(ctx: Ctx): void {
    const obj = objectOf(ctx);
    const loc = isWellFormedId(ctx.params[1]) ? ctx.sim.store.locate(ctx.params[1]) : undefined;
    const field = obj.byName.get(ctx.params[2].toLowerCase());
    if (!loc || loc.table.object !== obj || !field || field.type !== 'base64') throw notFound();
    const data = Buffer.from(String(loc.table.get(loc.row, field) ?? ''), 'base64');
    ctx.res.writeHead(200, { 'Content-Type': 'application/octetstream', 'Content-Length': data.length });
    ctx.res.end(data);
}
