import type { OrgClient } from '../salesforce/orgClient';
import { soqlList, soqlString } from '../salesforce/soql';

/** How a user wants to hear from Partner Desk (Notification_Preference__c.Delivery__c; Digest when unset). */
export const DELIVERIES = ['Immediate', 'Digest', 'Daily', 'Off'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export interface Recipient {
    id: string;
    name: string;
    email: string | null;
    active: boolean;
    userType: string;
    languageLocaleKey: string | null;
    localeSidKey: string | null;
    timeZoneSidKey: string | null;
    delivery: Delivery;
}

/** Who gets messages and how they want them; the org is where both live. */
export interface RecipientDirectory {
    recipients(ids: string[]): Promise<Map<string, Recipient>>;
    setDelivery(userId: string, delivery: Delivery): Promise<void>;
}

interface UserRow {
    Id: string;
    Name: string;
    Email: string | null;
    IsActive: boolean;
    UserType: string;
    LanguageLocaleKey: string | null;
    LocaleSidKey: string | null;
    TimeZoneSidKey: string | null;
}

const PREFERENCE = 'Notification_Preference__c';

/**
 * Users and their Notification_Preference__c records, read through the org. The preference is a small
 * record per user (User__c, a unique User_Key__c, Delivery__c) owned by that user, so it survives the
 * service's store and a partner can change it from the partner site.
 */
export class OrgRecipients implements RecipientDirectory {
    constructor(private readonly client: OrgClient) {}

    async recipients(ids: string[]): Promise<Map<string, Recipient>> {
        const found = new Map<string, Recipient>();
        const userIds = [...new Set(ids.filter((id) => id.startsWith('005')))];
        for (let i = 0; i < userIds.length; i += 200) {
            const chunk = soqlList(userIds.slice(i, i + 200));
            const [users, preferences] = await Promise.all([
                this.client.query<UserRow>(
                    `SELECT Id, Name, Email, IsActive, UserType, LanguageLocaleKey, LocaleSidKey, TimeZoneSidKey FROM User WHERE Id IN ${chunk}`
                ),
                this.client.query<{ User__c: string; Delivery__c: string | null }>(
                    `SELECT User__c, Delivery__c FROM ${PREFERENCE} WHERE User__c IN ${chunk}`
                )
            ]);
            const delivery = new Map(preferences.map((p) => [p.User__c, p.Delivery__c]));
            for (const user of users) {
                const chosen = delivery.get(user.Id);
                found.set(user.Id, {
                    id: user.Id,
                    name: user.Name,
                    email: user.Email,
                    active: user.IsActive,
                    userType: user.UserType,
                    languageLocaleKey: user.LanguageLocaleKey,
                    localeSidKey: user.LocaleSidKey,
                    timeZoneSidKey: user.TimeZoneSidKey,
                    delivery: (DELIVERIES as readonly string[]).includes(chosen ?? '') ? (chosen as Delivery) : 'Digest'
                });
            }
        }
        return found;
    }

    /** Creates or updates the user's preference record; a concurrent create is caught by the unique key. */
    async setDelivery(userId: string, delivery: Delivery): Promise<void> {
        const existing = async () =>
            (
                await this.client.query<{ Id: string }>(
                    `SELECT Id FROM ${PREFERENCE} WHERE User_Key__c = ${soqlString(userId)} LIMIT 1`
                )
            )[0];
        const record = await existing();
        if (record) {
            await this.client.rest('PATCH', `${this.client.dataPath}/sobjects/${PREFERENCE}/${record.Id}`, {
                Delivery__c: delivery
            });
            return;
        }
        try {
            await this.client.rest('POST', `${this.client.dataPath}/sobjects/${PREFERENCE}`, {
                User__c: userId,
                User_Key__c: userId,
                OwnerId: userId,
                Delivery__c: delivery
            });
        } catch (error) {
            const again = await existing();
            if (!again) {
                throw error;
            }
            await this.client.rest('PATCH', `${this.client.dataPath}/sobjects/${PREFERENCE}/${again.Id}`, {
                Delivery__c: delivery
            });
        }
    }
}
