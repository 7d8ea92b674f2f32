/**
 * The simulator's HTTP server: routes Salesforce's REST, Bulk API 2.0 and OAuth paths to handlers,
 * checks sessions, applies request faults, counts requests by kind, runs Composite Batch subrequests
 * through the same routes in memory, and serves the admin endpoints under /__simulator/ (faults, stats)
 * for the CLI and tests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx, SimRequest, SimResponse, SimulatorContext } from './context';
import { ApiError, notFound, sessionInvalid } from './errors';
import { readBody, readJson, sendError, sendJson } from './httpUtil';
import * as ingest from './bulk/ingest';
import * as bulkQuery from './bulk/query';
import { createMany, deleteMany, retrieveMany, updateMany } from './rest/collections';
import { compositeBatch, type Subrequest } from './rest/compositeBatch';
import { basicInfo, describeGlobal, describeObject } from './rest/describe';
import { communities } from './rest/communities';
import { limits, versions } from './rest/limits';
import { queryMore, runQuery } from './rest/query';
import { createOne, deleteOne, retrieveBlob, retrieveOne, updateOne } from './rest/sobjects';
import { applyAdminFaults } from './admin';

type Handler = (ctx: Ctx) => void | Promise<void>;

interface Route {
    method: string;
    pattern: RegExp;
    kind: string;
    handler: Handler;
}

const SEG = '([^/]+)';

/** Routes under /services/data/vXX.X */
const ROUTES: Route[] = [
    {
        method: 'GET',
        pattern: /^\/?$/,
        kind: 'rest.resources',
        handler: (ctx) => sendJson(ctx.res, 200, resources(ctx.version))
    },
    { method: 'GET', pattern: /^\/limits\/?$/, kind: 'rest.limits', handler: limits },
    { method: 'GET', pattern: /^\/connect\/communities\/?$/, kind: 'rest.communities', handler: communities },
    { method: 'GET', pattern: /^\/query\/?$/, kind: 'rest.query', handler: (ctx) => runQuery(ctx, false) },
    { method: 'GET', pattern: /^\/queryAll\/?$/, kind: 'rest.query', handler: (ctx) => runQuery(ctx, true) },
    { method: 'GET', pattern: new RegExp(`^/query(?:All)?/${SEG}$`), kind: 'rest.queryMore', handler: queryMore },
    { method: 'GET', pattern: /^\/sobjects\/?$/, kind: 'rest.describe', handler: describeGlobal },
    {
        method: 'GET',
        pattern: new RegExp(`^/sobjects/${SEG}/describe/?$`),
        kind: 'rest.describe',
        handler: describeObject
    },
    { method: 'GET', pattern: new RegExp(`^/sobjects/${SEG}/?$`), kind: 'rest.describe', handler: basicInfo },
    { method: 'POST', pattern: new RegExp(`^/sobjects/${SEG}/?$`), kind: 'rest.sobject.create', handler: createOne },
    {
        method: 'GET',
        pattern: new RegExp(`^/sobjects/${SEG}/${SEG}$`),
        kind: 'rest.sobject.retrieve',
        handler: retrieveOne
    },
    {
        method: 'PATCH',
        pattern: new RegExp(`^/sobjects/${SEG}/${SEG}$`),
        kind: 'rest.sobject.update',
        handler: updateOne
    },
    {
        method: 'DELETE',
        pattern: new RegExp(`^/sobjects/${SEG}/${SEG}$`),
        kind: 'rest.sobject.delete',
        handler: deleteOne
    },
    {
        method: 'GET',
        pattern: new RegExp(`^/sobjects/${SEG}/${SEG}/${SEG}$`),
        kind: 'rest.sobject.blob',
        handler: retrieveBlob
    },
    { method: 'POST', pattern: /^\/composite\/sobjects\/?$/, kind: 'rest.collections.create', handler: createMany },
    { method: 'PATCH', pattern: /^\/composite\/sobjects\/?$/, kind: 'rest.collections.update', handler: updateMany },
    { method: 'DELETE', pattern: /^\/composite\/sobjects\/?$/, kind: 'rest.collections.delete', handler: deleteMany },
    {
        method: 'GET',
        pattern: new RegExp(`^/composite/sobjects/${SEG}/?$`),
        kind: 'rest.collections.retrieve',
        handler: retrieveMany
    },
    {
        method: 'POST',
        pattern: new RegExp(`^/composite/sobjects/${SEG}/?$`),
        kind: 'rest.collections.retrieve',
        handler: retrieveMany
    },
    {
        method: 'POST',
        pattern: /^\/composite\/batch\/?$/,
        kind: 'rest.composite.batch',
        handler: (ctx) => compositeBatch(ctx, dispatchSubrequest)
    },
    { method: 'POST', pattern: /^\/jobs\/ingest\/?$/, kind: 'bulk.ingest.create', handler: ingest.createIngestJob },
    { method: 'GET', pattern: /^\/jobs\/ingest\/?$/, kind: 'bulk.ingest.list', handler: ingest.listIngestJobs },
    {
        method: 'PUT',
        pattern: new RegExp(`^/jobs/ingest/${SEG}/batches/?$`),
        kind: 'bulk.ingest.upload',
        handler: ingest.uploadIngestData
    },
    {
        method: 'GET',
        pattern: new RegExp(`^/jobs/ingest/${SEG}/?$`),
        kind: 'bulk.ingest.info',
        handler: ingest.getIngestJob
    },
    {
        method: 'PATCH',
        pattern: new RegExp(`^/jobs/ingest/${SEG}/?$`),
        kind: 'bulk.ingest.state',
        handler: ingest.patchIngestJob
    },
    {
        method: 'DELETE',
        pattern: new RegExp(`^/jobs/ingest/${SEG}/?$`),
        kind: 'bulk.ingest.delete',
        handler: ingest.deleteIngestJob
    },
    {
        method: 'GET',
        pattern: new RegExp(`^/jobs/ingest/${SEG}/successfulResults/?$`),
        kind: 'bulk.ingest.results',
        handler: (ctx) => ingest.ingestResults(ctx, 'successful')
    },
    {
        method: 'GET',
        pattern: new RegExp(`^/jobs/ingest/${SEG}/failedResults/?$`),
        kind: 'bulk.ingest.results',
        handler: (ctx) => ingest.ingestResults(ctx, 'failed')
    },
    {
        method: 'GET',
        pattern: new RegExp(`^/jobs/ingest/${SEG}/unprocessedrecords/?$`),
        kind: 'bulk.ingest.results',
        handler: (ctx) => ingest.ingestResults(ctx, 'unprocessed')
    },
    { method: 'POST', pattern: /^\/jobs\/query\/?$/, kind: 'bulk.query.create', handler: bulkQuery.createQueryJob },
    { method: 'GET', pattern: /^\/jobs\/query\/?$/, kind: 'bulk.query.list', handler: bulkQuery.listQueryJobs },
    {
        method: 'GET',
        pattern: new RegExp(`^/jobs/query/${SEG}/results/?$`),
        kind: 'bulk.query.results',
        handler: bulkQuery.queryResults
    },
    {
        method: 'GET',
        pattern: new RegExp(`^/jobs/query/${SEG}/?$`),
        kind: 'bulk.query.info',
        handler: bulkQuery.getQueryJob
    },
    {
        method: 'PATCH',
        pattern: new RegExp(`^/jobs/query/${SEG}/?$`),
        kind: 'bulk.query.state',
        handler: bulkQuery.patchQueryJob
    },
    {
        method: 'DELETE',
        pattern: new RegExp(`^/jobs/query/${SEG}/?$`),
        kind: 'bulk.query.delete',
        handler: bulkQuery.deleteQueryJob
    }
];

