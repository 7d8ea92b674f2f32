import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findImportCycles, importGraph } from '../support/importCycles';

const SERVER = resolve(__dirname, '../..');

describe('import circles', () => {
    test('given the service code, when its imports are followed, then no file reaches itself', () => {
        expect(findImportCycles(importGraph(join(SERVER, 'src')))).toEqual([]);
    });

    test('given the org simulator, when its imports are followed, then no file reaches itself', () => {
        expect(findImportCycles(importGraph(join(SERVER, 'simulator')))).toEqual([]);
    });

    test('given the service code, when it loads the simulator, then only the demo room does', () => {
        const graph = importGraph(SERVER);
        const loaders = [...graph.entries()]
            .filter(([file, targets]) => file.startsWith('src/') && targets.some((t) => t.startsWith('simulator/')))
            .map(([file]) => file);
        expect(loaders).toEqual(['src/demo/demoOrg.ts']);
    });

    describe('planted faults', () => {
        let dir: string;
        const write = (files: Record<string, string>) => {
            for (const [name, text] of Object.entries(files)) {
                mkdirSync(dirname(join(dir, name)), { recursive: true });
                writeFileSync(join(dir, name), text);
            }
        };

        beforeEach(() => {
            dir = mkdtempSync(join(tmpdir(), 'import-cycles-'));
        });

        afterEach(() => {
            rmSync(dir, { recursive: true, force: true });
        });

        test('given two files that import only types from each other, when checked, then the circle is reported', () => {
            write({
                'jobs/resolve.ts':
                    "import type { Context } from './context';\nexport interface Resolved { at: Context }\n",
                'jobs/context.ts':
                    "import type { Resolved } from './resolve';\nexport interface Context { resolved?: Resolved }\n"
            });
            expect(findImportCycles(importGraph(dir))).toEqual([
                ['jobs/context.ts', 'jobs/resolve.ts', 'jobs/context.ts']
            ]);
        });

        test('given a circle through a re-export, a folder index and a dynamic import, when checked, then the whole circle is reported', () => {
            write({
                'a.ts': "export * from './b';\n",
                'b.ts': "export const load = () => import('./sim');\n",
                'sim/index.ts': "import { load } from '../a';\nexport const again = load;\n",
                'leaf.ts': "import { load } from './a';\nexport const x = load;\n"
            });
            expect(findImportCycles(importGraph(dir))).toEqual([['a.ts', 'b.ts', 'sim/index.ts', 'a.ts']]);
        });

        test('given a file that imports itself, when checked, then it is reported', () => {
            write({ 'self.ts': "import type { Self } from './self';\nexport interface Self { next?: Self }\n" });
            expect(findImportCycles(importGraph(dir))).toEqual([['self.ts', 'self.ts']]);
        });

        test('given imports that only go one way and a package import, when checked, then nothing is reported', () => {
            write({
                'model.ts': 'export interface Model { id: string }\n',
                'phase.ts':
                    "import type { Model } from './model';\nimport { z } from 'zod';\nexport const schema = z.string();\nexport type M = Model;\n"
            });
            expect(findImportCycles(importGraph(dir))).toEqual([]);
        });
    });
});
