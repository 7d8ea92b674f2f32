import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Delivery, Recipient, RecipientDirectory } from '../../src/notifications/recipients';
import { UnsubscribeTokens } from '../../src/notifications/unsubscribe';
import { UNSUBSCRIBE_PATH, unsubscribeRoutes } from '../../src/notifications/unsubscribeRoutes';
import { quietLogger } from '../support/serviceHarness';

const userOf = (n: number) => `005${String(n).padStart(15, '0')}`;
const LANGUAGES: Array<[string | null, string, string, string, string]> = [
    // LanguageLocaleKey, html lang, the question, the Daily choice, "saved"
    ['en_US', 'en', 'How would you like to hear about new leads?', 'One email a day', 'saved.'],
    ['no', 'nb', 'Hvordan vil du høre om nye leads?', 'Én e-post om dagen', 'lagret.'],
    ['el', 'el', 'Πώς θέλετε να ενημερώνεστε για νέα leads;', 'Ένα email την ημέρα', 'αποθηκεύτηκε.'],
    ['in', 'id', 'Bagaimana Anda ingin mendapat kabar tentang prospek baru?', 'Satu email sehari', 'tersimpan.'],
    ['fr', 'en', 'How would you like to hear about new leads?', 'One email a day', 'saved.']
];

describe('the unsubscribe page in the recipient language', () => {
    const tokens = new UnsubscribeTokens('unsubscribe-page-secret-0123456789');
    const saved = new Map<string, Delivery>();
    const users = new Map<string, Recipient>(
        LANGUAGES.map(([languageLocaleKey], i) => [
            userOf(i),
            {
                id: userOf(i),
                name: `User ${i}`,
                email: `user${i}@example.com`,
                active: true,
                userType: 'PowerPartner',
                languageLocaleKey,
                localeSidKey: null,
                timeZoneSidKey: null,
                delivery: 'Digest'
            }
        ])
    );
    const directory: RecipientDirectory = {
        recipients: (ids) =>
            Promise.resolve(new Map(ids.flatMap((id) => (users.has(id) ? [[id, users.get(id)!]] : [])))),
        setDelivery: (id, delivery) => {
            saved.set(id, delivery);
            return Promise.resolve();
        }
    };
    let server: Server;
    let base: string;

    beforeAll(async () => {
        const app = express().use(unsubscribeRoutes(tokens, directory, quietLogger));
        server = await new Promise((resolve) => {
            const s = app.listen(0, '127.0.0.1', () => resolve(s));
        });
        base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${UNSUBSCRIBE_PATH}`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test.each(LANGUAGES.map((row, i) => [row[0], i, ...row.slice(1)] as const))(
        'given a user whose language is %s, then the page and the saved answer are in that language (English when not shipped)',
        async (_key, i, lang, question, daily, savedWord) => {
            const link = `${base}?token=${encodeURIComponent(tokens.sign(userOf(i)))}`;
            const page = await fetch(link);
            expect(page.status).toBe(200);
            const html = await page.text();
            expect(html).toContain(`<html lang="${lang}">`);
            expect(html).toContain(question);
            expect(html).toContain(`value="Daily" style="padding:8px 14px;font-size:14px">${daily}</button>`);
            expect(html).toContain(
                `action="${UNSUBSCRIBE_PATH}?token&#x3D;${encodeURIComponent(tokens.sign(userOf(i)))}"`
            );

            const answer = await fetch(link, {
                method: 'POST',
                body: 'choice=Daily',
                headers: { 'content-type': 'application/x-www-form-urlencoded' }
            });
            expect(answer.status).toBe(200);
            expect(await answer.text()).toContain(`${daily}: ${savedWord}`);
            expect(saved.get(userOf(i))).toBe('Daily');
        }
    );

    test('given a link that is not valid, then the page says so in the browser language, and English without one', async () => {
        const forged = `${base}?token=${userOf(0)}.${'x'.repeat(43)}`;
        const greek = await fetch(forged, { headers: { 'accept-language': 'el-GR,el;q=0.9,en;q=0.5' } });
        expect(greek.status).toBe(400);
        expect(await greek.text()).toContain('Αυτός ο σύνδεσμος δεν είναι έγκυρος');
        const plain = await fetch(forged, { headers: { 'accept-language': '' } });
        expect(await plain.text()).toContain('This link is not valid');
    });

    test('given a POST without a choice, then the page asks again in the user language and nothing is saved', async () => {
        const link = `${base}?token=${encodeURIComponent(tokens.sign(userOf(1)))}`;
        saved.delete(userOf(1));
        const answer = await fetch(link, {
            method: 'POST',
            body: 'choice=Sometimes',
            headers: { 'content-type': 'application/x-www-form-urlencoded' }
        });
        expect(answer.status).toBe(400);
        expect(await answer.text()).toContain('Velg hvordan du vil høre fra Partner Desk');
        expect(saved.has(userOf(1))).toBe(false);
    });
});
