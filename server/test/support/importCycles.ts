/**
 * Finds import circles among the TypeScript files of a folder with the TypeScript compiler's own
 * pre-processor and module resolution. Type-only imports, re-exports and dynamic imports count: a
 * circle of types is still two modules that cannot be read apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/** Each file (relative to the root) with the files of the same tree it imports. */
export type ImportGraph = Map<string, string[]>;

function typeScriptFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
            return entry.name === 'node_modules' ? [] : typeScriptFiles(path);
        }
        return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
}

export function importGraph(rootDir: string): ImportGraph {
    const root = resolve(rootDir);
    const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node10, allowJs: false };
    const graph: ImportGraph = new Map();
    for (const file of typeScriptFiles(root)) {
        const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
        const targets = new Set<string>();
        for (const { fileName } of imports) {
            const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
            if (!resolved || resolved.isExternalLibraryImport) {
                continue;
            }
            const target = relative(root, resolved.resolvedFileName);
            if (!target.startsWith('..')) {
                targets.add(target);
            }
        }
        graph.set(relative(root, file), [...targets].sort());
    }
    return graph;
}

/** Shortest way from `start` back to itself through `members`, as a list of files ending in `start`. */
function circleThrough(start: string, members: Set<string>, graph: ImportGraph): string[] {
    const cameFrom = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
        const file = queue.shift()!;
        for (const next of graph.get(file) ?? []) {
            if (next === start) {
                const path: string[] = [];
                for (let at = file; at !== start; at = cameFrom.get(at)!) path.unshift(at);
                return [start, ...path, start];
            }
            if (members.has(next) && !cameFrom.has(next)) {
                cameFrom.set(next, file);
                queue.push(next);
            }
        }
    }
    return [start, start];
}

/** The import circles of the graph: for each strongly connected group of files, the shortest circle through its first file, e.g. ['a.ts', 'b.ts', 'a.ts']. */
export function findImportCycles(graph: ImportGraph): string[][] {
    // Tarjan's strongly connected components, iterative so deep trees cannot overflow the stack.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const groups: string[][] = [];
    let counter = 0;
    for (const origin of [...graph.keys()].sort()) {
        if (index.has(origin)) continue;
        const work: Array<{ file: string; next: number }> = [{ file: origin, next: 0 }];
        index.set(origin, counter);
        low.set(origin, counter++);
        stack.push(origin);
        onStack.add(origin);
        while (work.length > 0) {
            const frame = work[work.length - 1]!;
            const edges = graph.get(frame.file) ?? [];
            if (frame.next < edges.length) {
                const target = edges[frame.next++]!;
                if (!index.has(target)) {
                    index.set(target, counter);
                    low.set(target, counter++);
                    stack.push(target);
                    onStack.add(target);
                    work.push({ file: target, next: 0 });
                } else if (onStack.has(target)) {
                    low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent) {
                low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
            }
            if (low.get(frame.file) === index.get(frame.file)) {
                const group: string[] = [];
                let member: string;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    group.push(member);
                } while (member !== frame.file);
                const selfImport = (graph.get(frame.file) ?? []).includes(frame.file);
                if (group.length > 1 || selfImport) {
                    groups.push(group.sort());
                }
            }
        }
    }
    return groups
        .map((group) => circleThrough(group[0]!, new Set(group), graph))
        .sort((a, b) => a[0]!.localeCompare(b[0]!));
}
