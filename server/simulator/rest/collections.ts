/**
 * sObject Collections (/composite/sobjects): create, update, delete up to 200 records per call with
 * per-record results, and retrieve by Ids. With allOrNone, one failure rolls every record back and the
 * others report ALL_OR_NONE_OPERATION_ROLLED_BACK, as Salesforce does.
 */
import type { Ctx } from '../context';
import { resolveJsonFields, type Undo, type WriteContext } from '../dml';
import { ApiError, notFound, RowError } from '../errors';
import { isWellFormedId } from '../ids';
import { autoAssignHeader, readJson, runsAssignmentRules, sendJson } from '../httpUtil';
import { toJsonValue } from '../values';

const MAX_RECORDS = 200;

interface SaveResult {
    id?: string | null;
    success: boolean;
    errors: { statusCode: string; message: string; fields: string[] }[];
}

const rolledBack = {
    statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
    fields: []
};

function tooMany(n: number): void {
    if (n > MAX_RECORDS) {
        throw new ApiError(
            400,
            'EXCEEDED_ID_LIMIT',
            `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`
        );
    }
}

function rowFailure(e: unknown): RowError {
    if (e instanceof RowError) return e;
    if (e instanceof ApiError) return new RowError(e.errorCode, e.message, e.fields ?? []);
    throw e;
}

/** Runs `op` per record; on allOrNone failure, undoes the successes in reverse order. */
function runAll<T>(items: T[], allOrNone: boolean, op: (item: T, undo: Undo[] | undefined) => string): SaveResult[] {
    const undo: Undo[] = [];
    const results: SaveResult[] = items.map((item) => {
        try {
            const id = op(item, allOrNone ? undo : undefined);
            return { id, success: true, errors: [] };
        } catch (e) {
            return { success: false, errors: [rowFailure(e).toJSON()] };
        }
    });
    if (allOrNone && results.some((r) => !r.success)) {
        for (const u of undo.reverse()) u();
        return results.map((r) =>
            r.success ? { id: r.id, success: false, errors: [rolledBack] } : { success: false, errors: r.errors }
        );
    }
    return results;
}

interface WriteBody {
    allOrNone?: boolean;
    records?: Record<string, unknown>[];
}

async function writeBody(ctx: Ctx): Promise<{ allOrNone: boolean; records: Record<string, unknown>[] }> {
    const body = await readJson<WriteBody>(ctx.req);
    if (!body || !Array.isArray(body.records))
        throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must have a records array');
    tooMany(body.records.length);
    return { allOrNone: body.allOrNone === true, records: body.records };
}

function typeOf(ctx: Ctx, record: Record<string, unknown>) {
    const attrs = record.attributes as { type?: string } | undefined;
    if (!attrs?.type) throw new RowError('INVALID_TYPE', 'Must specify a type in attributes', []);
    const obj = ctx.sim.store.describe(attrs.type);
    if (!obj) throw new RowError('INVALID_TYPE', `sObject type '${attrs.type}' is not supported.`, []);
    return obj;
}

function context(ctx: Ctx): WriteContext {
    return { userId: ctx.session.userId, runAssignmentRules: runsAssignmentRules(ctx.req) };
}

/** Unknown fields fail the whole request before any record is written, as in Salesforce. */
function checkFields(ctx: Ctx, records: Record<string, unknown>[]): void {
    for (const r of records) {
        const attrs = r.attributes as { type?: string } | undefined;
        const obj = attrs?.type ? ctx.sim.store.describe(attrs.type) : undefined;
        if (obj) resolveJsonFields(obj, r, ['attributes', 'id', 'Id']);
    }
}

