import {
    DistributionInputError,
    Member,
    NO_ELIGIBLE_MEMBER,
    createDistributor,
    distribute
} from '../../src/distribution/roundRobin';

const member = (id: string, weight = 1, extra: Partial<Member> = {}): Member => ({
    id,
    weight,
    active: true,
    capacity: null,
    load: 0,
    ...extra
});
const leads = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `L${i + 1}` }));
const owners = (members: Member[], state: Record<string, number>, leadList: { id: string; exclude?: string[] }[]) =>
    distribute({ members, state, leads: leadList })
        .assignments.map((a) => a.ownerId ?? '-')
        .join(' ');

function refusal(run: () => unknown): DistributionInputError {
    try {
        run();
    } catch (e) {
        if (e instanceof DistributionInputError) {
            return e;
        }
        throw e;
    }
    throw new Error('expected a DistributionInputError, nothing was thrown');
}

// Each expectation below was worked out by hand from docs/round-robin.md, independently of the vectors file.
describe('distribute, checked by hand against docs/round-robin.md', () => {
    it('gives a a b a c a a for weights 5, 1, 1 and returns to zero', () => {
        // a: 5 → -2, 3 → -4, 1 (b 3 → -4), 6 → -1, (c 5 → -2), 9 → 2, 7 → 0
        const result = distribute({ members: [member('a', 5), member('b'), member('c')], state: {}, leads: leads(7) });
        expect(result.assignments.map((a) => a.ownerId).join(' ')).toBe('a a b a c a a');
        expect(result.state).toEqual({ a: 0, b: 0, c: 0 });
    });

    it('is plain round-robin in member order with equal weights', () => {
        const result = distribute({ members: [member('a'), member('b'), member('c')], state: {}, leads: leads(4) });
        expect(result.assignments).toEqual([
            { leadId: 'L1', ownerId: 'a', reason: null },
            { leadId: 'L2', ownerId: 'b', reason: null },
            { leadId: 'L3', ownerId: 'c', reason: null },
            { leadId: 'L4', ownerId: 'a', reason: null }
        ]);
        // a: 1-3 = -2, +1 +1 +1 → 1-3 = -2; b: 1, 2-3 = -1, 0, 1; c: 1, 2, 3-3 = 0, 1
        expect(result.state).toEqual({ a: -2, b: 1, c: 1 });
    });

    it('resumes where the last run stopped', () => {
        // 0 0 3 → c (0); 1 1 1 → a (-2); -1 2 2 → b (-1)
        expect(owners([member('a'), member('b'), member('c')], { a: -1, b: -1, c: 2 }, leads(3))).toBe('c a b');
    });

    it('breaks a tie in favour of the member that comes first', () => {
        // a 1+1 = 2, b 0+2 = 2: tie → a (2-3 = -1); then a 0, b 4 → b (1); a 1, b 3 → b (0)
        const result = distribute({
            members: [member('a', 1), member('b', 2)],
            state: { a: 1, b: 0 },
            leads: leads(3)
        });
        expect(result.assignments.map((a) => a.ownerId)).toEqual(['a', 'b', 'b']);
        expect(result.state).toEqual({ a: 1, b: 0 });
    });

    it('skips inactive members and leaves their current unchanged', () => {
        const result = distribute({
            members: [member('a'), member('b', 1, { active: false }), member('c')],
            state: { b: 7 },
            leads: leads(3)
        });
        expect(result.assignments.map((a) => a.ownerId)).toEqual(['a', 'c', 'a']);
        expect(result.state).toEqual({ a: -1, b: 7, c: 1 });
    });

    it('drops a member that reaches capacity mid-run', () => {
        // a (cap 2) takes L1 and L4, then only b and c remain
        expect(owners([member('a', 1, { capacity: 2 }), member('b'), member('c')], {}, leads(7))).toBe('a b c a b c b');
    });

    it('never picks a member with capacity 0', () => {
        expect(owners([member('a', 5, { capacity: 0 }), member('b')], {}, leads(2))).toBe('b b');
    });

    it('honours exclusions and uses the eligible total for that lead only', () => {
        // L1 excl a: b 1, c 1 → b (1-2 = -1); L2: a 1, b 0, c 2 → c (2-3 = -1); L3: a 2, b 1, c 0 → a (-1)
        const result = distribute({
            members: [member('a'), member('b'), member('c')],
            state: {},
            leads: [{ id: 'L1', exclude: ['a'] }, { id: 'L2' }, { id: 'L3' }]
        });
        expect(result.assignments.map((a) => a.ownerId)).toEqual(['b', 'c', 'a']);
        expect(result.state).toEqual({ a: -1, b: 1, c: 0 });
    });

    it('gives no owner when every member is excluded, and changes nothing', () => {
        const result = distribute({
            members: [member('a'), member('b')],
            state: { a: 1, b: -1 },
            leads: [{ id: 'L1', exclude: ['a', 'b'] }]
        });
        expect(result.assignments).toEqual([{ leadId: 'L1', ownerId: null, reason: NO_ELIGIBLE_MEMBER }]);
        expect(result.state).toEqual({ a: 1, b: -1 });
    });

    it('gives no owner in an empty group and drops stale state', () => {
        const result = distribute({ members: [], state: { gone: 3 }, leads: leads(2) });
        expect(result.assignments.map((a) => a.reason)).toEqual([NO_ELIGIBLE_MEMBER, NO_ELIGIBLE_MEMBER]);
        expect(result.state).toEqual({});
    });

    it('drops stale entries and starts missing members at 0', () => {
        const result = distribute({ members: [member('a'), member('b')], state: { a: 1, old: 9 }, leads: [] });
        expect(result.state).toEqual({ a: 1, b: 0 });
    });

    it('handles negative currents', () => {
        // -8 -1 -5 → b (-7); -6 -5 -3 → c (-9); -4 -3 -7 → b (-9), c stays -7
        const result = distribute({
            members: [member('a', 2), member('b', 2), member('c', 2)],
            state: { a: -10, b: -3, c: -7 },
            leads: leads(3)
        });
        expect(result.assignments.map((a) => a.ownerId)).toEqual(['b', 'c', 'b']);
        expect(result.state).toEqual({ a: -4, b: -9, c: -7 });
    });

    it('does not change its input', () => {
        const members = [member('a', 1, { capacity: 1 }), member('b')];
        const state = { a: 0, b: 0 };
        const before = JSON.stringify({ members, state });
        distribute({ members, state, leads: leads(3) });
        expect(JSON.stringify({ members, state })).toBe(before);
    });
});

