import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VectorsFormatError, checkCase, parseVectors } from '../../src/distribution/vectors';

const VECTORS = resolve(__dirname, '../../../force-app/main/distribution/staticresources/RoundRobinVectors.json');
const file = parseVectors(readFileSync(VECTORS, 'utf8'));

describe('RoundRobinVectors.json (the static resource the Apex test reads too)', () => {
    it('has at least 60 cases, results and refusals', () => {
        expect(file.cases.length).toBeGreaterThanOrEqual(60);
        expect(file.cases.filter((c) => 'error' in c.expected).length).toBeGreaterThanOrEqual(10);
    });

    it.each(file.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        expect(checkCase(c)).toBeNull();
    });

    it('is version 2, the version that added availability', () => {
        expect(file.version).toBe(2);
        expect(file.cases.filter((c) => c.today !== undefined).length).toBeGreaterThanOrEqual(10);
    });

    it('documents the expected.error convention in its first cases', () => {
        expect(file.cases[0].name).toMatch(/^about: expected \{assignments, state\}/);
        expect(file.cases[1].name).toMatch(/^about: expected \{error: PATH\}/);
    });

    it.each([
        ['equal weights', /^equal weights/],
        ['unequal weights', /^weights /],
        ['inactive members', /inactive/],
        ['capacity reached mid-run', /capacity reached mid-run/],
        ['exclusions', /exclude/],
        ['every member excluded', /every member excluded/],
        ['empty group', /empty group/],
        ['resumed state', /resume/],
        ['stale state entries', /stale/],
        ['ties', /^tie/],
        ['single member', /^single member/],
        ['many leads', /^many leads/],
        ['negative currents', /negative current/],
        ['paused members', /^paused: /],
        ['members away until a date', /^away: /],
        ['the last day away', /the last day away/],
        ['availability refusals', /^refused: .*(paused|today)/]
    ])('covers %s', (_topic, pattern) => {
        expect(file.cases.some((c) => pattern.test(c.name))).toBe(true);
    });
});

describe('parseVectors', () => {
    const good = { name: 'x', members: [], state: {}, leads: [], expected: { assignments: [], state: {} } };
    it.each([
        ['not JSON', '{', /not valid JSON/],
        ['an unknown version', JSON.stringify({ version: 3, cases: [] }), /version must be 1 or 2, got 3/],
        [
            'version 1 with a paused member',
            JSON.stringify({ version: 1, cases: [{ ...good, members: [{ id: 'a', paused: true }] }] }),
            /cases\[0\] \("x"\) uses paused, awayUntil or today, which need version 2/
        ],
        [
            'version 1 with today',
            JSON.stringify({ version: 1, cases: [{ ...good, today: '2026-12-03' }] }),
            /cases\[0\] \("x"\) uses paused, awayUntil or today, which need version 2/
        ],
        ['no cases', JSON.stringify({ version: 1 }), /cases must be a list/],
        [
            'case without leads',
            JSON.stringify({ version: 1, cases: [{ ...good, leads: undefined }] }),
            /cases\[0\] \("x"\) has no leads/
        ],
        [
            'duplicate names',
            JSON.stringify({ version: 1, cases: [good, good] }),
            /cases\[1\]\.name "x" is already the name of cases\[0\]/
        ],
        [
            'bad assignment',
            JSON.stringify({
                version: 1,
                cases: [{ ...good, expected: { assignments: [{ leadId: 'L1', ownerId: 3, reason: null }], state: {} } }]
            }),
            /cases\[0\]\.expected\.assignments\[0\]\.ownerId must be a string or null/
        ],
        [
            'empty error',
            JSON.stringify({ version: 1, cases: [{ ...good, expected: { error: '' } }] }),
            /expected\.error must be a non-empty string/
        ]
    ])('refuses a file with %s', (_label, text, message) => {
        expect(() => parseVectors(text)).toThrow(VectorsFormatError);
        expect(() => parseVectors(text)).toThrow(message);
    });
});

describe('parseVectors, by version', () => {
    const plain = { name: 'x', members: [], state: {}, leads: [], expected: { assignments: [], state: {} } };
    it('still reads a version 1 file without availability', () => {
        expect(parseVectors(JSON.stringify({ version: 1, cases: [plain] }))).toEqual({ version: 1, cases: [plain] });
    });

    it('keeps a case without today free of the key, and passes today on when given', () => {
        const file = parseVectors(JSON.stringify({ version: 2, cases: [plain, { ...plain, name: 'y', today: null }] }));
        expect('today' in file.cases[0]).toBe(false);
        expect(file.cases[1].today).toBeNull();
    });
});

describe('checkCase', () => {
    const members = [
        { id: 'a', weight: 1, active: true, capacity: null, load: 0 },
        { id: 'b', weight: 1, active: true, capacity: null, load: 0 }
    ];
    const leads = [{ id: 'L1' }, { id: 'L2' }];
    const right = {
        assignments: [
            { leadId: 'L1', ownerId: 'a', reason: null },
            { leadId: 'L2', ownerId: 'b', reason: null }
        ],
        state: { a: 0, b: 0 }
    };

    it('names the first differing lead', () => {
        const expected = {
            ...right,
            assignments: [right.assignments[0], { leadId: 'L2', ownerId: 'a', reason: null }]
        };
        expect(checkCase({ name: 'n', members, state: {}, leads, expected })).toEqual({
            name: 'n',
            detail: 'leads[1]: expected L2 -> owner a, actual L2 -> owner b'
        });
    });

    it('reports a state difference when the assignments match', () => {
        expect(
            checkCase({ name: 'n', members, state: {}, leads, expected: { ...right, state: { a: 0, b: 1 } } })?.detail
        ).toBe('state.b: expected 1, actual 0');
        expect(
            checkCase({ name: 'n', members, state: {}, leads, expected: { ...right, state: { a: 0 } } })?.detail
        ).toBe('state.b: expected missing, actual 0');
    });

    it('passes the today of a case to the engine', () => {
        const away = [{ ...members[0], awayUntil: '2026-12-10' }, members[1]];
        const onlyB = {
            assignments: [
                { leadId: 'L1', ownerId: 'b', reason: null },
                { leadId: 'L2', ownerId: 'b', reason: null }
            ],
            state: { a: 0, b: 0 }
        };
        expect(
            checkCase({ name: 'n', members: away, today: '2026-12-10', state: {}, leads, expected: onlyB })
        ).toBeNull();
        expect(
            checkCase({ name: 'n', members: away, today: '2026-12-11', state: {}, leads, expected: right })
        ).toBeNull();
        expect(checkCase({ name: 'n', members: away, state: {}, leads, expected: { error: 'today' } })).toBeNull();
    });

    it('reports a missing refusal, a wrong refusal and an unexpected one', () => {
        expect(
            checkCase({ name: 'n', members, state: {}, leads, expected: { error: 'members[0].weight' } })?.detail
        ).toBe('expected a refusal naming members[0].weight, got a result');
        const bad = [{ ...members[0], weight: 0 }];
        expect(
            checkCase({ name: 'n', members: bad, state: {}, leads, expected: { error: 'leads[0].id' } })?.detail
        ).toMatch(/^expected a refusal naming leads\[0\]\.id, got: members\[0\]\.weight must be/);
        expect(checkCase({ name: 'n', members: bad, state: {}, leads, expected: right })?.detail).toMatch(
            /^expected a result, got a refusal: members\[0\]\.weight/
        );
    });
});
