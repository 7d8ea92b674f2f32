// Past 400 lines: a third of it is the fixed lists the sample accounts, users and leads are drawn from; the rest is one seeded loader.
/**
 * Deterministic sample data for the simulator: partner accounts with contacts and partner users,
 * internal users, partner queues (Group Type Queue + QueueSobject for Lead + GroupMember), a deactivated
 * partner user who still owns leads, distribution groups when force-app defines them, and N leads
 * spread over users and queues with statuses, countries, sources and created dates.
 */
import type { Store, Table } from './store';
import type { Value } from './values';

export interface SampleOptions {
    /** Number of leads (default 5,000). */
    leads?: number;
    seed?: number;
}

export const SAMPLE_SIZES: Record<'small' | 'large', SampleOptions> = {
    small: { leads: 5000 },
    large: { leads: 1000000 }
};

export interface SampleUser {
    id: string;
    username: string;
    accountId?: string;
    active: boolean;
}

export interface SampleQueue {
    id: string;
    developerName: string;
    accountId?: string;
}

export interface SampleInfo {
    partnerAccountIds: string[];
    partnerUsers: SampleUser[];
    internalUsers: SampleUser[];
    /** A partner user who has left: inactive, still owning leads. */
    inactivePartnerUser: SampleUser;
    queues: SampleQueue[];
    /** A queue that does not take leads (its QueueSobject is for Case). */
    nonLeadQueue: SampleQueue;
    distributionGroupIds: string[];
    leadCount: number;
}

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Language, locale and time zone of each sample partner's users (the others keep the defaults: English). */
const PARTNER_LOCALES: Record<string, { LanguageLocaleKey: string; LocaleSidKey: string; TimeZoneSidKey: string }> = {
    nordic: { LanguageLocaleKey: 'no', LocaleSidKey: 'no_NO', TimeZoneSidKey: 'Europe/Oslo' },
    aegean: { LanguageLocaleKey: 'el', LocaleSidKey: 'el_GR', TimeZoneSidKey: 'Europe/Athens' },
    nusantara: { LanguageLocaleKey: 'in', LocaleSidKey: 'in_ID', TimeZoneSidKey: 'Asia/Jakarta' }
};

const PARTNERS = [
    {
        name: 'Nordic Solutions AS',
        slug: 'nordic',
        country: 'Norway',
        people: [
            ['Ingrid', 'Hansen'],
            ['Lars', 'Berg'],
            ['Kari', 'Nilsen']
        ]
    },
    {
        name: 'Aegean Systems SA',
        slug: 'aegean',
        country: 'Greece',
        people: [
            ['Eleni', 'Papadopoulou'],
            ['Nikos', 'Georgiou'],
            ['Maria', 'Dimitriou']
        ]
    },
    {
        name: 'Nusantara Tech PT',
        slug: 'nusantara',
        country: 'Indonesia',
        people: [
            ['Siti', 'Rahayu'],
            ['Budi', 'Santoso'],
            ['Dewi', 'Lestari']
        ]
    },
    {
        name: 'Alpine Data GmbH',
        slug: 'alpine',
        country: 'Germany',
        people: [
            ['Anna', 'Müller'],
            ['Jonas', 'Weber'],
            ['Lea', 'Schmidt']
        ]
    },
    {
        name: 'Pacific Partners Ltd',
        slug: 'pacific',
        country: 'Australia',
        people: [
            ['Olivia', 'Smith'],
            ['Jack', 'Brown'],
            ['Chloe', 'Wilson']
        ]
    },
    {
        name: 'Maple Channel Inc',
        slug: 'maple',
        country: 'Canada',
        people: [
            ['Emma', 'Tremblay'],
            ['Liam', 'Roy'],
            ['Noah', 'Gagnon']
        ]
    }
];

