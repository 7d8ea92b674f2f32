/**
 * Fault injection: row lock errors, 503s, API limit errors, expired sessions, slow bulk jobs, and
 * owner changes made "behind the client's back". Everything is deterministic for a given seed.
 */
import { ApiError } from './errors';

export interface LockRowsFault {
    /** Share of rows (0..1) that fail with UNABLE_TO_LOCK_ROW. */
    share: number;
    /** How many write attempts of a chosen row fail before one succeeds (default 1). */
    failAttempts?: number;
    seed?: number;
    /** Objects the fault applies to (default: all). */
    objects?: string[];
}

export interface UnavailableFault {
    /** Share of API requests (0..1) answered with 503. */
    share?: number;
    /** The next N API requests are answered with 503. */
    next?: number;
    seed?: number;
}

export interface FaultState {
    lockRows: (Required<Omit<LockRowsFault, 'objects'>> & { objects?: string[] }) | null;
    lockedRowsSeen: number;
    unavailable: { share: number; next: number };
    requestLimitNext: number;
    bulkBatchDelayMs: number;
    sessionsExpired: number;
    ownerChanges: number;
}

/** FNV-1a of seed and text, mapped to [0, 1). */
export function unitHash(seed: number, text: string): number {
    let h = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    h ^= h >>> 12;
    return (h >>> 0) / 4294967296;
}

export interface FaultHooks {
    expireSessions(): number;
    changeOwner(recordId: string, ownerId: string): void;
}

export class Faults {
    private lock: FaultState['lockRows'] = null;
    private readonly lockAttempts = new Map<string, number>();
    private unavailableShare = 0;
    private unavailableNext = 0;
    private unavailableSeed = 1;
    private requestCounter = 0;
    private requestLimitNext = 0;
    private sessionsExpired = 0;
    private ownerChanges = 0;
    /** Delay added before each internal batch of 10,000 rows of a bulk ingest or query job. */
    bulkBatchDelayMs = 0;

    constructor(private readonly hooks: FaultHooks) {}

    /** UNABLE_TO_LOCK_ROW on a deterministic share of rows; each such row fails its first N attempts. */
    lockRows(fault: LockRowsFault): void {
        if (!(fault.share >= 0 && fault.share <= 1)) throw new Error('lockRows.share must be between 0 and 1');
        this.lock = {
            share: fault.share,
            failAttempts: fault.failAttempts ?? 1,
            seed: fault.seed ?? 1,
            objects: fault.objects?.map((o) => o.toLowerCase())
        };
        this.lockAttempts.clear();
    }

    /** 503 Service Unavailable on a share of API requests and/or the next N. */
    unavailable(fault: UnavailableFault): void {
        this.unavailableShare = fault.share ?? 0;
        this.unavailableNext = fault.next ?? 0;
        this.unavailableSeed = fault.seed ?? 1;
        this.requestCounter = 0;
    }

    /** 403 REQUEST_LIMIT_EXCEEDED on the next N API requests. */
    requestLimit(next: number): void {
        this.requestLimitNext = next;
    }

    /** Invalidates every session issued so far (clients get 401 INVALID_SESSION_ID). */
    expireSessions(): number {
        const n = this.hooks.expireSessions();
        this.sessionsExpired += n;
        return n;
    }

    slowBulk(msPerBatch: number): void {
        this.bulkBatchDelayMs = Math.max(0, msPerBatch);
    }

    /** Changes a record's owner directly, as a user in the org would, outside any client's control. */
    changeOwner(recordId: string, ownerId: string): void {
        this.hooks.changeOwner(recordId, ownerId);
        this.ownerChanges++;
    }

    reset(): void {
        this.lock = null;
        this.lockAttempts.clear();
        this.unavailable({});
        this.requestLimitNext = 0;
        this.bulkBatchDelayMs = 0;
    }

    state(): FaultState {
        return {
            lockRows: this.lock,
            lockedRowsSeen: this.lockAttempts.size,
            unavailable: { share: this.unavailableShare, next: this.unavailableNext },
            requestLimitNext: this.requestLimitNext,
            bulkBatchDelayMs: this.bulkBatchDelayMs,
            sessionsExpired: this.sessionsExpired,
            ownerChanges: this.ownerChanges
        };
    }

    /** Called per written row: true when this attempt must fail with UNABLE_TO_LOCK_ROW. */
    rowLocked(objectName: string, id: string): boolean {
        const lock = this.lock;
        if (!lock || lock.share === 0) return false;
        if (lock.objects && !lock.objects.includes(objectName.toLowerCase())) return false;
        if (unitHash(lock.seed, id) >= lock.share) return false;
        const attempts = this.lockAttempts.get(id) ?? 0;
        this.lockAttempts.set(id, attempts + 1);
        return attempts < lock.failAttempts;
    }

    /** Called per API request before it is served: the fault to answer with, if any. */
    requestFault(): ApiError | undefined {
        this.requestCounter++;
        if (this.unavailableNext > 0) {
            this.unavailableNext--;
            return new ApiError(
                503,
                'SERVER_UNAVAILABLE',
                'The server is temporarily unable to service your request. Please try again later.'
            );
        }
        if (
            this.unavailableShare > 0 &&
            unitHash(this.unavailableSeed, String(this.requestCounter)) < this.unavailableShare
        ) {
            return new ApiError(
                503,
                'SERVER_UNAVAILABLE',
                'The server is temporarily unable to service your request. Please try again later.'
            );
        }
        if (this.requestLimitNext > 0) {
            this.requestLimitNext--;
            return new ApiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        }
        return undefined;
    }
}
