import type { JobRecord } from '../salesforce/jobRecords';
import {
    PARTNER_USER_TYPES,
    type MemberInfo,
    type OrgDirectory,
    type QueueInfo,
    type UserInfo
} from '../salesforce/orgDirectory';
import { isSalesforceId, to18 } from '../salesforce/soql';
import type { Member } from '../distribution/roundRobin';
import { BadInputError } from './errors';
import type { OwnerRef, ResolvedJob } from './jobModel';
import { describeSelection, protectedNote, protectedWhere, selectionWhere } from './selectPhase';
import { bothOrFirstError } from './settled';

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
        throw new BadInputError(
            `${field} "${value}" is not a valid ${kinds.join(' or ')} Id: use a 15- or 18-character Id, a username or a queue API name.`
        );
    }
    return { id: to18(value) };
}

function describeUser(user: UserInfo): OwnerRef {
    return { id: to18(user.Id), type: 'User', name: user.Name };
}

type SourceType = ResolvedJob['sourceType'];
type TargetType = ResolvedJob['targetType'];

/** The job record's input, checked before anything is looked up in the org. */
interface JobInput {
    sourceType: SourceType;
    source: { id?: string; name?: string; value: string };
    targetType: TargetType;
    target: { id?: string; name?: string; value: string };
    minAgeDays: number | null;
}

function checkInput(record: JobRecord): JobInput {
    const sourceType = record.Source_Type__c;
    if (sourceType !== 'User' && sourceType !== 'Queue' && sourceType !== 'Deactivated_User') {
        throw new BadInputError(
            `Source Type "${sourceType ?? ''}" is not one of User, Queue, Deactivated User: choose one.`
        );
    }
    const sourceValue = checkText(
        record.Source_Owner__c,
        'Source Owner',
        sourceType === 'Queue' ? 'the queue API name' : 'the username'
    );
    const source = {
        ...idOrName(sourceValue, 'Source Owner', [sourceType === 'Queue' ? 'queue' : 'user']),
        value: sourceValue
    };
    const targetType = record.Target_Type__c;
    if (targetType !== 'Group' && targetType !== 'Queue' && targetType !== 'User') {
        throw new BadInputError(`Target Type "${targetType ?? ''}" is not one of Group, Queue, User: choose one.`);
    }
    const targetValue = checkText(
        record.Target__c,
        'Target',
        targetType === 'Group'
            ? 'the distribution group name'
            : targetType === 'Queue'
              ? 'the queue API name'
              : 'the username'
    );
    const target =
        targetType === 'Group'
            ? { name: targetValue, value: targetValue }
            : { ...idOrName(targetValue, 'Target', [targetType === 'Queue' ? 'queue' : 'user']), value: targetValue };
    const minAge = record.Filter_Min_Age_Days__c;
    if (minAge !== null && minAge !== undefined && (!Number.isInteger(minAge) || minAge < 0)) {
        throw new BadInputError(
            `Minimum Age (Days) ${minAge} is not a whole number of days >= 0: correct it or leave it blank.`
        );
    }
    return { sourceType, source, targetType, target, minAgeDays: minAge ?? null };
}

async function resolveSource(input: JobInput, directory: OrgDirectory): Promise<OwnerRef> {
    const { sourceType, source } = input;
    if (sourceType === 'Queue') {
        const queue = source.id
            ? (await directory.queuesById([source.id]))[0]
            : await directory.queueByDeveloperName(source.name!);
        if (!queue) {
            throw new BadInputError(
                `Source Owner: no queue with API name "${source.value}" exists: check the queue's API name (DeveloperName) in Setup > Queues.`
            );
        }
        return { id: to18(queue.Id), type: 'Queue', name: queue.Name };
    }
    const user = source.id ? (await directory.usersById([source.id]))[0] : await directory.userByUsername(source.name!);
    if (!user) {
        throw new BadInputError(
            `Source Owner: no user with username "${source.value}" exists: check the username (it looks like an email address).`
        );
    }
    if (sourceType === 'Deactivated_User' && user.IsActive) {
        throw new BadInputError(
            `Source Owner ${user.Username} is still active: deactivate the user first, or choose Source Type User.`
        );
    }
    return describeUser(user);
}

function checkTargetUser(user: UserInfo | undefined, value: string, field: string): OwnerRef {
    if (!user) {
        throw new BadInputError(`${field}: no user with username "${value}" exists: check the username.`);
    }
    if (!user.IsActive) {
        throw new BadInputError(
            `${field}: user ${user.Username} is inactive: leads can only go to an active partner user.`
        );
    }
    if (!PARTNER_USER_TYPES.has(user.UserType)) {
        throw new BadInputError(
            `${field}: user ${user.Username} is not a partner user (type ${user.UserType}): choose a partner user, a partner queue or a distribution group.`
        );
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
            return Object.fromEntries(
                Object.entries(parsed as Record<string, unknown>).filter(([, v]) => typeof v === 'number')
            ) as Record<string, number>;
        }
    } catch {
        // fall through to the error below
    }
    throw new BadInputError(
        `Distribution group "${groupName}" has an unreadable State: clear its State field to restart the rotation.`
    );
}

