import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { SmtpSettings } from '../../src/notifications/mailer';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
    to: string[];
    raw: string;
}

export interface SmtpPeer {
    port: number;
    mails: ReceivedMail[];
    /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
    waitFor(count: number, timeoutMs?: number): Promise<void>;
    close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. `onMessage` may refuse a message (throw
 * an error with responseCode) or hold it (return a promise) before it is accepted.
 */
export async function startSmtpPeer(
    options: { port?: number; onMessage?: (mail: ReceivedMail) => void | Promise<void> } = {}
): Promise<SmtpPeer> {
    const mails: ReceivedMail[] = [];
    const waiters: Array<() => void> = [];
    const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        size: 10 * 1024 * 1024,
        onData(stream, session, callback) {
            const chunks: Buffer[] = [];
            stream.on('data', (chunk: Buffer) => chunks.push(chunk));
            stream.on('end', () => {
                const mail = {
                    to: session.envelope.rcptTo.map((r) => r.address),
                    raw: Buffer.concat(chunks).toString('utf8')
                };
                Promise.resolve()
                    .then(() => options.onMessage?.(mail))
                    .then(
                        () => {
                            mails.push(mail);
                            waiters.splice(0).forEach((wake) => wake());
                            callback();
                        },
                        (error: Error) => callback(error)
                    );
            });
        }
    });
    // Answers go out at once (no Nagle delay): a local peer should not be what limits the sender.
    server.server.on('connection', (socket: Socket) => socket.setNoDelay(true));
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return {
        port: (server.server.address() as AddressInfo).port,
        mails,
        async waitFor(count, timeoutMs = 60_000) {
            const deadline = Date.now() + timeoutMs;
            while (mails.length < count) {
                if (Date.now() > deadline) throw new Error(`only ${mails.length} of ${count} messages arrived`);
                await new Promise<void>((resolve) => {
                    waiters.push(resolve);
                    setTimeout(resolve, 200);
                });
            }
        },
        close: () => new Promise<void>((resolve) => server.close(() => resolve()))
    };
}

export const parse = (mail: ReceivedMail): Promise<ParsedMail> => simpleParser(mail.raw);

/** The href values of an HTML part, entities decoded. */
export function hrefs(html: string | false | undefined): string[] {
    if (!html) return [];
    return [...html.matchAll(/href="([^"]*)"/g)].map((m) =>
        m[1]!
            .replace(/&#x3D;/g, '=')
            .replace(/&amp;/g, '&')
            .replace(/&#x27;/g, "'")
            .replace(/&quot;/g, '"')
    );
}

/** A header's value as sent (mailparser folds List-* headers into one structure; this reads the line). */
export function headerLine(mail: ParsedMail, name: string): string | undefined {
    const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
    return line?.slice(line.indexOf(':') + 1).trim();
}

/** Mailer settings for a local SMTP server without TLS or login. */
export const localSmtp = (port: number, poolSize = 1): SmtpSettings => ({
    host: '127.0.0.1',
    port,
    secure: false,
    user: undefined,
    password: undefined,
    from: 'Partner Desk <desk@test.local>',
    poolSize,
    perSecond: 0
});
