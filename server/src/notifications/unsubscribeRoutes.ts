import express from 'express';
import type { Logger } from 'pino';
import { PageTemplates } from './pageTemplates';
import { DELIVERIES, type Delivery, type RecipientDirectory } from './recipients';
import type { UnsubscribeTokens } from './unsubscribe';

export const UNSUBSCRIBE_PATH = '/notifications/unsubscribe';

type PageState = 'invalid' | 'choose' | 'missing' | 'saved';

/**
 * The unsubscribe link of every message: GET shows the choices (a link scanner that follows it
 * changes nothing), POST applies one, and a POST with the RFC 8058 body `List-Unsubscribe=One-Click`
 * (a mail client's own button) turns emails off. The signed token is the only credential and it
 * authorises only this: the user's Notification_Preference__c in the org. No session, no other route.
 * The page is server/templates/unsubscribe/<language>.html in the user's LanguageLocaleKey (English
 * when theirs is not shipped); a link that is not valid names no user, so the browser's language picks.
 */
export function unsubscribeRoutes(
    tokens: UnsubscribeTokens,
    directory: RecipientDirectory,
    logger: Logger,
    templatesDir?: string
): express.Router {
    const pages = new PageTemplates('unsubscribe', templatesDir);
    const router = express.Router();
    router.use(UNSUBSCRIBE_PATH, express.urlencoded({ extended: false, limit: '1kb' }));

    /** The user's language from the org; a lookup that fails shows the page in English rather than not at all. */
    const languageOf = async (userId: string): Promise<string | null> => {
        try {
            return (await directory.recipients([userId])).get(userId)?.languageLocaleKey ?? null;
        } catch (error) {
            logger.warn({ err: error, userId }, 'user language not read; unsubscribe page in English');
            return null;
        }
    };
    const send = (
        res: express.Response,
        status: number,
        language: string | null | undefined,
        context: { state: PageState; action?: string; saved?: Delivery }
    ) => {
        res.status(status).type('html').send(pages.render(language, context).html);
    };
    const browserLanguage = (req: express.Request) => req.acceptsLanguages()[0];

    router.get(UNSUBSCRIBE_PATH, async (req, res) => {
        const token = typeof req.query.token === 'string' ? req.query.token : undefined;
        const userId = tokens.verify(token);
        if (!userId) {
            send(res, 400, browserLanguage(req), { state: 'invalid' });
            return;
        }
        send(res, 200, await languageOf(userId), {
            state: 'choose',
            action: `${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token!)}`
        });
    });

    router.post(UNSUBSCRIBE_PATH, async (req, res, next) => {
        const token = typeof req.query.token === 'string' ? req.query.token : undefined;
        const userId = tokens.verify(token);
        if (!userId) {
            send(res, 400, browserLanguage(req), { state: 'invalid' });
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
            send(res, 400, await languageOf(userId), { state: 'missing' });
            return;
        }
        try {
            await directory.setDelivery(userId, choice);
        } catch (error) {
            next(error);
            return;
        }
        logger.info({ userId, choice }, 'notification preference changed by its unsubscribe link');
        send(res, 200, await languageOf(userId), { state: 'saved', saved: choice });
    });
    return router;
}
