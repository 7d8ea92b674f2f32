import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { scrapeGauges, type ServiceMetrics } from '../metrics/serviceMetrics';
import type { OrgClient } from '../salesforce/orgClient';
import type { Db } from '../store/db';
import type { Repos } from '../store/repos';
import { requireBearer } from './auth';
import { jobRoutes } from './jobRoutes';

export interface AppDeps {
    db: Db;
    client: OrgClient;
    repos: Repos;
    metrics: ServiceMetrics;
    apiToken: string;
    logger: Logger;
    /** How long a successful org check is trusted by /readyz (ms). */
    orgCheckTtlMs?: number;
}

/** Checks the org with a light call (API limits), cached briefly so probes do not spend API calls. */
function orgCheck(client: OrgClient, ttlMs: number): () => Promise<void> {
    let okUntil = 0;
    return async () => {
        if (Date.now() < okUntil) return;
        await client.rest('GET', `${client.dataPath}/limits`);
        okUntil = Date.now() + ttlMs;
    };
}

/** express app: /healthz, /readyz, /metrics (no token: for probes and scrapers on the same host) and /api/jobs (bearer token). */
export function createApp(deps: AppDeps): express.Express {
    const app = express();
    app.disable('x-powered-by');
    app.use(express.json({ limit: '10kb' }));
    const checkOrg = orgCheck(deps.client, deps.orgCheckTtlMs ?? 15_000);

    const refreshGauges = scrapeGauges(deps.metrics, deps.repos, deps.client);

    app.get('/healthz', (_req, res) => {
        res.json({ status: 'ok' });
    });

    app.get('/readyz', async (_req, res) => {
        const checks: Record<string, string> = {};
        await deps.db.query('SELECT 1').then(
            () => (checks.store = 'ok'),
            (error: Error) => (checks.store = `unreachable: ${error.message}`)
        );
        await checkOrg().then(
            () => (checks.org = 'ok'),
            (error: Error) => (checks.org = `unreachable: ${error.message}`)
        );
        const ready = Object.values(checks).every((v) => v === 'ok');
        res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
    });

    app.get('/metrics', async (_req, res) => {
        await refreshGauges();
        res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
    });

    app.use('/api', requireBearer(deps.apiToken));
    app.use('/api/jobs', jobRoutes(deps.repos, deps.client));

    app.use((req, res) => {
        res.status(404).json({ error: 'not_found', message: `No route ${req.method} ${req.path}` });
    });
    app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
        if (error.type === 'entity.parse.failed') {
            res.status(400).json({ error: 'invalid_json', message: 'The request body is not valid JSON.' });
            return;
        }
        deps.logger.error({ err: error }, 'request failed');
        res.status(error.status && error.status < 500 ? error.status : 500).json({ error: 'internal', message: error.status && error.status < 500 ? error.message : 'Internal error; see the service log.' });
    });
    return app;
}
