import { CsvRowParser, csvBatches } from '../../src/salesforce/csvStream';

const parseAll = (chunks: string[]): string[][] => {
    const parser = new CsvRowParser();
    const rows = chunks.flatMap((chunk) => parser.push(chunk));
    const last = parser.end();
    return last ? [...rows, last] : rows;
};

describe('CSV rows of Bulk API results', () => {
    test('given quoted and plain fields, escaped quotes, commas and CRLF, when parsed, then each field comes back as sent', () => {
        expect(parseAll(['"Id","Name"\r\n"00Q1","Smith, ""Jr"""\n00Q2,', 'plain\n"00Q3","multi\nline"'])).toEqual([
            ['Id', 'Name'],
            ['00Q1', 'Smith, "Jr"'],
            ['00Q2', 'plain'],
            ['00Q3', 'multi\nline']
        ]);
    });

    test('given a chunk boundary inside a quoted field or an escape, when parsed, then the field is whole', () => {
        expect(parseAll(['"a","b', '""c"\n', '"x",""', '\n'])).toEqual([
            ['a', 'b"c'],
            ['x', '']
        ]);
    });

    test('given a response body, when read in batches, then records are keyed by the header', async () => {
        const body =
            '"Id","OwnerId"\n"00Q000000000001AAA","005000000000001AAA"\n"00Q000000000002AAA","00G000000000001AAA"\n';
        const batches = [];
        for await (const batch of csvBatches(new Response(body), 1)) batches.push(batch);
        expect(batches).toEqual([
            [{ Id: '00Q000000000001AAA', OwnerId: '005000000000001AAA' }],
            [{ Id: '00Q000000000002AAA', OwnerId: '00G000000000001AAA' }]
        ]);
    });
});
