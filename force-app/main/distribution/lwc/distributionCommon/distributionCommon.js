// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
/**
 * What the distribution components share: the shapes DistributionController returns (kept in step
 * with its inner classes and DistributionService's), and small formatting helpers.
 */
/** A fraction 0..1 as a whole percentage, e.g. 0.255 -> "26%". */
export function percent(fraction) {
    return `${Math.round((fraction ?? 0) * 100)}%`;
}
