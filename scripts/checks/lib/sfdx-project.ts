/** The sfdx project a check runs over: its package directories and the files in them. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SfdxProject {
    /** Absolute project directory (holds sfdx-project.json). */
    root: string;
    /** Absolute package directories, in sfdx-project.json order. */
    packageDirs: string[];
    namespace: string;
    sourceApiVersion: string;
}

export interface LoadOptions {
    /** Refuse a project whose sfdx-project.json sets no sourceApiVersion (checks that compare versions). */
    requireApiVersion?: boolean;
}

export function loadProject(dir: string, options: LoadOptions = {}): SfdxProject {
    const root = path.resolve(dir);
    const file = path.join(root, 'sfdx-project.json');
    if (!fs.existsSync(file)) {
        throw new Error(`No sfdx-project.json in ${root}`);
    }
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        packageDirectories?: Array<{ path: string }>;
        namespace?: string;
        sourceApiVersion?: string;
    };
    if (options.requireApiVersion && !json.sourceApiVersion) {
        throw new Error(`${file} has no sourceApiVersion: set it (e.g. "64.0").`);
    }
    const packageDirs = (json.packageDirectories ?? []).map((p) => path.resolve(root, p.path));
    if (packageDirs.length === 0) {
        throw new Error(`${file} lists no packageDirectories`);
    }
    return {
        root,
        packageDirs,
        namespace: json.namespace ?? '',
        sourceApiVersion: json.sourceApiVersion ?? '64.0'
    };
}

const SKIPPED_DIRS = new Set(['node_modules', '.sfdx', '.sf', '.git']);

/** Every file under the package directories whose name passes `accept`, sorted. */
export function listFiles(project: SfdxProject, accept: (file: string) => boolean): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
        if (!fs.existsSync(dir)) {
            return;
        }
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRS.has(entry.name)) {
                    walk(full);
                }
            } else if (accept(full)) {
                out.push(full);
            }
        }
    };
    project.packageDirs.forEach(walk);
    return out.sort();
}

/** Each LWC bundle's folder (`.../lwc/<bundle>/`, in any feature folder), by bundle name. */
export function lwcBundleDirs(project: SfdxProject): Map<string, string> {
    const bundles = new Map<string, string>();
    for (const file of listFiles(project, (f) => f.endsWith('.js-meta.xml'))) {
        const dir = path.dirname(file);
        if (path.basename(path.dirname(dir)) === 'lwc') {
            bundles.set(path.basename(dir), dir);
        }
    }
    return bundles;
}

export function listApexFiles(project: SfdxProject): string[] {
    return listFiles(project, (f) => f.endsWith('.cls') || f.endsWith('.trigger'));
}

/** 1-based line of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
        }
    }
    return line;
}
