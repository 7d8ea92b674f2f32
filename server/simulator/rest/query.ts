/** REST query and queryAll with paging: nextRecordsUrl carries a query locator "<cursorId>-<offset>". */
import { ApiError } from '../errors';
import type { Ctx } from '../context';
import { sendJson } from '../httpUtil';
import { aggregateRows, compileQuery, countRows, recordJson, selectRows } from '../soql/query';

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;

function batchSize(ctx: Ctx): number {
    const header = ctx.req.headers['sforce-query-options'];
    const m = typeof header === 'string' ? /batchSize\s*=\s*(\d+)/i.exec(header) : null;
    if (!m) return DEFAULT_BATCH;
    return Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, Number(m[1])));
}

function page(ctx: Ctx, cursorId: string, start: number): void {
    const cursor = ctx.sim.cursors.get(cursorId);
    if (!cursor || start > cursor.rows.length)
        throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    const end = Math.min(cursor.rows.length, start + batchSize(ctx));
    const records = [];
    for (let i = start; i < end; i++) records.push(recordJson(cursor.query, cursor.rows[i], ctx.version));
    const done = end >= cursor.rows.length;
    if (done) ctx.sim.cursors.close(cursorId);
    sendJson(ctx.res, 200, {
        totalSize: cursor.rows.length,
        done,
        ...(done
            ? {}
            : {
                  nextRecordsUrl: `/services/data/v${ctx.version}/${ctx.url.pathname.includes('/queryAll') ? 'queryAll' : 'query'}/${cursorId}-${end}`
              }),
        records
    });
}

/** GET /query?q= and /queryAll?q= */
export function runQuery(ctx: Ctx, scanAll: boolean): void {
    const soql = ctx.url.searchParams.get('q') ?? '';
    const q = compileQuery(ctx.sim.store, soql, { scanAll });
    if (!ctx.inBatch) ctx.sim.stats.queryOf(q.object.name);
    if (q.type === 'count') {
        sendJson(ctx.res, 200, { totalSize: countRows(q), done: true, records: [] });
        return;
    }
    if (q.type === 'aggregate') {
        const records = aggregateRows(q);
        sendJson(ctx.res, 200, { totalSize: records.length, done: true, records });
        return;
    }
    const rows = selectRows(q);
    const cursor = ctx.sim.cursors.open(q, rows, ctx.session.userId);
    page(ctx, cursor.id, 0);
}

/** GET /query/{locator} */
export function queryMore(ctx: Ctx): void {
    const m = /^(.+)-(\d+)$/.exec(ctx.params[0]);
    if (!m) throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    page(ctx, m[1], Number(m[2]));
}
