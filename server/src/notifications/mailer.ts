import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { Logger } from 'pino';

export interface Mail {
    to: string;
    subject: string;
    text: string;
    html?: string | null;
    /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
    headers?: Record<string, string>;
    /** Stable Message-ID: a repeated send of the same event is recognisable as the same message. */
    messageId: string;
}

export interface Mailer {
    /** Resolves when the server accepted the message (or the file is written); rejects otherwise. */
    send(mail: Mail): Promise<void>;
    close(): void;
    /** `smtp`: a real server; `files`: .eml files in a folder (no SMTP configured). */
    readonly kind: 'smtp' | 'files';
}

export interface SmtpSettings {
    host: string | undefined;
    port: number;
    secure: boolean;
    user: string | undefined;
    password: string | undefined;
    from: string;
    /** Connections kept open to the server. */
    poolSize: number;
    /** Messages per second at most (0: no limit). */
    perSecond: number;
}

/**
 * SMTP through one pooled nodemailer transport (connections reused, at most `perSecond` messages a
 * second); with no SMTP host, a mailer that writes each message as an .eml file into `outboxDir`, so
 * the service runs anywhere and a person can open what would have gone out.
 */
export function createMailer(smtp: SmtpSettings, options: { outboxDir: string; logger?: Logger }): Mailer {
    if (!smtp.host) {
        return fileMailer(smtp.from, options.outboxDir, options.logger);
    }
    const transport: Transporter = nodemailer.createTransport({
        pool: true,
        maxConnections: smtp.poolSize,
        maxMessages: 500,
        ...(smtp.perSecond > 0 ? { rateDelta: 1000, rateLimit: smtp.perSecond } : {}),
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
        // A local relay (the test peer, a developer's mailpit) has no certificate worth checking.
        tls: { rejectUnauthorized: smtp.host !== '127.0.0.1' && smtp.host !== 'localhost' },
        // SMTP is question and answer. With Nagle's algorithm on, a command's last segment waits for the
        // ACK of the one before (delayed ACK, up to 40 ms), and a message cost 50 ms instead of 6 on one
        // connection. STARTTLS upgrades this socket, so it covers both plain and STARTTLS servers.
        ...(smtp.secure ? {} : { getSocket: noDelaySocket })
    } as SMTPPool.Options);
    return {
        kind: 'smtp',
        async send(mail) {
            await transport.sendMail(message(smtp.from, mail));
        },
        close: () => transport.close()
    };
}

type GetSocket = NonNullable<SMTPPool.Options['getSocket']>;

// Handed over while it connects: nodemailer then owns its errors (a refused connection fails the send).
const noDelaySocket: GetSocket = (options, callback) => {
    const socket = connect({ port: Number(options.port), host: String(options.host) });
    socket.setNoDelay(true);
    callback(null, { connection: socket });
};

function message(from: string, mail: Mail): nodemailer.SendMailOptions {
    return {
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        headers: mail.headers,
        messageId: mail.messageId
    };
}

function fileMailer(from: string, outboxDir: string, logger?: Logger): Mailer {
    mkdirSync(outboxDir, { recursive: true });
    // streamTransport + buffer: nodemailer builds the complete raw message and hands it back.
    const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    return {
        kind: 'files',
        async send(mail) {
            const info = await builder.sendMail(message(from, mail));
            const file = join(
                outboxDir,
                `${mail.messageId.replace(/[<>]/g, '').replace(/[^a-zA-Z0-9.@_-]/g, '_')}.eml`
            );
            const partial = `${file}.partial`;
            writeFileSync(partial, info.message as Buffer);
            renameSync(partial, file);
            logger?.info({ to: mail.to, subject: mail.subject, file }, 'no SMTP configured: message written as a file');
        },
        close: () => builder.close()
    };
}

/**
 * Whether a send failed for good: the server answered 5xx (mailbox unknown, message refused) or
 * refused every recipient. Connection failures and 4xx answers are worth trying again.
 */
export function isPermanentFailure(error: unknown): boolean {
    const e = error as { responseCode?: number; code?: string; rejected?: unknown[] };
    if (typeof e?.responseCode === 'number') {
        return e.responseCode >= 500 && e.responseCode < 600;
    }
    return false;
}
