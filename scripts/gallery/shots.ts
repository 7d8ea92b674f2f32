/**
 * npm run gallery:shots: the README's pictures. Renders the gallery states that name a `shot` in
 * scripts/gallery/states/*.ts and writes each, without the gallery's header, to docs/screenshots/<shot>.png.
 * Fails, writing nothing, when any of those states has a problem the gallery would report.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { reportFailure, runGallery } from './build';
import { REPO_ROOT } from './bundle';

export const SHOTS_DIR = join(REPO_ROOT, 'docs', 'screenshots');

async function main(): Promise<number> {
    const staging = mkdtempSync(join(tmpdir(), 'gallery-shots-'));
    try {
        const run = await runGallery({
            outDir: join(staging, 'gallery'),
            keep: (state) => state.shot !== undefined,
            render: { screenshotDir: join(staging, 'shots'), fileName: (state) => `${state.shot}.png`, bare: true }
        });
        if (run.failures.length > 0) {
            process.stderr.write(
                `${run.failures.length} problem(s), no picture written:\n${run.failures.map((f) => `  ${f}`).join('\n')}\n`
            );
            return 1;
        }
        // Replace the whole folder, so a picture whose state is gone does not linger.
        mkdirSync(SHOTS_DIR, { recursive: true });
        for (const old of readdirSync(SHOTS_DIR).filter((f) => f.endsWith('.png'))) {
            rmSync(join(SHOTS_DIR, old));
        }
        let total = 0;
        for (const result of run.results) {
            const target = join(SHOTS_DIR, relative(join(staging, 'shots'), result.screenshot));
            renameSync(result.screenshot, target);
            const bytes = statSync(target).size;
            total += bytes;
            process.stdout.write(`  ${relative(REPO_ROOT, target)} (${Math.round(bytes / 1024)} KB)\n`);
        }
        process.stdout.write(`${run.results.length} pictures, ${(total / 1024).toFixed(0)} KB in all.\n`);
        return 0;
    } finally {
        rmSync(staging, { recursive: true, force: true });
    }
}

if (require.main === module) {
    main().then((code) => process.exit(code), reportFailure);
}
