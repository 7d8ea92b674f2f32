import { createHash, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_TEMPLATES_DIR } from './templates';

const blankToUndefined = (value: unknown): unknown =>
    typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalText = z.preprocess(blankToUndefined, z.string().optional());
const int = (min: number, max: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max));
const path = z.preprocess(blankToUndefined, z.string().regex(/^\//, 'must start with /'));

/** The notification variables of config/service.defaults.env (merged into the service's schema). */
export const notificationEnvShape = {
    SMTP_POOL_SIZE: int(1, 50),
    SMTP_RATE_PER_SECOND: int(0, 10_000),
    SMTP_MAX_PER_DAY: int(0, 10_000_000),
    OUTBOX_DIR: optionalText,
    NOTIFY_WINDOW_MINUTES: int(0, 1440),
    NOTIFY_POLL_MS: int(50, 3_600_000),
    NOTIFY_DUE_SOON_HOURS: int(0, 168),
    NOTIFY_LOG_OVERLAP_SECONDS: int(0, 86_400),
    PARTNER_SITE_URL: z.preprocess(blankToUndefined, z.url().optional()),
    PARTNER_SITE_NAME: optionalText,
    PARTNER_INBOX_PATH: path,
    PARTNER_LEAD_PATH: path.refine((value) => value.includes('{id}'), 'must contain {id} where the lead Id goes'),
    PUBLIC_URL: z.preprocess(blankToUndefined, z.url().optional()),
    NOTIFICATIONS_SECRET: optionalText,
    TEMPLATES_DIR: optionalText
};

type NotificationEnv = z.infer<z.ZodObject<typeof notificationEnvShape>>;

/**
 * Without NOTIFICATIONS_SECRET, links are signed with a key derived from API_TOKEN (required with an
 * org), so they survive restarts; in simulator mode, where the token is generated, they last one run.
 */
function derivedSecret(apiToken: string | undefined): string {
    return apiToken
        ? createHash('sha256').update(`partner-desk-unsubscribe-key:${apiToken}`).digest('base64url')
        : randomBytes(24).toString('base64url');
}

export interface NotificationSettings {
    pollMs: number;
    windowMinutes: number;
    dueSoonHours: number;
    logOverlapSeconds: number;
    outboxDir: string;
    templatesDir: string;
    /** PUBLIC_URL, or HOST:PORT; undefined with PORT=0, until the service knows its bound port. */
    publicUrl: string | undefined;
    secret: string;
    links: {
        partnerSiteUrl: string | undefined;
        partnerSiteName: string | undefined;
        inboxPath: string;
        leadPath: string;
    };
}

/**
 * Notification settings from the validated variables; problems (a half-configured SMTP login, a
 * missing secret against a real org) are added to `problems` so the service names them all at start.
 */
export function notificationSettings(
    env: NotificationEnv & {
        SMTP_HOST?: string;
        SMTP_PORT: number;
        SMTP_SECURE: boolean;
        SMTP_USER?: string;
        SMTP_PASSWORD?: string;
        MAIL_FROM: string;
    },
    context: { dataDir: string; host: string; port: number; apiToken: string | undefined },
    problems: string[]
): NotificationSettings {
    if (env.SMTP_USER && !env.SMTP_PASSWORD) {
        problems.push('SMTP_PASSWORD is missing: SMTP_USER is set, and the SMTP server needs both to log in');
    }
    if (env.SMTP_PASSWORD && !env.SMTP_USER) {
        problems.push('SMTP_USER is missing: SMTP_PASSWORD is set without the user it belongs to');
    }
    if ((env.SMTP_USER || env.SMTP_PASSWORD) && !env.SMTP_HOST) {
        problems.push(
            'SMTP_HOST is missing: SMTP_USER/SMTP_PASSWORD are set but no server to use them with (leave all empty to write .eml files)'
        );
    }
    if (env.SMTP_HOST && env.SMTP_SECURE && env.SMTP_PORT === 587) {
        problems.push(
            'SMTP_SECURE=true means TLS from the first byte (usually port 465); port 587 expects STARTTLS: set SMTP_SECURE=false'
        );
    }
    if (!/@[^@\s>]+>?\s*$/.test(env.MAIL_FROM)) {
        problems.push(`MAIL_FROM must be an address like "Partner Desk <desk@example.com>" (it is "${env.MAIL_FROM}")`);
    }
    if (env.NOTIFICATIONS_SECRET !== undefined && env.NOTIFICATIONS_SECRET.length < 16) {
        problems.push('NOTIFICATIONS_SECRET must be at least 16 characters');
    }
    return {
        pollMs: env.NOTIFY_POLL_MS,
        windowMinutes: env.NOTIFY_WINDOW_MINUTES,
        dueSoonHours: env.NOTIFY_DUE_SOON_HOURS,
        logOverlapSeconds: env.NOTIFY_LOG_OVERLAP_SECONDS,
        outboxDir: resolve(env.OUTBOX_DIR ?? resolve(context.dataDir, 'outbox')),
        templatesDir: env.TEMPLATES_DIR ? resolve(env.TEMPLATES_DIR) : DEFAULT_TEMPLATES_DIR,
        publicUrl: env.PUBLIC_URL ?? (context.port === 0 ? undefined : `http://${context.host}:${context.port}`),
        secret: env.NOTIFICATIONS_SECRET ?? derivedSecret(context.apiToken),
        links: {
            partnerSiteUrl: env.PARTNER_SITE_URL,
            partnerSiteName: env.PARTNER_SITE_NAME,
            inboxPath: env.PARTNER_INBOX_PATH,
            leadPath: env.PARTNER_LEAD_PATH
        }
    };
}
