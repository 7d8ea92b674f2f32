/**
 * The distribution vectors file (docs/round-robin.md): `{ "version": 2, "cases": [...] }`. Each case gives
 * members, state, leads (and, from version 2, `today`), and what any implementation must produce from them:
 * - `expected: { assignments, state }`: the result, compared exactly;
 * - `expected: { error: "members[1].weight" }`: the input must be refused as a whole, with a message
 *   that contains that text (the path of the offending field).
 * A case's members, state and leads are kept as read: refusal cases hold deliberately invalid values.
 * Version 2 added availability (`paused` and `awayUntil` on members, `today` on a case). A version 1 file
 * is still read, but may not use them: a reader written for version 1 would ignore them and misjudge.
 */
import { Assignment, DistributionInputError, DistributionInput, DistributionState, distribute } from './roundRobin';

export interface ResultExpectation {
    assignments: Assignment[];
    state: DistributionState;
}

export interface ErrorExpectation {
    error: string;
}

export interface VectorCase {
    name: string;
    members: unknown;
    state: unknown;
    leads: unknown;
    /** The run's date; undefined when the case has none. */
    today?: unknown;
    expected: ResultExpectation | ErrorExpectation;
}

/** The versions this reader understands; the project's file is the newest. */
export const VECTORS_VERSIONS = [1, 2] as const;
export type VectorsVersion = (typeof VECTORS_VERSIONS)[number];

export interface VectorsFile {
    version: VectorsVersion;
    cases: VectorCase[];
}

const AVAILABILITY_KEYS = ['paused', 'awayUntil'];

/** Whether a case uses what version 2 added: `today`, or a member with `paused` or `awayUntil`. */
function usesAvailability(c: Record<string, unknown>): boolean {
    return (
        'today' in c ||
        (Array.isArray(c.members) &&
            c.members.some((m: unknown) => isObject(m) && AVAILABILITY_KEYS.some((key) => key in m)))
    );
}

/** The file is not in the vectors format; the message says where. */
export class VectorsFormatError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'VectorsFormatError';
    }
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(message: string): never {
    throw new VectorsFormatError(message);
}

function checkAssignment(at: string, value: unknown): Assignment {
    if (!isObject(value)) {
        fail(`${at} must be an object {leadId, ownerId, reason}`);
    }
    if (typeof value.leadId !== 'string') {
        fail(`${at}.leadId must be a string`);
    }
    for (const key of ['ownerId', 'reason'] as const) {
        if (value[key] !== null && typeof value[key] !== 'string') {
            fail(`${at}.${key} must be a string or null`);
        }
    }
    return { leadId: value.leadId, ownerId: value.ownerId as string | null, reason: value.reason as string | null };
}

function checkExpected(at: string, value: unknown): ResultExpectation | ErrorExpectation {
    if (!isObject(value)) {
        fail(`${at} must be an object: {assignments, state} or {error}`);
    }
    if ('error' in value) {
        if (typeof value.error !== 'string' || value.error.length === 0) {
            fail(`${at}.error must be a non-empty string (the path of the refused field)`);
        }
        return { error: value.error };
    }
    if (!Array.isArray(value.assignments)) {
        fail(`${at}.assignments must be a list`);
    }
    if (!isObject(value.state)) {
        fail(`${at}.state must be an object from member id to integer`);
    }
    const state: DistributionState = {};
    for (const [id, current] of Object.entries(value.state)) {
        if (typeof current !== 'number' || !Number.isInteger(current)) {
            fail(`${at}.state.${id} must be an integer`);
        }
        state[id] = current;
    }
    return { assignments: value.assignments.map((a, i) => checkAssignment(`${at}.assignments[${i}]`, a)), state };
}

