import { Pool, type PoolClient } from 'pg';
import pino, { type Logger } from 'pino';
import { errorText, StartupError, systemErrorCode } from '../config/startupError';
import { StoreUnavailableError, type Db, type SqlClient } from './db';

/** Node socket errors that mean the connection to the server is gone. */
const SOCKET_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN'
]);

/**
 * True when a pg error says the connection (not the statement) failed: SQLSTATE class 08
 * (connection exception) or 57P01..57P03 (the server shut down or ended this backend), or a dropped socket.
 */
export function isConnectionError(error: unknown): boolean {
    if (error instanceof StoreUnavailableError) return true;
    const e = error as { code?: unknown; message?: unknown };
    const code = typeof e?.code === 'string' ? e.code : '';
    if (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code) || SOCKET_CODES.has(code)) {
        return true;
    }
    return (
        typeof e?.message === 'string' &&
        /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message)
    );
}

/** Where a connection string points, without its password. */
export function describeUrl(connectionString: string): string {
    try {
        const url = new URL(connectionString);
        return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
    } catch {
        return 'the configured server';
    }
}

/** Reconnect waits: 0.5 s, doubling up to 30 s. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * PostgreSQL server through a pg Pool; every connection works in `schema`. A connection the server
 * drops (restart, failover, a pooler's idle timeout, pg_terminate_backend) is logged, the store
 * reports itself unavailable (so /readyz says not ready), and it checks back with backoff until the
 * server answers again; the pool opens fresh connections meanwhile.
 */
export async function openPostgresDb(
    connectionString: string,
    schema: string,
    logger: Logger = pino({ level: 'silent' })
): Promise<Db> {
    const pool = new Pool({
        connectionString,
        max: 5,
        options: `-c search_path=${schema}`,
        connectionTimeoutMillis: 10_000,
        // Names this process's connections, so an operator (or a test) can find them in pg_stat_activity.
        application_name: `partner-desk:${process.pid}`
    });
    let lost: string | undefined;
    let closed = false;
    let checking: Promise<void> | undefined;
    let retryTimer: NodeJS.Timeout | undefined;

    const waitFor = (ms: number) =>
        new Promise<void>((resolve) => {
            retryTimer = setTimeout(resolve, ms);
            retryTimer.unref();
        });
    const checkBack = () => {
        checking ??= (async () => {
            for (let attempt = 1; !closed; attempt++) {
                await waitFor(Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1)));
                if (closed) return;
                try {
                    await pool.query('SELECT 1');
                    logger.info({ attempts: attempt }, 'PostgreSQL answers again; the service is ready');
                    lost = undefined;
                    return;
                } catch (error) {
                    logger.warn({ attempt, reason: errorText(error) }, 'PostgreSQL still unreachable; trying again');
                }
            }
        })().finally(() => {
            checking = undefined;
        });
    };
    const connectionLost = (error: unknown) => {
        if (closed) return;
        if (lost === undefined) {
            logger.warn(
                { reason: errorText(error), server: describeUrl(connectionString) },
                'PostgreSQL connection lost; not ready until it answers again'
            );
        }
        lost = errorText(error);
        checkBack();
    };
    // Without this listener an idle connection ended by the server is an unhandled 'error' event, which ends the process.
    pool.on('error', connectionLost);

    const guard = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
            return await work();
        } catch (error) {
            if (error instanceof StoreUnavailableError) throw error;
            if (isConnectionError(error)) {
                connectionLost(error);
                throw new StoreUnavailableError(errorText(error), { cause: error });
            }
            throw error;
        }
    };

    try {
        const bootstrap = await pool.connect();
        try {
            await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        } finally {
            bootstrap.release();
        }
    } catch (error) {
        closed = true;
        await pool.end().catch(() => undefined);
        const code = systemErrorCode(error) ?? (error as { code?: string }).code;
        throw new StartupError(
            'DATABASE_URL',
            `DATABASE_URL: cannot use PostgreSQL at ${describeUrl(connectionString)}${code ? ` (${code})` : ''}: ${errorText(error)}. Check the host, port, database, user and password in DATABASE_URL, or leave it empty for the embedded store.`,
            { cause: error }
        );
    }
    const wrap = (client: Pool | PoolClient): SqlClient => ({
        query<T>(sql: string, params?: unknown[]) {
            return guard(async () => {
                const result = await client.query(sql, params);
                return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
            });
        }
    });
    return {
        kind: 'postgres',
        ...wrap(pool),
        transaction(work) {
            return guard(async () => {
                const client = await pool.connect();
                // A connection ended while checked out reports here, not on the pool.
                client.on('error', connectionLost);
                let broken = false;
                try {
                    await client.query('BEGIN');
                    const result = await work(wrap(client));
                    await client.query('COMMIT');
                    return result;
                } catch (error) {
                    broken = isConnectionError(error);
                    if (!broken) await client.query('ROLLBACK').catch(() => undefined);
                    throw error;
                } finally {
                    client.removeListener('error', connectionLost);
                    // A broken connection is destroyed rather than handed out again.
                    client.release(broken || undefined);
                }
            });
        },
        async exec(sql) {
            await guard(() => pool.query(sql));
        },
        unavailable: () => lost,
        async close() {
            closed = true;
            clearTimeout(retryTimer);
            await pool.end();
        }
    };
}
