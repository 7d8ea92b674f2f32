/**
 * Standard objects and their fields, read from the platform definitions apex-ls itself uses
 * (sobject-types-*.jar in the PMD engine's java-lib: one class per sObject, one public field per sObject
 * field). Used to follow relationship paths (the type of `Owner`, the child object of `Contacts`) and to
 * suggest names; whether a name exists is still decided by apex-ls.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { javaLibJar, QUICK_JVM_FLAGS } from './apex-ls';

const SOBJECT_PACKAGE = 'com/nawforce/runforce/SObjects/';

export interface PlatformField {
    name: string;
    /** Target sObject of a lookup relationship or child relationship. */
    references?: string;
    /** True for a child relationship (a list of `references`). */
    isChildList: boolean;
}

/** Entry names of a zip file, from its central directory (no extraction). */
export function zipEntryNames(file: string): string[] {
    const buf = fs.readFileSync(file);
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
        if (buf.readUInt32LE(i) === 0x06054b50) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0) {
        throw new Error(`${file} is not a zip file`);
    }
    const count = buf.readUInt16LE(eocd + 10);
    let at = buf.readUInt32LE(eocd + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
        if (buf.readUInt32LE(at) !== 0x02014b50) {
            throw new Error(`${file}: bad central directory entry`);
        }
        const nameLength = buf.readUInt16LE(at + 28);
        const extraLength = buf.readUInt16LE(at + 30);
        const commentLength = buf.readUInt16LE(at + 32);
        names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
        at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
}

let objectNames: Map<string, string> | undefined;

/** Standard sObject names, keyed by lower case. */
export function platformObjects(): Map<string, string> {
    if (!objectNames) {
        objectNames = new Map();
        for (const entry of zipEntryNames(javaLibJar('sobject-types'))) {
            if (entry.startsWith(SOBJECT_PACKAGE) && entry.endsWith('.class') && !entry.includes('$')) {
                const name = entry.slice(SOBJECT_PACKAGE.length, -'.class'.length);
                objectNames.set(name.toLowerCase(), name);
            }
        }
    }
    return objectNames;
}

const fieldCache = new Map<string, Map<string, PlatformField>>();

const FIELD_LINE = /^\s+public (?!static)([\w.$]+?)(\[\])? (\w+);$/;

function parseJavap(output: string): Map<string, Map<string, PlatformField>> {
    const result = new Map<string, Map<string, PlatformField>>();
    let current: Map<string, PlatformField> | undefined;
    for (const line of output.split('\n')) {
        const header = /^public class com\.nawforce\.runforce\.SObjects\.(\w+)/.exec(line);
        if (header) {
            current = new Map();
            result.set(header[1].toLowerCase(), current);
            continue;
        }
        const m = current ? FIELD_LINE.exec(line) : null;
        if (current && m) {
            const [, type, array, name] = m;
            const ref = type.startsWith('com.nawforce.runforce.SObjects.')
                ? type.slice('com.nawforce.runforce.SObjects.'.length)
                : undefined;
            current.set(name.toLowerCase(), { name, references: ref, isChildList: !!array && !!ref });
        }
    }
    return result;
}

/** Fields of the given standard objects (unknown names are skipped), one `javap` run for all of them. */
export async function loadPlatformFields(objects: Iterable<string>): Promise<void> {
    const known = platformObjects();
    const wanted = [...new Set([...objects].map((o) => o.toLowerCase()))].filter(
        (o) => known.has(o) && !fieldCache.has(o)
    );
    if (wanted.length === 0) {
        return;
    }
    const classes = wanted.map((o) => `com.nawforce.runforce.SObjects.${known.get(o)}`);
    const output = await new Promise<string>((resolve, reject) => {
        execFile(
            'javap',
            [...QUICK_JVM_FLAGS.map((f) => `-J${f}`), '-public', '-cp', javaLibJar('sobject-types'), ...classes],
            { maxBuffer: 64 * 1024 * 1024 },
            (error, stdout, stderr) =>
                error ? reject(new Error(`javap failed: ${stderr || error.message}`)) : resolve(stdout)
        );
    });
    for (const [name, fields] of parseJavap(output)) {
        fieldCache.set(name, fields);
    }
    for (const o of wanted) {
        if (!fieldCache.has(o)) {
            fieldCache.set(o, new Map());
        }
    }
}

/** Fields of a standard object loaded by loadPlatformFields, or undefined. */
export function platformFields(object: string): Map<string, PlatformField> | undefined {
    return fieldCache.get(object.toLowerCase());
}
