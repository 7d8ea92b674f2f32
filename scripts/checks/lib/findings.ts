/** One problem a check found, and how the checks print them. */
import * as path from 'node:path';

export interface Finding {
    /** Absolute path of the file the finding is about. */
    file: string;
    line: number;
    column?: number;
    /** Short rule id: the PMD rule name, `ApexSyntax`, `ApexSemantics`, `SoqlField`, ... */
    rule: string;
    message: string;
}

/** A finding about a whole file (metadata, labels, translations): reported at its first line. */
export function finding(rule: string, file: string, message: string): Finding {
    return { rule, file, line: 1, message };
}

/** `file:line[:col] rule message`, with the file relative to the project. */
export function formatFinding(finding: Finding, projectDir: string): string {
    const rel = path.relative(projectDir, finding.file) || finding.file;
    const col = finding.column !== undefined ? `:${finding.column}` : '';
    return `${rel}:${finding.line}${col} ${finding.rule} ${finding.message}`;
}

export function sortFindings(findings: Finding[]): Finding[] {
    return [...findings].sort(
        (a, b) =>
            a.file.localeCompare(b.file) ||
            a.line - b.line ||
            (a.column ?? 0) - (b.column ?? 0) ||
            a.rule.localeCompare(b.rule)
    );
}

/** Drops findings that say the same thing at the same place (two engines, or two probes of one name). */
export function dedupeFindings(findings: Finding[]): Finding[] {
    const seen = new Set<string>();
    return findings.filter((f) => {
        const key = `${f.file}\u0000${f.line}\u0000${f.rule}\u0000${f.message}`;
        if (seen.has(key)) {
            return false;
        }
        seen.add(key);
        return true;
    });
}

/** Wall-clock timings of a check's steps, printed with the summary. */
export class Timings {
    private readonly steps: Array<[string, number]> = [];

    async time<T>(step: string, work: () => Promise<T> | T): Promise<T> {
        const start = Date.now();
        try {
            return await work();
        } finally {
            this.steps.push([step, Date.now() - start]);
        }
    }

    toString(): string {
        return this.steps.map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)}s`).join(', ');
    }
}
