import type { OrgConnectionConfig } from '../config/serviceConfig';
import { clientCredentialsSource, jwtBearerSource, sfAliasSource, type TokenSource } from './tokenSources';

/** The token source for a configured org connection (not the simulator, which main.ts sets up). */
export function tokenSourceFor(org: Exclude<OrgConnectionConfig, { kind: 'simulator' }>): TokenSource {
    switch (org.kind) {
        case 'alias':
            return sfAliasSource(org.alias);
        case 'jwt':
            return jwtBearerSource(org.loginUrl, org.clientId, org.username, org.privateKeyFile);
        case 'clientCredentials':
            return clientCredentialsSource(org.loginUrl, org.clientId, org.clientSecret);
    }
}
