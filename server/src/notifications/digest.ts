/** One lead in a digest. */
export interface DigestLead {
    id: string;
    name: string;
    company: string | null;
}

export interface DigestInput {
    jobName: string;
    recipientName: string;
    instanceUrl: string;
    /** All leads the recipient received; at most `listLimit` are listed by name. */
    total: number;
    leads: DigestLead[];
    listLimit?: number;
}

/** The one email a partner user gets per job: every lead they received, in one message. */
export function buildDigest(input: DigestInput): { subject: string; body: string } {
    const limit = input.listLimit ?? 200;
    const noun = input.total === 1 ? 'lead' : 'leads';
    const lines = input.leads.slice(0, limit).map((lead) => `- ${lead.name}${lead.company ? ` (${lead.company})` : ''}: ${input.instanceUrl}/${lead.id}`);
    const more = input.total > lines.length ? [`... and ${input.total - lines.length} more in your Leads inbox.`] : [];
    return {
        subject: `You have ${input.total} new ${noun} (${input.jobName})`,
        body: [`Hello ${input.recipientName},`, '', `${input.total} ${noun} were assigned to you by bulk reassignment ${input.jobName}:`, '', ...lines, ...more, '', 'Partner Desk'].join('\n')
    };
}

/** The dedupe key of a digest: one per job and recipient, whatever restarts or instances do. */
export const digestKey = (jobId: string, recipientId: string): string => `digest:${jobId}:${recipientId}`;
