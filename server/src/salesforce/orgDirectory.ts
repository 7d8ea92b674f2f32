import type { OrgClient } from './orgClient';
import { soqlList, soqlString, to18 } from './soql';

export interface UserInfo {
    Id: string;
    Username: string;
    Name: string;
    Email: string | null;
    IsActive: boolean;
    UserType: string;
}

export interface QueueInfo {
    Id: string;
    DeveloperName: string;
    Name: string;
}

export interface GroupInfo {
    Id: string;
    Name: string;
    Active__c: boolean;
    State__c: string | null;
    /** Where a lead no member can take goes: a queue DeveloperName, or a username (it has an @). */
    Fallback_Owner__c?: string | null;
}

export interface MemberInfo {
    Id: string;
    Member_Type__c: 'Queue' | 'User' | string;
    Queue_Developer_Name__c: string | null;
    Username__c: string | null;
    Weight__c: number | null;
    Capacity__c: number | null;
    Active__c: boolean;
    /** Availability (docs/round-robin.md): paused, or away through a date (YYYY-MM-DD). */
    Paused__c?: boolean | null;
    Away_Until__c?: string | null;
}

const USER_FIELDS = 'Id, Username, Name, Email, IsActive, UserType';

/** User types of partner (and customer) community users that may own partner leads. */
export const PARTNER_USER_TYPES = new Set(['PowerPartner']);

/** Looks up users, queues and distribution groups by the names configuration uses (never hard-coded Ids). */
export class OrgDirectory {
    constructor(private readonly client: OrgClient) {}

    async userByUsername(username: string): Promise<UserInfo | undefined> {
        return (
            await this.client.query<UserInfo>(
                `SELECT ${USER_FIELDS} FROM User WHERE Username = ${soqlString(username)}`
            )
        )[0];
    }

    async usersByUsername(usernames: string[]): Promise<UserInfo[]> {
        return usernames.length === 0
            ? []
            : this.client.query<UserInfo>(`SELECT ${USER_FIELDS} FROM User WHERE Username IN ${soqlList(usernames)}`);
    }

    async usersById(ids: string[]): Promise<UserInfo[]> {
        const all: UserInfo[] = [];
        for (let i = 0; i < ids.length; i += 200) {
            all.push(
                ...(await this.client.query<UserInfo>(
                    `SELECT ${USER_FIELDS} FROM User WHERE Id IN ${soqlList(ids.slice(i, i + 200))}`
                ))
            );
        }
        return all;
    }

    /** A user's TimeZoneSidKey (an IANA zone name), or undefined when the user is not found. */
    async timeZoneOf(userId: string): Promise<string | undefined> {
        const [row] = await this.client.query<{ TimeZoneSidKey: string | null }>(
            `SELECT TimeZoneSidKey FROM User WHERE Id = ${soqlString(userId)}`
        );
        return row?.TimeZoneSidKey ?? undefined;
    }

    async queueByDeveloperName(name: string): Promise<QueueInfo | undefined> {
        return (
            await this.client.query<QueueInfo>(
                `SELECT Id, DeveloperName, Name FROM Group WHERE Type = 'Queue' AND DeveloperName = ${soqlString(name)}`
            )
        )[0];
    }

    async queuesByDeveloperName(names: string[]): Promise<QueueInfo[]> {
        return names.length === 0
            ? []
            : this.client.query<QueueInfo>(
                  `SELECT Id, DeveloperName, Name FROM Group WHERE Type = 'Queue' AND DeveloperName IN ${soqlList(names)}`
              );
    }

    async queuesById(ids: string[]): Promise<QueueInfo[]> {
        return ids.length === 0
            ? []
            : this.client.query<QueueInfo>(
                  `SELECT Id, DeveloperName, Name FROM Group WHERE Type = 'Queue' AND Id IN ${soqlList(ids)}`
              );
    }

    /** The API names among `developerNames` of queues that may own leads (a QueueSobject for Lead). */
    async leadQueueNames(developerNames: string[]): Promise<Set<string>> {
        if (developerNames.length === 0) {
            return new Set();
        }
        const rows = await this.client.query<{ Queue: { DeveloperName: string } }>(
            `SELECT Queue.DeveloperName FROM QueueSobject WHERE SobjectType = 'Lead' AND Queue.DeveloperName IN ${soqlList(developerNames)}`
        );
        return new Set(rows.map((row) => row.Queue.DeveloperName));
    }

    async groupByName(name: string): Promise<GroupInfo | undefined> {
        return (
            await this.client.query<GroupInfo>(
                `SELECT Id, Name, Active__c, State__c, Fallback_Owner__c FROM Distribution_Group__c WHERE Name = ${soqlString(name)}`
            )
        )[0];
    }

    /**
     * The group and its members in one query (members in creation order, as the in-org engine reads
     * them); a group without members needs a second query to tell it from no group.
     */
    async groupWithMembers(name: string): Promise<{ group: GroupInfo; members: MemberInfo[] } | undefined> {
        const rows = await this.client.query<
            MemberInfo & { Distribution_Group__c: string; Distribution_Group__r: Omit<GroupInfo, 'Id'> }
        >(
            `SELECT Id, Member_Type__c, Queue_Developer_Name__c, Username__c, Weight__c, Capacity__c, Active__c, Paused__c, Away_Until__c, Distribution_Group__c,
                    Distribution_Group__r.Name, Distribution_Group__r.Active__c, Distribution_Group__r.State__c,
                    Distribution_Group__r.Fallback_Owner__c
               FROM Distribution_Member__c WHERE Distribution_Group__r.Name = ${soqlString(name)} ORDER BY CreatedDate, Id`
        );
        const first = rows[0];
        if (!first) {
            const group = await this.groupByName(name);
            return group ? { group, members: [] } : undefined;
        }
        if (rows.some((row) => row.Distribution_Group__c !== first.Distribution_Group__c)) {
            throw new Error(`More than one distribution group is named "${name}"`);
        }
        return { group: { Id: first.Distribution_Group__c, ...first.Distribution_Group__r }, members: rows };
    }

    /** How many leads match `where` (a WHERE clause built with the soql helpers). */
    async countLeads(where: string): Promise<number> {
        return this.client.count(`SELECT COUNT() FROM Lead WHERE ${where}`);
    }

    /**
     * Open leads each owner has now (its load), for users named by username and queues by API name:
     * one aggregate query each, made together, so no Id lookup has to come first. A semi-join may not
     * stand beside OR, hence two queries.
     */
    async openLeadCountsByName(usernames: string[], queueNames: string[]): Promise<Map<string, number>> {
        const count = (owners: string) =>
            this.client.query<{ OwnerId: string; n: number }>(
                `SELECT OwnerId, COUNT(Id) n FROM Lead WHERE IsConverted = false AND OwnerId IN (${owners}) GROUP BY OwnerId`
            );
        const [users, queues] = await Promise.all([
            usernames.length === 0 ? [] : count(`SELECT Id FROM User WHERE Username IN ${soqlList(usernames)}`),
            queueNames.length === 0
                ? []
                : count(`SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName IN ${soqlList(queueNames)}`)
        ]);
        return new Map([...users, ...queues].map((row) => [to18(row.OwnerId), Number(row.n)]));
    }

    async writeGroupState(groupId: string, state: Record<string, number>): Promise<void> {
        await this.client.batchable('PATCH', `${this.client.dataPath}/sobjects/Distribution_Group__c/${groupId}`, {
            State__c: JSON.stringify(state)
        });
    }
}
