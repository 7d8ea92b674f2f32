// Past 400 lines: most of it is the field lists of the standard objects the service reads and writes (STANDARD_OBJECTS).
/**
 * The simulator's schema: the standard objects a Partner Desk org uses, defined here, plus the custom
 * objects and fields read from force-app (see metadata.ts). Field names are matched case-insensitively,
 * as Salesforce does.
 */

export type FieldType =
    | 'id'
    | 'string'
    | 'textarea'
    | 'picklist'
    | 'multipicklist'
    | 'email'
    | 'phone'
    | 'url'
    | 'reference'
    | 'boolean'
    | 'double'
    | 'int'
    | 'currency'
    | 'percent'
    | 'date'
    | 'datetime'
    | 'base64';

/** How a field's values are held in the store. */
export type Storage = 'id' | 'string' | 'number' | 'boolean' | 'computed';

export interface FieldDef {
    name: string;
    label: string;
    type: FieldType;
    length?: number;
    precision?: number;
    scale?: number;
    referenceTo?: string[];
    relationshipName?: string;
    /** For custom lookups: the child relationship name on the parent (e.g. Members__r). */
    childRelationshipName?: string;
    picklistValues?: string[];
    restrictedPicklist?: boolean;
    defaultValue?: string | number | boolean | null;
    required?: boolean;
    createable: boolean;
    updateable: boolean;
    nillable: boolean;
    custom: boolean;
    externalId?: boolean;
    /** Formula and compound fields: read-only, computed on read. */
    calculated?: boolean;
    autoNumberFormat?: string;
}

export interface ObjectDef {
    name: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    custom: boolean;
    fields: FieldDef[];
    byName: Map<string, FieldDef>;
    /** Lower-cased relationship name -> reference field. */
    relationships: Map<string, FieldDef>;
    /** Child relationships declared by lookups on other objects (filled in by buildSchema). */
    childRelationships: { childSObject: string; field: string; relationshipName: string | null }[];
}

export function storageOf(field: FieldDef): Storage {
    if (field.calculated) return 'computed';
    switch (field.type) {
        case 'id':
            return 'id';
        case 'boolean':
            return 'boolean';
        case 'double':
        case 'int':
        case 'currency':
        case 'percent':
        case 'date':
        case 'datetime':
            return 'number';
        default:
            return 'string';
    }
}

type FieldSpec = Partial<FieldDef> & { name: string; type: FieldType };

function field(spec: FieldSpec): FieldDef {
    const system = [
        'Id',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'IsDeleted'
    ];
    const readOnly = system.includes(spec.name) || spec.calculated === true;
    return {
        label: spec.label ?? labelFromName(spec.name),
        createable: !readOnly,
        updateable: !readOnly,
        nillable: spec.type !== 'boolean' && !spec.required && spec.name !== 'Id',
        custom: spec.name.endsWith('__c'),
        ...spec
    };
}

function labelFromName(name: string): string {
    const base = name.replace(/__c$/, '').replace(/Id$/, ' ID').replace(/_/g, ' ');
    return base.replace(/([a-z])([A-Z])/g, '$1 $2').trim();
}

/** The system fields every object has besides Id: deleted flag, created/modified stamps. */
export const SYSTEM_FIELDS: FieldSpec[] = [
    { name: 'IsDeleted', type: 'boolean', label: 'Deleted' },
    { name: 'CreatedDate', type: 'datetime', label: 'Created Date' },
    {
        name: 'CreatedById',
        type: 'reference',
        referenceTo: ['User'],
        relationshipName: 'CreatedBy',
        label: 'Created By ID'
    },
    { name: 'LastModifiedDate', type: 'datetime', label: 'Last Modified Date' },
    {
        name: 'LastModifiedById',
        type: 'reference',
        referenceTo: ['User'],
        relationshipName: 'LastModifiedBy',
        label: 'Last Modified By ID'
    },
    { name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp' }
];

const audit: FieldSpec[] = [{ name: 'Id', type: 'id', label: 'Record ID' }, ...SYSTEM_FIELDS];

const owner = (referenceTo: string[]): FieldSpec => ({
    name: 'OwnerId',
    type: 'reference',
    referenceTo,
    relationshipName: 'Owner',
    label: 'Owner ID'
});

/** Lookups that may point at a record of any object (files shared with any record). */
export const ANY_OBJECT = ['*'];

const leadStatuses = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];
const leadSources = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];