const INTERNAL = [
    ['Camille', 'Moreau', 'cm@partnerdesk.sim', 'Channel Manager'],
    ['Sam', 'Admin', 'admin@partnerdesk.sim', 'System Administrator'],
    ['Rita', 'Olsen', 'rita.olsen@partnerdesk.sim', 'Sales Representative'],
    ['Tom', 'Andersen', 'tom.andersen@partnerdesk.sim', 'Sales Representative']
];

const COUNTRIES = [
    'Norway',
    'Sweden',
    'Denmark',
    'Greece',
    'Cyprus',
    'Indonesia',
    'Germany',
    'Austria',
    'Australia',
    'Canada',
    'United States',
    'United Kingdom'
];
const FIRST = [
    'Ada',
    'Ben',
    'Cora',
    'Dag',
    'Eva',
    'Finn',
    'Gro',
    'Hugo',
    'Ida',
    'Jon',
    'Kim',
    'Liv',
    'Mats',
    'Nora',
    'Ole',
    'Pia',
    'Rune',
    'Siri',
    'Tor',
    'Una',
    'Vera',
    'Yusuf',
    'Zoe',
    'Ali'
];
const LAST = [
    'Aas',
    'Bakke',
    'Dahl',
    'Eide',
    'Foss',
    'Haug',
    'Lie',
    'Moen',
    'Strand',
    'Vik',
    'Lund',
    'Ruud',
    'Sæther',
    'Kvam',
    'Nyberg',
    'Holm',
    'Ek',
    'Lind',
    'Wold',
    'Brekke'
];
const ADJ = [
    'Blue',
    'Bright',
    'North',
    'Swift',
    'Green',
    'Silver',
    'Prime',
    'Urban',
    'Coastal',
    'Summit',
    'Clear',
    'Bold'
];
const NOUN = ['Fjord', 'Harbor', 'Pine', 'Ridge', 'Delta', 'Forge', 'Orbit', 'Peak', 'Bay', 'Field', 'Stone', 'Wave'];
const SUFFIX = ['AS', 'Ltd', 'GmbH', 'Inc', 'SA', 'PT'];
const STATUSES: [string, number][] = [
    ['Open - Not Contacted', 0.45],
    ['Working - Contacted', 0.3],
    ['Closed - Converted', 0.1],
    ['Closed - Not Converted', 0.15]
];
const SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];

function weightedIndex(rand: () => number, weights: number[]): number {
    let r = rand();
    for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
    }
    return weights.length - 1;
}

/** Sets only the fields the schema has, so sample data follows the metadata as it changes. */
function insertKnown(store: Store, objectName: string, values: Record<string, Value>): string {
    const obj = store.describe(objectName)!;
    const known = Object.fromEntries(Object.entries(values).filter(([k]) => obj.byName.has(k.toLowerCase())));
    return store.insertRaw(objectName, known);
}

