import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, type RunningService } from '../../src/main';
import { quietLogger, startTestSimulator, testConfig, type RunningSimulator } from '../support/serviceHarness';
import { minutesLater, writeRoutingLog } from './notificationHarness';
import { headerLine, parse, startSmtpPeer, type SmtpPeer } from './smtpPeer';

describe('links when the port is picked at start', () => {
    let sim: RunningSimulator;
    let smtp: SmtpPeer;
    let service: RunningService | undefined;
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-public-url-'));

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 200 } });
        smtp = await startSmtpPeer();
    });

    afterAll(async () => {
        await service?.close();
        await smtp?.close();
        await sim?.close();
        rmSync(dataDir, { recursive: true, force: true });
    });

    test('given PORT=0 and no PUBLIC_URL, when a digest goes out, then its unsubscribe link names the bound port and opens the page', async () => {
        const config = testConfig(sim, {
            PORT: '0',
            HOST: '127.0.0.1',
            PUBLIC_URL: '',
            DATA_DIR: dataDir,
            SMTP_HOST: '127.0.0.1',
            SMTP_PORT: String(smtp.port),
            SMTP_RATE_PER_SECOND: '0',
            NOTIFICATIONS_SECRET: 'public-url-test-secret-0123456789'
        });
        expect(config.notifications.publicUrl).toBeUndefined();
        service = await startService(config, { logger: quietLogger, manualPolling: true });
        const port = Number(new URL(service.url).port);
        expect(port).toBeGreaterThan(0);

        await service.notifications.tick();
        const [lead] = await service.client.query<{ Id: string }>(
            'SELECT Id FROM Lead WHERE IsConverted = false ORDER BY Id LIMIT 1'
        );
        await writeRoutingLog(service.client, {
            Lead__c: lead!.Id,
            Path__c: 'Automatic',
            Outcome__c: 'Assigned',
            New_Owner_Id__c: sim.sample!.partnerUsers[0]!.id
        });
        await service.notifications.tick(minutesLater(16));
        await smtp.waitFor(1);

        const link = /^<(.*)>$/.exec(headerLine(await parse(smtp.mails[0]!), 'List-Unsubscribe') ?? '')?.[1];
        expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/notifications/unsubscribe\\?token=005`));
        const page = await fetch(link!);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<form method="post"');
    }, 60_000);
});
