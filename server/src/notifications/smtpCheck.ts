import nodemailer from 'nodemailer';

export interface SmtpEndpoint {
    host: string;
    port: number;
    secure: boolean;
    user: string | undefined;
    password: string | undefined;
}

/**
 * Connects to the SMTP server and logs in as the mailer would (nodemailer's verify), on a
 * connection of its own; resolves to what went wrong, or undefined when the server is usable.
 * Checked at start and by /readyz, so a wrong SMTP_HOST shows before digests pile up in the outbox.
 */
export async function checkSmtp(smtp: SmtpEndpoint): Promise<string | undefined> {
    const transport = nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
        tls: { rejectUnauthorized: smtp.host !== '127.0.0.1' && smtp.host !== 'localhost' },
        // A server that does not answer fails the check in seconds, not after nodemailer's 2 minutes.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000
    });
    try {
        await transport.verify();
        return undefined;
    } catch (error) {
        const e = error as { code?: string; message?: string };
        return `${smtp.host}:${smtp.port}: ${e.code ? `${e.code} ` : ''}${e.message ?? String(error)}`;
    } finally {
        transport.close();
    }
}
