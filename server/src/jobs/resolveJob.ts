import type { JobRecord } from '../salesforce/jobRecords';
import { PARTNER_USER_TYPES, type OrgDirectory, type UserInfo } from '../salesforce/orgDirectory';
import { isSalesforceId, to18 } from '../salesforce/soql';
import type { Member } from '../distribution/roundRobin';
import { BadInputError } from './errors';

export interface OwnerRef {
    id: string;
    type: 'User' | 'Queue';
    name: string;
}

/** A job's input checked and resolved against the org: Ids, not names, from here on. */
export interface ResolvedJob {
    dryRun: boolean;
    notify: boolean;
    source: OwnerRef;
    sourceType: 'User' | 'Queue' | 'Deactivated_User';
    filters: { statuses: string[]; minAgeDays: number | null; countries: string[] };
    targetType: 'Group' | 'Queue' | 'User';
    /** Every possible new owner (group members in order, or the one target). */
    targets: OwnerRef[];
    group?: { id: string; name: string; members: Member[]; state: Record<string, number> };
}

const splitList = (value: string | null): string[] =>
    (value ?? '')
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part !== '');

const ID_PREFIX = { user: '005', queue: '00G' };

function checkText(value: string | null, field: string, what: string): string {
    const text = (value ?? '').trim();
    if (text === '') {
        throw new BadInputError(`${field} is empty: enter ${what}.`);
    }
    return text;
}

/** When a value looks like an Id it must be a well-formed one of the right kind. */
function idOrName(value: string, field: string, kinds: Array<keyof typeof ID_PREFIX>): { id?: string; name?: string } {
    const looksLikeId = /^(005|00G)/.test(value) && !value.includes('@') && !/[\s_.]/.test(value);
    if (!looksLikeId) {
        return { name: value };
    }
    if (!isSalesforceId(value) || !kinds.some((kind) => value.startsWith(ID_PREFIX[kind]))) {
        throw new BadInputError(`${field} "${value}" is not a valid ${kinds.join(' or ')} Id: use a 15- or 18-character Id, a username or a queue API name.`);
    }
    return { id: to18(value) };
}

function describeUser(user: UserInfo): OwnerRef {
    return { id: to18(user.Id), type: 'User', name: user.Name };
}

async function resolveSource(record: JobRecord, directory: OrgDirectory): Promise<{ source: OwnerRef; sourceType: ResolvedJob['sourceType'] }> {
    const sourceType = record.Source_Type__c;
    if (sourceType !== 'User' && sourceType !== 'Queue' && sourceType !== 'Deactivated_User') {
        throw new BadInputError(`Source Type "${sourceType ?? ''}" is not one of User, Queue, Deactivated User: choose one.`);
    }
    const value = checkText(record.Source_Owner__c, 'Source Owner', sourceType === 'Queue' ? 'the queue API name' : 'the username');
    if (sourceType === 'Queue') {
        const ref = idOrName(value, 'Source Owner', ['queue']);
        const queue = ref.id ? (await directory.queuesById([ref.id]))[0] : await directory.queueByDeveloperName(ref.name!);
        if (!queue) {
            throw new BadInputError(`Source Owner: no queue with API name "${value}" exists: check the queue's API name (DeveloperName) in Setup > Queues.`);
        }
        return { source: { id: to18(queue.Id), type: 'Queue', name: queue.Name }, sourceType };
    }
    const ref = idOrName(value, 'Source Owner', ['user']);
    const user = ref.id ? (await directory.usersById([ref.id]))[0] : await directory.userByUsername(ref.name!);
    if (!user) {
        throw new BadInputError(`Source Owner: no user with username "${value}" exists: check the username (it looks like an email address).`);
    }
    if (sourceType === 'Deactivated_User' && user.IsActive) {
        throw new BadInputError(`Source Owner ${user.Username} is still active: deactivate the user first, or choose Source Type User.`);
    }
    return { source: describeUser(user), sourceType };
}

async function resolveTargetUser(value: string, directory: OrgDirectory, field: string): Promise<OwnerRef> {
    const ref = idOrName(value, field, ['user']);
    const user = ref.id ? (await directory.usersById([ref.id]))[0] : await directory.userByUsername(ref.name!);
    if (!user) {
        throw new BadInputError(`${field}: no user with username "${value}" exists: check the username.`);
    }
    if (!user.IsActive) {
        throw new BadInputError(`${field}: user ${user.Username} is inactive: leads can only go to an active partner user.`);
    }
    if (!PARTNER_USER_TYPES.has(user.UserType)) {
        throw new BadInputError(`${field}: user ${user.Username} is not a partner user (type ${user.UserType}): choose a partner user, a partner queue or a distribution group.`);
    }
    return describeUser(user);
}

function parseState(raw: string | null, groupName: string): Record<string, number> {
    if (!raw || raw.trim() === '') {
        return {};
    }
    try {
        const parsed = JSON.parse(raw) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
            return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
        }
    } catch {
        // fall through to the error below
    }
    throw new BadInputError(`Distribution group "${groupName}" has an unreadable State: clear its State field to restart the rotation.`);
}

