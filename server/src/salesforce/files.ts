import { randomUUID } from 'node:crypto';
import { textStream } from './csvStream';
import type { OrgClient } from './orgClient';

/**
 * Attaches a file to a record as a ContentVersion with FirstPublishLocationId, so it shows in the
 * record's Files, and returns the ContentDocumentId. The content is streamed as the binary part of a
 * multipart request: a plan of a million leads is ~80 MB, past the 50 MB Salesforce takes as base64
 * in JSON, and is never held in memory whole. `content` is a factory so the upload can be repeated
 * after the session is renewed.
 */
export async function attachFile(
    client: OrgClient,
    recordId: string,
    fileName: string,
    contentType: string,
    content: () => AsyncGenerator<string>
): Promise<string> {
    const boundary = `partner-desk-${randomUUID()}`;
    const entity = {
        Title: fileName.replace(/\.[a-z]+$/i, ''),
        PathOnClient: fileName,
        FirstPublishLocationId: recordId
    };
    async function* body(): AsyncGenerator<string> {
        yield `--${boundary}\r\nContent-Disposition: form-data; name="entity_content"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(entity)}\r\n`;
        yield `--${boundary}\r\nContent-Disposition: form-data; name="VersionData"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\nContent-Type: ${contentType}\r\n\r\n`;
        yield* content();
        yield `\r\n--${boundary}--\r\n`;
    }
    const response = await client.fetchRaw(`${client.dataPath}/sobjects/ContentVersion`, {
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary="${boundary}"`, Accept: 'application/json' },
        body: () => textStream(body)
    });
    const created = (await response.json()) as { id: string };
    const version = await client.rest<{ ContentDocumentId: string }>(
        'GET',
        `${client.dataPath}/sobjects/ContentVersion/${created.id}?fields=ContentDocumentId`
    );
    return version.ContentDocumentId;
}