export function loadSampleData(store: Store, options: SampleOptions = {}): SampleInfo {
    const rand = prng(options.seed ?? 42);
    const leadCount = options.leads ?? SAMPLE_SIZES.small.leads!;
    const internalUsers: SampleUser[] = INTERNAL.map(([first, last, username, title]) => ({
        id: insertKnown(store, 'User', {
            Username: username,
            FirstName: first,
            LastName: last,
            Email: username,
            Alias: (first.slice(0, 1) + last.slice(0, 4)).toLowerCase(),
            Title: title,
            IsActive: true,
            UserType: 'Standard'
        }),
        username,
        active: true
    }));
    const partnerAccountIds: string[] = [];
    const partnerUsers: SampleUser[] = [];
    const queues: SampleQueue[] = [];
    let inactivePartnerUser: SampleUser | undefined;
    for (const p of PARTNERS) {
        const accountId = insertKnown(store, 'Account', {
            Name: p.name,
            IsPartner: true,
            Type: 'Partner',
            BillingCountry: p.country,
            Industry: 'Technology',
            OwnerId: internalUsers[0].id,
            Channel_Manager__c: internalUsers[0].id
        });
        partnerAccountIds.push(accountId);
        const queueId = insertKnown(store, 'Group', {
            Name: `${p.name} Leads`,
            DeveloperName: `Partner_${p.slug[0].toUpperCase()}${p.slug.slice(1)}_Leads`,
            Type: 'Queue'
        });
        insertKnown(store, 'QueueSobject', { QueueId: queueId, SobjectType: 'Lead' });
        queues.push({
            id: queueId,
            developerName: `Partner_${p.slug[0].toUpperCase()}${p.slug.slice(1)}_Leads`,
            accountId
        });
        p.people.forEach(([first, last], i) => {
            const email = `${first}.${last}@${p.slug}.partner.sim`
                .toLowerCase()
                .normalize('NFD')
                .replace(/[\u0300-\u036f]/g, '');
            const contactId = insertKnown(store, 'Contact', {
                FirstName: first,
                LastName: last,
                Email: email,
                AccountId: accountId,
                OwnerId: internalUsers[0].id
            });
            // The first partner's third person has left: a deactivated partner user who still owns leads.
            const active = !(p.slug === 'nordic' && i === 2);
            const userId = insertKnown(store, 'User', {
                Username: email,
                FirstName: first,
                LastName: last,
                Email: email,
                Alias: (first.slice(0, 1) + last.slice(0, 4)).toLowerCase(),
                IsActive: active,
                UserType: 'PowerPartner',
                ContactId: contactId,
                AccountId: accountId,
                FederationIdentifier: `fed-${p.slug}-${i + 1}`,
                ...(PARTNER_LOCALES[p.slug] ?? {})
            });
            const user = { id: userId, username: email, accountId, active };
            if (active) {
                partnerUsers.push(user);
                insertKnown(store, 'GroupMember', { GroupId: queueId, UserOrGroupId: userId });
            } else inactivePartnerUser = user;
        });
    }
    const intakeId = insertKnown(store, 'Group', { Name: 'Lead Intake', DeveloperName: 'Lead_Intake', Type: 'Queue' });
    insertKnown(store, 'QueueSobject', { QueueId: intakeId, SobjectType: 'Lead' });
    queues.push({ id: intakeId, developerName: 'Lead_Intake' });
    const caseQueueId = insertKnown(store, 'Group', {
        Name: 'Case Escalations',
        DeveloperName: 'Case_Escalations',
        Type: 'Queue'
    });
    insertKnown(store, 'QueueSobject', { QueueId: caseQueueId, SobjectType: 'Case' });
    const distributionGroupIds = sampleDistributionGroups(store, partnerUsers, queues, partnerAccountIds);
    insertLeads(store, rand, leadCount, { partnerUsers, queues, internalUsers, inactive: inactivePartnerUser! });
    return {
        partnerAccountIds,
        partnerUsers,
        internalUsers,
        inactivePartnerUser: inactivePartnerUser!,
        queues,
        nonLeadQueue: { id: caseQueueId, developerName: 'Case_Escalations' },
        distributionGroupIds,
        leadCount
    };
}

function sampleDistributionGroups(
    store: Store,
    partnerUsers: SampleUser[],
    queues: SampleQueue[],
    accounts: string[]
): string[] {
    if (!store.describe('Distribution_Group__c') || !store.describe('Distribution_Member__c')) return [];
    const groups = [
        { name: 'Nordics', countries: 'Norway;Sweden;Denmark', order: 1, partners: [0, 3] },
        { name: 'Southern Europe and Asia', countries: 'Greece;Cyprus;Indonesia', order: 2, partners: [1, 2] }
    ];
    return groups.map((g) => {
        const groupId = insertKnown(store, 'Distribution_Group__c', {
            Name: g.name,
            Active__c: true,
            Sort_Order__c: g.order,
            Criteria_Countries__c: g.countries,
            Notify_Owners__c: true,
            Accept_Within_Hours__c: 48,
            Description__c: `Sample group for ${g.countries.replace(/;/g, ', ')}`
        });
        g.partners.forEach((pi, k) => {
            const queue = queues.find((q) => q.accountId === accounts[pi])!;
            insertKnown(store, 'Distribution_Member__c', {
                Distribution_Group__c: groupId,
                Member_Type__c: 'Queue',
                Queue_Developer_Name__c: queue.developerName,
                Weight__c: k === 0 ? 2 : 1,
                Active__c: true,
                Partner_Account__c: accounts[pi]
            });
            const user = partnerUsers.find((u) => u.accountId === accounts[pi])!;
            insertKnown(store, 'Distribution_Member__c', {
                Distribution_Group__c: groupId,
                Member_Type__c: 'User',
                Username__c: user.username,
                Weight__c: 1,
                Capacity__c: 500,
                Active__c: true,
                Partner_Account__c: accounts[pi]
            });
        });
        return groupId;
    });
}

