/** The job's input cannot work; the message tells the channel manager what to fix. Nothing was changed. */
export class BadInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'BadInputError';
    }
}

/** A cancel was requested; thrown at the next checkpoint between phases or batches. */
export class CancelledError extends Error {
    constructor() {
        super('Cancelled on request');
        this.name = 'CancelledError';
    }
}

/** The service is shutting down; the task is given back for another instance (or the next start). */
export class ShuttingDownError extends Error {
    constructor() {
        super('Service is shutting down');
        this.name = 'ShuttingDownError';
    }
}