/** Parses and checks the file's structure (not the cases' inputs: refusing those is the implementation's job). */
export function parseVectors(text: string): VectorsFile {
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (e) {
        fail(`not valid JSON: ${(e as Error).message}`);
    }
    if (!isObject(data)) {
        fail('the file must hold an object {"version": 2, "cases": [...]}');
    }
    const version = data.version;
    if (!VECTORS_VERSIONS.some((known) => known === version)) {
        fail(`version must be ${VECTORS_VERSIONS.join(' or ')}, got ${JSON.stringify(version)}`);
    }
    if (!Array.isArray(data.cases)) {
        fail('cases must be a list');
    }
    const seen = new Map<string, number>();
    const cases = data.cases.map((c: unknown, i: number): VectorCase => {
        const at = `cases[${i}]`;
        if (!isObject(c)) {
            fail(`${at} must be an object`);
        }
        if (typeof c.name !== 'string' || c.name.length === 0) {
            fail(`${at}.name must be a non-empty string`);
        }
        const first = seen.get(c.name);
        if (first !== undefined) {
            fail(`${at}.name ${JSON.stringify(c.name)} is already the name of cases[${first}]`);
        }
        seen.set(c.name, i);
        for (const key of ['members', 'state', 'leads', 'expected']) {
            if (!(key in c)) {
                fail(`${at} (${JSON.stringify(c.name)}) has no ${key}`);
            }
        }
        if (version === 1 && usesAvailability(c)) {
            fail(`${at} (${JSON.stringify(c.name)}) uses paused, awayUntil or today, which need version 2`);
        }
        return {
            name: c.name,
            members: c.members,
            state: c.state,
            leads: c.leads,
            ...('today' in c ? { today: c.today } : {}),
            expected: checkExpected(`${at}.expected`, c.expected)
        };
    });
    return { version: version as VectorsVersion, cases };
}

/** Why a case failed, in words a person reading the verifier's output can act on. */
export interface CaseDifference {
    name: string;
    detail: string;
}

function showAssignment(a: Assignment | undefined): string {
    if (a === undefined) {
        return 'no assignment';
    }
    const placement = `${a.ownerId === null ? 'no owner' : `owner ${a.ownerId}`}${a.reason === null ? '' : ` (${a.reason})`}`;
    return `${a.leadId} -> ${placement}`;
}

function firstStateDifference(expected: DistributionState, actual: DistributionState): string | null {
    for (const id of Object.keys(expected)) {
        if (!(id in actual)) {
            return `state.${id}: expected ${expected[id]}, actual missing`;
        }
        if (actual[id] !== expected[id]) {
            return `state.${id}: expected ${expected[id]}, actual ${actual[id]}`;
        }
    }
    for (const id of Object.keys(actual)) {
        if (!(id in expected)) {
            return `state.${id}: expected missing, actual ${actual[id]}`;
        }
    }
    return null;
}

/** Runs one case through the TypeScript implementation; null when it matches. */
export function checkCase(c: VectorCase): CaseDifference | null {
    let result;
    try {
        result = distribute({
            members: c.members,
            today: c.today,
            state: c.state,
            leads: c.leads
        } as DistributionInput);
    } catch (e) {
        if (!(e instanceof DistributionInputError)) {
            throw e;
        }
        if ('error' in c.expected) {
            return e.message.includes(c.expected.error)
                ? null
                : { name: c.name, detail: `expected a refusal naming ${c.expected.error}, got: ${e.message}` };
        }
        return { name: c.name, detail: `expected a result, got a refusal: ${e.message}` };
    }
    if ('error' in c.expected) {
        return { name: c.name, detail: `expected a refusal naming ${c.expected.error}, got a result` };
    }
    const expected = c.expected.assignments;
    const actual = result.assignments;
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
        const e = expected[i];
        const a = actual[i];
        if (
            e === undefined ||
            a === undefined ||
            e.leadId !== a.leadId ||
            e.ownerId !== a.ownerId ||
            e.reason !== a.reason
        ) {
            return { name: c.name, detail: `leads[${i}]: expected ${showAssignment(e)}, actual ${showAssignment(a)}` };
        }
    }
    const stateDifference = firstStateDifference(c.expected.state, result.state);
    return stateDifference === null ? null : { name: c.name, detail: stateDifference };
}
