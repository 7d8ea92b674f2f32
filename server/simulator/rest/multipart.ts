/**
 * multipart/form-data bodies for inserting ContentVersion with a binary VersionData part, as
 * Salesforce accepts them (a JSON part named entity_content, or named after the sObject, plus one part
 * per binary field). Buffers the body: the simulator caps it at MAX_MULTIPART_BYTES.
 */
import type { SimRequest } from '../context';
import { ApiError } from '../errors';
import { readBody } from '../httpUtil';

export const MAX_MULTIPART_BYTES = 500 * 1024 * 1024;

export interface Part {
    name: string;
    contentType: string;
    data: Buffer;
}

export function isMultipart(req: SimRequest): boolean {
    return /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
}

export async function readMultipart(req: SimRequest): Promise<Part[]> {
    const m = /boundary="?([^";]+)"?/i.exec(req.headers['content-type'] ?? '');
    if (!m) throw new ApiError(400, 'MALFORMED_REQUEST', 'multipart/form-data without a boundary');
    const body = await readBody(req, MAX_MULTIPART_BYTES);
    const delimiter = Buffer.from(`--${m[1]}`);
    const parts: Part[] = [];
    let pos = body.indexOf(delimiter);
    while (pos >= 0) {
        const start = pos + delimiter.length;
        if (body.subarray(start, start + 2).toString() === '--') break;
        const next = body.indexOf(delimiter, start);
        if (next < 0) break;
        const chunk = body.subarray(start + 2, next - 2);
        const headerEnd = chunk.indexOf('\r\n\r\n');
        const headers = chunk.subarray(0, headerEnd).toString('utf8');
        const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
        const contentType = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
        parts.push({ name, contentType, data: chunk.subarray(headerEnd + 4) });
        pos = next;
    }
    return parts;
}

/** The record of a multipart insert: the JSON part, with binary parts added as base64 fields. */
export function recordFromParts(parts: Part[], objectName: string): Record<string, unknown> {
    const json = parts.find(
        (p) => p.name === 'entity_content' || p.name === objectName || p.contentType === 'application/json'
    );
    if (!json) throw new ApiError(400, 'MALFORMED_REQUEST', 'multipart body has no entity_content JSON part');
    let record: Record<string, unknown>;
    try {
        record = JSON.parse(json.data.toString('utf8')) as Record<string, unknown>;
    } catch (e) {
        throw new ApiError(
            400,
            'JSON_PARSER_ERROR',
            `entity_content is not JSON: ${e instanceof Error ? e.message : String(e)}`
        );
    }
    for (const p of parts) if (p !== json) record[p.name] = p.data.toString('base64');
    return record;
}
