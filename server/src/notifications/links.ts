import type { Logger } from 'pino';
import type { OrgClient } from '../salesforce/orgClient';

export interface LinkSettings {
    /** The partner site's base URL; when unset it is read from the org. */
    partnerSiteUrl: string | undefined;
    /** Which site to read from the org (its name or URL path prefix) when there are several. */
    partnerSiteName: string | undefined;
    /** Path of the Leads inbox page below the site URL. */
    inboxPath: string;
    /** Path of a lead's page below the site URL; `{id}` stands for the lead Id. */
    leadPath: string;
}

/**
 * Links in messages. A partner user only has the partner site, so their links go there; a channel
 * manager works in Lightning, so theirs are `/lightning/r/<Object>/<Id>/view` in the org.
 */
export class MessageLinks {
    constructor(
        private readonly siteUrl: string | undefined,
        private readonly instanceUrl: string,
        private readonly settings: Pick<LinkSettings, 'inboxPath' | 'leadPath'>
    ) {}

    get hasPartnerSite(): boolean {
        return this.siteUrl !== undefined;
    }

    partnerLead(leadId: string): string | undefined {
        return this.siteUrl
            ? join(this.siteUrl, this.settings.leadPath.replace('{id}', encodeURIComponent(leadId)))
            : undefined;
    }

    partnerInbox(): string | undefined {
        return this.siteUrl ? join(this.siteUrl, this.settings.inboxPath) : undefined;
    }

    lightningRecord(objectApiName: string, id: string): string {
        return join(
            this.instanceUrl,
            `/lightning/r/${encodeURIComponent(objectApiName)}/${encodeURIComponent(id)}/view`
        );
    }
}

const join = (base: string, path: string): string => `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;

interface Community {
    id: string;
    name: string;
    siteUrl?: string;
    urlPathPrefix?: string | null;
    status?: string;
}

/**
 * The partner site's URL: configured, or read from the org with the Connect REST API's Communities
 * resource (`GET /connect/communities?status=Live`, each site with its `siteUrl`;
 * https://developer.salesforce.com/docs/atlas.en-us.chatterapi.meta/chatterapi/connect_resources_communities_list.htm).
 * Undefined when neither gives one: partner messages then go without site links, and a warning says why.
 */
export async function resolvePartnerSiteUrl(
    client: OrgClient,
    settings: LinkSettings,
    logger: Logger
): Promise<string | undefined> {
    if (settings.partnerSiteUrl) {
        return settings.partnerSiteUrl;
    }
    let sites: Community[];
    try {
        sites =
            (
                await client.rest<{ communities?: Community[] }>(
                    'GET',
                    `${client.dataPath}/connect/communities?status=Live`
                )
            ).communities ?? [];
    } catch (error) {
        logger.warn({ err: error }, 'could not read the partner site from the org; set PARTNER_SITE_URL');
        return undefined;
    }
    const wanted = settings.partnerSiteName?.toLowerCase();
    const site = wanted
        ? sites.find((s) => s.name.toLowerCase() === wanted || (s.urlPathPrefix ?? '').toLowerCase() === wanted)
        : sites.length === 1
          ? sites[0]
          : undefined;
    if (!site?.siteUrl) {
        logger.warn(
            { live: sites.map((s) => s.name), wanted: settings.partnerSiteName },
            sites.length > 1 && !wanted
                ? 'several live sites: set PARTNER_SITE_NAME or PARTNER_SITE_URL'
                : 'no live partner site found: set PARTNER_SITE_URL'
        );
        return undefined;
    }
    logger.info({ site: site.name, url: site.siteUrl }, 'partner site links point here');
    return site.siteUrl;
}