async function resolveGroup(name: string, directory: OrgDirectory): Promise<Pick<ResolvedJob, 'targets' | 'group'>> {
    const found = await directory.groupWithMembers(name);
    if (!found) {
        throw new BadInputError(`Target: no distribution group named "${name}" exists: check the group name.`);
    }
    const { group, members: memberRows } = found;
    if (!group.Active__c) {
        throw new BadInputError(`Target: distribution group "${name}" is not active: activate it or choose another target.`);
    }
    const usernames = memberRows.filter((m) => m.Member_Type__c === 'User').map((m) => m.Username__c ?? '');
    const queueNames = memberRows.filter((m) => m.Member_Type__c === 'Queue').map((m) => m.Queue_Developer_Name__c ?? '');
    const users = new Map((await directory.usersByUsername(usernames.filter(Boolean))).map((u) => [u.Username.toLowerCase(), u]));
    const queues = new Map((await directory.queuesByDeveloperName(queueNames.filter(Boolean))).map((q) => [q.DeveloperName, q]));
    const members: Member[] = [];
    const targets: OwnerRef[] = [];
    for (const row of memberRows) {
        let owner: OwnerRef;
        let usable = row.Active__c;
        if (row.Member_Type__c === 'Queue') {
            const queue = queues.get(row.Queue_Developer_Name__c ?? '');
            if (!queue) {
                throw new BadInputError(`Distribution group "${name}": member queue "${row.Queue_Developer_Name__c ?? ''}" does not exist: fix or remove the member.`);
            }
            owner = { id: to18(queue.Id), type: 'Queue', name: queue.Name };
        } else {
            const user = users.get((row.Username__c ?? '').toLowerCase());
            if (!user) {
                throw new BadInputError(`Distribution group "${name}": member user "${row.Username__c ?? ''}" does not exist: fix or remove the member.`);
            }
            owner = describeUser(user);
            usable &&= user.IsActive;
        }
        if (targets.some((t) => t.id === owner.id)) {
            throw new BadInputError(`Distribution group "${name}" lists ${owner.name} twice: remove one of the members.`);
        }
        targets.push(owner);
        const weight = row.Weight__c ?? 1;
        members.push({ id: owner.id, weight, active: usable, capacity: row.Capacity__c ?? null, load: 0 });
    }
    const queueTargets = targets.filter((t) => t.type === 'Queue');
    const leadQueues = await directory.leadQueueIds(queueTargets.map((q) => q.id));
    const notForLeads = queueTargets.find((q) => !leadQueues.has(q.id));
    if (notForLeads) {
        throw new BadInputError(`Distribution group "${name}": member queue ${notForLeads.name} does not take leads: add Lead to the queue's supported objects or remove the member.`);
    }
    if (!members.some((m) => m.active)) {
        throw new BadInputError(`Distribution group "${name}" has no active member: add or activate members.`);
    }
    const withCapacity = members.filter((m) => m.capacity !== null && m.capacity !== undefined && m.active);
    const loads = await directory.openLeadCounts(withCapacity.map((m) => m.id));
    for (const member of withCapacity) {
        member.load = loads.get(member.id) ?? 0;
    }
    return { targets, group: { id: group.Id, name: group.Name, members, state: parseState(group.State__c, name) } };
}

/**
 * Checks the job record's input and resolves names to Ids. Every refusal is a BadInputError whose
 * message says what to fix; nothing in the org has changed when it is thrown.
 */
export async function resolveJob(record: JobRecord, directory: OrgDirectory): Promise<ResolvedJob> {
    const { source, sourceType } = await resolveSource(record, directory);
    const targetType = record.Target_Type__c;
    if (targetType !== 'Group' && targetType !== 'Queue' && targetType !== 'User') {
        throw new BadInputError(`Target Type "${targetType ?? ''}" is not one of Group, Queue, User: choose one.`);
    }
    const targetValue = checkText(record.Target__c, 'Target', targetType === 'Group' ? 'the distribution group name' : targetType === 'Queue' ? 'the queue API name' : 'the username');
    const minAge = record.Filter_Min_Age_Days__c;
    if (minAge !== null && minAge !== undefined && (!Number.isInteger(minAge) || minAge < 0)) {
        throw new BadInputError(`Minimum Age (Days) ${minAge} is not a whole number of days >= 0: correct it or leave it blank.`);
    }
    const base = {
        dryRun: record.Dry_Run__c !== false,
        notify: record.Notify_Owners__c === true,
        source,
        sourceType,
        filters: { statuses: splitList(record.Filter_Statuses__c), minAgeDays: minAge ?? null, countries: splitList(record.Filter_Countries__c) },
        targetType
    } as const;
    let resolved: ResolvedJob;
    if (targetType === 'Group') {
        resolved = { ...base, ...(await resolveGroup(targetValue, directory)) };
    } else if (targetType === 'Queue') {
        const ref = idOrName(targetValue, 'Target', ['queue']);
        const queue = ref.id ? (await directory.queuesById([ref.id]))[0] : await directory.queueByDeveloperName(ref.name!);
        if (!queue) {
            throw new BadInputError(`Target: no queue with API name "${targetValue}" exists: check the queue's API name (DeveloperName).`);
        }
        if (!(await directory.leadQueueIds([to18(queue.Id)])).has(to18(queue.Id))) {
            throw new BadInputError(`Target: queue ${queue.Name} does not take leads: add Lead to the queue's supported objects in Setup > Queues, or choose another queue.`);
        }
        resolved = { ...base, targets: [{ id: to18(queue.Id), type: 'Queue', name: queue.Name }] };
    } else {
        resolved = { ...base, targets: [await resolveTargetUser(targetValue, directory, 'Target')] };
    }
    if (resolved.targets.length === 1 && resolved.targets[0]!.id === source.id) {
        throw new BadInputError(`Source and target are the same (${source.name}): choose a different target.`);
    }
    if (resolved.group && resolved.targets.every((t) => t.id === source.id || !resolved.group!.members.find((m) => m.id === t.id)?.active)) {
        throw new BadInputError(`Distribution group "${resolved.group.name}" has no active member other than the source ${source.name}: choose another target.`);
    }
    return resolved;
}
