/** A name some source (SOQL, an LWC import, a permission set, ...) expects the org's schema to have. */

export type StepKind = 'field' | 'parent' | 'child';

export interface PathStep {
    name: string;
    /** `field`: the last element; `parent`: a lookup relationship (Owner, Account__r); `child`: a child relationship. */
    kind: StepKind;
}

export interface SchemaReference {
    file: string;
    line: number;
    /** What named it, for the message: "SOQL", "LWC schema import", "permission set field", ... */
    source: string;
    /** The sObject the path starts from. */
    object: string;
    /** Empty when only the object is named. */
    steps: PathStep[];
    /** The name as written in the source, for the message. */
    display: string;
}

/** `Owner.UserRoleId` -> parent Owner, field UserRoleId. */
export function fieldPath(path: string): PathStep[] {
    const parts = path.split('.').filter((p) => p.length > 0);
    return parts.map((name, i) => ({ name, kind: i === parts.length - 1 ? 'field' : 'parent' }));
}
