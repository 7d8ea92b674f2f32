import type { Logger } from 'pino';
import type { OrgClient } from '../salesforce/orgClient';
import { soqlDateTime, soqlList, soqlString } from '../salesforce/soql';
import type { NewNotificationEvent, NotificationsRepo } from '../store/notificationsRepo';
import type { LeadItem, MessageKind, SummaryItem } from './messageKinds';

/** One Lead_Routing_Log__c entry as the reader selects it. */
export interface RoutingLogRow {
    Id: string;
    CreatedDate: string;
    Lead__c: string | null;
    Lead__r: { Name: string; Company: string | null; Country: string | null } | null;
    Distribution_Group__r: { OwnerId: string; Accept_Within_Hours__c: number | null } | null;
    Path__c: string | null;
    Outcome__c: string | null;
    Previous_Owner_Id__c: string | null;
    New_Owner_Id__c: string | null;
    Return_Reason__c: string | null;
    Explanation__c: string | null;
    Routed_At__c: string | null;
    Routed_By__r: { Name: string } | null;
}

interface Watermark {
    createdDate: string;
    id: string;
    /** When the service first read this org: entries from before are history, never told. */
    since?: string;
}

interface OwnerUser {
    Id: string;
    Name: string;
    UserType: string;
    IsActive: boolean;
    Account: { Channel_Manager__c: string | null } | null;
}

export const ROUTING_LOG_SOURCE = 'routing_log';
const PAGE = 2000;
const FIELDS = `Id, CreatedDate, Lead__c, Lead__r.Name, Lead__r.Company, Lead__r.Country, Distribution_Group__r.OwnerId,
    Distribution_Group__r.Accept_Within_Hours__c, Path__c, Outcome__c, Previous_Owner_Id__c, New_Owner_Id__c, Return_Reason__c,
    Explanation__c, Routed_At__c, Routed_By__r.Name`;

const isQueue = (id: string | null | undefined): id is string => !!id && id.startsWith('00G');
const isUser = (id: string | null | undefined): id is string => !!id && id.startsWith('005');

/**
 * Reads the routing log the org writes in the same transaction as each owner change, from a watermark
 * kept in the store, and records what each person needs telling. Every read starts `overlapSeconds`
 * before the watermark, because an entry becomes visible when its transaction commits, which can be
 * after entries created later were read; entries read twice add nothing (one dedupe key per entry and
 * recipient). The events and the new watermark are stored in one transaction: a service that was down
 * resumes where it stopped, and nothing is told twice.
 */
export class RoutingLogReader {
    constructor(
        private readonly client: OrgClient,
        private readonly repo: NotificationsRepo,
        private readonly options: { overlapSeconds: number },
        private readonly logger: Logger
    ) {}

    /** Reads everything new; returns the entries read and the events recorded. */
    async poll(now = new Date()): Promise<{ read: number; recorded: number }> {
        const stored = await this.repo.watermark<Watermark>(ROUTING_LOG_SOURCE);
        if (!stored) {
            // First start against this org: tell about what happens from now on, not the org's history.
            const start: Watermark = { createdDate: now.toISOString(), id: '', since: now.toISOString() };
            await this.repo.recordWithWatermark([], ROUTING_LOG_SOURCE, start);
            this.logger.info({ from: start.createdDate }, 'routing log: reading from now on');
            return { read: 0, recorded: 0 };
        }
        let mark: Watermark = stored;
        const from = new Date(
            Math.max(
                new Date(mark.createdDate).getTime() - this.options.overlapSeconds * 1000,
                new Date(mark.since ?? 0).getTime()
            )
        );
        let read = 0;
        let recorded = 0;
        let after: Watermark | undefined;
        for (;;) {
            const where = after
                ? `CreatedDate > ${soqlDateTime(new Date(after.createdDate))} OR (CreatedDate = ${soqlDateTime(new Date(after.createdDate))} AND Id > ${soqlString(after.id)})`
                : `CreatedDate >= ${soqlDateTime(from)}`;
            const rows = await this.client.query<RoutingLogRow>(
                `SELECT ${FIELDS} FROM Lead_Routing_Log__c WHERE ${where} ORDER BY CreatedDate, Id LIMIT ${PAGE}`
            );
            if (rows.length === 0) {
                break;
            }
            const last = rows[rows.length - 1]!;
            after = { createdDate: last.CreatedDate, id: last.Id, since: mark.since };
            const next: Watermark = new Date(last.CreatedDate) > new Date(mark.createdDate) ? after : mark;
            recorded += await this.repo.recordWithWatermark(await this.eventsOf(rows), ROUTING_LOG_SOURCE, next);
            mark = next;
            read += rows.length;
            if (rows.length < PAGE) {
                break;
            }
        }
        return { read, recorded };
    }

