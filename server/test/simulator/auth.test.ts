/** OAuth token endpoint (client credentials, JWT bearer) and session expiry, through jsforce. */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { Connection } from 'jsforce';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { API_VERSION, caught } from './helpers';

function jwt(privateKey: string, claims: Record<string, unknown>, alg = 'RS256'): string {
    const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${enc({ alg })}.${enc(claims)}`;
    const sign = createSign('RSA-SHA256');
    sign.update(body);
    return `${body}.${sign.sign(privateKey).toString('base64url')}`;
}

describe('org simulator: OAuth and sessions', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' }
    });
    let sim: RunningSimulator;
    beforeAll(async () => {
        sim = await startSimulator({ sample: 'small', consumer: { jwtPublicKey: publicKey } });
    });
    afterAll(() => sim.close());

    const oauthConnection = (): Connection =>
        new Connection({
            oauth2: { loginUrl: sim.url, clientId: sim.consumer.clientId, clientSecret: sim.consumer.clientSecret },
            version: API_VERSION
        });

    const claims = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
        iss: sim.consumer.clientId,
        sub: 'integration@partnerdesk.sim',
        aud: 'https://login.salesforce.com',
        exp: Math.floor(Date.now() / 1000) + 120,
        ...over
    });

    it('issues a session for the client credentials grant', async () => {
        const conn = oauthConnection();
        const info = await conn.authorize({ grant_type: 'client_credentials' });
        expect(info.id).toBe(sim.store.integrationUserId);
        expect(info.organizationId).toBe(sim.store.orgId);
        expect(conn.instanceUrl).toBe(sim.url);
        expect((await conn.query('SELECT COUNT() FROM Lead')).totalSize).toBe(5000);
    });

    it('serves the identity URL and userinfo of the session user', async () => {
        const conn = oauthConnection();
        await conn.authorize({ grant_type: 'client_credentials' });
        const identity = await conn.identity();
        expect(identity).toMatchObject({
            username: 'integration@partnerdesk.sim',
            user_id: sim.store.integrationUserId,
            organization_id: sim.store.orgId
        });
        const res = await fetch(`${sim.url}/services/oauth2/userinfo`, {
            headers: { Authorization: `Bearer ${conn.accessToken}` }
        });
        expect(((await res.json()) as { preferred_username: string }).preferred_username).toBe(
            'integration@partnerdesk.sim'
        );
    });

    it('rejects a wrong client secret and an unknown client id', async () => {
        const res = await fetch(`${sim.url}/services/oauth2/token`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
                grant_type: 'client_credentials',
                client_id: sim.consumer.clientId,
                client_secret: 'wrong'
            })
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: 'invalid_client', error_description: 'invalid client credentials' });
        const conn = new Connection({
            oauth2: { loginUrl: sim.url, clientId: 'someone-else', clientSecret: 'x' },
            version: API_VERSION
        });
        expect((await caught(conn.authorize({ grant_type: 'client_credentials' }))).message).toBe(
            'client identifier invalid'
        );
    });

    it('issues a session for a valid JWT bearer assertion for the user in sub', async () => {
        const conn = oauthConnection();
        const info = await conn.authorize({
            grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
            assertion: jwt(privateKey, claims({ sub: 'cm@partnerdesk.sim' }))
        });
        expect(info.id).toBe(sim.store.findId('User', 'Username', 'cm@partnerdesk.sim'));
    });

    it.each([
        ['an expired assertion', { exp: Math.floor(Date.now() / 1000) - 10 }, 'expired authorization code'],
        ['a wrong audience', { aud: 'https://example.com' }, 'audience is invalid'],
        ['an unknown user', { sub: 'nobody@partnerdesk.sim' }, "user hasn't approved this consumer"],
        ['an inactive user', { sub: 'kari.nilsen@nordic.partner.sim' }, "user hasn't approved this consumer"],
        ['a foreign consumer key', { iss: 'other' }, 'client identifier invalid']
    ])('rejects %s', async (_label, over, message) => {
        const err = await caught(
            oauthConnection().authorize({
                grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
                assertion: jwt(privateKey, claims(over))
            })
        );
        expect(err.message).toBe(message);
    });

    it('rejects an assertion signed with another key', async () => {
        const other = generateKeyPairSync('rsa', {
            modulusLength: 2048,
            privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
            publicKeyEncoding: { type: 'spki', format: 'pem' }
        });
        const err = await caught(
            oauthConnection().authorize({
                grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
                assertion: jwt(other.privateKey, claims())
            })
        );
        expect(err.message).toBe('invalid signature');
    });

    it('answers 401 INVALID_SESSION_ID for unknown and expired sessions', async () => {
        const res = await fetch(`${sim.url}/services/data/v${API_VERSION}/limits`, {
            headers: { Authorization: 'Bearer not-a-session' }
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
        const token = sim.issueToken();
        const conn = new Connection({ instanceUrl: sim.url, accessToken: token, version: API_VERSION });
        await conn.query('SELECT COUNT() FROM Lead');
        sim.faults.expireSessions();
        const err = await caught(conn.query('SELECT COUNT() FROM Lead'));
        expect(err.errorCode).toBe('INVALID_SESSION_ID');
    });

    it('lets jsforce re-authenticate through its refresh function after expiry', async () => {
        const conn = oauthConnection();
        await conn.authorize({ grant_type: 'client_credentials' });
        let refreshes = 0;
        const refreshing = new Connection({
            instanceUrl: sim.url,
            accessToken: conn.accessToken!,
            version: API_VERSION,
            refreshFn: (_c, callback) => {
                refreshes++;
                const c2 = oauthConnection();
                c2.authorize({ grant_type: 'client_credentials' }).then(
                    () => callback(null, c2.accessToken!),
                    (e: Error) => callback(e)
                );
            }
        });
        sim.faults.expireSessions();
        expect((await refreshing.query('SELECT COUNT() FROM Lead')).totalSize).toBe(5000);
        expect(refreshes).toBe(1);
    });
});