const API_PREFIX = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/;

/**
 * Route kinds a Composite Batch subrequest may use: Salesforce batches limits, query, queryAll and sObject
 * resources except blob retrieval; Bulk API 2.0 and composite/batch itself are not batchable.
 */
const BATCHABLE_KINDS = new Set([
    'rest.limits',
    'rest.query',
    'rest.queryMore',
    'rest.describe',
    'rest.sobject.create',
    'rest.sobject.retrieve',
    'rest.sobject.update',
    'rest.sobject.delete',
    'rest.collections.create',
    'rest.collections.update',
    'rest.collections.delete',
    'rest.collections.retrieve'
]);

function matchRoute(method: string | undefined, rest: string): { route: Route; params: string[] } | undefined {
    const route = ROUTES.find((r) => r.method === method && r.pattern.test(rest));
    if (!route) return undefined;
    return { route, params: (route.pattern.exec(rest) ?? []).slice(1).map((p) => decodeURIComponent(p)) };
}

/** A failure as Salesforce answers it: ApiErrors as they are, anything else as UNKNOWN_EXCEPTION. */
function toApiError(e: unknown): ApiError {
    if (e instanceof ApiError) return e;
    const message = e instanceof Error ? e.message : String(e);
    return new ApiError(500, 'UNKNOWN_EXCEPTION', `An unexpected error occurred in the org simulator: ${message}`);
}

