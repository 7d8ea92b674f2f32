import { formatLabel, reduceErrors } from 'c/ldsUtils';

describe('reduceErrors', () => {
    it('reads Apex, UI API, DML and JavaScript errors and drops duplicates and blanks', () => {
        const errors = [
            { body: { message: 'Apex says no' } },
            { body: [{ message: 'array body' }, { message: 'Apex says no' }] },
            { body: { message: 'ignored when page errors exist', pageErrors: [{ message: 'page error' }] } },
            { body: { fieldErrors: { Email: [{ message: 'Enter a valid email' }] } } },
            {
                body: {
                    output: {
                        errors: [{ message: 'output error' }],
                        fieldErrors: { Name: [{ message: 'name needed' }] }
                    }
                }
            },
            new Error('plain error'),
            { statusText: 'Service Unavailable' },
            '  ',
            null
        ];
        expect(reduceErrors(errors)).toEqual([
            'Apex says no',
            'array body',
            'page error',
            'Enter a valid email',
            'output error',
            'name needed',
            'plain error',
            'Service Unavailable'
        ]);
    });

    it('accepts a single error that is not in a list', () => {
        expect(reduceErrors({ body: { message: 'just one' } })).toEqual(['just one']);
    });

    it('returns nothing for nothing', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors([])).toEqual([]);
    });
});

describe('formatLabel', () => {
    it('fills numbered placeholders in any order and as often as they occur', () => {
        expect(formatLabel('Page {0} of {1} ({2} accounts)', 2, 3, 60)).toBe('Page 2 of 3 (60 accounts)');
        expect(formatLabel('{1}, then {0}, then {1}', 'a', 'b')).toBe('b, then a, then b');
    });

    it('keeps apostrophes and leaves placeholders without a value as they are', () => {
        expect(formatLabel("{0} wasn't deactivated.", 'Ingrid Berg')).toBe("Ingrid Berg wasn't deactivated.");
        expect(formatLabel('No accounts match “{0}”.', null)).toBe('No accounts match “{0}”.');
        expect(formatLabel('Partner licenses left: {0}')).toBe('Partner licenses left: {0}');
    });

    it('writes zero, not an empty string', () => {
        expect(formatLabel('Open leads they own: {0}', 0)).toBe('Open leads they own: 0');
    });
});
