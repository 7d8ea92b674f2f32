import type { Logger } from 'pino';
import type { OrgConnectionConfig } from '../config/serviceConfig';
import { errorText, StartupError, systemErrorCode } from '../config/startupError';
import { OrgClient } from './orgClient';
import { clientCredentialsSource, jwtBearerSource, sfAliasSource, type TokenSource } from './tokenSources';

type ConfiguredOrg = Exclude<OrgConnectionConfig, { kind: 'simulator' }>;

/** The token source for a configured org connection (not the simulator, which main.ts sets up). */
export function tokenSourceFor(org: ConfiguredOrg): TokenSource {
    switch (org.kind) {
        case 'alias':
            return sfAliasSource(org.alias);
        case 'jwt':
            try {
                return jwtBearerSource(org.loginUrl, org.clientId, org.username, org.privateKeyFile);
            } catch (error) {
                throw new StartupError(
                    'SF_PRIVATE_KEY_FILE',
                    `SF_PRIVATE_KEY_FILE ${org.privateKeyFile} cannot be read (${systemErrorCode(error) ?? errorText(error)}): point it at the PEM private key whose certificate the connected app holds.`,
                    { cause: error }
                );
            }
        case 'clientCredentials':
            return clientCredentialsSource(org.loginUrl, org.clientId, org.clientSecret);
    }
}

/**
 * What a failed first login means for the operator, naming the setting to fix. OAuth answers
 * invalid_client_id (unknown consumer key), invalid_client (wrong secret) or invalid_grant (user,
 * key or app approval); a fetch that fails never reached the login URL.
 */
export function loginFailure(org: ConfiguredOrg, error: unknown): StartupError {
    const reason = (error as { name?: string }).name ?? '';
    const network = error instanceof TypeError && /fetch failed/.test(error.message);
    const cause = systemErrorCode(error) ?? (error as { cause?: { message?: string } }).cause?.message;
    if (org.kind === 'alias') {
        return new StartupError(
            'SF_ORG_ALIAS',
            `SF_ORG_ALIAS ${org.alias}: no session (${errorText(error)}). Log in with: sf org login web --alias ${org.alias}`,
            { cause: error }
        );
    }
    if (network) {
        return new StartupError(
            'SF_LOGIN_URL',
            `SF_LOGIN_URL ${org.loginUrl} cannot be reached${cause ? ` (${cause})` : ''}: check the URL (https://login.salesforce.com, https://test.salesforce.com or the org's My Domain URL) and that this machine can reach it.`,
            { cause: error }
        );
    }
    if (reason === 'invalid_client_id') {
        return new StartupError(
            'SF_CLIENT_ID',
            `SF_CLIENT_ID was refused by ${org.loginUrl} (${errorText(error)}): use the consumer key of the connected app.`,
            { cause: error }
        );
    }
    if (reason === 'invalid_client') {
        return new StartupError(
            org.kind === 'clientCredentials' ? 'SF_CLIENT_SECRET' : 'SF_CLIENT_ID',
            org.kind === 'clientCredentials'
                ? `SF_CLIENT_SECRET was refused by ${org.loginUrl} (${errorText(error)}): use the consumer secret of the connected app whose key is SF_CLIENT_ID.`
                : `SF_CLIENT_ID was refused by ${org.loginUrl} (${errorText(error)}): use the consumer key of the connected app.`,
            { cause: error }
        );
    }
    if (org.kind === 'jwt') {
        return new StartupError(
            'SF_USERNAME',
            `Login as SF_USERNAME ${org.username} failed (${reason || 'error'}: ${errorText(error)}): check SF_USERNAME, that SF_PRIVATE_KEY_FILE matches the app's certificate and that the user is pre-authorized for the app.`,
            { cause: error }
        );
    }
    return new StartupError(
        'SF_LOGIN_URL',
        `Login at SF_LOGIN_URL ${org.loginUrl} failed (${reason || 'error'}: ${errorText(error)}): check SF_LOGIN_URL (the My Domain URL for client credentials), SF_CLIENT_ID and SF_CLIENT_SECRET.`,
        { cause: error }
    );
}

/** Logs in to a configured org; a failure is a StartupError that names the setting to fix. */
export async function connectConfiguredOrg(org: ConfiguredOrg, apiVersion: string, logger: Logger): Promise<OrgClient> {
    const source = tokenSourceFor(org);
    try {
        return await OrgClient.connect(source, apiVersion, logger);
    } catch (error) {
        throw loginFailure(org, error);
    }
}
