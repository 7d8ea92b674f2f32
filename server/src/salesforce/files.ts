import type { OrgClient } from './orgClient';

/**
 * Attaches a file to a record as a ContentVersion with FirstPublishLocationId, so it shows in the
 * record's Files. Returns the ContentDocumentId.
 */
export async function attachFile(client: OrgClient, recordId: string, fileName: string, content: Buffer): Promise<string> {
    const created = await client.rest<{ id: string }>('POST', `${client.dataPath}/sobjects/ContentVersion`, {
        Title: fileName.replace(/\.[a-z]+$/i, ''),
        PathOnClient: fileName,
        VersionData: content.toString('base64'),
        FirstPublishLocationId: recordId
    });
    const version = await client.rest<{ ContentDocumentId: string }>('GET', `${client.dataPath}/sobjects/ContentVersion/${created.id}?fields=ContentDocumentId`);
    return version.ContentDocumentId;
}
