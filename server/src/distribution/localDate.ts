/**
 * Today's date as a person in a Salesforce time zone sees it. Away_Until__c is a date without a time
 * zone, and Apex compares it with Date.today(), the running user's date (Apex Reference, Date.today:
 * "the current date in the current user's time zone"). The service compares it with the date of the user
 * who started the job, the person whose manual distribute Apex would judge by the same date.
 * TimeZoneSidKey values are IANA zone names (Europe/Oslo, GMT, ...), which Intl understands.
 */

/** YYYY-MM-DD of `at` in `timeZone`; in UTC when the zone is missing or one Intl does not know. */
export function dateIn(timeZone: string | null | undefined, at: Date): string {
    if (timeZone) {
        try {
            const parts = new Intl.DateTimeFormat('en-US', {
                timeZone,
                year: 'numeric',
                month: '2-digit',
                day: '2-digit'
            }).formatToParts(at);
            const part = (type: string) => parts.find((p) => p.type === type)!.value;
            return `${part('year')}-${part('month')}-${part('day')}`;
        } catch (error) {
            if (!(error instanceof RangeError)) {
                throw error;
            }
        }
    }
    return at.toISOString().slice(0, 10);
}
