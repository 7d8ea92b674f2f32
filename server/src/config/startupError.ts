/**
 * A start that cannot go on because of one setting: the message names the setting and says what to
 * change. main.ts prints the message alone (the cause's stack goes to the log at debug level).
 */
export class StartupError extends Error {
    constructor(
        readonly setting: string,
        message: string,
        options?: { cause?: unknown }
    ) {
        super(message, options);
        this.name = 'StartupError';
    }
}

/** The error code of a Node system error (ECONNREFUSED, EADDRINUSE...), also when it is the cause. */
export function systemErrorCode(error: unknown): string | undefined {
    // fetch reports the socket error as its cause, and a refused connection to every address as an AggregateError.
    const e = error as
        | {
              code?: unknown;
              cause?: { code?: unknown; errors?: Array<{ code?: unknown }> };
              errors?: Array<{ code?: unknown }>;
          }
        | undefined;
    const code = e?.code ?? e?.cause?.code ?? e?.errors?.[0]?.code ?? e?.cause?.errors?.[0]?.code;
    return typeof code === 'string' ? code : undefined;
}

export function errorText(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