/**
 * Runs a Composite Batch subrequest through the same routes and handlers as an HTTP request. Session,
 * request faults and the Sforce-Limit-Info header belong to the top-level request; Salesforce counts each
 * subrequest against the API limit.
 */
async function dispatchSubrequest(parent: Ctx, sub: Subrequest, req: SimRequest, res: SimResponse): Promise<void> {
    try {
        const url = new URL(sub.path, parent.sim.baseUrl());
        const m = API_PREFIX.exec(url.pathname);
        const found = m ? matchRoute(sub.method, m[2] ?? '/') : undefined;
        if (!m || !found) throw notFound();
        if (!BATCHABLE_KINDS.has(found.route.kind))
            throw new ApiError(
                400,
                'INVALID_BATCH_REQUEST',
                `${sub.method} ${url.pathname} is not supported in a composite batch`
            );
        parent.sim.stats.countSubrequest(found.route.kind);
        parent.sim.usage.apiRequests++;
        await found.route.handler({
            req,
            res,
            url,
            params: found.params,
            version: m[1],
            session: parent.session,
            sim: parent.sim,
            inBatch: true
        });
    } catch (e) {
        sendError(res, toApiError(e));
    }
}

function resources(version: string): Record<string, string> {
    const base = `/services/data/v${version}`;
    return {
        sobjects: `${base}/sobjects`,
        query: `${base}/query`,
        queryAll: `${base}/queryAll`,
        limits: `${base}/limits`,
        composite: `${base}/composite`,
        jobs: `${base}/jobs`
    };
}

function basicAuth(req: IncomingMessage): [string, string] | undefined {
    const m = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!m) return undefined;
    const text = Buffer.from(m[1], 'base64').toString('utf8');
    const i = text.indexOf(':');
    return i < 0 ? undefined : [decodeURIComponent(text.slice(0, i)), decodeURIComponent(text.slice(i + 1))];
}

async function handleToken(sim: SimulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
    sim.stats.count('oauth.token');
    const params = new URLSearchParams((await readBody(req)).toString('utf8'));
    const { status, body } = sim.sessions.token(params, sim.baseUrl(), basicAuth(req));
    sendJson(res, status, body, { 'Cache-Control': 'no-store' });
}

async function handleAdmin(
    sim: SimulatorContext,
    req: IncomingMessage,
    res: ServerResponse,
    path: string
): Promise<void> {
    if (path === '/__simulator/faults' && req.method === 'GET') return sendJson(res, 200, sim.faults.state());
    if (path === '/__simulator/faults' && req.method === 'POST') {
        const result = applyAdminFaults(sim, await readJson<Record<string, unknown>>(req));
        return sendJson(res, 200, { applied: result, state: sim.faults.state() });
    }
    if (path === '/__simulator/stats' && req.method === 'GET') {
        const mem = process.memoryUsage();
        const cpu = process.cpuUsage();
        const mb = (n: number): number => Math.round(n / 1048576);
        return sendJson(res, 200, {
            ...sim.stats.snapshot(),
            records: sim.store.counts(),
            process: {
                rssMB: mb(mem.rss),
                heapUsedMB: mb(mem.heapUsed),
                cpuUserMs: Math.round(cpu.user / 1000),
                cpuSystemMs: Math.round(cpu.system / 1000)
            }
        });
    }
    if (path === '/__simulator/stats/reset' && req.method === 'POST') {
        sim.stats.reset();
        return sendJson(res, 200, { reset: true });
    }
    throw notFound();
}

/** Salesforce's limit on the URI plus headers of one REST call. */
export const MAX_URI_AND_HEADER_BYTES = 16384;

