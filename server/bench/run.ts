/**
 * `npm run bench` runs every server/bench/<name>.bench.ts; `npm run bench -- <name> [<name>...]` runs
 * the named ones. Exit code 1 when a bench fails or a name is unknown; a figure below its target is
 * reported but does not fail the run (machines differ).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Bench, BenchFigure } from './harness';

const SUFFIX = '.bench.ts';

function loadBenches(): Bench[] {
    return readdirSync(__dirname)
        .filter((file) => file.endsWith(SUFFIX))
        .sort()
        .map((file) => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const bench = require(join(__dirname, file)) as Partial<Bench>;
            if (
                typeof bench.name !== 'string' ||
                typeof bench.description !== 'string' ||
                typeof bench.run !== 'function'
            ) {
                throw new Error(`${file} must export name, description and run (see server/bench/harness.ts)`);
            }
            return bench as Bench;
        });
}

function show(figure: BenchFigure): string {
    const value = figure.value.toLocaleString('en-US');
    if (figure.target === undefined) {
        return `  ${figure.label}: ${value} ${figure.unit}`;
    }
    const verdict = figure.value > figure.target ? 'met' : 'NOT MET';
    return `  ${figure.label}: ${value} ${figure.unit} (target > ${figure.target.toLocaleString('en-US')}: ${verdict})`;
}

async function main(names: readonly string[]): Promise<number> {
    const benches = loadBenches();
    const unknown = names.filter((name) => !benches.some((bench) => bench.name === name));
    if (unknown.length > 0) {
        process.stderr.write(`unknown bench: ${unknown.join(', ')}; known: ${benches.map((b) => b.name).join(', ')}\n`);
        return 1;
    }
    let failed = 0;
    for (const bench of benches.filter((b) => names.length === 0 || names.includes(b.name))) {
        process.stdout.write(`${bench.name}: ${bench.description}\n`);
        try {
            for (const figure of await bench.run()) {
                process.stdout.write(`${show(figure)}\n`);
            }
        } catch (e) {
            failed++;
            process.stdout.write(`  FAILED: ${(e as Error).stack ?? String(e)}\n`);
        }
    }
    return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
    },
    (e: unknown) => {
        process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
        process.exitCode = 1;
    }
);