type FoundGroup = NonNullable<Awaited<ReturnType<OrgDirectory['groupWithMembers']>>>;

const usernamesOf = (rows: MemberInfo[]) =>
    rows
        .filter((m) => m.Member_Type__c === 'User')
        .map((m) => m.Username__c ?? '')
        .filter(Boolean);
const queueNamesOf = (rows: MemberInfo[]) =>
    rows
        .filter((m) => m.Member_Type__c === 'Queue')
        .map((m) => m.Queue_Developer_Name__c ?? '')
        .filter(Boolean);

/**
 * The group's members as owners, with the load of those that have a capacity: their users, queues,
 * queues' Lead support and loads are looked up together (one round trip).
 */
async function resolveMembers(
    name: string,
    found: FoundGroup,
    directory: OrgDirectory
): Promise<Pick<ResolvedJob, 'targets' | 'group'>> {
    const { group, members: memberRows } = found;
    const usernames = usernamesOf(memberRows);
    const queueNames = queueNamesOf(memberRows);
    const withCapacity = memberRows.filter((m) => m.Active__c && m.Capacity__c !== null && m.Capacity__c !== undefined);
    const [userRows, queueRows, leadQueues, loads] = await Promise.all([
        directory.usersByUsername(usernames),
        directory.queuesByDeveloperName(queueNames),
        directory.leadQueueNames(queueNames),
        directory.openLeadCountsByName(usernamesOf(withCapacity), queueNamesOf(withCapacity))
    ]);
    const users = new Map(userRows.map((u) => [u.Username.toLowerCase(), u]));
    const queues = new Map(queueRows.map((q) => [q.DeveloperName, q]));
    const members: Member[] = [];
    const targets: OwnerRef[] = [];
    for (const row of memberRows) {
        let owner: OwnerRef;
        let usable = row.Active__c;
        if (row.Member_Type__c === 'Queue') {
            const queue = queues.get(row.Queue_Developer_Name__c ?? '');
            if (!queue) {
                throw new BadInputError(
                    `Distribution group "${name}": member queue "${row.Queue_Developer_Name__c ?? ''}" does not exist: fix or remove the member.`
                );
            }
            if (!leadQueues.has(queue.DeveloperName)) {
                throw new BadInputError(
                    `Distribution group "${name}": member queue ${queue.Name} does not take leads: add Lead to the queue's supported objects or remove the member.`
                );
            }
            owner = { id: to18(queue.Id), type: 'Queue', name: queue.Name };
        } else {
            const user = users.get((row.Username__c ?? '').toLowerCase());
            if (!user) {
                throw new BadInputError(
                    `Distribution group "${name}": member user "${row.Username__c ?? ''}" does not exist: fix or remove the member.`
                );
            }
            owner = describeUser(user);
            usable &&= user.IsActive;
        }
        if (targets.some((t) => t.id === owner.id)) {
            throw new BadInputError(
                `Distribution group "${name}" lists ${owner.name} twice: remove one of the members.`
            );
        }
        targets.push(owner);
        const weight = row.Weight__c ?? 1;
        const capacity = row.Capacity__c ?? null;
        members.push({
            id: owner.id,
            weight,
            active: usable,
            paused: row.Paused__c === true,
            capacity,
            load: capacity === null ? 0 : (loads.get(owner.id) ?? 0),
            awayUntil: row.Away_Until__c ?? null
        });
    }
    if (!members.some((m) => m.active)) {
        throw new BadInputError(`Distribution group "${name}" has no active member: add or activate members.`);
    }
    const fallback = await resolveFallback(name, group.Fallback_Owner__c ?? null, directory);
    if (fallback && !targets.some((t) => t.id === fallback.id)) {
        targets.push(fallback);
    }
    return {
        targets,
        group: {
            id: group.Id,
            name: group.Name,
            members,
            state: parseState(group.State__c, name),
            ...(fallback ? { fallback } : {})
        }
    };
}

/**
 * The group's fallback owner as the org's routing reads it (FallbackOwners.cls): a reference with @ is
 * a username, anything else a queue DeveloperName; only an active user or a queue that takes leads.
 * One more round trip, only for a group that has a fallback; one that does not resolve refuses the
 * job, as an unresolvable member does, rather than leave leads with an owner nobody chose.
 */
async function resolveFallback(
    name: string,
    reference: string | null,
    directory: OrgDirectory
): Promise<OwnerRef | undefined> {
    const ref = reference?.trim() ?? '';
    if (ref === '') {
        return undefined;
    }
    const refuse = (): never => {
        throw new BadInputError(
            `Distribution group "${name}": fallback owner "${ref}" is not an active user or a queue that takes leads: fix or clear it.`
        );
    };
    if (ref.includes('@')) {
        const [user] = await directory.usersByUsername([ref]);
        return user && user.IsActive ? describeUser(user) : refuse();
    }
    const [queues, leadQueues] = await Promise.all([
        directory.queuesByDeveloperName([ref]),
        directory.leadQueueNames([ref])
    ]);
    const queue = queues[0];
    return queue && leadQueues.has(queue.DeveloperName)
        ? { id: to18(queue.Id), type: 'Queue', name: queue.Name }
        : refuse();
}

