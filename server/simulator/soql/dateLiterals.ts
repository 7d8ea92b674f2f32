/** SOQL date literals (TODAY, LAST_N_DAYS:n, ...) as UTC ranges [start, end) in epoch milliseconds. */

const DAY = 86400000;

export interface Range {
    start: number;
    end: number;
}

function startOfDay(ms: number): number {
    return ms - (((ms % DAY) + DAY) % DAY);
}

function startOfWeek(ms: number): number {
    const day = startOfDay(ms);
    return day - new Date(day).getUTCDay() * DAY;
}

function monthStart(ms: number, addMonths: number): number {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + addMonths, 1);
}

function yearStart(ms: number, addYears: number): number {
    return Date.UTC(new Date(ms).getUTCFullYear() + addYears, 0, 1);
}

/** The range for a literal, or undefined when the simulator does not support it. */
export function dateLiteralRange(literal: string, n: number | undefined, now = Date.now()): Range | undefined {
    const today = startOfDay(now);
    const week = startOfWeek(now);
    const name = literal.toUpperCase().split(':')[0];
    const count = n ?? Number(literal.split(':')[1]);
    switch (name) {
        case 'TODAY':
            return { start: today, end: today + DAY };
        case 'YESTERDAY':
            return { start: today - DAY, end: today };
        case 'TOMORROW':
            return { start: today + DAY, end: today + 2 * DAY };
        case 'THIS_WEEK':
            return { start: week, end: week + 7 * DAY };
        case 'LAST_WEEK':
            return { start: week - 7 * DAY, end: week };
        case 'NEXT_WEEK':
            return { start: week + 7 * DAY, end: week + 14 * DAY };
        case 'THIS_MONTH':
            return { start: monthStart(now, 0), end: monthStart(now, 1) };
        case 'LAST_MONTH':
            return { start: monthStart(now, -1), end: monthStart(now, 0) };
        case 'NEXT_MONTH':
            return { start: monthStart(now, 1), end: monthStart(now, 2) };
        case 'THIS_YEAR':
            return { start: yearStart(now, 0), end: yearStart(now, 1) };
        case 'LAST_YEAR':
            return { start: yearStart(now, -1), end: yearStart(now, 0) };
        case 'NEXT_YEAR':
            return { start: yearStart(now, 1), end: yearStart(now, 2) };
        case 'LAST_90_DAYS':
            return { start: today - 90 * DAY, end: today + DAY };
        case 'NEXT_90_DAYS':
            return { start: today + DAY, end: today + 91 * DAY };
        case 'LAST_N_DAYS':
            return Number.isInteger(count) ? { start: today - count * DAY, end: today + DAY } : undefined;
        case 'NEXT_N_DAYS':
            return Number.isInteger(count) ? { start: today + DAY, end: today + (count + 1) * DAY } : undefined;
        case 'N_DAYS_AGO':
            return Number.isInteger(count) ? { start: today - count * DAY, end: today - (count - 1) * DAY } : undefined;
        case 'LAST_N_WEEKS':
            return Number.isInteger(count) ? { start: week - count * 7 * DAY, end: week } : undefined;
        case 'LAST_N_MONTHS':
            return Number.isInteger(count) ? { start: monthStart(now, -count), end: monthStart(now, 0) } : undefined;
        case 'LAST_N_YEARS':
            return Number.isInteger(count) ? { start: yearStart(now, -count), end: yearStart(now, 0) } : undefined;
        default:
            return undefined;
    }
}
