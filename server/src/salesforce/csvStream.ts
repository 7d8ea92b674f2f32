/**
 * Splits CSV text into rows of fields (RFC 4180: quoted fields, "" escapes, CR LF or LF). Keeps
 * its state between chunks. Hand-written because Bulk API results run to millions of rows and a
 * general parser building one object per row costs several times more CPU.
 */
export class CsvRowParser {
    private field = '';
    private row: string[] = [];
    private quoted = false;
    private afterQuote = false;

    /** Feeds a chunk; returns the rows completed by it. */
    push(chunk: string): string[][] {
        const rows: string[][] = [];
        let start = 0;
        const n = chunk.length;
        for (let i = 0; i < n; i++) {
            const c = chunk.charCodeAt(i);
            if (this.quoted) {
                if (c === 34) {
                    this.field += chunk.slice(start, i);
                    start = i + 1;
                    this.quoted = false;
                    this.afterQuote = true;
                }
                continue;
            }
            if (c === 34) {
                // A quote right after a closing quote is an escaped quote inside the field.
                this.field += this.afterQuote ? '"' : chunk.slice(start, i);
                this.quoted = true;
                this.afterQuote = false;
                start = i + 1;
            } else if (c === 44) {
                this.row.push(this.field + chunk.slice(start, i));
                this.field = '';
                this.afterQuote = false;
                start = i + 1;
            } else if (c === 10) {
                let end = i;
                if (end > start && chunk.charCodeAt(end - 1) === 13) end--;
                this.row.push(this.field + chunk.slice(start, end));
                rows.push(this.row);
                this.row = [];
                this.field = '';
                this.afterQuote = false;
                start = i + 1;
            } else {
                this.afterQuote = false;
            }
        }
        this.field += chunk.slice(start);
        return rows;
    }

    /** The last row when the text does not end with a newline. */
    end(): string[] | undefined {
        if (this.field === '' && this.row.length === 0) {
            return undefined;
        }
        const last = [...this.row, this.field.replace(/\r$/, '')];
        this.row = [];
        this.field = '';
        return last;
    }
}

/** Parses a CSV response body (header row first) into batches of records keyed by column name. */
export async function* csvBatches(
    response: Response,
    batchSize: number
): AsyncGenerator<Array<Record<string, string>>> {
    if (!response.body) {
        return;
    }
    const parser = new CsvRowParser();
    const decoder = new TextDecoder();
    let header: string[] | undefined;
    let batch: Array<Record<string, string>> = [];
    const take = (rows: string[][]) => {
        for (const fields of rows) {
            if (!header) {
                header = fields;
                continue;
            }
            if (fields.length === 1 && fields[0] === '') {
                continue;
            }
            const record: Record<string, string> = {};
            for (let i = 0; i < header.length; i++) {
                record[header[i]!] = fields[i] ?? '';
            }
            batch.push(record);
        }
    };
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        take(parser.push(decoder.decode(chunk, { stream: true })));
        while (batch.length >= batchSize) {
            yield batch.slice(0, batchSize);
            batch = batch.slice(batchSize);
        }
    }
    take(parser.push(decoder.decode()));
    const last = parser.end();
    if (last) {
        take([last]);
    }
    while (batch.length > 0) {
        yield batch.slice(0, batchSize);
        batch = batch.slice(batchSize);
    }
}

/** Quotes a CSV field only when it needs it. */
export function csvField(value: string | null | undefined): string {
    if (value === null || value === undefined) {
        return '';
    }
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A web ReadableStream of text chunks pulled from an async generator (back-pressure respected). */
export function textStream(chunks: () => AsyncGenerator<string>): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder();
    let iterator: AsyncGenerator<string> | undefined;
    return new ReadableStream<Uint8Array>({
        async pull(controller) {
            iterator ??= chunks();
            const next = await iterator.next();
            if (next.done) {
                controller.close();
            } else {
                controller.enqueue(encoder.encode(next.value));
            }
        },
        async cancel() {
            await iterator?.return(undefined);
        }
    });
}
