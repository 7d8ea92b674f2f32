/**
 * The jobs a channel manager would start first, created in the demo org when the service runs
 * without an org, so a newcomer sees one plan and one move finish: the leads of the partner user
 * who left go to the first distribution group, once as a dry run and once for real.
 */
import { JobRecords } from '../salesforce/jobRecords';
import type { OrgClient } from '../salesforce/orgClient';
import { soqlString } from '../salesforce/soql';

/** What the demo needs to know of the demo org's sample data (the simulator's sample describes it). */
export interface DemoSeed {
    distributionGroupIds: string[];
    inactivePartnerUser: { username: string };
}

export interface DemoJob {
    id: string;
    dryRun: boolean;
}

/** Creates the demo job records through the REST API, as the console's record insert would. */
export async function createDemoJobs(client: OrgClient, seed: DemoSeed): Promise<DemoJob[]> {
    const groupId = seed.distributionGroupIds[0];
    if (!groupId) {
        return [];
    }
    const [group] = await client.query<{ Name: string }>(
        `SELECT Name FROM Distribution_Group__c WHERE Id = ${soqlString(groupId)}`
    );
    const records = new JobRecords(client);
    const jobs: DemoJob[] = [];
    for (const dryRun of [true, false]) {
        const id = await records.create({
            Source_Type__c: 'Deactivated_User',
            Source_Owner__c: seed.inactivePartnerUser.username,
            Target_Type__c: 'Group',
            Target__c: group.Name,
            Dry_Run__c: dryRun,
            Notify_Owners__c: false
        });
        jobs.push({ id, dryRun });
    }
    return jobs;
}
