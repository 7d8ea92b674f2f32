import express from 'express';
import type { Logger } from 'pino';
import { scrapeGauges, type ServiceMetrics } from '../metrics/serviceMetrics';
import type { OrgClient } from '../salesforce/orgClient';
import type { Db } from '../store/db';
import type { Repos } from '../store/repos';
import { apiErrorHandler, methodNotAllowed, sendError } from './apiErrors';
import { requireBearer } from './auth';
import { JOB_ROUTES, jobRoutes } from './jobRoutes';

export interface AppDeps {
    db: Db;
    client: OrgClient;
    repos: Repos;
    metrics: ServiceMetrics;
    apiToken: string;
    logger: Logger;
    /** Checks the SMTP server digests go out through (see checkSmtp); none when SMTP_HOST is empty. */
    smtpCheck?: () => Promise<string | undefined>;
    /** Routes that carry their own credential and need no API token (the signed unsubscribe links). */
    publicRoutes?: express.Router;
    /** How long a successful org or SMTP check is trusted by /readyz (ms). */
    orgCheckTtlMs?: number;
}

/** Runs a check at most once per `ttlMs` while it succeeds, so probes do not spend API calls or SMTP logins. */
function cachedCheck(check: () => Promise<void>, ttlMs: number): () => Promise<void> {
    let okUntil = 0;
    return async () => {
        if (Date.now() < okUntil) return;
        await check();
        okUntil = Date.now() + ttlMs;
    };
}

/**
 * The store is ready when its connection is up and the service's own table answers (a `SELECT 1`
 * would pass on a database whose migrations were never applied or were dropped).
 */
async function checkStore(db: Db): Promise<void> {
    const down = db.unavailable();
    if (down) {
        throw new Error(down);
    }
    await db.query('SELECT job_id FROM tasks LIMIT 1');
}

/** express app: /healthz, /readyz, /metrics (no token: for probes and scrapers on the same host) and /api/jobs (bearer token). */
export function createApp(deps: AppDeps): express.Express {
    const app = express();
    app.disable('x-powered-by');
    const ttl = deps.orgCheckTtlMs ?? 15_000;
    const checkOrg = cachedCheck(() => deps.client.rest('GET', `${deps.client.dataPath}/limits`), ttl);
    const smtpCheck = deps.smtpCheck;
    const checkSmtp = smtpCheck
        ? cachedCheck(async () => {
              const problem = await smtpCheck();
              if (problem) throw new Error(problem);
          }, ttl)
        : undefined;

    const refreshGauges = scrapeGauges(deps.metrics, deps.repos, deps.client);

    app.get('/healthz', (_req, res) => {
        res.json({ status: 'ok' });
    });

    app.get('/readyz', async (_req, res) => {
        const checks: Record<string, string> = {};
        const run = (name: string, check: () => Promise<void>) =>
            check().then(
                () => (checks[name] = 'ok'),
                (error: Error) => (checks[name] = `unreachable: ${error.message}`)
            );
        await Promise.all([
            run('store', () => checkStore(deps.db)),
            run('org', checkOrg),
            ...(checkSmtp ? [run('smtp', checkSmtp)] : [])
        ]);
        const ready = Object.values(checks).every((v) => v === 'ok');
        res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
    });

    app.get('/metrics', async (_req, res) => {
        await refreshGauges();
        res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
    });

    for (const path of ['/healthz', '/readyz', '/metrics']) {
        app.all(path, methodNotAllowed(['GET']));
    }

    if (deps.publicRoutes) {
        app.use(deps.publicRoutes);
    }

    // The token is checked before the body is read, so an unauthenticated caller learns nothing about parsing.
    app.use('/api', requireBearer(deps.apiToken));
    app.use('/api', express.json({ limit: '10kb' }));
    app.use('/api/jobs', jobRoutes(deps.repos, deps.client));
    for (const route of JOB_ROUTES) {
        app.all(`/api/jobs${route.path}`, methodNotAllowed(route.methods));
    }

    app.use((req, res) => {
        sendError(res, 404, { error: 'not_found', message: `No route ${req.method} ${req.path}` });
    });
    app.use(apiErrorHandler(deps.logger));
    return app;
}
