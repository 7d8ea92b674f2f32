/**
 * One place that turns whatever an Apex call, a wire adapter or a DML failure returns as an error
 * into plain messages a person can read.
 */
interface ErrorBody {
    message?: string;
    pageErrors?: Array<{ message: string }>;
    fieldErrors?: Record<string, Array<{ message: string }>>;
    output?: { errors?: Array<{ message: string }>; fieldErrors?: Record<string, Array<{ message: string }>> };
}

interface ErrorLike {
    body?: ErrorBody | ErrorBody[];
    message?: string;
    statusText?: string;
}

function messagesOfBody(body: ErrorBody): string[] {
    const messages: string[] = [];
    (body.pageErrors ?? []).forEach((e) => messages.push(e.message));
    Object.values(body.fieldErrors ?? {}).forEach((list) => list.forEach((e) => messages.push(e.message)));
    (body.output?.errors ?? []).forEach((e) => messages.push(e.message));
    Object.values(body.output?.fieldErrors ?? {}).forEach((list) => list.forEach((e) => messages.push(e.message)));
    if (messages.length === 0 && typeof body.message === 'string') {
        messages.push(body.message);
    }
    return messages;
}

/** Reduces one or more errors to a list of distinct, non-empty messages. */
export function reduceErrors(errors: unknown): string[] {
    const list: unknown[] = Array.isArray(errors) ? errors : [errors];
    const messages = list
        .filter((error): error is ErrorLike | string => error !== null && error !== undefined)
        .flatMap((error) => {
            if (typeof error === 'string') {
                return [error];
            }
            if (Array.isArray(error.body)) {
                return error.body.flatMap(messagesOfBody);
            }
            if (error.body && typeof error.body === 'object') {
                return messagesOfBody(error.body);
            }
            if (typeof error.message === 'string') {
                return [error.message];
            }
            return error.statusText ? [error.statusText] : [];
        })
        .map((message) => message.trim())
        .filter((message) => message.length > 0);
    return [...new Set(messages)];
}

/** Fills `{0}`, `{1}`, ... in a custom label; placeholders without a value stay as they are. */
export function formatLabel(label: string, ...values: Array<string | number | null | undefined>): string {
    return label.replace(/\{(\d+)\}/g, (placeholder: string, index: string) => {
        const value = values[Number(index)];
        return value === undefined || value === null ? placeholder : String(value);
    });
}
