// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
/**
 * The shapes BulkReassignmentController returns (kept in step with BulkReassignmentService's inner
 * classes) and the reading of a job's Summary__c JSON, which the Partner Desk service writes.
 */
/* eslint-enable no-restricted-globals */
/**
 * The per-target lines of a job's Summary__c JSON, or none when it is absent or not what the service
 * writes (a job that failed before planning has no summary).
 */
export function targetsOf(summaryJson) {
    if (!summaryJson) {
        return [];
    }
    try {
        const summary = JSON.parse(summaryJson);
        return Array.isArray(summary.targets) ? summary.targets : [];
    }
    catch {
        return [];
    }
}
/** Splits a comma or semicolon separated list typed by a person into trimmed, non-empty values. */
export function splitList(text) {
    return (text ?? '')
        .split(/[;,]/)
        .map((value) => value.trim())
        .filter((value) => value.length > 0);
}
