/** "Did you mean" suggestions: the closest existing names by edit distance, case-insensitive. */

function editDistance(a: string, b: string): number {
    const prev = new Array<number>(b.length + 1);
    for (let j = 0; j <= b.length; j++) {
        prev[j] = j;
    }
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return prev[b.length];
}

/** Up to `max` names close to `wanted`, best first. */
function closest(wanted: string, candidates: Iterable<string>, max = 3): string[] {
    const w = wanted.toLowerCase();
    const limit = Math.max(2, Math.floor(w.length / 3));
    const scored: Array<[number, string]> = [];
    for (const c of new Set(candidates)) {
        const l = c.toLowerCase();
        if (l === w) {
            continue;
        }
        let d = editDistance(w, l);
        if (d > limit && (l.includes(w) || w.includes(l)) && Math.min(l.length, w.length) >= 4) {
            d = limit;
        }
        if (d <= limit) {
            scored.push([d, c]);
        }
    }
    scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    return scored.slice(0, max).map(([, c]) => c);
}

/** ` (did you mean 'X' or 'Y'?)`, or ` (nothing similar exists)`. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
    const found = closest(wanted, candidates);
    if (found.length === 0) {
        return ' (nothing with a similar name exists)';
    }
    return ` (did you mean ${found.map((f) => `'${f}'`).join(' or ')}?)`;
}