/** What the target names, as found in the org; resolveJob checks it once the source is known. */
type TargetLookup =
    | { kind: 'group'; found: FoundGroup | undefined }
    | { kind: 'queue'; queue: QueueInfo | undefined; takesLeads: boolean | undefined }
    | { kind: 'user'; owner: OwnerRef };

async function lookUpTarget(input: JobInput, directory: OrgDirectory): Promise<TargetLookup> {
    const { targetType, target } = input;
    if (targetType === 'Group') {
        return { kind: 'group', found: await directory.groupWithMembers(target.value) };
    }
    if (targetType === 'Queue') {
        if (target.id) {
            return { kind: 'queue', queue: (await directory.queuesById([target.id]))[0], takesLeads: undefined };
        }
        const [queue, leadQueues] = await Promise.all([
            directory.queueByDeveloperName(target.name!),
            directory.leadQueueNames([target.name!])
        ]);
        return { kind: 'queue', queue, takesLeads: queue ? leadQueues.has(queue.DeveloperName) : undefined };
    }
    const user = target.id ? (await directory.usersById([target.id]))[0] : await directory.userByUsername(target.name!);
    return { kind: 'user', owner: checkTargetUser(user, target.value, 'Target') };
}

/**
 * Checks the job record's input and resolves names to Ids. Every refusal is a BadInputError whose
 * message says what to fix; nothing in the org has changed when it is thrown. Lookups that do not
 * depend on each other are made together, so they share Composite Batch requests: the source and the
 * target first; then the group's members with their loads, a queue's Lead support and the size of
 * the selection.
 */
export async function resolveJob(record: JobRecord, directory: OrgDirectory): Promise<ResolvedJob> {
    const input = checkInput(record);
    const filters = {
        statuses: splitList(record.Filter_Statuses__c),
        minAgeDays: input.minAgeDays,
        countries: splitList(record.Filter_Countries__c)
    };
    // A refusal of the source is reported before one of the target.
    const [source, lookup] = await bothOrFirstError(resolveSource(input, directory), lookUpTarget(input, directory));
    const base = {
        dryRun: record.Dry_Run__c !== false,
        notify: record.Notify_Owners__c === true,
        source,
        sourceType: input.sourceType,
        filters,
        targetType: input.targetType
    } as const;
    const countSelection = directory.countLeads(selectionWhere({ source, filters }));
    // Awaited below; a refusal thrown before then must not leave it unhandled.
    countSelection.catch(() => undefined);

    let resolved: ResolvedJob;
    if (lookup.kind === 'group') {
        const name = input.target.value;
        if (!lookup.found) {
            throw new BadInputError(`Target: no distribution group named "${name}" exists: check the group name.`);
        }
        if (!lookup.found.group.Active__c) {
            throw new BadInputError(
                `Target: distribution group "${name}" is not active: activate it or choose another target.`
            );
        }
        const [members, timeZone] = await Promise.all([
            resolveMembers(name, lookup.found, directory),
            record.CreatedById ? directory.timeZoneOf(record.CreatedById) : Promise.resolve(undefined)
        ]);
        resolved = {
            ...base,
            ...members,
            group: members.group && timeZone ? { ...members.group, timeZone } : members.group
        };
    } else if (lookup.kind === 'queue') {
        const queue = lookup.queue;
        if (!queue) {
            throw new BadInputError(
                `Target: no queue with API name "${input.target.value}" exists: check the queue's API name (DeveloperName).`
            );
        }
        const takesLeads =
            lookup.takesLeads ?? (await directory.leadQueueNames([queue.DeveloperName])).has(queue.DeveloperName);
        if (!takesLeads) {
            throw new BadInputError(
                `Target: queue ${queue.Name} does not take leads: add Lead to the queue's supported objects in Setup > Queues, or choose another queue.`
            );
        }
        resolved = { ...base, targets: [{ id: to18(queue.Id), type: 'Queue', name: queue.Name }] };
    } else {
        resolved = { ...base, targets: [lookup.owner] };
    }
    if (resolved.targets.length === 1 && resolved.targets[0]!.id === source.id) {
        throw new BadInputError(`Source and target are the same (${source.name}): choose a different target.`);
    }
    const group = resolved.group;
    if (
        group &&
        resolved.targets.every((t) => t.id === source.id || !group.members.find((m) => m.id === t.id)?.active)
    ) {
        throw new BadInputError(
            `Distribution group "${group.name}" has no active member other than the source ${source.name}: choose another target.`
        );
    }
    const selectionSize = await countSelection;
    if (selectionSize === 0) {
        const protectedLeads = await directory.countLeads(protectedWhere({ source, filters }));
        throw new BadInputError(
            `The selection is empty: no open lead of ${describeSelection(resolved)}${protectedNote(protectedLeads)}. Check the source and widen the filters.`
        );
    }
    return { ...resolved, selectionSize };
}
