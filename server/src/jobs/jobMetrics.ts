import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of the job runner and notifications. */
export interface JobMetrics {
    registry: Registry;
    tasksFinished: Counter<'kind' | 'outcome'>;
    leadsWritten: Counter<'api'>;
    rowsRetried: Counter<'api'>;
    taskDuration: Histogram<'kind'>;
    emailsSent: Counter<'result'>;
}

export function createJobMetrics(registry: Registry = new Registry(), withDefaults = true): JobMetrics {
    if (withDefaults) {
        collectDefaultMetrics({ register: registry, prefix: 'partner_desk_' });
    }
    return {
        registry,
        tasksFinished: new Counter({ name: 'partner_desk_tasks_finished_total', help: 'Job tasks ended, by kind and outcome', labelNames: ['kind', 'outcome'], registers: [registry] }),
        leadsWritten: new Counter({ name: 'partner_desk_leads_written_total', help: 'Lead owner changes Salesforce accepted, by API', labelNames: ['api'], registers: [registry] }),
        rowsRetried: new Counter({ name: 'partner_desk_rows_retried_total', help: 'Rows resubmitted after a retryable error, by API', labelNames: ['api'], registers: [registry] }),
        taskDuration: new Histogram({
            name: 'partner_desk_task_duration_seconds',
            help: 'Run time of job tasks',
            labelNames: ['kind'],
            buckets: [1, 5, 15, 60, 300, 900, 3600],
            registers: [registry]
        }),
        emailsSent: new Counter({ name: 'partner_desk_emails_total', help: 'Digest emails by result', labelNames: ['result'], registers: [registry] })
    };
}