describe('availability, checked by hand against docs/round-robin.md', () => {
    it('skips a paused member like an inactive one, keeping its current', () => {
        // b paused: a and c alone (total 2) alternate a c a c and end at 0; b keeps its 4
        const result = distribute({
            members: [member('a'), member('b', 1, { paused: true }), member('c')],
            state: { b: 4 },
            leads: leads(4)
        });
        expect(result.assignments.map((a) => a.ownerId).join(' ')).toBe('a c a c');
        expect(result.state).toEqual({ a: 0, b: 4, c: 0 });
    });

    it('treats paused false as available', () => {
        expect(owners([member('a', 1, { paused: false }), member('b')], {}, leads(2))).toBe('a b');
    });

    it('keeps a member away through awayUntil, the last day away, and back the day after', () => {
        const members = [member('a', 1, { awayUntil: '2026-12-10' }), member('b')];
        const run = (today: string) =>
            distribute({ members, today, state: {}, leads: leads(2) })
                .assignments.map((a) => a.ownerId)
                .join(' ');
        expect(run('2026-12-09')).toBe('b b');
        expect(run('2026-12-10')).toBe('b b');
        expect(run('2026-12-11')).toBe('a b');
        expect(run('2027-01-01')).toBe('a b');
    });

    it('leaves out a paused heavy member from the total', () => {
        // a paused: b and c alone, total 2, so they alternate b c b c and end back at 0
        const result = distribute({
            members: [member('a', 5, { paused: true }), member('b'), member('c')],
            state: {},
            leads: leads(4)
        });
        expect(result.assignments.map((a) => a.ownerId).join(' ')).toBe('b c b c');
        expect(result.state).toEqual({ a: 0, b: 0, c: 0 });
    });

    it('gives no owner when everyone is paused or away', () => {
        const result = distribute({
            members: [member('a', 1, { paused: true }), member('b', 1, { awayUntil: '2026-12-31' })],
            today: '2026-12-03',
            state: { a: 2, b: -2 },
            leads: leads(1)
        });
        expect(result.assignments).toEqual([{ leadId: 'L1', ownerId: null, reason: NO_ELIGIBLE_MEMBER }]);
        expect(result.state).toEqual({ a: 2, b: -2 });
    });

    it('takes today on the streaming path too', () => {
        const members = [member('a', 1, { awayUntil: '2026-12-10' }), member('b')];
        expect(createDistributor(members, {}, '2026-12-10').assign('L1').ownerId).toBe('b');
        expect(createDistributor(members, {}, '2026-12-11').assign('L1').ownerId).toBe('a');
    });

    it.each([
        [
            'awayUntil not a calendar date',
            [member('a', 1, { awayUntil: '2026-02-30' })],
            '2026-12-03',
            'members[0].awayUntil',
            'members[0].awayUntil must be null or a date YYYY-MM-DD, got "2026-02-30"'
        ],
        [
            'awayUntil with a time',
            [member('a', 1, { awayUntil: '2026-12-10T00:00:00Z' })],
            '2026-12-03',
            'members[0].awayUntil',
            'members[0].awayUntil must be null or a date YYYY-MM-DD, got "2026-12-10T00:00:00Z"'
        ],
        [
            'awayUntil a number',
            [member('a', 1, { awayUntil: 20261210 as unknown as string })],
            '2026-12-03',
            'members[0].awayUntil',
            'members[0].awayUntil must be null or a date YYYY-MM-DD, got 20261210'
        ],
        [
            'paused as text',
            [member('a', 1, { paused: 'no' as unknown as boolean })],
            null,
            'members[0].paused',
            'members[0].paused must be true or false, got "no"'
        ],
        [
            'paused null',
            [member('a', 1, { paused: null as unknown as boolean })],
            null,
            'members[0].paused',
            'members[0].paused must be true or false, got null'
        ],
        [
            'today malformed',
            [member('a')],
            '3 Dec 2026',
            'today',
            'today must be null or a date YYYY-MM-DD, got "3 Dec 2026"'
        ],
        [
            'today missing while a member is away',
            [member('a', 1, { awayUntil: '2026-12-10' })],
            null,
            'today',
            'today must be a date YYYY-MM-DD when a member has awayUntil, got null'
        ]
    ])('refuses %s, naming the field', (_label, members, today, field, message) => {
        const error = refusal(() => distribute({ members, today, leads: leads(1) }));
        expect(error.field).toBe(field);
        expect(error.message).toBe(message);
        expect(refusal(() => createDistributor(members, {}, today)).field).toBe(field);
    });

    it('checks today after the members and before the state', () => {
        const away = member('a', 1, { awayUntil: '2026-12-10' });
        expect(refusal(() => distribute({ members: [away, member('b', 0)], leads: [] })).field).toBe(
            'members[1].weight'
        );
        expect(refusal(() => distribute({ members: [away], state: { a: 0.5 }, leads: [] })).field).toBe('today');
    });
});

