/**
 * Typings for RoutingHealthController's @AuraEnabled methods (routingHealth tab).
 * Shapes mirror RoutingHealthService.Check.
 */
declare module '@salesforce/apex/RoutingHealthController.getChecks' {
    export interface HealthCheck {
        key: string;
        status: 'ok' | 'problem' | 'unknown';
        title: string;
        detail: string | null;
        fix: string | null;
    }
    export default function getChecks(): Promise<HealthCheck[]>;
}
