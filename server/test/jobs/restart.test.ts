import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../../src/store/openStore';
import {
    createJobRecord,
    leadsOwnedBy,
    ownersOf,
    readJobRecord,
    startTestSimulator,
    uniqueSchema,
    type RunningSimulator
} from '../support/serviceHarness';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';
import { OrgClient } from '../../src/salesforce/orgClient';
import { clientCredentialsSource } from '../../src/salesforce/tokenSources';
import { quietLogger } from '../support/serviceHarness';

jest.setTimeout(400_000);

/** Records every OwnerId the simulator stores for a Lead row, to prove no lead got two different new owners. */
function recordOwnerWrites(sim: RunningSimulator): Map<number, string[]> {
    const writes = new Map<number, string[]>();
    const table = sim.store.table('Lead')!;
    const set = table.set.bind(table);
    table.set = (row, field, value) => {
        if (field.name === 'OwnerId') {
            writes.set(row, [...(writes.get(row) ?? []), String(value)]);
        }
        set(row, field, value);
    };
    return writes;
}

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
        if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
        await sleep(25);
    }
}

describe('kill the service mid-write and start it again', () => {
    let sim: RunningSimulator;
    let dataDir: string;
    const children: ServiceProcess[] = [];

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 6000 } });
        dataDir = mkdtempSync(join(tmpdir(), 'pd-restart-'));
    });

    afterAll(async () => {
        for (const c of children) c.child.kill('SIGKILL');
        await sim?.close();
        rmSync(dataDir, { recursive: true, force: true });
    });

    const env = (schema: string) => ({
        SF_LOGIN_URL: sim.url,
        SF_CLIENT_ID: sim.consumer.clientId,
        SF_CLIENT_SECRET: sim.consumer.clientSecret,
        API_TOKEN: 'restart-test-token-0123456789',
        DATA_DIR: dataDir,
        DATABASE_SCHEMA: schema,
        PORT: '0',
        POLL_INTERVAL_MS: '200',
        BULK_POLL_INTERVAL_MS: '100',
        COLLECTIONS_BELOW_ROWS: '100',
        PROGRESS_INTERVAL_MS: '500',
        LEASE_SECONDS: '30',
        HEARTBEAT_SECONDS: '5',
        LOG_LEVEL: 'info'
    });

    test('given a Bulk API write in flight, when the service is SIGKILLed and restarted, then it re-attaches to its Bulk job, finishes, and no lead is written twice with different owners', async () => {
        const client = await OrgClient.connect(
            clientCredentialsSource(sim.url, sim.consumer.clientId, sim.consumer.clientSecret),
            '64.0',
            quietLogger
        );
        const source = sim.sample!.queues.find((q) => q.developerName === 'Lead_Intake')!;
        const leads = await leadsOwnedBy(client, source.id);
        const ownerWrites = recordOwnerWrites(sim);
        sim.faults.slowBulk(4000);
        const jobId = await createJobRecord(client, {
            Source_Type__c: 'Queue',
            Source_Owner__c: 'Lead_Intake',
            Target_Type__c: 'Group',
            Target__c: 'Southern Europe and Asia'
        });
        const schema = uniqueSchema('restart');

        const first = startServiceProcess(env(schema));
        children.push(first);
        await waitUntil(
            'the first bulk ingest job to be closed',
            () => (sim.stats.requests['bulk.ingest.state'] ?? 0) >= 1,
            240_000
        );
        first.child.kill('SIGKILL');
        const exit = await first.exited;
        expect(exit.signal).toBe('SIGKILL');
        expect((await readJobRecord(client, jobId)).Status__c).toBe('Running');
        sim.faults.slowBulk(0);

        const second = startServiceProcess(env(schema));
        children.push(second);
        await waitUntil(
            'the job to end',
            async () => ['Completed', 'Failed'].includes(String((await readJobRecord(client, jobId)).Status__c)),
            240_000
        );
        second.child.kill('SIGTERM');
        await second.exited;

        const record = await readJobRecord(client, jobId);
        expect([record.Status__c, record.Message__c]).toEqual([
            'Completed',
            expect.stringMatching(/^Moved \d+ of \d+ leads/)
        ]);
        expect(second.output()).toContain('re-attaching to a bulk job of a previous run');
        expect(sim.stats.requests['bulk.ingest.create']).toBe(1);

        const db = await openStore({ dataDir, schema });
        try {
            const planned = (
                await db.query<{ lead_id: string; new_owner_id: string; status: string }>(
                    'SELECT lead_id, new_owner_id, status FROM plan_rows WHERE job_id = $1',
                    [jobId]
                )
            ).rows;
            expect(planned).toHaveLength(leads.length);
            const owners = await ownersOf(client, leads);
            const moved = planned.filter((p) => p.status === 'moved');
            expect(moved.length + planned.filter((p) => p.status === 'unassigned').length).toBe(leads.length);
            for (const row of moved) {
                expect(owners.get(row.lead_id)).toBe(row.new_owner_id);
            }
        } finally {
            await db.close();
        }
        const leadTable = sim.store.table('Lead')!;
        const rowsWithTwoOwners = [...ownerWrites.entries()]
            .filter(([, owners]) => new Set(owners).size > 1)
            .map(([row]) => leadTable.id(row));
        expect(rowsWithTwoOwners).toEqual([]);
    });
});