/** POST /composite/sobjects */
export async function createMany(ctx: Ctx): Promise<void> {
    const { allOrNone, records } = await writeBody(ctx);
    checkFields(ctx, records);
    const wctx = context(ctx);
    const objectName = (records[0]?.attributes as { type?: string } | undefined)?.type ?? '';
    ctx.sim.stats.write('rest.collections.create', objectName, records.length, autoAssignHeader(ctx.req));
    const results = runAll(records, allOrNone, (r, undo) => {
        const obj = typeOf(ctx, r);
        if (r.id !== undefined || r.Id !== undefined)
            throw new RowError('INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
        return ctx.sim.dml.create(obj, resolveJsonFields(obj, r), wctx, undo);
    });
    ctx.sim.stats.rows('rest', records.length);
    sendJson(ctx.res, 200, results);
}

/** PATCH /composite/sobjects */
export async function updateMany(ctx: Ctx): Promise<void> {
    const { allOrNone, records } = await writeBody(ctx);
    checkFields(ctx, records);
    const wctx = context(ctx);
    const objectName = (records[0]?.attributes as { type?: string } | undefined)?.type ?? '';
    ctx.sim.stats.write('rest.collections.update', objectName, records.length, autoAssignHeader(ctx.req));
    const results = runAll(records, allOrNone, (r, undo) => {
        const obj = typeOf(ctx, r);
        const id = r.id ?? r.Id;
        if (id === undefined || id === null || id === '')
            throw new RowError('MISSING_ARGUMENT', 'Id not specified in an update call', []);
        return ctx.sim.dml.update(obj, id, resolveJsonFields(obj, r, ['attributes', 'id', 'Id']), wctx, undo);
    });
    ctx.sim.stats.rows('rest', records.length);
    sendJson(ctx.res, 200, results);
}

/** DELETE /composite/sobjects?ids=...&allOrNone= */
export function deleteMany(ctx: Ctx): void {
    const ids = (ctx.url.searchParams.get('ids') ?? '').split(',').filter((s) => s !== '');
    tooMany(ids.length);
    const allOrNone = ctx.url.searchParams.get('allOrNone') === 'true';
    const wctx = context(ctx);
    ctx.sim.stats.write('rest.collections.delete', '', ids.length, autoAssignHeader(ctx.req));
    const results = runAll(ids, allOrNone, (id, undo) => ctx.sim.dml.delete(undefined, id, wctx, undo));
    sendJson(ctx.res, 200, results);
}

/** GET /composite/sobjects/{type}?ids=&fields= and POST with {ids, fields} */
export async function retrieveMany(ctx: Ctx): Promise<void> {
    const obj = ctx.sim.store.describe(ctx.params[0]);
    if (!obj) throw notFound();
    let ids: string[];
    let fieldNames: string[];
    if (ctx.req.method === 'POST') {
        const body = await readJson<{ ids?: string[]; fields?: string[] }>(ctx.req);
        ids = body.ids ?? [];
        fieldNames = body.fields ?? [];
    } else {
        ids = (ctx.url.searchParams.get('ids') ?? '').split(',').filter((s) => s !== '');
        fieldNames = (ctx.url.searchParams.get('fields') ?? '').split(',').filter((s) => s !== '');
    }
    if (ctx.req.method === 'GET') tooMany(ids.length);
    else if (ids.length > 2000)
        throw new ApiError(
            400,
            'EXCEEDED_ID_LIMIT',
            'record limit reached. cannot submit more than 2000 records into this call'
        );
    if (!fieldNames.length) throw new ApiError(400, 'MISSING_ARGUMENT', 'fields parameter is required');
    const fields = fieldNames.map((n) => {
        const f = obj.byName.get(n.trim().toLowerCase());
        if (!f) throw new ApiError(400, 'INVALID_FIELD', `No such column '${n.trim()}' on sobject of type ${obj.name}`);
        return f;
    });
    const out = ids.map((id) => {
        if (!isWellFormedId(id)) return null;
        const loc = ctx.sim.store.locate(id);
        if (!loc || loc.table.object !== obj) return null;
        const rid = loc.table.id(loc.row);
        const record: Record<string, unknown> = {
            attributes: { type: obj.name, url: `/services/data/v${ctx.version}/sobjects/${obj.name}/${rid}` }
        };
        for (const f of fields) record[f.name] = toJsonValue(f, loc.table.get(loc.row, f));
        return record;
    });
    sendJson(ctx.res, 200, out);
}