/** 414 when the URI alone is over the limit, 431 when URI and headers together are, as Salesforce answers. */
function requestTooLong(req: IncomingMessage, res: ServerResponse): boolean {
    const uri = Buffer.byteLength(req.url ?? '');
    let headers = 0;
    for (const h of req.rawHeaders) headers += Buffer.byteLength(h) + 2;
    if (uri <= MAX_URI_AND_HEADER_BYTES && uri + headers <= MAX_URI_AND_HEADER_BYTES) return false;
    req.resume();
    const [status, text] =
        uri > MAX_URI_AND_HEADER_BYTES ? [414, 'URI Too Long'] : [431, 'Request Header Fields Too Large'];
    res.writeHead(status, { 'Content-Type': 'text/plain', Connection: 'close' });
    res.end(text);
    return true;
}

/** The identity URL from the token response (/id/{orgId}/{userId}) and /services/oauth2/userinfo. */
function identity(sim: SimulatorContext, req: IncomingMessage, res: ServerResponse, path: string): void {
    sim.stats.count('oauth.identity');
    const session = sim.sessions.check(req.headers.authorization);
    if (!session) throw sessionInvalid();
    const userId = path.startsWith('/id/') ? (path.split('/')[3] ?? '') : session.userId;
    const loc = sim.store.locate(userId);
    if (!loc || loc.table.object.name !== 'User') throw notFound();
    const get = (name: string): unknown => loc.table.get(loc.row, loc.table.field(name)!);
    const base = sim.baseUrl();
    const urls = {
        rest: `${base}/services/data/v{version}/`,
        sobjects: `${base}/services/data/v{version}/sobjects/`,
        query: `${base}/services/data/v{version}/query/`
    };
    const body =
        path === '/services/oauth2/userinfo'
            ? {
                  sub: `${base}/id/${sim.store.orgId}/${userId}`,
                  user_id: userId,
                  organization_id: sim.store.orgId,
                  preferred_username: get('Username'),
                  name: get('Name'),
                  email: get('Email'),
                  active: get('IsActive'),
                  user_type: get('UserType') === 'Standard' ? 'STANDARD' : get('UserType'),
                  urls
              }
            : {
                  id: `${base}/id/${sim.store.orgId}/${userId}`,
                  asserted_user: userId === session.userId,
                  user_id: userId,
                  organization_id: sim.store.orgId,
                  username: get('Username'),
                  display_name: get('Name'),
                  email: get('Email'),
                  active: get('IsActive'),
                  user_type: get('UserType') === 'Standard' ? 'STANDARD' : get('UserType'),
                  urls
              };
    sendJson(res, 200, body);
}

/** The request listener for node's http.createServer. */
export function createHandler(sim: SimulatorContext): (req: IncomingMessage, res: ServerResponse) => void {
    return (req, res) => {
        void (async () => {
            const url = new URL(req.url ?? '/', sim.baseUrl());
            const path = url.pathname;
            try {
                if (requestTooLong(req, res)) return;
                if (path.startsWith('/__simulator/')) return await handleAdmin(sim, req, res, path);
                if (path === '/services/oauth2/token' && req.method === 'POST') return await handleToken(sim, req, res);
                if ((path === '/services/oauth2/userinfo' || path.startsWith('/id/')) && req.method === 'GET')
                    return identity(sim, req, res, path);
                if (path === '/services/data' || path === '/services/data/')
                    return sendJson(res, 200, versions(sim.latestVersion));
                const m = API_PREFIX.exec(path);
                if (!m) throw notFound();
                const version = m[1];
                const rest = m[2] ?? '/';
                const found = matchRoute(req.method, rest);
                if (!found) throw notFound();
                sim.stats.count(found.route.kind);
                const fault = sim.faults.requestFault();
                if (fault && fault.status === 503) throw fault;
                const session = sim.sessions.check(req.headers.authorization);
                if (!session) throw sessionInvalid();
                if (fault) throw fault;
                sim.usage.apiRequests++;
                res.setHeader('Sforce-Limit-Info', `api-usage=${sim.usage.apiRequests}/${sim.usage.apiRequestsMax}`);
                await found.route.handler({ req, res, url, params: found.params, version, session, sim });
            } catch (e) {
                if (!req.readableEnded) req.resume();
                sendError(res, toApiError(e));
            }
        })();
    };
}
