import nodemailer, { type Transporter } from 'nodemailer';
import type { ServiceConfig } from '../config/serviceConfig';

export interface Mail {
    to: string;
    subject: string;
    text: string;
    /** Stable Message-ID: a repeated send of the same event is recognisable as the same message. */
    messageId: string;
}

export interface Mailer {
    send(mail: Mail): Promise<void>;
    close(): void;
}

/** SMTP through nodemailer; undefined when no SMTP host is configured. */
export function createMailer(smtp: ServiceConfig['smtp']): Mailer | undefined {
    if (!smtp.host) {
        return undefined;
    }
    const transport: Transporter = nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
        tls: { rejectUnauthorized: smtp.host !== '127.0.0.1' && smtp.host !== 'localhost' }
    });
    return {
        async send(mail) {
            await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
        },
        close: () => transport.close()
    };
}
