import { openPostgresDb } from '../../src/store/postgresDb';
import { migrate } from '../../src/store/migrate';
import type { Db } from '../../src/store/db';
import { TasksRepo } from '../../src/store/tasksRepo';
import { openTestStore, uniqueSchema } from '../support/serviceHarness';
import { POSTGRES_URL, dropSchema } from '../support/postgres';

describe('task claims', () => {
    describe('on PGlite', () => {
        let db: Db;
        beforeAll(async () => {
            db = await openTestStore();
        });
        afterAll(async () => db?.close());

        test('given a pending task, when it is claimed, then it is running with a lease and cannot be claimed again until the lease runs out', async () => {
            const tasks = new TasksRepo(db);
            await tasks.enqueue('a0A000000000001AAA', 'run', { x: 1 });
            expect(await tasks.enqueue('a0A000000000001AAA', 'run', { x: 2 })).toBe(false);

            const claimed = await tasks.claimNext('one', 1);
            expect(claimed).toMatchObject({
                job_id: 'a0A000000000001AAA',
                state: 'running',
                claimed_by: 'one',
                claim_count: 1,
                input: { x: 1 }
            });
            expect(await tasks.claimNext('two', 1)).toBeUndefined();

            await new Promise((resolve) => setTimeout(resolve, 1200));
            const takenOver = await tasks.claimNext('two', 30);
            expect(takenOver).toMatchObject({ claimed_by: 'two', claim_count: 2 });
            await expect(tasks.heartbeat('a0A000000000001AAA', 'run', 'one', 30)).rejects.toThrow(
                /Lease on run of job a0A000000000001AAA was lost/
            );
            await expect(tasks.heartbeat('a0A000000000001AAA', 'run', 'two', 30)).resolves.toEqual({
                cancelRequested: false
            });
        });
    });

    describe('on PostgreSQL (127.0.0.1:5432, database test)', () => {
        const schema = uniqueSchema('pd_claims');
        let a: Db;
        let b: Db;

        beforeAll(async () => {
            a = await openPostgresDb(POSTGRES_URL, schema);
            b = await openPostgresDb(POSTGRES_URL, schema);
            await Promise.all([migrate(a), migrate(b)]);
        });

        afterAll(async () => {
            await dropSchema(a, schema);
            await a?.close();
            await b?.close();
        });

        test('given two instances claiming at once, when 40 tasks are pending, then every task is claimed by exactly one of them', async () => {
            const one = new TasksRepo(a);
            const two = new TasksRepo(b);
            for (let i = 0; i < 40; i++) {
                await one.enqueue(`a0B${String(i).padStart(15, '0')}`, 'run', {});
            }
            const claimedBy = new Map<string, string[]>();
            const drain = async (repo: TasksRepo, name: string) => {
                for (;;) {
                    const task = await repo.claimNext(name, 60);
                    if (!task) return;
                    claimedBy.set(task.job_id, [...(claimedBy.get(task.job_id) ?? []), name]);
                }
            };
            await Promise.all([drain(one, 'one'), drain(two, 'two'), drain(one, 'one'), drain(two, 'two')]);

            expect(claimedBy.size).toBe(40);
            expect([...claimedBy.values()].every((names) => names.length === 1)).toBe(true);
            const counts = [...claimedBy.values()]
                .flat()
                .reduce<Record<string, number>>((acc, n) => ({ ...acc, [n]: (acc[n] ?? 0) + 1 }), {});
            expect(Object.keys(counts).sort()).toEqual(['one', 'two']);
        });
    });
});
