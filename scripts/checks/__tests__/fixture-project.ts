/** A copy of the minimal sfdx project in fixtures/, in a temporary folder, for planting faults into. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../lib/findings';

const FIXTURE = path.join(__dirname, 'fixtures', 'minimal-project');

export class FixtureProject {
    readonly dir: string;

    constructor(prefix: string) {
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
        fs.cpSync(FIXTURE, this.dir, { recursive: true });
    }

    path(...parts: string[]): string {
        return path.join(this.dir, 'force-app', 'main', 'default', ...parts);
    }

    /** Writes a file below force-app/main/default and returns its absolute path. */
    write(relative: string, text: string): string {
        const file = this.path(relative);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        return file;
    }

    /** Writes an Apex class with its -meta.xml. */
    writeClass(name: string, text: string): string {
        this.write(
            `classes/${name}.cls-meta.xml`,
            '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
                '    <apiVersion>64.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n'
        );
        return this.write(`classes/${name}.cls`, text);
    }

    /** Replaces text in a file below force-app/main/default. */
    edit(relative: string, from: string, to: string): string {
        const file = this.path(relative);
        const text = fs.readFileSync(file, 'utf8');
        if (!text.includes(from)) {
            throw new Error(`${relative} does not contain ${from}`);
        }
        fs.writeFileSync(file, text.replace(from, to));
        return file;
    }

    remove(): void {
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

/** 1-based line of the first line of `file` containing `needle`. */
export function lineContaining(file: string, needle: string): number {
    const index = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(needle));
    if (index < 0) {
        throw new Error(`${file} has no line containing ${needle}`);
    }
    return index + 1;
}

export function findingsIn(findings: Finding[], file: string): Finding[] {
    return findings.filter((f) => f.file === file);
}

export function rulesIn(findings: Finding[], file: string): string[] {
    return [...new Set(findingsIn(findings, file).map((f) => f.rule))].sort();
}
