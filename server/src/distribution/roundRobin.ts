// Past 400 lines: validation, the allocation-free hot path and the streaming API share one Planner's state.
/**
 * Lead distribution: smooth weighted round-robin with eligibility, exactly as docs/round-robin.md
 * defines it. Pure (no I/O). The Apex class RoundRobin implements the same rule and the same refusals;
 * the vectors file RoundRobinVectors.json holds the two together.
 *
 * Numbers are held to Apex's 32-bit Integer range so both implementations accept the same inputs.
 */

export const NO_ELIGIBLE_MEMBER = 'NO_ELIGIBLE_MEMBER';

/**
 * One member of a distribution group; `capacity` null (or absent) means unlimited. Availability: a
 * `paused` member (absent means false) takes nothing; a member whose `awayUntil` (a date, the last day
 * away) is on or after the run's `today` takes nothing either.
 */
export interface Member {
    id: string;
    weight: number;
    active: boolean;
    paused?: boolean;
    capacity?: number | null;
    load: number;
    awayUntil?: string | null;
}

/** A lead to place; `exclude` lists members it must never go to. */
export interface LeadInput {
    id: string;
    exclude?: readonly string[] | null;
}

/** Member id to its `current` counter. */
export type DistributionState = Record<string, number>;

export interface Assignment {
    leadId: string;
    ownerId: string | null;
    reason: string | null;
}

/** What one lead got: an owner, or none with the reason. */
export interface Placement {
    readonly ownerId: string | null;
    readonly reason: string | null;
}

export interface DistributionInput {
    members: readonly Member[];
    /** The run's date, YYYY-MM-DD; required when a member has `awayUntil`. */
    today?: string | null;
    state?: DistributionState | null;
    leads: readonly LeadInput[];
}

export interface DistributionResult {
    assignments: Assignment[];
    state: DistributionState;
}

/** Plans leads one at a time; the state carries on from one call to the next. */
export interface Distributor {
    /** Places one lead. Returns a shared, frozen placement: no allocation per lead. */
    assign(leadId: string, exclude?: readonly string[] | null): Placement;
    /** `current` for every member, in member order. */
    state(): DistributionState;
}

/** Invalid input, refused as a whole; `field` is the path of the offending value, e.g. `members[2].weight`. */
export class DistributionInputError extends Error {
    readonly field: string;