    /** The events of a page of entries: who hears about each, in which kind of message. */
    async eventsOf(rows: RoutingLogRow[]): Promise<NewNotificationEvent[]> {
        const ownerIds = rows.flatMap((r) => [r.New_Owner_Id__c, r.Previous_Owner_Id__c]);
        const users = await this.users(ownerIds.filter(isUser));
        const members = await this.queueMembers(ownerIds.filter(isQueue));
        const partnersOf = (ownerId: string | null): string[] => {
            if (isQueue(ownerId)) return members.get(ownerId) ?? [];
            return isUser(ownerId) && users.get(ownerId)?.UserType === 'PowerPartner' ? [ownerId] : [];
        };
        const events: NewNotificationEvent[] = [];
        const add = (kind: MessageKind, row: RoutingLogRow, recipientId: string, item: LeadItem | SummaryItem) =>
            events.push({
                dedupeKey: `${kind}:${row.Id}:${recipientId}`,
                kind,
                recipientId,
                happenedAt: row.Routed_At__c ?? row.CreatedDate,
                item
            });
        for (const row of rows) {
            if (!row.Lead__c) continue;
            const lead = leadItem(row);
            const managers = channelManagers(row, users);
            if (row.Outcome__c === 'Assigned' && row.New_Owner_Id__c) {
                const partners = partnersOf(row.New_Owner_Id__c);
                for (const partner of partners) add('lead_digest', row, partner, lead);
                if (
                    partners.length === 0 &&
                    isUser(row.New_Owner_Id__c) &&
                    (row.Path__c === 'Return' || row.Path__c === 'Recall')
                ) {
                    // A return or recall that found no eligible member lands with the group's fallback owner.
                    add('fallback_owner', row, row.New_Owner_Id__c, {
                        ...lead,
                        acceptBy: null,
                        note: row.Explanation__c
                    });
                }
                if (row.Path__c === 'Recall' && row.Previous_Owner_Id__c) {
                    for (const partner of partnersOf(row.Previous_Owner_Id__c))
                        add('recalled', row, partner, { ...lead, acceptBy: null });
                    const from = users.get(row.Previous_Owner_Id__c)?.Name ?? null;
                    for (const manager of managers)
                        add('daily_summary', row, manager, {
                            ...lead,
                            what: 'recalled',
                            reason: null,
                            comment: null,
                            partner: from
                        });
                }
            } else if (
                row.Path__c === 'Registration' &&
                (row.Outcome__c === 'Approved' || row.Outcome__c === 'Rejected') &&
                isUser(row.New_Owner_Id__c)
            ) {
                // A decided deal registration: New_Owner_Id__c is the registering partner (DealRegistrationWriter).
                // A rejection's explanation is the channel manager's reason; an approval's is not shown.
                const approved = row.Outcome__c === 'Approved';
                add('registration_decided', row, row.New_Owner_Id__c, {
                    ...lead,
                    acceptBy: null,
                    approved,
                    note: approved ? null : (row.Explanation__c ?? row.Return_Reason__c)
                });
            } else if (row.Outcome__c === 'Returned') {
                for (const manager of managers) {
                    add('daily_summary', row, manager, {
                        ...lead,
                        acceptBy: null,
                        what: 'returned',
                        reason: row.Return_Reason__c,
                        comment: row.Explanation__c,
                        partner: row.Routed_By__r?.Name ?? null
                    });
                }
            }
        }
        return events;
    }

    private async users(ids: string[]): Promise<Map<string, OwnerUser>> {
        const unique = [...new Set(ids)];
        const found = new Map<string, OwnerUser>();
        for (let i = 0; i < unique.length; i += 200) {
            const rows = await this.client.query<OwnerUser>(
                `SELECT Id, Name, UserType, IsActive, Account.Channel_Manager__c FROM User WHERE Id IN ${soqlList(unique.slice(i, i + 200))}`
            );
            for (const row of rows) found.set(row.Id, row);
        }
        return found;
    }

    /** The users in each queue (members that are groups or roles are not expanded). */
    private async queueMembers(queueIds: string[]): Promise<Map<string, string[]>> {
        const unique = [...new Set(queueIds)];
        const members = new Map<string, string[]>();
        for (let i = 0; i < unique.length; i += 200) {
            const rows = await this.client.query<{ GroupId: string; UserOrGroupId: string }>(
                `SELECT GroupId, UserOrGroupId FROM GroupMember WHERE GroupId IN ${soqlList(unique.slice(i, i + 200))}`
            );
            for (const row of rows.filter((r) => isUser(r.UserOrGroupId))) {
                members.set(row.GroupId, [...(members.get(row.GroupId) ?? []), row.UserOrGroupId]);
            }
        }
        return members;
    }
}

function leadItem(row: RoutingLogRow): LeadItem {
    const routedAt = row.Routed_At__c ?? row.CreatedDate;
    const hours = row.Distribution_Group__r?.Accept_Within_Hours__c;
    return {
        leadId: row.Lead__c!,
        name: row.Lead__r?.Name ?? row.Lead__c!,
        company: row.Lead__r?.Company ?? null,
        country: row.Lead__r?.Country ?? null,
        routedAt,
        acceptBy: hours && hours > 0 ? new Date(new Date(routedAt).getTime() + hours * 3_600_000).toISOString() : null
    };
}

/** Who manages the partner a lead was with: the group's owner, else the partner account's channel manager. */
function channelManagers(row: RoutingLogRow, users: Map<string, OwnerUser>): string[] {
    const groupOwner = row.Distribution_Group__r?.OwnerId;
    if (isUser(groupOwner)) return [groupOwner];
    const manager = row.Previous_Owner_Id__c
        ? users.get(row.Previous_Owner_Id__c)?.Account?.Channel_Manager__c
        : undefined;
    return isUser(manager) ? [manager] : [];
}
