/**
 * What the checks learn from parsing one Apex file: syntax errors, sharing findings, inline and dynamic
 * SOQL. Parsing is the slow part of both check:apex and check:schema (ANTLR warms up per process), so the
 * facts are cached across runs and shared by the two checks.
 *
 * The cache is safe because the facts are a pure function of (file text, this code): an entry is keyed by
 * the SHA-256 of the file's text, and the cache file's name carries a hash of the extraction code and the
 * parser's version, so any change to either starts a new cache. Writes go through a temporary file and a
 * rename, so concurrent runs never read a half-written cache. PARTNER_DESK_CHECKS_NO_CACHE=1 turns it off.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fieldReads, type FieldRead } from './apex-field-reads';
import { parseApexText, type SyntaxError } from './apex-source';
import { dynamicQueries, inlineQueries, type DynamicSoql, type InlineSoql } from './apex-soql';
import type { Finding } from './findings';
import { sharingFindings } from './sharing-rule';

export interface ApexFacts {
    file: string;
    errors: SyntaxError[];
    sharing: Finding[];
    inline: InlineSoql[];
    dynamic: DynamicSoql[];
    /** Dot paths on typed variables (lib/apex-field-reads). */
    reads: FieldRead[];
}

type StoredFacts = Omit<ApexFacts, 'file'>;

const MAX_ENTRIES = 2000;

const CODE_FILES = ['apex-facts.ts', 'apex-field-reads.ts', 'apex-source.ts', 'apex-soql.ts', 'sharing-rule.ts'];

function codeHash(): string {
    const hash = createHash('sha256');
    for (const f of CODE_FILES) {
        hash.update(fs.readFileSync(path.join(__dirname, f)));
    }
    const parserDir = path.dirname(path.dirname(path.dirname(require.resolve('@apexdevtools/apex-parser'))));
    hash.update(fs.readFileSync(path.join(parserDir, 'package.json')));
    return hash.digest('hex').slice(0, 16);
}

function cacheFile(): string | undefined {
    if (process.env.PARTNER_DESK_CHECKS_NO_CACHE === '1') {
        return undefined;
    }
    const root = path.join(__dirname, '..', '..', '..', 'node_modules');
    if (!fs.existsSync(root)) {
        return undefined;
    }
    return path.join(root, '.cache', 'partner-desk-checks', `apex-facts-${codeHash()}.json`);
}

function withFile(file: string, stored: StoredFacts): ApexFacts {
    return {
        file,
        errors: stored.errors,
        sharing: stored.sharing.map((f) => ({ ...f, file })),
        inline: stored.inline.map((q) => ({ ...q, file })),
        dynamic: stored.dynamic.map((d) => ({ ...d, file })),
        reads: stored.reads
    };
}

function extract(file: string, text: string): ApexFacts {
    const parsed = parseApexText(file, text);
    if (parsed.errors.length > 0) {
        return { file, errors: parsed.errors, sharing: [], inline: [], dynamic: [], reads: [] };
    }
    return {
        file,
        errors: [],
        sharing: sharingFindings(parsed),
        inline: inlineQueries(parsed),
        dynamic: dynamicQueries(parsed),
        reads: fieldReads(parsed)
    };
}

export interface FactsRun {
    facts: ApexFacts[];
    /** Files answered from the cache. */
    cached: number;
}

export function apexFacts(files: string[]): FactsRun {
    const store = cacheFile();
    let entries: Record<string, StoredFacts> = {};
    if (store && fs.existsSync(store)) {
        try {
            entries = JSON.parse(fs.readFileSync(store, 'utf8')) as Record<string, StoredFacts>;
        } catch {
            entries = {};
        }
    }
    const next: Record<string, StoredFacts> = {};
    let cached = 0;
    const facts = files.map((file) => {
        const text = fs.readFileSync(file, 'utf8');
        const key = createHash('sha256').update(text).digest('hex');
        const hit = entries[key];
        if (hit) {
            cached++;
            next[key] = hit;
            return withFile(file, hit);
        }
        const fresh = extract(file, text);
        const { file: _file, ...stored } = fresh;
        next[key] = JSON.parse(JSON.stringify(stored)) as StoredFacts;
        return fresh;
    });
    if (store && cached < files.length) {
        try {
            fs.mkdirSync(path.dirname(store), { recursive: true });
            const tmp = `${store}.${process.pid}.tmp`;
            // Keep other projects' entries (the tests' temporary projects share this cache) within a bound.
            const kept = Object.keys(entries).length > MAX_ENTRIES ? next : { ...entries, ...next };
            fs.writeFileSync(tmp, JSON.stringify(kept));
            fs.renameSync(tmp, store);
        } catch {
            // A cache that cannot be written only costs time.
        }
    }
    return { facts, cached };
}