    constructor(field: string, message: string) {
        super(message);
        this.name = 'DistributionInputError';
        this.field = field;
    }
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** The same wording as the Apex class's Distribution_RR_* custom labels. */
const MESSAGES = {
    notList: (f: string, got: string) => `${f} must be a list, got ${got}`,
    notMember: (f: string, got: string) => `${f} must be a member, got ${got}`,
    notLead: (f: string, got: string) => `${f} must be a lead, got ${got}`,
    id: (f: string, got: string) => `${f} must be a non-empty string, got ${got}`,
    duplicate: (f: string, got: string, first: string) => `${f} must be unique, got ${got} (also ${first})`,
    weight: (f: string, got: string) => `${f} must be an integer from 1 to 100, got ${got}`,
    active: (f: string, got: string) => `${f} must be true or false, got ${got}`,
    capacity: (f: string, got: string) => `${f} must be null or an integer from 0 to ${INT_MAX}, got ${got}`,
    load: (f: string, got: string) => `${f} must be an integer from 0 to ${INT_MAX}, got ${got}`,
    date: (f: string, got: string) => `${f} must be null or a date YYYY-MM-DD, got ${got}`,
    today: (f: string, got: string) => `${f} must be a date YYYY-MM-DD when a member has awayUntil, got ${got}`,
    stateValue: (f: string, got: string) => `${f} must be an integer from ${INT_MIN} to ${INT_MAX}, got ${got}`,
    excludeItem: (f: string, got: string) => `${f} must contain only member id strings, got ${got}`,
    notState: (f: string, got: string) => `${f} must be an object from member id to integer, got ${got}`,
    notInput: (f: string, got: string) => `${f} must be an object with members, state and leads, got ${got}`
} as const;

function show(value: unknown): string {
    if (value === undefined) {
        return 'null';
    }
    if (typeof value === 'string') {
        return JSON.stringify(value);
    }
    if (typeof value === 'object' && value !== null) {
        return Array.isArray(value) ? 'a list' : 'an object';
    }
    return String(value);
}

function refuse(field: string, message: (f: string, got: string) => string, value: unknown): never {
    throw new DistributionInputError(field, message(field, show(value)));
}

function isIntIn(value: unknown, min: number, max: number): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkId(field: string, value: unknown): string {
    if (typeof value !== 'string' || value.length === 0) {
        refuse(field, MESSAGES.id, value);
    }
    return value;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD (so that comparing two such strings compares the dates). */
function isDate(value: unknown): value is string {
    const match = typeof value === 'string' ? DATE.exec(value) : null;
    if (match === null) {
        return false;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkExclude(field: string, exclude: unknown): void {
    if (exclude === undefined || exclude === null) {
        return;
    }
    if (!Array.isArray(exclude)) {
        refuse(field, MESSAGES.notList, exclude);
    }
    for (let i = 0; i < exclude.length; i++) {
        if (typeof exclude[i] !== 'string') {
            refuse(field, MESSAGES.excludeItem, exclude[i]);
        }
    }
}

/** Active, not paused, and not away on `today` (away through `awayUntil`, the last day away). */
function isAvailable(m: Member, today: string | null): boolean {
    const awayUntil = m.awayUntil ?? null;
    return m.active && m.paused !== true && (awayUntil === null || (today !== null && today > awayUntil));
}

const NONE: Placement = Object.freeze({ ownerId: null, reason: NO_ELIGIBLE_MEMBER });

/**
 * Validates members and state, then precomputes everything per member so that placing a lead with no
 * exclusions allocates nothing. `place` trusts its argument: callers validate leads first.
 * A class rather than closures so that every planner shares the same optimised code.
 */
class Planner {
    private readonly ids: string[];
    private readonly weights: Float64Array;
    private readonly capacities: Float64Array;
    private readonly loads: Float64Array;
    private readonly current: Float64Array;
    private readonly indexById = new Map<string, number>();
    private readonly placements: Placement[];
    /**
     * Slots: the members that can take leads at all (active, below capacity), in member order, with their
     * weight and current side by side for the hot loop. Load only grows, so a member that fills up leaves
     * for good and its current goes back to `current`; members outside the slots never change.
     */
    private readonly slotMember: Int32Array;
    private readonly slotWeight: Float64Array;
    private readonly slotCurrent: Float64Array;
    private slotCount = 0;
    private slotTotal = 0;
    /** excludedAt[i] === stamp marks member i as excluded for the lead being placed. */
    private readonly excludedAt: Float64Array;
    private stamp = 0;

    constructor(
        members: readonly Member[],
        state: DistributionState | null | undefined,
        today: string | null | undefined
    ) {
        if (!Array.isArray(members)) {
            refuse('members', MESSAGES.notList, members);
        }
        const n = members.length;
        this.ids = new Array<string>(n);
        this.weights = new Float64Array(n);
        this.capacities = new Float64Array(n);
        this.loads = new Float64Array(n);
        this.current = new Float64Array(n);
        this.slotMember = new Int32Array(n);
        this.slotWeight = new Float64Array(n);
        this.slotCurrent = new Float64Array(n);
        this.excludedAt = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            this.readMember(members[i], i);
        }
        const day = this.readToday(members, today);
        if (state !== undefined && state !== null) {
            this.readState(state);
        }
        for (let i = 0; i < n; i++) {
            if (isAvailable(members[i], day) && this.loads[i] < this.capacities[i]) {
                const k = this.slotCount++;
                this.slotMember[k] = i;
                this.slotWeight[k] = this.weights[i];
                this.slotCurrent[k] = this.current[i];
                this.slotTotal += this.weights[i];
            }
        }
        this.placements = this.ids.map((id) => Object.freeze({ ownerId: id, reason: null }));
    }

    private readMember(m: unknown, i: number): void {
        const at = `members[${i}]`;
        if (!isPlainObject(m)) {
            refuse(at, MESSAGES.notMember, m);
        }
        const id = checkId(`${at}.id`, m.id);
        if (!isIntIn(m.weight, 1, 100)) {
            refuse(`${at}.weight`, MESSAGES.weight, m.weight);
        }
        if (typeof m.active !== 'boolean') {
            refuse(`${at}.active`, MESSAGES.active, m.active);
        }
        if (m.paused !== undefined && typeof m.paused !== 'boolean') {
            refuse(`${at}.paused`, MESSAGES.active, m.paused);
        }
        const capacity = m.capacity ?? null;
        if (capacity !== null && !isIntIn(capacity, 0, INT_MAX)) {
            refuse(`${at}.capacity`, MESSAGES.capacity, capacity);
        }
        if (!isIntIn(m.load, 0, INT_MAX)) {
            refuse(`${at}.load`, MESSAGES.load, m.load);
        }
        const awayUntil = m.awayUntil ?? null;
        if (awayUntil !== null && !isDate(awayUntil)) {
            refuse(`${at}.awayUntil`, MESSAGES.date, awayUntil);
        }
        const first = this.indexById.get(id);
        if (first !== undefined) {
            throw new DistributionInputError(
                `${at}.id`,
                MESSAGES.duplicate(`${at}.id`, show(id), `members[${first}].id`)
            );
        }
        this.indexById.set(id, i);
        this.ids[i] = id;
        this.weights[i] = m.weight;
        this.capacities[i] = capacity === null ? Infinity : capacity;
        this.loads[i] = m.load;
    }

    /** `today` is checked after the members and before the state; it is needed only when someone is away. */
    private readToday(members: readonly Member[], today: unknown): string | null {
        const day = today ?? null;
        if (day !== null && !isDate(day)) {
            refuse('today', MESSAGES.date, day);
        }
        if (day === null && members.some((m) => (m.awayUntil ?? null) !== null)) {
            refuse('today', MESSAGES.today, day);
        }
        return day;
    }

    private readState(state: unknown): void {
        if (!isPlainObject(state)) {
            refuse('state', MESSAGES.notState, state);
        }
        for (const key of Object.keys(state)) {
            const value: unknown = state[key];
            if (!isIntIn(value, INT_MIN, INT_MAX)) {
                refuse(`state.${key}`, MESSAGES.stateValue, value);
            }
            const index = this.indexById.get(key);
            // Entries for ids that are not members are dropped.
            if (index !== undefined) {
                this.current[index] = value;
            }
        }
    }

    place(exclude: readonly string[] | null | undefined): Placement {
        return exclude === undefined || exclude === null || exclude.length === 0
            ? this.placeAny()
            : this.placeExcluding(exclude);
    }

    /** `current` for every member, in member order. */
    state(): DistributionState {
        for (let k = 0; k < this.slotCount; k++) {
            this.current[this.slotMember[k]] = this.slotCurrent[k];
        }
        const out: DistributionState = {};
        for (let i = 0; i < this.ids.length; i++) {
            // + 0 turns a -0 read from the input into 0.
            out[this.ids[i]] = this.current[i] + 0;
        }
        return out;
    }

    // placeAny is placeExcluding without the exclusion test, kept apart as the hot path of bulk planning.
    private placeAny(): Placement {
        const count = this.slotCount;
        if (count === 0) {
            return NONE;
        }
        const current = this.slotCurrent;
        const weights = this.slotWeight;
        let chosen = -1;
        let best = -Infinity;
        for (let k = 0; k < count; k++) {
            const c = current[k] + weights[k];
            current[k] = c;
            // Strictly greater: a tie goes to the member that comes first.
            if (c > best) {
                best = c;
                chosen = k;
            }
        }
        return this.take(chosen, this.slotTotal);
    }

    private placeExcluding(exclude: readonly string[]): Placement {
        const stamp = ++this.stamp;
        const excludedAt = this.excludedAt;
        let marked = 0;
        for (let e = 0; e < exclude.length; e++) {
            const index = this.indexById.get(exclude[e]);
            if (index !== undefined && excludedAt[index] !== stamp) {
                excludedAt[index] = stamp;
                marked++;
            }
        }
        if (marked === 0) {
            return this.placeAny();
        }
        const members = this.slotMember;
        const current = this.slotCurrent;
        const weights = this.slotWeight;
        let chosen = -1;
        let best = -Infinity;
        let total = 0;
        for (let k = 0; k < this.slotCount; k++) {
            if (excludedAt[members[k]] !== stamp) {
                const c = current[k] + weights[k];
                current[k] = c;
                total += weights[k];
                if (c > best) {
                    best = c;
                    chosen = k;
                }
            }
        }
        return chosen < 0 ? NONE : this.take(chosen, total);
    }

    /** Gives the lead to the member in slot k. */
    private take(k: number, total: number): Placement {
        const i = this.slotMember[k];
        this.slotCurrent[k] -= total;
        this.loads[i] += 1;
        if (this.loads[i] >= this.capacities[i]) {
            this.current[i] = this.slotCurrent[k];
            this.slotTotal -= this.slotWeight[k];
            this.slotCount--;
            this.slotMember.copyWithin(k, k + 1, this.slotCount + 1);
            this.slotWeight.copyWithin(k, k + 1, this.slotCount + 1);
            this.slotCurrent.copyWithin(k, k + 1, this.slotCount + 1);
        }
        return this.placements[i];
    }
}

/**
 * Creates a distributor for streaming planning: the same rule as `distribute`, one lead at a time.
 * Members, state and `today` (the run's date, needed when a member has `awayUntil`) are validated here;
 * each lead's id and exclude on `assign`.
 */
export function createDistributor(
    members: readonly Member[],
    state?: DistributionState | null,
    today?: string | null
): Distributor {
    const planner = new Planner(members, state, today);
    return {
        assign(leadId: string, exclude?: readonly string[] | null): Placement {
            checkId('leadId', leadId);
            checkExclude('exclude', exclude);
            return planner.place(exclude);
        },
        state: () => planner.state()
    };
}

/**
 * Places `leads` in order over `members`, starting from `state`. Refuses invalid input as a whole
 * (DistributionInputError naming the field) before anything is assigned.
 */
export function distribute(input: DistributionInput): DistributionResult {
    if (!isPlainObject(input)) {
        refuse('input', MESSAGES.notInput, input);
    }
    const planner = new Planner(input.members, input.state, input.today);
    const leads: unknown = input.leads;
    if (!Array.isArray(leads)) {
        refuse('leads', MESSAGES.notList, leads);
    }
    for (let i = 0; i < leads.length; i++) {
        const lead: unknown = leads[i];
        const at = `leads[${i}]`;
        if (!isPlainObject(lead)) {
            refuse(at, MESSAGES.notLead, lead);
        }
        checkId(`${at}.id`, lead.id);
        checkExclude(`${at}.exclude`, lead.exclude);
    }
    const assignments: Assignment[] = new Array<Assignment>(leads.length);
    for (let i = 0; i < leads.length; i++) {
        const lead = leads[i] as LeadInput;
        const placement = planner.place(lead.exclude);
        assignments[i] = { leadId: lead.id, ownerId: placement.ownerId, reason: placement.reason };
    }
    return { assignments, state: planner.state() };
}
