/**
 * Runs apex-ls `CheckForIssues`, the jar shipped in @salesforce/code-analyzer-pmd-engine, over an sfdx
 * project and returns its issues. apex-ls reads sfdx-project.json and every package directory: classes,
 * triggers, objects and fields, labels, so unknown types, methods and fields are reported against the
 * platform definitions it carries (sobject-types / standard-types jars) plus the project's metadata.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ApexLsIssue {
    file: string;
    line: number;
    /** 1-based column (apex-ls reports 0-based offsets). */
    column: number;
    endLine: number;
    /** apex-ls category: Syntax, Error, Missing, Warning, Unused, ... */
    category: string;
    message: string;
}

/** Folder of jars shipped with the PMD engine: apex-ls, its Scala runtime and the platform definitions. */
export function javaLibDir(): string {
    const engineMain = require.resolve('@salesforce/code-analyzer-pmd-engine');
    const dir = path.join(path.dirname(engineMain), 'java-lib');
    if (!fs.existsSync(dir)) {
        throw new Error(`java-lib not found beside ${engineMain}`);
    }
    return dir;
}

export function javaLibJar(prefix: string): string {
    const dir = javaLibDir();
    const jar = fs.readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.jar'));
    if (!jar) {
        throw new Error(`No ${prefix}*.jar in ${dir}`);
    }
    return path.join(dir, jar);
}

function classpath(): string {
    const dir = javaLibDir();
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.jar'))
        .map((f) => path.join(dir, f))
        .join(path.delimiter);
}

/**
 * apex-ls runs for seconds, not hours: the C1 compiler alone and the serial collector halve its CPU time
 * (measured on this project: 12.5 s -> 5.8 s of CPU, on a loaded 2-core machine 46 s -> 10 s wall).
 */
export const QUICK_JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

interface CheckForIssuesJson {
    files: Array<{
        path: string;
        messages: Array<{
            start: { line: number; offset: number };
            end: { line: number; offset: number };
            category: string;
            message: string;
        }>;
    }>;
}

const STATUS_OK = 0;
const STATUS_ISSUES = 4;

/**
 * Errors only (`--detail errors`): warnings are apex-ls's opinions (unused values, deprecated calls), not
 * deploy failures. No cache (`--nocache`): the run takes seconds and a stale cache could hide a change.
 */
export function runApexLs(workspace: string): Promise<ApexLsIssue[]> {
    const args = [
        ...QUICK_JVM_FLAGS,
        '-Xss4m',
        '-cp',
        classpath(),
        'io.github.apexdevtools.apexls.CheckForIssues',
        '--format',
        'json',
        '--detail',
        'errors',
        '--nocache',
        '--workspace',
        workspace
    ];
    return new Promise((resolve, reject) => {
        execFile('java', args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : -1) : STATUS_OK;
            if (code !== STATUS_OK && code !== STATUS_ISSUES) {
                reject(new Error(`apex-ls CheckForIssues failed (exit ${code}): ${stderr || error?.message}`));
                return;
            }
            const start = stdout.indexOf('{');
            if (start < 0) {
                resolve([]);
                return;
            }
            let parsed: CheckForIssuesJson;
            try {
                parsed = JSON.parse(stdout.slice(start)) as CheckForIssuesJson;
            } catch (e) {
                reject(new Error(`apex-ls output is not JSON: ${(e as Error).message}\n${stdout.slice(0, 500)}`));
                return;
            }
            const issues: ApexLsIssue[] = [];
            for (const file of parsed.files) {
                for (const m of file.messages) {
                    issues.push({
                        file: file.path,
                        line: m.start.line,
                        column: m.start.offset + 1,
                        endLine: m.end.line,
                        category: m.category,
                        message: m.message
                    });
                }
            }
            resolve(issues);
        });
    });
}
