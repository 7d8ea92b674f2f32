import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type ServiceConfig } from './config/serviceConfig';
import { createLogger, type Logger } from './config/logger';
import { errorText, StartupError, systemErrorCode } from './config/startupError';
import { createDemoJobs } from './demo/demoJobs';
import { startDemoOrg, type DemoOrg } from './demo/demoOrg';
import { createApp } from './http/app';
import { JobRunner } from './jobs/runner';
import { createServiceMetrics, type ServiceMetrics } from './metrics/serviceMetrics';
import { Notifications } from './notifications/notificationService';
import type { OutboxWorker } from './notifications/outboxWorker';
import { checkSmtp } from './notifications/smtpCheck';
import { connectConfiguredOrg } from './salesforce/connectOrg';
import { OrgClient } from './salesforce/orgClient';
import { clientCredentialsSource } from './salesforce/tokenSources';
import type { Db } from './store/db';
import { openStore } from './store/openStore';
import { createRepos, type Repos } from './store/repos';
import { bindStoreToOrg } from './store/storeOwner';
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
    notifications: Notifications;
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

/** Loopback addresses: the health, readiness and metrics routes answer without a token, so anything else is said out loud. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/** Listens on HOST:PORT; a failure names the setting (port taken, address not on this machine, name that does not resolve). */
async function listen(app: ReturnType<typeof createApp>, host: string, port: number): Promise<Server> {
    const server = createServer(app);
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port, host }, () => {
            server.off('error', reject);
            resolve();
        });
    }).catch((error: unknown) => {
        const code = systemErrorCode(error);
        if (code === 'EADDRINUSE') {
            throw new StartupError(
                'PORT',
                `PORT ${port} is already in use on ${host}: stop what listens there, or set PORT to a free port (0 picks one).`,
                { cause: error }
            );
        }
        if (code === 'EACCES') {
            throw new StartupError(
                'PORT',
                `PORT ${port} needs privileges this process does not have: set PORT to 1024 or above.`,
                { cause: error }
            );
        }
        if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EADDRNOTAVAIL') {
            throw new StartupError(
                'HOST',
                `HOST ${host} is not an address of this machine (${code}): set HOST to 127.0.0.1, or to this machine's address behind a proxy.`,
                { cause: error }
            );
        }
        throw new StartupError('HOST', `Cannot listen on HOST ${host} PORT ${port}: ${errorText(error)}`, {
            cause: error
        });
    });
    return server;
}

/** Starts the whole service: store (+ migrations), org connection, job runner, outbox, HTTP. */
export async function startService(config: ServiceConfig, options: StartOptions = {}): Promise<RunningService> {
    const logger = options.logger ?? createLogger(config.logLevel);
    const opened: Array<() => Promise<unknown>> = [];
    try {
        return await startParts(config, options, logger, opened);
    } catch (error) {
        // What was opened before the failure is closed again, so the process can exit cleanly.
        for (const close of opened.reverse()) await close().catch(() => undefined);
        throw error;
    }
}

async function startParts(
    config: ServiceConfig,
    options: StartOptions,
    logger: Logger,
    opened: Array<() => Promise<unknown>>
): Promise<RunningService> {
    if (!LOOPBACK.test(config.http.host)) {
        logger.warn(
            { host: config.http.host },
            `HOST=${config.http.host}: /healthz, /readyz and /metrics answer without a token on every address this binds. Keep HOST=127.0.0.1 behind a proxy that does TLS, or firewall PORT ${config.http.port}.`
        );
    }
    let simulator: DemoOrg | undefined;
    if (config.org.kind === 'simulator') {
        simulator = await startDemoOrg(config, logger);
        opened.push(() => simulator!.close());
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
        schema: config.store.schema,
        logger
    });
    opened.push(() => db.close());
    logger.info(
        {
            store: db.kind,
            schema: config.store.schema,
            dataDir: db.kind === 'pglite' ? config.store.dataDir : undefined
        },
        'store ready (migrations applied)'
    );
    const client = simulator
        ? await OrgClient.connect(
              clientCredentialsSource(simulator.url, simulator.consumer.clientId, simulator.consumer.clientSecret),
              config.apiVersion,
              logger
          )
        : await connectConfiguredOrg(
              config.org as Exclude<ServiceConfig['org'], { kind: 'simulator' }>,
              config.apiVersion,
              logger
          );
    await bindStoreToOrg(
        db,
        { orgId: await client.organizationId(), simulatorRun: simulator ? randomBytes(8).toString('hex') : undefined },
        db.kind === 'pglite'
            ? { setting: 'DATA_DIR', value: config.store.dataDir }
            : { setting: 'DATABASE_SCHEMA', value: config.store.schema },
        logger
    );
    if (db.kind === 'pglite') {
        // Only this process can hold the PGlite folder (see lockDataDir): leases left by a killed process are void.
        await new TasksRepo(db).expireAllLeases();
    }
    const repos = createRepos(db);
    const metrics = createServiceMetrics();
    const runner = new JobRunner({ client, db, repos, config, logger, metrics, instance: config.instanceName });
    const smtp = config.smtp.host ? { ...config.smtp, host: config.smtp.host } : undefined;
    const smtpCheck = smtp ? () => checkSmtp(smtp) : undefined;
    const smtpProblem = await smtpCheck?.();
    if (smtpProblem) {
        logger.error(
            { smtp: smtpProblem },
            `SMTP check failed (${smtpProblem}): digests wait in the outbox and /readyz reports not ready until the server answers. Check SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER and SMTP_PASSWORD.`
        );
    }
    if (db.kind === 'pglite') {
        await repos.outbox.expireAllLeases();
    }
    const notifications = await Notifications.create({ client, db, outbox: repos.outbox, config, logger, metrics });
    const outbox = notifications.outbox;
    const app = createApp({
        db,
        client,
        repos,
        metrics,
        apiToken,
        logger,
        smtpCheck,
        publicRoutes: notifications.router
    });
    const server = await listen(app, config.http.host, config.http.port);
    const url = `http://${config.http.host}:${(server.address() as AddressInfo).port}`;
    logger.info({ url, instance: config.instanceName }, 'Partner Desk service listening');
    notifications.listeningAt(url);
    if (!options.manualPolling) {
        runner.start();
        notifications.start();
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
        notifications,
        metrics,
        simulator,
        async close() {
            const closed = new Promise<void>((resolve) => server.close(() => resolve()));
            server.closeAllConnections();
            await closed;
            await runner.stop();
            await notifications.stop();
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
    let service: RunningService;
    try {
        service = await startService(config, { logger });
    } catch (error) {
        reportStartFailure(error, logger);
        process.exit(1);
    }
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
        // Running tasks are given back at once (sleeps are interrupted); a close stuck on the network does not hold the exit.
        setTimeout(() => {
            logger.error(
                'shutdown took longer than 10 s; exiting now (leases of tasks still held expire after LEASE_SECONDS)'
            );
            process.exit(1);
        }, 10_000).unref();
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

/** Prints why the start failed: the setting to fix for a StartupError, the stack only at debug level. */
function reportStartFailure(error: unknown, logger: Logger): void {
    if (error instanceof StartupError) {
        process.stderr.write(`Partner Desk did not start: ${error.message}\n`);
    } else {
        process.stderr.write(`Partner Desk did not start: ${errorText(error)} (set LOG_LEVEL=debug for the details)\n`);
    }
    logger.debug({ err: error }, 'start failure');
}

if (require.main === module) {
    main().catch((error: unknown) => {
        process.stderr.write(`Partner Desk stopped: ${errorText(error)}\n`);
        process.exit(1);
    });
}
