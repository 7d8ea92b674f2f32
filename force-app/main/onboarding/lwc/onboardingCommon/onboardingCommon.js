// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
/**
 * What the partner onboarding components share: the shapes PartnerOnboardingController returns
 * (kept in step with its inner classes).
 */
export {};
