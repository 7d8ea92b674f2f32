import type { Db } from './db';
import { NotificationsRepo } from './notificationsRepo';
import { OutboxRepo } from './outboxRepo';
import { PlanRepo } from './planRepo';
import { SfBulkJobsRepo } from './sfBulkJobsRepo';
import { TasksRepo } from './tasksRepo';

/** The store's repositories over one database: what the runner, the outbox and the job API read and write. */
export interface Repos {
    tasks: TasksRepo;
    plan: PlanRepo;
    sfJobs: SfBulkJobsRepo;
    outbox: OutboxRepo;
    notifications: NotificationsRepo;
}

export function createRepos(db: Db): Repos {
    return {
        tasks: new TasksRepo(db),
        plan: new PlanRepo(db),
        sfJobs: new SfBulkJobsRepo(db),
        outbox: new OutboxRepo(db),
        notifications: new NotificationsRepo(db)
    };
}
