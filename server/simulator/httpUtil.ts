/** Small HTTP helpers: bodies in and JSON/CSV out, with Salesforce's error shapes. */
import type { SimRequest, SimResponse } from './context';
import { ApiError } from './errors';

const MAX_JSON_BYTES = 50 * 1024 * 1024;

export async function readBody(req: SimRequest, limit = MAX_JSON_BYTES): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > limit) {
            throw new ApiError(
                413,
                'EXCEEDED_MAX_SIZE_REQUEST',
                `Maximum size of request reached. Maximum size of request is ${limit} bytes.`
            );
        }
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
}

export async function readJson<T>(req: SimRequest): Promise<T> {
    const text = (await readBody(req)).toString('utf8');
    try {
        return JSON.parse(text) as T;
    } catch (e) {
        throw new ApiError(
            400,
            'JSON_PARSER_ERROR',
            `Unexpected character in request body: ${e instanceof Error ? e.message : String(e)}`
        );
    }
}

export function sendJson(res: SimResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'Content-Type': 'application/json;charset=UTF-8',
        'Content-Length': Buffer.byteLength(text),
        ...headers
    });
    res.end(text);
}

export function sendNoContent(res: SimResponse, headers: Record<string, string> = {}): void {
    res.writeHead(204, headers);
    res.end();
}

export function sendError(res: SimResponse, err: ApiError): void {
    if (res.headersSent) {
        res.destroy();
        return;
    }
    sendJson(res, err.status, err.body());
}

/** The Sforce-Auto-Assign header as sent, or null. */
export function autoAssignHeader(req: SimRequest): string | null {
    const v = req.headers['sforce-auto-assign'];
    return typeof v === 'string' ? v : null;
}

/** Salesforce runs active assignment rules unless Sforce-Auto-Assign is FALSE. */
export function runsAssignmentRules(req: SimRequest): boolean {
    return (autoAssignHeader(req) ?? 'TRUE').toUpperCase() !== 'FALSE';
}
