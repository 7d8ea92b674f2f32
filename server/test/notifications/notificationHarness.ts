import { Notifications } from '../../src/notifications/notificationService';
import type { RecipientDirectory } from '../../src/notifications/recipients';
import type { OrgClient } from '../../src/salesforce/orgClient';
import type { Db } from '../../src/store/db';
import { OutboxRepo } from '../../src/store/outboxRepo';
import { quietLogger, testConfig, type RunningSimulator } from '../support/serviceHarness';

/** The notifications of a service against the simulator, sending to the SMTP peer on `smtpPort`. */
export async function createNotifications(
    sim: RunningSimulator,
    db: Db,
    client: OrgClient,
    smtpPort: number,
    options: { env?: Record<string, string>; directory?: RecipientDirectory } = {}
): Promise<Notifications> {
    const config = testConfig(sim, {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        SMTP_RATE_PER_SECOND: '0',
        NOTIFICATIONS_SECRET: 'test-secret-0123456789abcdef',
        PUBLIC_URL: 'https://desk.example.com',
        ...options.env
    });
    return Notifications.create({
        client,
        db,
        outbox: new OutboxRepo(db),
        config,
        logger: quietLogger,
        directory: options.directory
    });
}

/** Writes a Lead_Routing_Log__c entry as the org's routing does (same transaction as the owner change). */
export async function writeRoutingLog(client: OrgClient, fields: Record<string, unknown>): Promise<string> {
    const created = await client.rest<{ id: string }>('POST', `${client.dataPath}/sobjects/Lead_Routing_Log__c`, {
        Routed_At__c: new Date().toISOString(),
        ...fields
    });
    return created.id;
}

export const minutesLater = (minutes: number, from = new Date()): Date => new Date(from.getTime() + minutes * 60_000);
