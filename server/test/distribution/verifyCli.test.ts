import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const VECTORS = join(ROOT, 'force-app/main/distribution/staticresources/RoundRobinVectors.json');

/** Runs `npm run rr:verify`'s command as a child process. */
function verify(...args: string[]) {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['server/src/distribution/verify-cli.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8'
    });
    return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('rr:verify', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'rr-verify-'));
    });
    afterAll(() => {
        rmSync(dir, { recursive: true, force: true });
    });

    it('passes the project vectors file', () => {
        const { code, out } = verify(VECTORS);
        const total = JSON.parse(readFileSync(VECTORS, 'utf8')).cases.length;
        expect(out).toContain(`${total} cases, ${total} match, 0 differ`);
        expect(out).not.toContain('DIFFERS');
        expect(code).toBe(0);
    });

    it('names each planted difference and its first differing lead, and fails', () => {
        const data = JSON.parse(readFileSync(VECTORS, 'utf8'));
        const fiveOneOne = data.cases.find((c: { name: string }) => c.name === 'weights 5,1,1 give a a b a c a a');
        fiveOneOne.expected.assignments[2].ownerId = 'c';
        const refusal = data.cases.find((c: { name: string }) => c.name === 'refused: weight 101');
        refusal.expected.error = 'members[0].weight';
        const planted = join(dir, 'planted.json');
        writeFileSync(planted, JSON.stringify(data));

        const { code, out } = verify(planted);
        expect(out).toContain(
            'DIFFERS weights 5,1,1 give a a b a c a a\n    leads[2]: expected L3 -> owner c, actual L3 -> owner b'
        );
        expect(out).toContain(
            'DIFFERS refused: weight 101\n    expected a refusal naming members[0].weight, got: members[1].weight'
        );
        expect(out).toContain(`${data.cases.length} cases, ${data.cases.length - 2} match, 2 differ`);
        expect(code).toBe(1);
    });

    it('refuses a malformed file with a clear message', () => {
        const malformed = join(dir, 'malformed.json');
        writeFileSync(
            malformed,
            JSON.stringify({ version: 1, cases: [{ name: 'x', members: [], state: {}, leads: [] }] })
        );
        const { code, err } = verify(malformed);
        expect(err).toContain(`rr:verify: ${malformed} is not a vectors file: cases[0] ("x") has no expected`);
        expect(code).toBe(2);
    });

    it('refuses a missing file and a missing argument', () => {
        const missing = verify(join(dir, 'nope.json'));
        expect(missing.err).toContain('cannot read');
        expect(missing.code).toBe(2);
        const bare = verify();
        expect(bare.err).toContain('usage: npm run rr:verify -- FILE.json');
        expect(bare.code).toBe(2);
    });
});