function insertLeads(
    store: Store,
    rand: () => number,
    count: number,
    owners: { partnerUsers: SampleUser[]; queues: SampleQueue[]; internalUsers: SampleUser[]; inactive: SampleUser }
): void {
    const table: Table = store.table('Lead')!;
    table.reserve(count);
    const ownerPool: [string, number][] = [
        ...owners.queues.map((q) => [q.id, 0.4 / owners.queues.length] as [string, number]),
        ...owners.partnerUsers.map((u) => [u.id, 0.45 / owners.partnerUsers.length] as [string, number]),
        ...owners.internalUsers.slice(2).map((u) => [u.id, 0.1 / 2] as [string, number]),
        [owners.inactive.id, 0.05]
    ];
    const ownerIds = ownerPool.map(([id]) => id);
    const set = (name: string): ((row: number, v: Value) => void) => {
        const field = table.field(name);
        return field ? table.setter(field) : () => undefined;
    };
    /** Picks from a fixed pool of strings by writing pre-interned dictionary codes. */
    const pool = (name: string, values: string[]): ((row: number, index: number) => void) => {
        const enc = table.encoder(table.field(name)!);
        const codes = values.map((v) => enc.code(v));
        return (row, index) => enc.put(row, codes[index]);
    };
    const companies = ADJ.flatMap((a) => NOUN.flatMap((n) => SUFFIX.map((x) => `${a} ${n} ${x}`)));
    const first = pool('FirstName', FIRST);
    const last = pool('LastName', LAST);
    const company = pool('Company', companies);
    const country = pool('Country', COUNTRIES);
    const statusOf = pool(
        'Status',
        STATUSES.map(([s]) => s)
    );
    const source = pool('LeadSource', SOURCES);
    const converted = set('IsConverted');
    const ownerOf = pool('OwnerId', ownerIds);
    const createdDate = set('CreatedDate');
    const modified = set('LastModifiedDate');
    const stamp = set('SystemModstamp');
    const createdBy = set('CreatedById');
    const modifiedBy = set('LastModifiedById');
    const routedAt = table.field('Routed_At__c') ? set('Routed_At__c') : undefined;
    const ownerWeights: number[] = ownerPool.map(([, w]) => w);
    const statusWeights: number[] = STATUSES.map(([, w]) => w);
    const now = Date.now();
    const year = 365 * 86400000;
    const creator = store.integrationUserId;
    for (let i = 0; i < count; i++) {
        const row = table.append();
        const status = weightedIndex(rand, statusWeights);
        const created = Math.floor(now - rand() * year);
        const owner = weightedIndex(rand, ownerWeights);
        first(row, Math.floor(rand() * FIRST.length));
        last(row, Math.floor(rand() * LAST.length));
        company(row, Math.floor(rand() * companies.length));
        country(row, Math.floor(rand() * COUNTRIES.length));
        statusOf(row, status);
        source(row, Math.floor(rand() * SOURCES.length));
        converted(row, STATUSES[status][0] === 'Closed - Converted');
        ownerOf(row, owner);
        createdDate(row, created);
        modified(row, created);
        stamp(row, created);
        createdBy(row, creator);
        modifiedBy(row, creator);
        if (routedAt) routedAt(row, created + Math.floor(rand() * 86400000));
    }
}
