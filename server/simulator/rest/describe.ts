/** Describe resources: describeGlobal, sObject basic info and sObject describe, in a minimal real shape. */
import type { Ctx } from '../context';
import { notFound } from '../errors';
import type { FieldDef, ObjectDef } from '../schema';
import { sendJson } from '../httpUtil';

function urls(obj: ObjectDef, version: string): Record<string, string> {
    const base = `/services/data/v${version}/sobjects/${obj.name}`;
    return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function objectSummary(obj: ObjectDef, version: string): Record<string, unknown> {
    return {
        name: obj.name,
        label: obj.label,
        labelPlural: obj.labelPlural,
        keyPrefix: obj.keyPrefix,
        custom: obj.custom,
        createable: true,
        updateable: true,
        deletable: true,
        queryable: true,
        retrieveable: true,
        searchable: true,
        layoutable: true,
        urls: urls(obj, version)
    };
}

function soapType(f: FieldDef): string {
    const map: Record<string, string> = {
        id: 'tns:ID',
        reference: 'tns:ID',
        boolean: 'xsd:boolean',
        double: 'xsd:double',
        currency: 'xsd:double',
        percent: 'xsd:double',
        int: 'xsd:int',
        date: 'xsd:date',
        datetime: 'xsd:dateTime'
    };
    return map[f.type] ?? 'xsd:string';
}

function fieldDescribe(f: FieldDef): Record<string, unknown> {
    return {
        name: f.name,
        label: f.label,
        type: f.type,
        soapType: soapType(f),
        length: f.length ?? 0,
        precision: f.precision ?? 0,
        scale: f.scale ?? 0,
        custom: f.custom,
        calculated: f.calculated === true,
        autoNumber: f.autoNumberFormat !== undefined,
        createable: f.createable,
        updateable: f.updateable,
        nillable: f.nillable,
        defaultedOnCreate:
            f.defaultValue !== undefined ||
            ['Id', 'OwnerId', 'CreatedDate', 'CreatedById'].includes(f.name) ||
            f.type === 'boolean',
        defaultValue: f.defaultValue ?? null,
        externalId: f.externalId === true,
        idLookup: f.type === 'id',
        filterable: true,
        groupable: !['textarea', 'double', 'currency', 'percent', 'datetime'].includes(f.type),
        sortable: f.type !== 'textarea',
        unique: false,
        referenceTo: f.referenceTo ?? [],
        relationshipName: f.relationshipName ?? null,
        polymorphicForeignKey: (f.referenceTo?.length ?? 0) > 1,
        restrictedPicklist: f.restrictedPicklist === true,
        picklistValues: (f.picklistValues ?? []).map((v) => ({
            active: true,
            defaultValue: v === f.defaultValue,
            label: v,
            validFor: null,
            value: v
        }))
    };
}

/** GET /sobjects */
export function describeGlobal(ctx: Ctx): void {
    const sobjects = [...ctx.sim.store.objects.values()].map((o) => objectSummary(o, ctx.version));
    sendJson(ctx.res, 200, { encoding: 'UTF-8', maxBatchSize: 200, sobjects });
}

/** GET /sobjects/{type} */
export function basicInfo(ctx: Ctx): void {
    const obj = ctx.sim.store.describe(ctx.params[0]);
    if (!obj) throw notFound();
    sendJson(ctx.res, 200, { objectDescribe: objectSummary(obj, ctx.version), recentItems: [] });
}

/** GET /sobjects/{type}/describe */
export function describeObject(ctx: Ctx): void {
    const obj = ctx.sim.store.describe(ctx.params[0]);
    if (!obj) throw notFound();
    sendJson(ctx.res, 200, {
        ...objectSummary(obj, ctx.version),
        fields: obj.fields.map(fieldDescribe),
        childRelationships: obj.childRelationships.map((c) => ({
            ...c,
            cascadeDelete: false,
            deprecatedAndHidden: false
        })),
        recordTypeInfos: [],
        supportedScopes: [{ label: 'All leads', name: 'everything' }]
    });
}
