import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type ServiceConfig } from './config/serviceConfig';
import { createLogger, type Logger } from './config/logger';
import { createDemoJobs } from './demo/demoJobs';
import { startDemoOrg, type DemoOrg } from './demo/demoOrg';
import { createApp } from './http/app';
import { JobRunner } from './jobs/runner';
import { createServiceMetrics, type ServiceMetrics } from './metrics/serviceMetrics';
import { createMailer } from './notifications/mailer';
import { OutboxWorker } from './notifications/outboxWorker';
import { tokenSourceFor } from './salesforce/connectOrg';
import { OrgClient } from './salesforce/orgClient';
import { clientCredentialsSource } from './salesforce/tokenSources';
import type { Db } from './store/db';
import { openStore } from './store/openStore';
import { createRepos, type Repos } from './store/repos';
import { TasksRepo } from './store/tasksRepo';

export interface RunningService {
    url: string;
    config: ServiceConfig;
    apiToken: string;
    db: Db;
    repos: Repos;
    client: OrgClient;
    runner: JobRunner;
    outbox: OutboxWorker;
    metrics: ServiceMetrics;
    /** Set in simulator mode: the simulator started in this process. */
    simulator?: DemoOrg;
    close(): Promise<void>;
}

export interface StartOptions {
    logger?: Logger;
    /** Don't start polling (tests drive `runner.tick()` themselves). */
    manualPolling?: boolean;
}

/** Starts the whole service: store (+ migrations), org connection, job runner, outbox, HTTP. */
export async function startService(config: ServiceConfig, options: StartOptions = {}): Promise<RunningService> {
    const logger = options.logger ?? createLogger(config.logLevel);
    let simulator: DemoOrg | undefined;
    let source;
    if (config.org.kind === 'simulator') {
        simulator = await startDemoOrg(config, logger);
        source = clientCredentialsSource(simulator.url, simulator.consumer.clientId, simulator.consumer.clientSecret);
    } else {
        source = tokenSourceFor(config.org);
    }
    let apiToken = config.http.apiToken;
    if (!apiToken) {
        apiToken = randomBytes(24).toString('base64url');
        // Printed once on purpose (simulator mode only): the operator needs it for /api, and it is not logged.
        process.stdout.write(
            `\nPartner Desk (simulator mode): job API token for this run: ${apiToken}\n  curl -H "Authorization: Bearer ${apiToken}" http://${config.http.host}:${config.http.port}/api/jobs\n\n`
        );
    }
    const db = await openStore({
        dataDir: config.store.dataDir,
        databaseUrl: config.store.databaseUrl,
        schema: config.store.schema
    });
    logger.info(
        {
            store: db.kind,
            schema: config.store.schema,
            dataDir: db.kind === 'pglite' ? config.store.dataDir : undefined
        },
        'store ready (migrations applied)'
    );
    if (db.kind === 'pglite') {
        // Only this process can hold the PGlite folder: leases left by a killed process are void.
        await new TasksRepo(db).expireAllLeases();
    }
    const client = await OrgClient.connect(source, config.apiVersion, logger);
    const repos = createRepos(db);
    const metrics = createServiceMetrics();
    const runner = new JobRunner({ client, db, repos, config, logger, metrics, instance: config.instanceName });
    const outbox = new OutboxWorker(
        repos.outbox,
        createMailer(config.smtp),
        { instance: config.instanceName, intervalMs: config.smtp.intervalMs },
        logger,
        metrics
    );
    const app = createApp({ db, client, repos, metrics, apiToken, logger });
    const server: Server = await new Promise((resolve, reject) => {
        const s = app.listen(config.http.port, config.http.host, () => resolve(s));
        s.once('error', reject);
    });
    const url = `http://${config.http.host}:${(server.address() as AddressInfo).port}`;
    logger.info({ url, instance: config.instanceName }, 'Partner Desk service listening');
    if (!options.manualPolling) {
        runner.start();
        outbox.start();
    }
    return {
        url,
        config,
        apiToken,
        db,
        repos,
        client,
        runner,
        outbox,
        metrics,
        simulator,
        async close() {
            await new Promise<void>((resolve) => server.close(() => resolve()));
            server.closeAllConnections();
            await runner.stop();
            await outbox.stop();
            await db.close();
            await simulator?.close();
        }
    };
}

async function main(): Promise<void> {
    let config: ServiceConfig;
    try {
        config = loadConfig();
    } catch (error) {
        if (error instanceof ConfigError) {
            process.stderr.write(`${error.message}\n`);
            process.exit(2);
        }
        throw error;
    }
    const logger = createLogger(config.logLevel);
    const service = await startService(config, { logger });
    if (service.simulator?.sample && config.simulator.demoJobs) {
        const jobs = await createDemoJobs(service.client, service.simulator.sample);
        logger.info(
            { jobs, api: `${service.url}/api/jobs` },
            "demo jobs queued in the simulator: a dry run and a real move of the departed partner user's leads; watch them with the job API"
        );
    }
    let closing = false;
    const shutdown = (signal: string) => {
        if (closing) return;
        closing = true;
        logger.info({ signal }, 'shutting down');
        service.close().then(
            () => process.exit(0),
            (error: unknown) => {
                logger.error({ err: error }, 'shutdown failed');
                process.exit(1);
            }
        );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
    main().catch((error: unknown) => {
        process.stderr.write(
            `Partner Desk failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
        );
        process.exit(1);
    });
}
