/** GET /limits: the org's allocations the service may check before a large job. */
import type { Ctx } from '../context';
import { sendJson } from '../httpUtil';

export function limits(ctx: Ctx): void {
    const u = ctx.sim.usage;
    const allocation = (max: number, used: number): { Max: number; Remaining: number } => ({
        Max: max,
        Remaining: Math.max(0, max - used)
    });
    sendJson(ctx.res, 200, {
        DailyApiRequests: allocation(u.apiRequestsMax, u.apiRequests),
        DailyBulkApiBatches: allocation(u.bulkBatchesMax, u.bulkBatches),
        DailyBulkV2QueryJobs: allocation(10000, u.bulkQueryJobs),
        DailyBulkV2QueryFileStorageMB: allocation(976562, 0),
        DataStorageMB: allocation(1024, 0),
        FileStorageMB: allocation(1024, 0),
        SingleEmail: allocation(5000, 0),
        MassEmail: allocation(5000, 0),
        DailyAsyncApexExecutions: allocation(250000, 0),
        ConcurrentAsyncGetReportInstances: allocation(200, 0)
    });
}

/** GET /services/data: the API versions the simulator answers to. */
export function versions(latest: string): { label: string; url: string; version: string }[] {
    const out = [];
    for (let v = 58; v <= Number(latest.split('.')[0]); v++)
        out.push({ label: `Simulated v${v}.0`, url: `/services/data/v${v}.0`, version: `${v}.0` });
    return out;
}
