import type { OrgClient } from '../salesforce/orgClient';
import { soqlDateTime, soqlList } from '../salesforce/soql';
import type { NotificationsRepo, NewNotificationEvent } from '../store/notificationsRepo';
import type { LeadItem } from './messageKinds';

interface OpenLead {
    Id: string;
    Name: string;
    Company: string | null;
    Country: string | null;
    OwnerId: string;
    Routed_At__c: string;
    Distribution_Group__r: { Accept_Within_Hours__c: number };
}

/** Longest accept window looked at: leads routed before this are long past any window. */
const MAX_WINDOW_DAYS = 30;

/**
 * Finds unaccepted leads whose accept window (the group's Accept_Within_Hours__c after Routed_At__c,
 * the rule LeadRecallBatch applies) ends within `aheadHours`, and records one reminder per lead, routing
 * and owner (the owner, or each user of the owning queue). A lead routed again gets a new reminder.
 */
export class DueSoonScanner {
    constructor(
        private readonly client: OrgClient,
        private readonly repo: NotificationsRepo,
        private readonly options: { aheadHours: number }
    ) {}

    async scan(now = new Date()): Promise<number> {
        const since = new Date(now.getTime() - MAX_WINDOW_DAYS * 86_400_000);
        const leads = await this.client.query<OpenLead>(
            `SELECT Id, Name, Company, Country, OwnerId, Routed_At__c, Distribution_Group__r.Accept_Within_Hours__c FROM Lead
              WHERE Accepted_At__c = NULL AND IsConverted = false AND Distribution_Group__c != NULL
                AND Distribution_Group__r.Accept_Within_Hours__c > 0 AND Routed_At__c >= ${soqlDateTime(since)}`
        );
        const due = leads
            .map((lead) => ({
                lead,
                acceptBy: new Date(
                    new Date(lead.Routed_At__c).getTime() +
                        lead.Distribution_Group__r.Accept_Within_Hours__c * 3_600_000
                )
            }))
            .filter(
                ({ acceptBy }) =>
                    acceptBy > now && acceptBy.getTime() - now.getTime() <= this.options.aheadHours * 3_600_000
            );
        if (due.length === 0) {
            return 0;
        }
        const recipients = await this.partnersOf(due.map(({ lead }) => lead.OwnerId));
        const events: NewNotificationEvent[] = [];
        for (const { lead, acceptBy } of due) {
            const item: LeadItem = {
                leadId: lead.Id,
                name: lead.Name,
                company: lead.Company,
                country: lead.Country,
                routedAt: lead.Routed_At__c,
                acceptBy: acceptBy.toISOString()
            };
            for (const recipientId of recipients.get(lead.OwnerId) ?? []) {
                events.push({
                    dedupeKey: `due_soon:${lead.Id}:${lead.Routed_At__c}:${recipientId}`,
                    kind: 'due_soon',
                    recipientId,
                    happenedAt: now.toISOString(),
                    item
                });
            }
        }
        return this.repo.record(events);
    }

    /** Owner → the partner users to remind: the owner if a partner user, the users of a queue. */
    private async partnersOf(ownerIds: string[]): Promise<Map<string, string[]>> {
        const unique = [...new Set(ownerIds)];
        const result = new Map<string, string[]>();
        for (let i = 0; i < unique.length; i += 200) {
            const chunk = unique.slice(i, i + 200);
            const users = chunk.filter((id) => id.startsWith('005'));
            const queues = chunk.filter((id) => id.startsWith('00G'));
            if (users.length > 0) {
                for (const user of await this.client.query<{ Id: string }>(
                    `SELECT Id FROM User WHERE UserType = 'PowerPartner' AND Id IN ${soqlList(users)}`
                )) {
                    result.set(user.Id, [user.Id]);
                }
            }
            if (queues.length > 0) {
                for (const m of await this.client.query<{ GroupId: string; UserOrGroupId: string }>(
                    `SELECT GroupId, UserOrGroupId FROM GroupMember WHERE GroupId IN ${soqlList(queues)}`
                )) {
                    if (m.UserOrGroupId.startsWith('005'))
                        result.set(m.GroupId, [...(result.get(m.GroupId) ?? []), m.UserOrGroupId]);
                }
            }
        }
        return result;
    }
}
