import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../../..');
const BUILD = path.join(ROOT, 'scripts/lwc/build.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

const SOURCE = `import { LightningElement, api } from 'lwc';

export default class Greeting extends LightningElement {
    @api name?: string;

    get text(): string {
        return \`Hello \${this.name ?? ''}\`;
    }
}
`;

/** A minimal project with one TypeScript component in a feature folder and force-app/tsconfig.json, in a temp folder. */
function makeProject(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lwc-build-'));
    const lwc = path.join(dir, 'force-app/main/greetings/lwc');
    fs.mkdirSync(path.join(lwc, 'greeting/__tests__'), { recursive: true });
    fs.writeFileSync(path.join(lwc, 'greeting/greeting.ts'), SOURCE);
    fs.writeFileSync(path.join(lwc, 'greeting/__tests__/greeting.test.ts'), '// tests are not compiled\n');
    fs.writeFileSync(
        path.join(dir, 'force-app/tsconfig.json'),
        JSON.stringify({ compilerOptions: {} }, null, 2) + '\n'
    );
    return dir;
}

function run(dir: string, check: boolean): { code: number; output: string } {
    try {
        const output = execFileSync(TSX, [BUILD, dir, ...(check ? ['--check'] : [])], {
            encoding: 'utf8',
            stdio: 'pipe'
        });
        return { code: 0, output };
    } catch (error) {
        const e = error as { status: number; stdout: string; stderr: string };
        return { code: e.status, output: e.stdout + e.stderr };
    }
}

describe('build:lwc and check:lwc-build', () => {
    let dir: string;
    let js: string;

    beforeEach(() => {
        dir = makeProject();
        js = path.join(dir, 'force-app/main/greetings/lwc/greeting/greeting.js');
    });

    afterEach(() => {
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('compiles the .ts to the .js beside it, keeps LWC decorators, and then finds nothing stale', () => {
        expect(run(dir, false).code).toBe(0);
        const output = fs.readFileSync(js, 'utf8');
        expect(output).toContain('@api');
        expect(output).not.toContain('?: string');
        expect(fs.existsSync(path.join(dir, 'force-app/main/greetings/lwc/greeting/__tests__/greeting.test.js'))).toBe(
            false
        );
        const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, 'force-app/tsconfig.json'), 'utf8'));
        expect(tsconfig.compilerOptions.paths).toEqual({ 'c/greeting': ['./main/greetings/lwc/greeting/greeting.ts'] });
        expect(run(dir, true)).toMatchObject({ code: 0 });
    });

    it('fails the check when the .js is missing', () => {
        const result = run(dir, true);
        expect(result.code).toBe(1);
        expect(result.output).toContain('greeting.js is missing');
    });

    it('fails the check when the .ts changed after the .js was built', () => {
        run(dir, false);
        fs.appendFileSync(path.join(dir, 'force-app/main/greetings/lwc/greeting/greeting.ts'), '// changed\n');
        const result = run(dir, true);
        expect(result.code).toBe(1);
        expect(result.output).toContain('greeting.js is stale');
    });

    it('fails the check on a component written in JavaScript only', () => {
        run(dir, false);
        const other = path.join(dir, 'force-app/main/greetings/lwc/plain');
        fs.mkdirSync(other);
        fs.writeFileSync(path.join(other, 'plain.js'), 'export default class {}\n');
        const result = run(dir, true);
        expect(result.code).toBe(1);
        expect(result.output).toContain('plain.js has no TypeScript source');
    });
});

describe('ESLint on components', () => {
    // The project's own flat config, passed in: ESLint's loader imports config files dynamically, which jest refuses.
    const eslint = new ESLint({
        cwd: ROOT,
        overrideConfigFile: true,
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        overrideConfig: require(path.join(ROOT, 'eslint.config.js'))
    });
    const lint = async (code: string) =>
        (
            await eslint.lintText(code, {
                filePath: path.join(ROOT, 'force-app/main/greetings/lwc/planted/planted.ts')
            })
        )[0].messages.map((m) => m.ruleId);

    it("applies Salesforce's LWC rules to TypeScript components", async () => {
        const rules = await lint(`import { LightningElement, api } from 'lwc';
export default class Planted extends LightningElement {
    @api label?: string;
    connectedCallback(): void {
        this.label = 'changed';
        setTimeout(() => undefined, 10);
    }
}
`);
        expect(rules).toEqual(expect.arrayContaining(['@lwc/lwc/no-api-reassignments', '@lwc/lwc/no-async-operation']));
    });

    it('passes a clean component', async () => {
        expect(await lint(SOURCE)).toEqual([]);
    });
});
