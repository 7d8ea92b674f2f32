import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed unsubscribe tokens: `<user Id>.<HMAC-SHA256 of it>`. A token lets its holder change one
 * thing, that user's notification preference; it grants nothing else and needs no login (RFC 8058
 * one-click unsubscribe). The secret is NOTIFICATIONS_SECRET; changing it voids every link sent.
 */
export class UnsubscribeTokens {
    constructor(private readonly secret: string) {
        if (secret.length < 16) {
            throw new Error('the unsubscribe secret must be at least 16 characters');
        }
    }

    sign(userId: string): string {
        return `${userId}.${this.mac(userId)}`;
    }

    /** The user Id a token was made for, or undefined when it is not one of ours. */
    verify(token: string | undefined): string | undefined {
        const match = /^(005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
        if (!match) {
            return undefined;
        }
        const expected = Buffer.from(this.mac(match[1]!));
        const given = Buffer.from(match[2]!);
        return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : undefined;
    }

    private mac(userId: string): string {
        return createHmac('sha256', this.secret).update(`partner-desk-unsubscribe:${userId}`).digest('base64url');
    }
}

/** The headers that give mail clients their own unsubscribe button (RFC 2369 and RFC 8058). */
export function unsubscribeHeaders(url: string): Record<string, string> {
    return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
