import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { SmtpSettings } from '../notifications/mailer';
import {
    notificationEnvShape,
    notificationSettings,
    type NotificationSettings
} from '../notifications/notificationConfig';
import { readEnvFile } from './defaultsFile';

const blankToUndefined = (value: unknown): unknown =>
    typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalText = z.preprocess(blankToUndefined, z.string().optional());
/** A secret pasted from a file often ends in a newline: kept, it would make every request with the token fail. */
const trimmedText = z.preprocess((value) => (typeof value === 'string' ? value.trim() : value), optionalText);
const int = (min: number, max: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max));
const bool = z.preprocess(
    blankToUndefined,
    z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => ['true', '1', 'yes'].includes(value))
);

const envSchema = z.object({
    PORT: int(0, 65535),
    HOST: z.string().min(1),
    API_TOKEN: trimmedText,
    DATA_DIR: z.string().min(1),
    DATABASE_URL: z.preprocess(
        blankToUndefined,
        z
            .string()
            .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
            .optional()
    ),
    DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier'),
    SF_ORG_ALIAS: optionalText,
    SF_LOGIN_URL: z.preprocess(blankToUndefined, z.url().optional()),
    SF_CLIENT_ID: optionalText,
    SF_CLIENT_SECRET: optionalText,
    SF_USERNAME: optionalText,
    SF_PRIVATE_KEY_FILE: optionalText,
    SF_API_VERSION: z.string().regex(/^\d{2}\.0$/, 'must look like 64.0'),
    POLL_INTERVAL_MS: int(50, 3_600_000),
    PROGRESS_INTERVAL_MS: int(0, 3_600_000),
    COLLECTIONS_BELOW_ROWS: int(0, 100_000),
    BULK_MAX_UPLOAD_BYTES: int(1_000, 150_000_000),
    BULK_POLL_INTERVAL_MS: int(10, 600_000),
    RETRY_ROUNDS: int(0, 50),
    RETRY_BASE_DELAY_MS: int(0, 600_000),
    LEASE_SECONDS: int(1, 86_400),
    HEARTBEAT_SECONDS: int(1, 3_600),
    INSTANCE_NAME: optionalText,
    SMTP_HOST: optionalText,
    SMTP_PORT: int(1, 65535),
    SMTP_SECURE: bool,
    SMTP_USER: optionalText,
    SMTP_PASSWORD: optionalText,
    MAIL_FROM: z.string().min(3),
    OUTBOX_INTERVAL_MS: int(10, 3_600_000),
    ...notificationEnvShape,
    SIMULATOR_LEADS: int(0, 10_000_000),
    SIMULATOR_PORT: int(0, 65535),
    SIMULATOR_DEMO_JOBS: bool,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
});

/** How the service reaches an org; `simulator` when none is configured. */
export type OrgConnectionConfig =
    | { kind: 'alias'; alias: string }
    | { kind: 'jwt'; loginUrl: string; clientId: string; username: string; privateKeyFile: string }
    | { kind: 'clientCredentials'; loginUrl: string; clientId: string; clientSecret: string }
    | { kind: 'simulator' };

export interface ServiceConfig {
    http: { port: number; host: string; apiToken: string | undefined };
    store: { dataDir: string; databaseUrl: string | undefined; schema: string };
    org: OrgConnectionConfig;
    apiVersion: string;
    jobs: {
        pollIntervalMs: number;
        progressIntervalMs: number;
        collectionsBelowRows: number;
        bulkMaxUploadBytes: number;
        bulkPollIntervalMs: number;
        retryRounds: number;
        retryBaseDelayMs: number;
        leaseSeconds: number;
        heartbeatSeconds: number;
    };
    instanceName: string;
    smtp: SmtpSettings & { intervalMs: number; perDay: number };
    notifications: NotificationSettings;
    simulator: { leads: number; port: number; demoJobs: boolean };
    logLevel: string;
}

/** Thrown when the configuration is incomplete or invalid; the message lists every problem. */
export class ConfigError extends Error {
    constructor(readonly problems: string[]) {
        super(
            `Configuration is not valid:\n  - ${problems.join('\n  - ')}\nSee config/service.defaults.env for every variable and its meaning.`
        );
        this.name = 'ConfigError';
    }
}

