import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { isTransientError, SalesforceApiError } from '../salesforce/orgClient';

/** The one error body of the API: a stable code for programs, a sentence for people (and, for invalid input, the fields). */
export interface ApiErrorBody {
    error: string;
    message: string;
    issues?: Array<{ field: string; message: string }>;
}

export function sendError(
    res: Response,
    status: number,
    body: ApiErrorBody,
    headers: Record<string, string> = {}
): void {
    res.status(status).set(headers).json(body);
}

/** body-parser's error types and what the client did wrong. */
const CLIENT_ERRORS: Record<string, { error: string; message: string }> = {
    'entity.parse.failed': { error: 'invalid_json', message: 'The request body is not valid JSON.' },
    'entity.too.large': { error: 'body_too_large', message: 'The request body is larger than 10 kB.' },
    'encoding.unsupported': {
        error: 'unsupported_encoding',
        message: 'The request body has a content encoding the API does not accept.'
    },
    'charset.unsupported': {
        error: 'unsupported_charset',
        message: 'The request body has a charset the API does not accept; send UTF-8.'
    },
    'request.aborted': { error: 'request_aborted', message: 'The request was aborted before its body arrived.' }
};

/** Answers 405 naming the methods the path takes. */
export function methodNotAllowed(allowed: string[]) {
    return (req: Request, res: Response): void => {
        sendError(
            res,
            405,
            {
                error: 'method_not_allowed',
                message: `${req.method} is not allowed on ${req.path}; use ${allowed.join(' or ')}.`
            },
            { Allow: allowed.join(', ') }
        );
    };
}

/**
 * The API's last error handler. The caller's mistakes (bad JSON, too large, bad URI) get their 4xx
 * and an info line without a stack; the org's failures are a bad gateway (502) or, when they pass
 * by themselves, unavailable (503, with Retry-After); anything else is a 500 logged with its stack.
 */
export function apiErrorHandler(logger: Logger) {
    return (
        error: Error & { status?: number; statusCode?: number; type?: string },
        req: Request,
        res: Response,
        _next: NextFunction
    ): void => {
        const known = error.type ? CLIENT_ERRORS[error.type] : undefined;
        const status = error.status ?? error.statusCode;
        if (known || (error instanceof URIError && status === 400)) {
            const body = known ?? {
                error: 'invalid_uri',
                message: 'The request path is not a valid URI (bad percent-encoding).'
            };
            const code = known ? (status ?? 400) : 400;
            logger.info({ method: req.method, path: req.path, status: code, reason: error.message }, 'client error');
            sendError(res, code, body);
            return;
        }
        if (error instanceof SalesforceApiError || isTransientError(error)) {
            const text = error.message;
            if (isTransientError(error)) {
                logger.warn({ method: req.method, path: req.path, reason: text }, 'the org is unavailable');
                sendError(
                    res,
                    503,
                    {
                        error: 'org_unavailable',
                        message: `The org is unavailable right now (${text}); try again shortly.`
                    },
                    { 'Retry-After': '30' }
                );
            } else {
                logger.warn({ method: req.method, path: req.path, reason: text }, 'the org refused a call');
                sendError(res, 502, { error: 'org_error', message: `The org refused the call: ${text}` });
            }
            return;
        }
        if (status !== undefined && status >= 400 && status < 500) {
            logger.info({ method: req.method, path: req.path, status, reason: error.message }, 'client error');
            sendError(res, status, { error: 'bad_request', message: error.message });
            return;
        }
        logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
        sendError(res, 500, { error: 'internal', message: 'Internal error; see the service log.' });
    };
}
