/**
 * OAuth 2.0 token endpoint (client credentials and JWT bearer grants) and the sessions the simulator
 * issued. Access tokens look like Salesforce's (`<orgId>!<random>`); any other token gets 401
 * INVALID_SESSION_ID, as does every token once sessions are expired.
 */
import { createPublicKey, createVerify, randomBytes, type KeyObject } from 'node:crypto';
import type { Store } from './store';

export interface ConsumerConfig {
    /** Consumer key (client_id) of the simulated connected app. */
    clientId: string;
    /** Consumer secret, for the client credentials grant. */
    clientSecret: string;
    /** PEM certificate or public key; when set, JWT assertions must be RS256-signed with its private key. */
    jwtPublicKey?: string;
    /** Username the client credentials grant runs as (default: the integration user). */
    runAsUsername?: string;
}

export interface Session {
    token: string;
    userId: string;
    issuedAt: number;
}

export interface OAuthError {
    status: number;
    body: { error: string; error_description: string };
}

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Salesforce rejects assertions whose exp is further out than this. */
const MAX_JWT_LIFETIME_S = 5 * 60;

export class Sessions {
    private readonly sessions = new Map<string, Session>();
    private publicKey: KeyObject | undefined;

    constructor(
        private readonly store: Store,
        readonly consumer: ConsumerConfig,
        private readonly sessionTtlMs: number | undefined
    ) {
        if (consumer.jwtPublicKey) this.publicKey = createPublicKey(consumer.jwtPublicKey);
    }

    issue(userId: string): Session {
        const token = `${this.store.orgId.slice(0, 15)}!${randomBytes(36).toString('base64url')}`;
        const session = { token, userId, issuedAt: Date.now() };
        this.sessions.set(token, session);
        return session;
    }

    /** The live session for an `Authorization: Bearer ...` header value, if any. */
    check(authorization: string | undefined): Session | undefined {
        const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(authorization ?? '');
        if (!m) return undefined;
        const session = this.sessions.get(m[1].trim());
        if (!session) return undefined;
        if (this.sessionTtlMs !== undefined && Date.now() - session.issuedAt > this.sessionTtlMs) {
            this.sessions.delete(session.token);
            return undefined;
        }
        return session;
    }

    expireAll(): number {
        const n = this.sessions.size;
        this.sessions.clear();
        return n;
    }

    /** Handles POST /services/oauth2/token; `basicAuth` is the decoded Authorization: Basic pair. */
    token(params: URLSearchParams, baseUrl: string, basicAuth?: [string, string]): { status: number; body: object } {
        const grant = params.get('grant_type');
        const fail = (status: number, error: string, description: string): OAuthError => ({
            status,
            body: { error, error_description: description }
        });
        let result: Session | OAuthError;
        if (grant === 'client_credentials') result = this.clientCredentials(params, basicAuth, fail);
        else if (grant === JWT_GRANT) result = this.jwtBearer(params, baseUrl, fail);
        else if (!grant) result = fail(400, 'invalid_request', 'grant type is missing');
        else result = fail(400, 'unsupported_grant_type', 'grant type not supported');
        if ('body' in result) return result;
        const issuedAt = String(result.issuedAt);
        return {
            status: 200,
            body: {
                access_token: result.token,
                signature: randomBytes(32).toString('base64'),
                scope: 'api',
                instance_url: baseUrl,
                id: `${baseUrl}/id/${this.store.orgId}/${result.userId}`,
                token_type: 'Bearer',
                issued_at: issuedAt
            }
        };
    }

    private activeUserId(username: string): string | undefined {
        const users = this.store.table('User')!;
        const usernameField = users.field('Username')!;
        const active = users.field('IsActive')!;
        for (const row of this.store.findRows('User', 'Username', username)) {
            if (users.get(row, active) === true && users.get(row, usernameField) === username) return users.id(row);
        }
        return undefined;
    }

    private clientCredentials(
        params: URLSearchParams,
        basicAuth: [string, string] | undefined,
        fail: (s: number, e: string, d: string) => OAuthError
    ): Session | OAuthError {
        const clientId = params.get('client_id') ?? basicAuth?.[0];
        const secret = params.get('client_secret') ?? basicAuth?.[1];
        if (clientId !== this.consumer.clientId) return fail(400, 'invalid_client_id', 'client identifier invalid');
        if (secret !== this.consumer.clientSecret) return fail(400, 'invalid_client', 'invalid client credentials');
        const userId = this.consumer.runAsUsername
            ? this.activeUserId(this.consumer.runAsUsername)
            : this.store.integrationUserId;
        if (!userId) return fail(400, 'invalid_grant', 'no client credentials user enabled');
        return this.issue(userId);
    }

    private jwtBearer(
        params: URLSearchParams,
        baseUrl: string,
        fail: (s: number, e: string, d: string) => OAuthError
    ): Session | OAuthError {
        const assertion = params.get('assertion') ?? '';
        const parts = assertion.split('.');
        if (parts.length !== 3) return fail(400, 'invalid_grant', 'invalid assertion');
        let header: { alg?: string };
        let claims: { iss?: string; sub?: string; aud?: string | string[]; exp?: number };
        try {
            header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as typeof header;
            claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as typeof claims;
        } catch {
            return fail(400, 'invalid_grant', 'invalid assertion');
        }
        if (header.alg !== 'RS256') return fail(400, 'invalid_grant', 'invalid assertion');
        if (claims.iss !== this.consumer.clientId) return fail(400, 'invalid_client_id', 'client identifier invalid');
        const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
        const allowed = ['https://login.salesforce.com', 'https://test.salesforce.com', baseUrl];
        if (!audiences.some((a) => typeof a === 'string' && allowed.includes(a.replace(/\/$/, '')))) {
            return fail(400, 'invalid_grant', 'audience is invalid');
        }
        const now = Math.floor(Date.now() / 1000);
        if (typeof claims.exp !== 'number' || claims.exp < now)
            return fail(400, 'invalid_grant', 'expired authorization code');
        if (claims.exp > now + MAX_JWT_LIFETIME_S) return fail(400, 'invalid_grant', 'invalid assertion');
        if (this.publicKey) {
            const verifier = createVerify('RSA-SHA256');
            verifier.update(`${parts[0]}.${parts[1]}`);
            if (!verifier.verify(this.publicKey, Buffer.from(parts[2], 'base64url')))
                return fail(400, 'invalid_grant', 'invalid signature');
        }
        const userId = claims.sub ? this.activeUserId(claims.sub) : undefined;
        if (!userId) return fail(400, 'invalid_grant', "user hasn't approved this consumer");
        return this.issue(userId);
    }
}
