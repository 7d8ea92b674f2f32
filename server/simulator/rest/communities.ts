/**
 * GET /connect/communities[?status=Live]: the org's Experience Cloud sites, as the Connect REST API's
 * Communities resource lists them (a Community Page: `communities` and `total`).
 */
import type { Ctx } from '../context';
import { sendJson } from '../httpUtil';

export function communities(ctx: Ctx): void {
    const status = ctx.url.searchParams.get('status');
    const sites = ctx.sim.dml.settings.sites.filter((site) => !status || site.status === status);
    sendJson(ctx.res, 200, { communities: sites, total: sites.length });
}
