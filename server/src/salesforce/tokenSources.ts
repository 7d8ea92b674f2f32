import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { OAuth2 } from 'jsforce';

/** A fresh session for the org: what every token source returns. */
export interface OrgSession {
    accessToken: string;
    instanceUrl: string;
}

export type TokenSource = () => Promise<OrgSession>;

interface TokenResponse {
    access_token: string;
    instance_url: string;
}

/** OAuth 2.0 client credentials flow (a connected app with a "run as" integration user). */
export function clientCredentialsSource(loginUrl: string, clientId: string, clientSecret: string): TokenSource {
    const oauth2 = new OAuth2({ loginUrl, clientId, clientSecret });
    return async () => {
        const res = (await oauth2.requestToken({ grant_type: 'client_credentials' })) as unknown as TokenResponse;
        return { accessToken: res.access_token, instanceUrl: res.instance_url };
    };
}

const base64url = (input: Buffer | string): string => Buffer.from(input).toString('base64url');

/** Signs the JWT bearer assertion (RS256) with node's crypto. */
export function signJwtAssertion(
    clientId: string,
    username: string,
    audience: string,
    privateKeyPem: string,
    nowSeconds = Math.floor(Date.now() / 1000)
): string {
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
    const claims = base64url(JSON.stringify({ iss: clientId, sub: username, aud: audience, exp: nowSeconds + 180 }));
    const signer = createSign('RSA-SHA256');
    signer.update(`${header}.${claims}`);
    return `${header}.${claims}.${base64url(signer.sign(privateKeyPem))}`;
}

/** The JWT audience: test.salesforce.com for sandboxes, else login.salesforce.com (also for My Domain logins). */
export function jwtAudience(loginUrl: string): string {
    const host = new URL(loginUrl).hostname;
    if (host === 'test.salesforce.com' || host.includes('.sandbox.')) {
        return 'https://test.salesforce.com';
    }
    if (host === 'login.salesforce.com' || host.endsWith('.my.salesforce.com')) {
        return 'https://login.salesforce.com';
    }
    return new URL(loginUrl).origin;
}

/** OAuth 2.0 JWT bearer flow: the key stays on this machine, no secret travels. */
export function jwtBearerSource(
    loginUrl: string,
    clientId: string,
    username: string,
    privateKeyFile: string
): TokenSource {
    const privateKey = readFileSync(privateKeyFile, 'utf8');
    const oauth2 = new OAuth2({ loginUrl, clientId });
    return async () => {
        const assertion = signJwtAssertion(clientId, username, jwtAudience(loginUrl), privateKey);
        const res = (await oauth2.requestToken({
            grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
            assertion
        })) as unknown as TokenResponse;
        return { accessToken: res.access_token, instanceUrl: res.instance_url };
    };
}

/** The session of an `sf org login` alias on this machine, refreshed through @salesforce/core. */
export function sfAliasSource(alias: string): TokenSource {
    return async () => {
        const { Org } = await import('@salesforce/core');
        const org = await Org.create({ aliasOrUsername: alias });
        await org.refreshAuth();
        const conn = org.getConnection();
        if (!conn.accessToken || !conn.instanceUrl) {
            throw new Error(
                `The sf CLI alias "${alias}" has no usable session; run: sf org login web --alias ${alias}`
            );
        }
        return { accessToken: conn.accessToken, instanceUrl: conn.instanceUrl };
    };
}
