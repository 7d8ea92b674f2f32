/** Errors in Salesforce's shapes: a request-level error (`[{message, errorCode, fields}]`) or a row error. */

export class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string,
        readonly fields?: string[]
    ) {
        super(message);
    }

    /** The REST API error body: an array with one error. */
    body(): { message: string; errorCode: string; fields?: string[] }[] {
        return [{ message: this.message, errorCode: this.errorCode, ...(this.fields ? { fields: this.fields } : {}) }];
    }
}

/** One row's failure, as Collections report it (`statusCode`) and Bulk API CSV results print it. */
export class RowError extends Error {
    constructor(
        readonly statusCode: string,
        message: string,
        readonly fields: string[] = []
    ) {
        super(message);
    }

    toJSON(): { statusCode: string; message: string; fields: string[] } {
        return { statusCode: this.statusCode, message: this.message, fields: this.fields };
    }

    /** The `sf__Error` column of Bulk API 2.0 failed results: CODE:message:fields --. */
    toBulk(): string {
        return `${this.statusCode}:${this.message}:${this.fields.length ? this.fields.join(',') + ' ' : ''}--`;
    }
}

export const sessionInvalid = (): ApiError => new ApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');

export const notFound = (): ApiError => new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');

export const malformedQuery = (message: string): ApiError => new ApiError(400, 'MALFORMED_QUERY', message);
