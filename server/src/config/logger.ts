import pino, { type Logger } from 'pino';

/** Paths pino censors in every log line: tokens, keys, passwords, auth headers. */
export const REDACTED_PATHS = [
    'accessToken',
    'refreshToken',
    'access_token',
    'refresh_token',
    'apiToken',
    'token',
    'password',
    'clientSecret',
    'client_secret',
    'privateKey',
    'assertion',
    'authorization',
    '*.accessToken',
    '*.refreshToken',
    '*.access_token',
    '*.apiToken',
    '*.token',
    '*.password',
    '*.clientSecret',
    '*.client_secret',
    '*.privateKey',
    '*.authorization',
    'req.headers.authorization',
    'headers.authorization',
    'headers.Authorization',
    '*.headers.authorization',
    '*.headers.Authorization'
];

/** Creates the service logger; `destination` lets tests capture output. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
    return pino(
        { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'partner-desk' } },
        destination
    );
}

export type { Logger };