/** Standard objects and the standard fields the service and the sample data use. */
export const STANDARD_OBJECTS: {
    name: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    fields: FieldSpec[];
}[] = [
    {
        name: 'Organization',
        label: 'Organization',
        labelPlural: 'Organizations',
        keyPrefix: '00D',
        fields: [
            { name: 'Name', type: 'string', length: 80 },
            { name: 'IsSandbox', type: 'boolean' },
            { name: 'OrganizationType', type: 'string', length: 40 },
            { name: 'InstanceName', type: 'string', length: 5 },
            { name: 'NamespacePrefix', type: 'string', length: 15 }
        ]
    },
    {
        name: 'User',
        label: 'User',
        labelPlural: 'Users',
        keyPrefix: '005',
        fields: [
            { name: 'Username', type: 'string', length: 80, required: true },
            { name: 'Name', type: 'string', length: 121, calculated: true, label: 'Full Name' },
            { name: 'FirstName', type: 'string', length: 40 },
            { name: 'LastName', type: 'string', length: 80, required: true },
            { name: 'Email', type: 'email', length: 128, required: true },
            { name: 'Alias', type: 'string', length: 8 },
            { name: 'IsActive', type: 'boolean', label: 'Active', defaultValue: true },
            {
                name: 'UserType',
                type: 'picklist',
                picklistValues: [
                    'Standard',
                    'PowerPartner',
                    'PowerCustomerSuccess',
                    'CspLitePortal',
                    'CsnOnly',
                    'Guest'
                ],
                defaultValue: 'Standard'
            },
            { name: 'ContactId', type: 'reference', referenceTo: ['Contact'], relationshipName: 'Contact' },
            { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' },
            { name: 'FederationIdentifier', type: 'string', length: 512 },
            { name: 'Title', type: 'string', length: 80 },
            {
                name: 'LanguageLocaleKey',
                type: 'picklist',
                picklistValues: ['en_US', 'no', 'el', 'in'],
                defaultValue: 'en_US'
            },
            { name: 'TimeZoneSidKey', type: 'string', length: 40, defaultValue: 'Europe/Oslo' },
            { name: 'LocaleSidKey', type: 'string', length: 40, defaultValue: 'en_US' },
            ...audit
        ]
    },
    {
        name: 'Group',
        label: 'Group',
        labelPlural: 'Groups',
        keyPrefix: '00G',
        fields: [
            { name: 'Name', type: 'string', length: 40, required: true },
            { name: 'DeveloperName', type: 'string', length: 80 },
            {
                name: 'Type',
                type: 'picklist',
                picklistValues: ['Regular', 'Queue', 'Role', 'Organization'],
                defaultValue: 'Regular'
            },
            { name: 'Email', type: 'email', length: 255 },
            { name: 'DoesSendEmailToMembers', type: 'boolean' },
            owner(['User']),
            ...audit
        ]
    },
    {
        name: 'GroupMember',
        label: 'Group Member',
        labelPlural: 'Group Members',
        keyPrefix: '011',
        fields: [
            { name: 'GroupId', type: 'reference', referenceTo: ['Group'], relationshipName: 'Group', required: true },
            { name: 'UserOrGroupId', type: 'reference', referenceTo: ['User', 'Group'], required: true },
            ...audit
        ]
    },
    {
        name: 'QueueSobject',
        label: 'Queue Sobject',
        labelPlural: 'Queue Sobjects',
        keyPrefix: '03g',
        fields: [
            { name: 'QueueId', type: 'reference', referenceTo: ['Group'], relationshipName: 'Queue', required: true },
            { name: 'SobjectType', type: 'string', length: 40, required: true },
            ...audit
        ]
    },
    {
        name: 'Account',
        label: 'Account',
        labelPlural: 'Accounts',
        keyPrefix: '001',
        fields: [
            { name: 'Name', type: 'string', length: 255, required: true, label: 'Account Name' },
            { name: 'IsPartner', type: 'boolean', label: 'Partner Account' },
            { name: 'BillingCountry', type: 'string', length: 80 },
            {
                name: 'Industry',
                type: 'picklist',
                picklistValues: ['Technology', 'Manufacturing', 'Retail', 'Finance', 'Other']
            },
            {
                name: 'Type',
                type: 'picklist',
                picklistValues: ['Prospect', 'Customer', 'Partner', 'Other'],
                label: 'Account Type'
            },
            owner(['User']),
            ...audit
        ]
    },
    {
        name: 'Contact',
        label: 'Contact',
        labelPlural: 'Contacts',
        keyPrefix: '003',
        fields: [
            { name: 'Name', type: 'string', length: 121, calculated: true, label: 'Full Name' },
            { name: 'FirstName', type: 'string', length: 40 },
            { name: 'LastName', type: 'string', length: 80, required: true },
            { name: 'Email', type: 'email', length: 80 },
            { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' },
            owner(['User']),
            ...audit
        ]
    },
    {
        name: 'Lead',
        label: 'Lead',
        labelPlural: 'Leads',
        keyPrefix: '00Q',
        fields: [
            { name: 'Name', type: 'string', length: 121, calculated: true, label: 'Full Name' },
            { name: 'FirstName', type: 'string', length: 40 },
            { name: 'LastName', type: 'string', length: 80, required: true },
            { name: 'Company', type: 'string', length: 255, required: true },
            { name: 'Email', type: 'email', length: 80 },
            { name: 'Phone', type: 'phone', length: 40 },
            { name: 'Title', type: 'string', length: 128 },
            { name: 'Country', type: 'string', length: 80 },
            { name: 'City', type: 'string', length: 40 },
            {
                name: 'Status',
                type: 'picklist',
                picklistValues: leadStatuses,
                restrictedPicklist: true,
                defaultValue: leadStatuses[0],
                label: 'Lead Status'
            },
            { name: 'LeadSource', type: 'picklist', picklistValues: leadSources, label: 'Lead Source' },
            { name: 'Rating', type: 'picklist', picklistValues: ['Hot', 'Warm', 'Cold'] },
            {
                name: 'Industry',
                type: 'picklist',
                picklistValues: ['Technology', 'Manufacturing', 'Retail', 'Finance', 'Other']
            },
            { name: 'IsConverted', type: 'boolean', label: 'Converted' },
            { name: 'IsUnreadByOwner', type: 'boolean', label: 'Unread By Owner' },
            owner(['User', 'Group']),
            ...audit
        ]
    },
    {
        name: 'ContentVersion',
        label: 'Content Version',
        labelPlural: 'Content Versions',
        keyPrefix: '068',
        fields: [
            { name: 'Title', type: 'string', length: 255, required: true },
            { name: 'PathOnClient', type: 'string', length: 500, required: true },
            { name: 'VersionData', type: 'base64', label: 'Version Data' },
            { name: 'FileExtension', type: 'string', length: 40 },
            {
                name: 'ContentDocumentId',
                type: 'reference',
                referenceTo: ['ContentDocument'],
                relationshipName: 'ContentDocument'
            },
            { name: 'FirstPublishLocationId', type: 'reference', referenceTo: ANY_OBJECT },
            { name: 'ContentSize', type: 'int' },
            { name: 'IsLatest', type: 'boolean' },
            owner(['User']),
            ...audit
        ]
    },
    {
        name: 'ContentDocument',
        label: 'Content Document',
        labelPlural: 'Content Documents',
        keyPrefix: '069',
        fields: [
            { name: 'Title', type: 'string', length: 255 },
            {
                name: 'LatestPublishedVersionId',
                type: 'reference',
                referenceTo: ['ContentVersion'],
                relationshipName: 'LatestPublishedVersion'
            },
            { name: 'FileExtension', type: 'string', length: 40 },
            { name: 'ContentSize', type: 'int' },
            owner(['User']),
            ...audit
        ]
    },
    {
        name: 'ContentDocumentLink',
        label: 'Content Document Link',
        labelPlural: 'Content Document Links',
        keyPrefix: '06A',
        fields: [
            {
                name: 'ContentDocumentId',
                type: 'reference',
                referenceTo: ['ContentDocument'],
                relationshipName: 'ContentDocument',
                required: true
            },
            {
                name: 'LinkedEntityId',
                type: 'reference',
                referenceTo: ANY_OBJECT,
                relationshipName: 'LinkedEntity',
                required: true
            },
            { name: 'ShareType', type: 'picklist', picklistValues: ['V', 'C', 'I'], defaultValue: 'V' },
            {
                name: 'Visibility',
                type: 'picklist',
                picklistValues: ['AllUsers', 'InternalUsers', 'SharedUsers'],
                defaultValue: 'AllUsers'
            },
            { name: 'IsDeleted', type: 'boolean', label: 'Deleted' },
            { name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp' }
        ]
    }
];

export function makeObject(spec: {
    name: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    custom: boolean;
    fields: FieldSpec[];
}): ObjectDef {
    const obj: ObjectDef = {
        name: spec.name,
        label: spec.label,
        labelPlural: spec.labelPlural,
        keyPrefix: spec.keyPrefix,
        custom: spec.custom,
        fields: [],
        byName: new Map(),
        relationships: new Map(),
        childRelationships: []
    };
    const idFirst = spec.fields.some((f) => f.name === 'Id')
        ? spec.fields
        : [{ name: 'Id', type: 'id' as const, label: 'Record ID' }, ...spec.fields];
    for (const f of idFirst) addField(obj, field(f));
    return obj;
}

export function addField(obj: ObjectDef, def: FieldDef): void {
    const key = def.name.toLowerCase();
    if (obj.byName.has(key)) return;
    obj.fields.push(def);
    obj.byName.set(key, def);
    if (def.type === 'reference' && def.relationshipName)
        obj.relationships.set(def.relationshipName.toLowerCase(), def);
}

export { field as makeField };
export type { FieldSpec };
