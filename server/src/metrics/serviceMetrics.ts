/**
 * Prometheus metrics of the whole service: tasks the runner ends, lead writes, emails, the Node
 * process, and the store's and org client's figures read when /metrics is scraped.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OrgClient } from '../salesforce/orgClient';
import type { Repos } from '../store/repos';

export interface ServiceMetrics {
    registry: Registry;
    tasksFinished: Counter<'kind' | 'outcome'>;
    leadsWritten: Counter<'api'>;
    rowsRetried: Counter<'api'>;
    taskDuration: Histogram<'kind'>;
    emailsSent: Counter<'result'>;
}

export function createServiceMetrics(registry: Registry = new Registry(), withDefaults = true): ServiceMetrics {
    if (withDefaults) {
        collectDefaultMetrics({ register: registry, prefix: 'partner_desk_' });
    }
    return {
        registry,
        tasksFinished: new Counter({
            name: 'partner_desk_tasks_finished_total',
            help: 'Job tasks ended, by kind and outcome',
            labelNames: ['kind', 'outcome'],
            registers: [registry]
        }),
        leadsWritten: new Counter({
            name: 'partner_desk_leads_written_total',
            help: 'Lead owner changes Salesforce accepted, by API',
            labelNames: ['api'],
            registers: [registry]
        }),
        rowsRetried: new Counter({
            name: 'partner_desk_rows_retried_total',
            help: 'Rows resubmitted after a retryable error, by API',
            labelNames: ['api'],
            registers: [registry]
        }),
        taskDuration: new Histogram({
            name: 'partner_desk_task_duration_seconds',
            help: 'Run time of job tasks',
            labelNames: ['kind'],
            buckets: [1, 5, 15, 60, 300, 900, 3600],
            registers: [registry]
        }),
        emailsSent: new Counter({
            name: 'partner_desk_emails_total',
            help: 'Digest emails by result',
            labelNames: ['result'],
            registers: [registry]
        })
    };
}

/**
 * Gauges read at scrape time rather than kept up to date: tasks and outbox messages in the store by
 * state, and the HTTP requests the org client has made by kind. Returns the refresh to call before
 * each scrape.
 */
export function scrapeGauges(
    metrics: ServiceMetrics,
    repos: Pick<Repos, 'tasks' | 'outbox'>,
    client: Pick<OrgClient, 'counts'>
): () => Promise<void> {
    const registers = [metrics.registry];
    const taskGauge = new Gauge({
        name: 'partner_desk_tasks',
        help: 'Job tasks in the store by state',
        labelNames: ['state'],
        registers
    });
    const outboxGauge = new Gauge({
        name: 'partner_desk_outbox',
        help: 'Outbox messages by state',
        labelNames: ['state'],
        registers
    });
    const sfRequests = new Gauge({
        name: 'partner_desk_salesforce_requests',
        help: 'HTTP requests made to the org by kind',
        labelNames: ['kind'],
        registers
    });
    return async () => {
        taskGauge.reset();
        for (const [state, n] of Object.entries(await repos.tasks.countByState())) taskGauge.set({ state }, n);
        outboxGauge.reset();
        for (const [state, n] of Object.entries(await repos.outbox.countByState())) outboxGauge.set({ state }, n);
        for (const [kind, n] of Object.entries(client.counts)) sfRequests.set({ kind }, n);
    };
}
