/**
 * Plans 1,000,000 leads over 50 members with createDistributor, as the bulk service does: mixed weights,
 * a few inactive members, capacities that fill up mid-run, and one lead in ten excluding members.
 * Lead ids are made inside the timed loop, as a stream would hand them over.
 */
import { Member, createDistributor } from '../src/distribution/roundRobin';
import { BenchFigure, MemoryPeak, round } from './harness';

const LEADS = 1_000_000;
const MEMBERS = 50;
const ROUNDS = 3;
const SAMPLE_EVERY = 10_000;

function members(): Member[] {
    return Array.from({ length: MEMBERS }, (_, i) => ({
        id: `005${String(i).padStart(15, '0')}`,
        weight: 1 + ((i * 7) % 10) + (i % 4 === 0 ? 40 : 0),
        active: i % 17 !== 5,
        // Every fifth member has room for a share of the run, so capacities are reached mid-run.
        capacity: i % 5 === 0 ? 5_000 + i * 400 : null,
        load: i % 3
    }));
}

function excludePool(group: Member[]): string[][] {
    return Array.from({ length: 16 }, (_, k) => group.filter((_, i) => (i + k) % 13 === 0).map((m) => m.id));
}

interface Round {
    ms: number;
    cpuMs: number;
    unplaced: number;
}

function plan(group: Member[], pool: string[][], memory: MemoryPeak): Round {
    const distributor = createDistributor(group, {});
    let unplaced = 0;
    const cpuStarted = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (let i = 0; i < LEADS; i++) {
        const exclude = i % 10 === 0 ? pool[(i / 10) % pool.length] : undefined;
        if (distributor.assign(`00Q${i}`, exclude).ownerId === null) {
            unplaced++;
        }
        if (i % SAMPLE_EVERY === 0) {
            memory.sample();
        }
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpuStarted);
    distributor.state();
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, unplaced };
}

export const name = 'distribution';
export const description = `plan ${LEADS.toLocaleString('en-US')} leads over ${MEMBERS} members with createDistributor (median and best of ${ROUNDS} rounds)`;

export function run(): BenchFigure[] {
    const group = members();
    const pool = excludePool(group);
    const memory = new MemoryPeak();
    memory.sample();
    const rounds = Array.from({ length: ROUNDS }, () => plan(group, pool, memory));
    memory.stop();
    const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)];
    const rates = rounds.map((r) => LEADS / (r.ms / 1000));
    return [
        ...rounds.map((r, i) => ({ label: `round ${i + 1} wall`, value: round(r.ms, 1), unit: 'ms' })),
        ...rounds.map((r, i) => ({ label: `round ${i + 1} CPU`, value: round(r.cpuMs, 1), unit: 'ms' })),
        { label: 'leads/s (median, wall clock)', value: round(median(rates)), unit: 'leads/s', target: 1_000_000 },
        { label: 'leads/s (best, wall clock)', value: round(Math.max(...rates)), unit: 'leads/s' },
        // On a shared machine wall clock includes time spent waiting for a CPU; CPU time does not.
        {
            label: 'leads per CPU second (median)',
            value: round(median(rounds.map((r) => LEADS / (r.cpuMs / 1000)))),
            unit: 'leads/s'
        },
        { label: 'leads with no eligible member', value: rounds[0].unplaced, unit: 'leads' },
        ...memory.figures()
    ];
}
