import express from 'express';
import type { Logger } from 'pino';
import { DELIVERIES, type Delivery, type RecipientDirectory } from './recipients';
import type { UnsubscribeTokens } from './unsubscribe';

export const UNSUBSCRIBE_PATH = '/notifications/unsubscribe';

const escapeHtml = (text: string): string =>
    text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;max-width:520px;margin:48px auto;padding:0 16px;color:#181818"><h1 style="font-size:20px">${escapeHtml(title)}</h1>${body}</body></html>`;
}

const CHOICES: Record<Delivery, string> = {
    Off: 'No emails',
    Daily: 'One email a day',
    Digest: 'A digest every few minutes (the default)',
    Immediate: 'Every event at once'
};

/**
 * The unsubscribe link of every message: GET shows the choices (a link scanner that follows it
 * changes nothing), POST applies one, and a POST with the RFC 8058 body `List-Unsubscribe=One-Click`
 * (a mail client's own button) turns emails off. The signed token is the only credential and it
 * authorises only this: the user's Notification_Preference__c in the org. No session, no other route.
 */
export function unsubscribeRoutes(
    tokens: UnsubscribeTokens,
    directory: RecipientDirectory,
    logger: Logger
): express.Router {
    const router = express.Router();
    router.use(UNSUBSCRIBE_PATH, express.urlencoded({ extended: false, limit: '1kb' }));

    router.get(UNSUBSCRIBE_PATH, (req, res) => {
        const token = typeof req.query.token === 'string' ? req.query.token : undefined;
        if (!tokens.verify(token)) {
            res.status(400)
                .type('html')
                .send(page('This link is not valid', '<p>Use the link from a recent Partner Desk email.</p>'));
            return;
        }
        const buttons = DELIVERIES.map(
            (choice) =>
                `<p><button type="submit" name="choice" value="${choice}" style="padding:8px 14px;font-size:14px">${escapeHtml(CHOICES[choice])}</button></p>`
        ).join('');
        res.type('html').send(
            page(
                'Partner Desk emails',
                `<form method="post" action="${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token!)}"><p>How would you like to hear about new leads?</p>${buttons}</form>`
            )
        );
    });

    router.post(UNSUBSCRIBE_PATH, async (req, res, next) => {
        const token = typeof req.query.token === 'string' ? req.query.token : undefined;
        const userId = tokens.verify(token);
        if (!userId) {
            res.status(400)
                .type('html')
                .send(page('This link is not valid', '<p>Use the link from a recent Partner Desk email.</p>'));
            return;
        }
        const body = (req.body ?? {}) as Record<string, unknown>;
        const choice: Delivery | undefined =
            body['List-Unsubscribe'] === 'One-Click'
                ? 'Off'
                : (DELIVERIES as readonly string[]).includes(String(body.choice))
                  ? (body.choice as Delivery)
                  : undefined;
        if (!choice) {
            res.status(400)
                .type('html')
                .send(
                    page(
                        'Choose how to hear from Partner Desk',
                        '<p>Open the link from the email again and pick one of the choices.</p>'
                    )
                );
            return;
        }
        try {
            await directory.setDelivery(userId, choice);
        } catch (error) {
            next(error);
            return;
        }
        logger.info({ userId, choice }, 'notification preference changed by its unsubscribe link');
        res.type('html').send(
            page(
                'Saved',
                `<p>${escapeHtml(CHOICES[choice])}: saved. You can change it again from any Partner Desk email.</p>`
            )
        );
    });
    return router;
}
