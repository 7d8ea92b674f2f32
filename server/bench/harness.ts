/**
 * What a benchmark is, for `npm run bench` (server/bench/run.ts): each `<name>.bench.ts` in this folder
 * exports `name`, `description` and `run` (a module shaped as Bench). The runner finds them, runs all or
 * the ones named on the command line, and prints their figures.
 */

/** One measured figure. `target` (optional) is a lower bound the figure should beat. */
export interface BenchFigure {
    label: string;
    value: number;
    unit: string;
    target?: number;
}

/** The exports of a `<name>.bench.ts` module. */
export interface Bench {
    /** Short name used on the command line: `npm run bench -- <name>`. */
    name: string;
    /** One line saying what is measured. */
    description: string;
    run(): Promise<BenchFigure[]> | BenchFigure[];
}

const MB = 1024 * 1024;

/**
 * Peak memory during a run. A synchronous hot loop starves timers, so the bench calls `sample()`
 * itself every so often; `start()` also samples on a timer for benches that await.
 */
export class MemoryPeak {
    private rss = 0;
    private heapUsed = 0;
    private startRss: number | undefined;
    private timer: NodeJS.Timeout | undefined;

    sample(): void {
        const usage = process.memoryUsage();
        this.startRss ??= usage.rss;
        if (usage.rss > this.rss) {
            this.rss = usage.rss;
        }
        if (usage.heapUsed > this.heapUsed) {
            this.heapUsed = usage.heapUsed;
        }
    }

    start(intervalMs = 20): this {
        this.sample();
        this.timer = setInterval(() => this.sample(), intervalMs);
        this.timer.unref();
        return this;
    }

    stop(): void {
        clearInterval(this.timer);
        this.sample();
    }

    figures(): BenchFigure[] {
        return [
            { label: 'RSS at start', value: round((this.startRss ?? 0) / MB, 1), unit: 'MB' },
            { label: 'peak RSS', value: round(this.rss / MB, 1), unit: 'MB' },
            { label: 'peak heap used', value: round(this.heapUsed / MB, 1), unit: 'MB' }
        ];
    }
}

export function round(value: number, digits = 0): number {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}