function chooseOrg(env: z.infer<typeof envSchema>, problems: string[]): OrgConnectionConfig {
    if (env.SF_ORG_ALIAS) {
        return { kind: 'alias', alias: env.SF_ORG_ALIAS };
    }
    const anyOAuth =
        env.SF_LOGIN_URL || env.SF_CLIENT_ID || env.SF_CLIENT_SECRET || env.SF_USERNAME || env.SF_PRIVATE_KEY_FILE;
    if (!anyOAuth) {
        return { kind: 'simulator' };
    }
    const missing = (names: Array<keyof typeof env>) => names.filter((name) => !env[name]);
    if (env.SF_PRIVATE_KEY_FILE || env.SF_USERNAME) {
        const absent = missing(['SF_LOGIN_URL', 'SF_CLIENT_ID', 'SF_USERNAME', 'SF_PRIVATE_KEY_FILE']);
        if (absent.length > 0) {
            problems.push(
                `OAuth JWT bearer needs ${absent.join(', ')} (set all of SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME, SF_PRIVATE_KEY_FILE)`
            );
            return { kind: 'simulator' };
        }
        return {
            kind: 'jwt',
            loginUrl: env.SF_LOGIN_URL!,
            clientId: env.SF_CLIENT_ID!,
            username: env.SF_USERNAME!,
            privateKeyFile: resolve(env.SF_PRIVATE_KEY_FILE!)
        };
    }
    const absent = missing(['SF_LOGIN_URL', 'SF_CLIENT_ID', 'SF_CLIENT_SECRET']);
    if (absent.length > 0) {
        problems.push(
            `OAuth client credentials needs ${absent.join(', ')} (set SF_LOGIN_URL, SF_CLIENT_ID and SF_CLIENT_SECRET; ` +
                'or SF_USERNAME and SF_PRIVATE_KEY_FILE for JWT bearer; or SF_ORG_ALIAS)'
        );
        return { kind: 'simulator' };
    }
    return {
        kind: 'clientCredentials',
        loginUrl: env.SF_LOGIN_URL!,
        clientId: env.SF_CLIENT_ID!,
        clientSecret: env.SF_CLIENT_SECRET!
    };
}

/**
 * Builds the service configuration from the defaults file overlaid with `env`.
 * Fails fast with a ConfigError naming every missing or invalid variable.
 */
export function loadConfig(
    env: NodeJS.ProcessEnv = process.env,
    defaults: Record<string, string> = readEnvFile()
): ServiceConfig {
    const merged: Record<string, string | undefined> = { ...defaults };
    for (const [key, value] of Object.entries(env)) {
        if (value !== undefined && key in envSchema.shape) {
            merged[key] = value;
        }
    }
    const parsed = envSchema.safeParse(merged);
    if (!parsed.success) {
        throw new ConfigError(
            parsed.error.issues.map((issue) => {
                const name = issue.path.join('.');
                return merged[name] === undefined ? `${name} is missing` : `${name} ${issue.message}`;
            })
        );
    }
    const values = parsed.data;
    const problems: string[] = [];
    const org = chooseOrg(values, problems);
    const orgRequested = org.kind !== 'simulator' || problems.length > 0;
    if (orgRequested && !values.API_TOKEN) {
        problems.push('API_TOKEN is missing: the job API needs a bearer token when the service runs against an org');
    }
    if (values.API_TOKEN && values.API_TOKEN.length < 16) {
        problems.push('API_TOKEN must be at least 16 characters');
    }
    if (values.HEARTBEAT_SECONDS * 2 > values.LEASE_SECONDS) {
        problems.push('HEARTBEAT_SECONDS must be at most half of LEASE_SECONDS so a live instance keeps its leases');
    }
    const notifications = notificationSettings(
        values,
        { dataDir: resolve(values.DATA_DIR), host: values.HOST, port: values.PORT, apiToken: values.API_TOKEN },
        problems
    );
    if (problems.length > 0) {
        throw new ConfigError(problems);
    }
    return {
        http: { port: values.PORT, host: values.HOST, apiToken: values.API_TOKEN },
        store: { dataDir: resolve(values.DATA_DIR), databaseUrl: values.DATABASE_URL, schema: values.DATABASE_SCHEMA },
        org,
        apiVersion: values.SF_API_VERSION,
        jobs: {
            pollIntervalMs: values.POLL_INTERVAL_MS,
            progressIntervalMs: values.PROGRESS_INTERVAL_MS,
            collectionsBelowRows: values.COLLECTIONS_BELOW_ROWS,
            bulkMaxUploadBytes: values.BULK_MAX_UPLOAD_BYTES,
            bulkPollIntervalMs: values.BULK_POLL_INTERVAL_MS,
            retryRounds: values.RETRY_ROUNDS,
            retryBaseDelayMs: values.RETRY_BASE_DELAY_MS,
            leaseSeconds: values.LEASE_SECONDS,
            heartbeatSeconds: values.HEARTBEAT_SECONDS
        },
        instanceName: values.INSTANCE_NAME ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
        smtp: {
            host: values.SMTP_HOST,
            port: values.SMTP_PORT,
            secure: values.SMTP_SECURE,
            user: values.SMTP_USER,
            password: values.SMTP_PASSWORD,
            from: values.MAIL_FROM,
            intervalMs: values.OUTBOX_INTERVAL_MS,
            poolSize: values.SMTP_POOL_SIZE,
            perSecond: values.SMTP_RATE_PER_SECOND,
            perDay: values.SMTP_MAX_PER_DAY
        },
        notifications,
        simulator: { leads: values.SIMULATOR_LEADS, port: values.SIMULATOR_PORT, demoJobs: values.SIMULATOR_DEMO_JOBS },
        logLevel: values.LOG_LEVEL
    };
}
