import { generateKeyPairSync, createVerify } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config/serviceConfig';
import { readEnvFile } from '../../src/config/defaultsFile';
import { jwtAudience, signJwtAssertion } from '../../src/salesforce/tokenSources';

const defaults = readEnvFile();

describe('service configuration', () => {
    test('given no org settings, when loaded, then the documented defaults apply and the simulator is chosen', () => {
        const config = loadConfig({}, defaults);
        expect(config.org).toEqual({ kind: 'simulator' });
        expect(config.http).toMatchObject({ port: 8787, host: '127.0.0.1', apiToken: undefined });
        expect(config.store.databaseUrl).toBeUndefined();
        expect(config.jobs.collectionsBelowRows).toBe(2000);
    });

    test('given client credentials without the secret, when loaded, then it fails naming what is missing', () => {
        expect(() =>
            loadConfig(
                { SF_LOGIN_URL: 'https://example.my.salesforce.com', SF_CLIENT_ID: 'abc', API_TOKEN: 'x'.repeat(20) },
                defaults
            )
        ).toThrow(/OAuth client credentials needs SF_CLIENT_SECRET/);
    });

    test('given JWT settings without a key file and no API token, when loaded, then every problem is listed', () => {
        const attempt = () =>
            loadConfig(
                { SF_LOGIN_URL: 'https://login.salesforce.com', SF_CLIENT_ID: 'abc', SF_USERNAME: 'int@example.com' },
                defaults
            );
        expect(attempt).toThrow(ConfigError);
        expect(attempt).toThrow(
            expect.objectContaining({
                problems: [
                    'OAuth JWT bearer needs SF_PRIVATE_KEY_FILE (set all of SF_LOGIN_URL, SF_CLIENT_ID, SF_USERNAME, SF_PRIVATE_KEY_FILE)',
                    'API_TOKEN is missing: the job API needs a bearer token when the service runs against an org'
                ]
            })
        );
    });

    test('given invalid values, when loaded, then each is named', () => {
        expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }, defaults)).toThrow(
            /PORT .*\n.*DATABASE_URL must start with postgres:\/\/[\s\S]*LOG_LEVEL/
        );
    });

    test('given a missing required value, when loaded, then it says it is missing', () => {
        const { HOST: _host, ...withoutHost } = defaults;
        expect(() => loadConfig({}, withoutHost)).toThrow(/HOST is missing/);
    });

    test('given an sf alias, when loaded, then the alias connection is chosen', () => {
        expect(loadConfig({ SF_ORG_ALIAS: 'partner-sandbox', API_TOKEN: 'y'.repeat(24) }, defaults).org).toEqual({
            kind: 'alias',
            alias: 'partner-sandbox'
        });
    });

    test('given a key pair, when a JWT bearer assertion is signed, then it verifies with RS256 and carries the claims Salesforce expects', () => {
        const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const jwt = signJwtAssertion(
            'client-id',
            'int@example.com',
            jwtAudience('https://test.salesforce.com'),
            privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
            1_000
        );
        const [header, claims, signature] = jwt.split('.');
        expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT' });
        expect(JSON.parse(Buffer.from(claims!, 'base64url').toString())).toEqual({
            iss: 'client-id',
            sub: 'int@example.com',
            aud: 'https://test.salesforce.com',
            exp: 1_180
        });
        const verify = createVerify('RSA-SHA256');
        verify.update(`${header}.${claims}`);
        expect(verify.verify(publicKey, Buffer.from(signature!, 'base64url'))).toBe(true);
        expect(jwtAudience('https://acme.my.salesforce.com')).toBe('https://login.salesforce.com');
    });
    test('given an API_TOKEN with a trailing newline (pasted from a secrets file), when loaded, then the token is trimmed so requests with it authenticate', () => {
        const config = loadConfig({ API_TOKEN: '  token-from-a-file-0123456789\n' }, defaults);
        expect(config.http.apiToken).toBe('token-from-a-file-0123456789');
    });
});
