import { dateIn } from '../../src/distribution/localDate';

describe('dateIn: today as a user in a Salesforce time zone sees it', () => {
    const lateUtc = new Date('2026-12-03T23:30:00Z');

    test('given a zone ahead of UTC late in the UTC day, then the date is already tomorrow', () => {
        expect(dateIn('Europe/Oslo', lateUtc)).toBe('2026-12-04');
        expect(dateIn('Asia/Jakarta', lateUtc)).toBe('2026-12-04');
    });

    test('given a zone behind UTC early in the UTC day, then the date is still yesterday', () => {
        expect(dateIn('America/Los_Angeles', new Date('2026-12-03T05:00:00Z'))).toBe('2026-12-02');
    });

    test('given GMT, no zone or a zone Intl does not know, then the UTC date', () => {
        expect(dateIn('GMT', lateUtc)).toBe('2026-12-03');
        expect(dateIn(undefined, lateUtc)).toBe('2026-12-03');
        expect(dateIn('Nowhere/Atlantis', lateUtc)).toBe('2026-12-03');
    });
});
