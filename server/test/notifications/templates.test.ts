import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intlLocale, intlTimeZone, templateLanguages } from '../../src/notifications/locale';
import { MESSAGE_KINDS } from '../../src/notifications/messageKinds';
import { DEFAULT_TEMPLATES_DIR, TemplateError, TemplateStore } from '../../src/notifications/templates';

const NOW = new Date('2026-12-03T12:00:00Z');
const lead = {
    leadId: '00Q000000000001AAA',
    name: 'Ann <script>alert(1)</script> & Co',
    company: 'Fjord "Fisk" AS',
    country: 'Norway',
    routedAt: '2026-12-03T09:00:00Z',
    acceptBy: '2026-12-04T09:00:00Z',
    url: 'https://partners.example.com/partners/s/detail/00Q000000000001AAA'
};
const digest = {
    recipient: { name: 'Kari' },
    leads: [lead],
    total: 3,
    more: 2,
    inboxUrl: 'https://partners.example.com/partners/s/leads',
    unsubscribeUrl: 'https://desk.example.com/notifications/unsubscribe?token=t'
};
const recipient = (languageLocaleKey: string, localeSidKey: string, timeZone: string) => ({
    languageLocaleKey,
    locale: intlLocale(localeSidKey, languageLocaleKey),
    timeZone
});

describe('message templates', () => {
    const store = new TemplateStore();

    test('every message kind ships English, Norwegian, Greek and Indonesian', () => {
        for (const kind of MESSAGE_KINDS) {
            expect(store.languages(kind).sort()).toEqual(['el', 'en', 'in', 'no']);
        }
    });

    test('given a Norwegian user (no, no_NO, Europe/Oslo), then the digest is Norwegian with Oslo time in Norwegian format', () => {
        const message = store.render('lead_digest', recipient('no', 'no_NO', 'Europe/Oslo'), digest, NOW);
        expect(message.language).toBe('no');
        expect(message.subject).toBe('3 nye leads til deg i Partner Desk');
        expect(message.text).toContain('Hei Kari,');
        expect(message.text).toContain('Mottatt for 3 timer siden');
        // 09:00 UTC the next day is 10:00 in Oslo (CET), written the Norwegian way.
        expect(message.text).toMatch(/Godta innen 4\. des\. 2026,? (kl\. )?10:00/);
    });

    test('given a Greek user (el, el_GR, Europe/Athens), then the digest is Greek with Athens time', () => {
        const message = store.render('lead_digest', recipient('el', 'el_GR', 'Europe/Athens'), digest, NOW);
        expect(message.language).toBe('el');
        expect(message.subject).toBe('3 νέα leads για εσάς στο Partner Desk');
        expect(message.text).toContain('Γεια σας Kari,');
        expect(message.text).toMatch(/Αποδοχή έως 4 Δεκ 2026,? 11:00/);
    });

    test('given an Indonesian user (in, in_ID, Asia/Jakarta), then the digest is Indonesian with Jakarta time', () => {
        const message = store.render('lead_digest', recipient('in', 'in_ID', 'Asia/Jakarta'), digest, NOW);
        expect(message.language).toBe('in');
        expect(message.subject).toBe('3 prospek baru untuk Anda di Partner Desk');
        expect(message.text).toContain('Halo Kari,');
        expect(message.text).toMatch(/Terima sebelum 4 Des 2026,? 16\.00/);
        expect(message.html).toContain('lang="id"');
    });

    test('given an English user (en_US, America/New_York), then the digest is English with a US date', () => {
        const message = store.render('lead_digest', recipient('en_US', 'en_US', 'America/New_York'), digest, NOW);
        expect(message.language).toBe('en');
        expect(message.subject).toBe('3 new leads for you in Partner Desk');
        expect(message.text).toContain('Received 3 hours ago. Accept by Dec 4, 2026, 4:00 AM EST');
        expect(message.text).toContain('... and 2 more in your inbox.');
    });

    test('given a language that is not shipped (de), then English is used with the German locale for dates', () => {
        const message = store.render(
            'lead_digest',
            recipient('de', 'de_DE', 'Europe/Berlin'),
            { ...digest, total: 1, more: 0 },
            NOW
        );
        expect(message.language).toBe('en');
        expect(message.subject).toBe('1 new lead for you in Partner Desk');
        expect(message.text).toMatch(/Accept by 4\. Dez\. 2026, 10:00/);
    });

    test('given lead data with markup, then the HTML escapes it and the text keeps it as typed', () => {
        const message = store.render('lead_digest', recipient('en_US', 'en_US', 'UTC'), digest, NOW);
        expect(message.html).not.toContain('<script>');
        expect(message.html).toContain('Ann &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
        expect(message.html).toContain('Fjord &quot;Fisk&quot; AS');
        expect(message.text).toContain('Ann <script>alert(1)</script> & Co, Fjord "Fisk" AS (Norway)');
    });

    test('given a failed job, then the channel manager message says failed and links the job', () => {
        const job = {
            jobId: 'a0A000000000001AAA',
            name: 'BRJ-0001',
            status: 'Failed',
            failed: true,
            total: 10,
            moved: 4,
            unassigned: 0,
            message: 'Bulk API said no',
            failures: [{ error: 'UNABLE_TO_LOCK_ROW', count: 6 }],
            url: 'https://org.example.com/lightning/r/Bulk_Reassignment_Job__c/a0A000000000001AAA/view'
        };
        const message = store.render(
            'job_finished',
            recipient('en_US', 'en_US', 'UTC'),
            { recipient: { name: 'Cam' }, job, unsubscribeUrl: 'u' },
            NOW
        );
        expect(message.subject).toBe('Bulk reassignment BRJ-0001 failed');
        expect(message.text).toContain('UNABLE_TO_LOCK_ROW (6)');
        expect(message.text).toContain(
            'Open the job: https://org.example.com/lightning/r/Bulk_Reassignment_Job__c/a0A000000000001AAA/view'
        );
    });

    test('given an admin changes a template, then the new text is what renders; a broken template stops the start naming its file', () => {
        const dir = mkdtempSync(join(tmpdir(), 'pd-templates-'));
        cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
        writeFileSync(join(dir, 'recalled', 'en.txt'), 'Subject: Gone: {{total}}\nBye {{recipient.name}}\n');
        const changed = new TemplateStore(dir).render(
            'recalled',
            recipient('en_US', 'en_US', 'UTC'),
            { recipient: { name: 'Kim' }, leads: [], total: 2 },
            NOW
        );
        expect(changed.subject).toBe('Gone: 2');
        expect(changed.text).toBe('Bye Kim\n');
        writeFileSync(join(dir, 'recalled', 'el.html'), '{{#each leads}}unclosed');
        expect(() => new TemplateStore(dir)).toThrow(TemplateError);
        expect(() => new TemplateStore(dir)).toThrow(/recalled\/el\.html/);
    });

    test('Salesforce language and locale keys map to template names and Intl', () => {
        expect(templateLanguages('in')).toEqual(['in', 'en']);
        expect(templateLanguages('id_ID')).toEqual(['id_ID', 'id', 'in', 'en']);
        expect(templateLanguages('pt_BR')).toEqual(['pt_BR', 'pt', 'en']);
        expect(templateLanguages(null)).toEqual(['en']);
        expect(intlLocale('in_ID')).toBe('id-ID');
        expect(intlLocale('no_NO')).toBe('nb-NO');
        expect(intlLocale(null, 'el')).toBe('el');
        expect(intlTimeZone('Not/AZone')).toBe('UTC');
        expect(intlTimeZone('GMT')).toBe('GMT');
    });
});
