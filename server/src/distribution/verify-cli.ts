/**
 * `npm run rr:verify -- FILE.json`: runs the TypeScript distribution over every case of a vectors file
 * (format in docs/round-robin.md), prints each case that differs with its first difference, and a summary.
 * Exit code: 0 all match, 1 some case differs, 2 the file is missing or malformed.
 */
import { readFileSync } from 'node:fs';
import { CaseDifference, VectorsFormatError, checkCase, parseVectors } from './vectors';

function main(argv: readonly string[]): number {
    if (argv.length !== 1) {
        process.stderr.write('usage: npm run rr:verify -- FILE.json\n');
        return 2;
    }
    const file = argv[0];
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (e) {
        process.stderr.write(`rr:verify: cannot read ${file}: ${(e as Error).message}\n`);
        return 2;
    }
    let cases;
    try {
        cases = parseVectors(text).cases;
    } catch (e) {
        if (e instanceof VectorsFormatError) {
            process.stderr.write(`rr:verify: ${file} is not a vectors file: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    const differences: CaseDifference[] = [];
    for (const c of cases) {
        const difference = checkCase(c);
        if (difference !== null) {
            differences.push(difference);
            process.stdout.write(`DIFFERS ${difference.name}\n    ${difference.detail}\n`);
        }
    }
    const passed = cases.length - differences.length;
    process.stdout.write(`${file}: ${cases.length} cases, ${passed} match, ${differences.length} differ\n`);
    return differences.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