describe('refusals', () => {
    const ok = () => [member('a'), member('b')];
    it.each([
        [
            'weight 0',
            () => distribute({ members: [member('a'), member('b'), member('c', 0)], leads: [] }),
            'members[2].weight',
            'members[2].weight must be an integer from 1 to 100, got 0'
        ],
        [
            'weight 101',
            () => distribute({ members: [member('a', 101)], leads: [] }),
            'members[0].weight',
            'members[0].weight must be an integer from 1 to 100, got 101'
        ],
        [
            'weight 1.5',
            () => distribute({ members: [member('a', 1.5)], leads: [] }),
            'members[0].weight',
            'members[0].weight must be an integer from 1 to 100, got 1.5'
        ],
        [
            'weight as text',
            () => distribute({ members: [member('a', '3' as unknown as number)], leads: [] }),
            'members[0].weight',
            'members[0].weight must be an integer from 1 to 100, got "3"'
        ],
        [
            'duplicate id',
            () => distribute({ members: [member('a'), member('b'), member('a')], leads: [] }),
            'members[2].id',
            'members[2].id must be unique, got "a" (also members[0].id)'
        ],
        [
            'empty id',
            () => distribute({ members: [member('')], leads: [] }),
            'members[0].id',
            'members[0].id must be a non-empty string, got ""'
        ],
        [
            'capacity -1',
            () => distribute({ members: [member('a', 1, { capacity: -1 })], leads: [] }),
            'members[0].capacity',
            'members[0].capacity must be null or an integer from 0 to 2147483647, got -1'
        ],
        [
            'capacity beyond Apex Integer',
            () => distribute({ members: [member('a', 1, { capacity: 2147483648 })], leads: [] }),
            'members[0].capacity',
            'members[0].capacity must be null or an integer from 0 to 2147483647, got 2147483648'
        ],
        [
            'load -1',
            () => distribute({ members: [member('a', 1, { load: -1 })], leads: [] }),
            'members[0].load',
            'members[0].load must be an integer from 0 to 2147483647, got -1'
        ],
        [
            'active missing',
            () => distribute({ members: [{ id: 'a', weight: 1, load: 0 } as Member], leads: [] }),
            'members[0].active',
            'members[0].active must be true or false, got null'
        ],
        [
            'active as text',
            () => distribute({ members: [member('a', 1, { active: 'yes' as unknown as boolean })], leads: [] }),
            'members[0].active',
            'members[0].active must be true or false, got "yes"'
        ],
        [
            'member not an object',
            () => distribute({ members: [member('a'), 7 as unknown as Member], leads: [] }),
            'members[1]',
            'members[1] must be a member, got 7'
        ],
        [
            'members not a list',
            () => distribute({ members: {} as unknown as Member[], leads: [] }),
            'members',
            'members must be a list, got an object'
        ],
        [
            'leads not a list',
            () => distribute({ members: ok(), leads: 'L1' as unknown as [] }),
            'leads',
            'leads must be a list, got "L1"'
        ],
        [
            'lead without id',
            () => distribute({ members: ok(), leads: [{ id: 'L1' }, {} as { id: string }] }),
            'leads[1].id',
            'leads[1].id must be a non-empty string, got null'
        ],
        [
            'lead id a number',
            () => distribute({ members: ok(), leads: [{ id: 5 as unknown as string }] }),
            'leads[0].id',
            'leads[0].id must be a non-empty string, got 5'
        ],
        [
            'exclude not a list',
            () => distribute({ members: ok(), leads: [{ id: 'L1', exclude: 'a' as unknown as string[] }] }),
            'leads[0].exclude',
            'leads[0].exclude must be a list, got "a"'
        ],
        [
            'exclude holding a number',
            () => distribute({ members: ok(), leads: [{ id: 'L1', exclude: ['a', 3 as unknown as string] }] }),
            'leads[0].exclude',
            'leads[0].exclude must contain only member id strings, got 3'
        ],
        [
            'state value not an integer',
            () => distribute({ members: ok(), state: { a: 0.5 }, leads: [] }),
            'state.a',
            'state.a must be an integer from -2147483648 to 2147483647, got 0.5'
        ],
        [
            'state not an object',
            () => distribute({ members: ok(), state: [] as unknown as Record<string, number>, leads: [] }),
            'state',
            'state must be an object from member id to integer, got a list'
        ],
        [
            'input not an object',
            () => distribute(null as never),
            'input',
            'input must be an object with members, state and leads, got null'
        ]
    ])('refuses %s, naming the field', (_label, run, field, message) => {
        const error = refusal(run);
        expect(error.field).toBe(field);
        expect(error.message).toBe(message);
        expect(error.name).toBe('DistributionInputError');
    });

    it('refuses the whole input when only the last lead is bad', () => {
        expect(
            refusal(() => distribute({ members: ok(), leads: [{ id: 'L1' }, { id: 'L2' }, { id: '' }] })).field
        ).toBe('leads[2].id');
    });

    it('checks members before state and state before leads', () => {
        expect(
            refusal(() => distribute({ members: [member('a', 0)], state: { a: 0.5 }, leads: [{ id: '' }] })).field
        ).toBe('members[0].weight');
        expect(refusal(() => distribute({ members: ok(), state: { a: 0.5 }, leads: [{ id: '' }] })).field).toBe(
            'state.a'
        );
    });

    it('refuses a bad lead on the streaming path without changing the state', () => {
        const distributor = createDistributor(ok(), {});
        distributor.assign('L1');
        const before = distributor.state();
        expect(refusal(() => distributor.assign('')).field).toBe('leadId');
        expect(refusal(() => distributor.assign('L2', [null as unknown as string])).field).toBe('exclude');
        expect(distributor.state()).toEqual(before);
    });
});

