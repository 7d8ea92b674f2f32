import type express from 'express';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/serviceConfig';
import type { ServiceMetrics } from '../metrics/serviceMetrics';
import type { OrgClient } from '../salesforce/orgClient';
import type { Db } from '../store/db';
import { NotificationsRepo } from '../store/notificationsRepo';
import type { OutboxRepo } from '../store/outboxRepo';
import { NotificationComposer } from './composer';
import { DueSoonScanner } from './dueSoonScanner';
import { MessageLinks, resolvePartnerSiteUrl } from './links';
import { createMailer, type Mailer } from './mailer';
import { OutboxWorker } from './outboxWorker';
import { OrgRecipients, type RecipientDirectory } from './recipients';
import { RoutingLogReader } from './routingLogReader';
import { TemplateStore } from './templates';
import { UnsubscribeTokens } from './unsubscribe';
import { unsubscribeRoutes } from './unsubscribeRoutes';

/** Reminders are looked for this often at most: each look reads every unaccepted routed lead. */
const DUE_SOON_EVERY_MS = 5 * 60_000;

export interface NotificationsDeps {
    client: OrgClient;
    db: Db;
    outbox: OutboxRepo;
    config: Pick<ServiceConfig, 'smtp' | 'notifications' | 'instanceName'>;
    logger: Logger;
    metrics?: ServiceMetrics;
    /** The users and their preferences (the org's, unless a test or bench brings its own). */
    directory?: RecipientDirectory;
}

/**
 * Everything that tells people: read the routing log (and look for leads due soon), turn waiting
 * events into messages per window, send the outbox. One tick runs the steps in that order; the outbox
 * also drains on its own interval.
 */
export class Notifications {
    readonly events: NotificationsRepo;
    readonly outbox: OutboxWorker;
    readonly composer: NotificationComposer;
    readonly reader: RoutingLogReader;
    readonly dueSoon: DueSoonScanner;
    readonly router: express.Router;
    readonly mailer: Mailer;
    private timer: NodeJS.Timeout | undefined;
    private ticking: Promise<void> | undefined;
    private lastDueSoon = 0;

    private constructor(
        private readonly deps: NotificationsDeps,
        links: MessageLinks
    ) {
        const { config, logger } = deps;
        const settings = config.notifications;
        const directory = deps.directory ?? new OrgRecipients(deps.client);
        const tokens = new UnsubscribeTokens(settings.secret);
        this.events = new NotificationsRepo(deps.db);
        this.mailer = createMailer(config.smtp, { outboxDir: settings.outboxDir, logger });
        if (this.mailer.kind === 'files') {
            logger.info({ folder: settings.outboxDir }, 'no SMTP_HOST: messages are written as .eml files');
        }
        this.outbox = new OutboxWorker(
            deps.outbox,
            this.mailer,
            {
                instance: config.instanceName,
                intervalMs: config.smtp.intervalMs,
                perDay: config.smtp.perDay,
                concurrency: Math.max(1, config.smtp.poolSize * 4)
            },
            logger,
            deps.metrics
        );
        this.composer = new NotificationComposer(
            this.events,
            directory,
            new TemplateStore(settings.templatesDir),
            links,
            tokens,
            { windowMinutes: settings.windowMinutes, listLimit: 200, publicUrl: settings.publicUrl },
            logger
        );
        this.reader = new RoutingLogReader(
            deps.client,
            this.events,
            { overlapSeconds: settings.logOverlapSeconds },
            logger
        );
        this.dueSoon = new DueSoonScanner(deps.client, this.events, { aheadHours: settings.dueSoonHours });
        this.router = unsubscribeRoutes(tokens, directory, logger, settings.templatesDir);
    }

    /** Builds the parts (templates are compiled here: a broken one stops the start, naming its file). */
    static async create(deps: NotificationsDeps): Promise<Notifications> {
        const siteUrl = await resolvePartnerSiteUrl(deps.client, deps.config.notifications.links, deps.logger);
        return new Notifications(
            deps,
            new MessageLinks(siteUrl, deps.client.instanceUrl, deps.config.notifications.links)
        );
    }

    /**
     * Tells the composer the address the HTTP server is bound to: with PORT=0 and no PUBLIC_URL, links
     * name the port actually picked (not :0). Call after listen, before `start` or the first `tick`.
     */
    listeningAt(url: string): void {
        this.composer.useListeningUrl(url);
    }

    start(): void {
        this.outbox.start();
        this.timer = setInterval(
            () =>
                void this.tick().catch((error: unknown) =>
                    this.deps.logger.error({ err: error }, 'notifications tick failed')
                ),
            this.deps.config.notifications.pollMs
        );
        this.timer.unref();
    }

    async stop(): Promise<void> {
        clearInterval(this.timer);
        await this.ticking?.catch(() => undefined);
        await this.outbox.stop();
        this.mailer.close();
    }

    /** Reads the org, composes what is due and sends it. Calls do not overlap. */
    tick(now = new Date()): Promise<void> {
        this.ticking ??= this.tickOnce(now).finally(() => {
            this.ticking = undefined;
        });
        return this.ticking;
    }

    private async tickOnce(now: Date): Promise<void> {
        await this.reader.poll(now);
        if (this.deps.config.notifications.dueSoonHours > 0 && now.getTime() - this.lastDueSoon >= DUE_SOON_EVERY_MS) {
            await this.dueSoon.scan(now);
            this.lastDueSoon = now.getTime();
        }
        await this.composer.compose(now);
        await this.outbox.drain();
    }
}