/** A small deterministic generator, so that a failing run can be replayed. */
function random(seed: number): (k: number) => number {
    let s = seed;
    return (k) => {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        return (s >>> 8) % k;
    };
}

describe('streaming and batch', () => {
    it('give the same assignments and state on random groups', () => {
        for (let seed = 1; seed <= 200; seed++) {
            const rnd = random(seed);
            const n = rnd(12);
            const members = Array.from({ length: n }, (_, i) =>
                member(`m${i}`, 1 + rnd(100), {
                    active: rnd(6) !== 0,
                    capacity: rnd(3) === 0 ? rnd(15) : null,
                    load: rnd(5)
                })
            );
            const state: Record<string, number> = { stale: rnd(9) };
            members.forEach((m) => {
                if (rnd(2) === 0) {
                    state[m.id] = rnd(401) - 200;
                }
            });
            const leadList = Array.from({ length: rnd(120) }, (_, i) => ({
                id: `L${i}`,
                exclude: rnd(3) === 0 ? Array.from({ length: 1 + rnd(n + 1) }, () => `m${rnd(n + 2)}`) : []
            }));

            const batch = distribute({ members, state, leads: leadList });
            const distributor = createDistributor(members, state);
            const streamed = leadList.map((lead) => {
                const placement = distributor.assign(lead.id, lead.exclude);
                return { leadId: lead.id, ownerId: placement.ownerId, reason: placement.reason };
            });
            expect({ seed, assignments: streamed, state: distributor.state() }).toEqual({ seed, ...batch });
        }
    });

    it('returns shared frozen placements, so a caller cannot corrupt the next answer', () => {
        const distributor = createDistributor([member('a')], {});
        const first = distributor.assign('L1');
        expect(Object.isFrozen(first)).toBe(true);
        expect(distributor.assign('L2')).toBe(first);
        expect(distributor.assign('L3', ['a'])).toEqual({ ownerId: null, reason: NO_ELIGIBLE_MEMBER });
    });

    it('keeps planning across calls: state() after each lead resumes correctly in a new distributor', () => {
        const members = [member('a', 5), member('b'), member('c')];
        let state = {};
        const picked: (string | null)[] = [];
        for (let i = 0; i < 7; i++) {
            const distributor = createDistributor(members, state);
            picked.push(distributor.assign(`L${i}`).ownerId);
            state = distributor.state();
        }
        expect(picked.join(' ')).toBe('a a b a c a a');
    });
});
