/** Every text of the inbox settings, from Custom Labels (InboxSettings.labels-meta.xml). */
import AVAILABLE from '@salesforce/label/c.Inbox_Settings_Available';
import AWAY_CLEAR from '@salesforce/label/c.Inbox_Settings_Away_Clear';
import AWAY_CLEARED from '@salesforce/label/c.Inbox_Settings_Away_Cleared';
import AWAY_EFFECT from '@salesforce/label/c.Inbox_Settings_Away_Effect';
import AWAY_HEADING from '@salesforce/label/c.Inbox_Settings_Away_Heading';
import AWAY_HELP from '@salesforce/label/c.Inbox_Settings_Away_Help';
import AWAY_LABEL from '@salesforce/label/c.Inbox_Settings_Away_Label';
import AWAY_REQUIRED from '@salesforce/label/c.Inbox_Settings_Away_Required';
import AWAY_SAVE from '@salesforce/label/c.Inbox_Settings_Away_Save';
import AWAY_SAVED from '@salesforce/label/c.Inbox_Settings_Away_Saved';
import CLOSE from '@salesforce/label/c.Inbox_Settings_Close';
import DELIVERY_DAILY_HELP from '@salesforce/label/c.Inbox_Settings_Delivery_Daily_Help';
import DELIVERY_DIGEST_HELP from '@salesforce/label/c.Inbox_Settings_Delivery_Digest_Help';
import DELIVERY_IMMEDIATE_HELP from '@salesforce/label/c.Inbox_Settings_Delivery_Immediate_Help';
import DELIVERY_LABEL from '@salesforce/label/c.Inbox_Settings_Delivery_Label';
import DELIVERY_OFF_HELP from '@salesforce/label/c.Inbox_Settings_Delivery_Off_Help';
import DELIVERY_READ_ONLY from '@salesforce/label/c.Inbox_Settings_Delivery_Read_Only';
import DELIVERY_SAVE from '@salesforce/label/c.Inbox_Settings_Delivery_Save';
import DELIVERY_SAVED from '@salesforce/label/c.Inbox_Settings_Delivery_Saved';
import EMAIL_HEADING from '@salesforce/label/c.Inbox_Settings_Email_Heading';
import ERROR_AWAY_PAST from '@salesforce/label/c.Inbox_Settings_Error_Away_Past';
import ERROR_DELIVERY_INVALID from '@salesforce/label/c.Inbox_Settings_Error_Delivery_Invalid';
import ERROR_LOAD from '@salesforce/label/c.Inbox_Settings_Error_Load';
import ERROR_SAVE from '@salesforce/label/c.Inbox_Settings_Error_Save';
import LOADING from '@salesforce/label/c.Inbox_Settings_Loading';
import NO_MEMBERSHIP from '@salesforce/label/c.Inbox_Settings_No_Membership';
import PAUSED from '@salesforce/label/c.Inbox_Settings_Paused';
import SAVED_TITLE from '@salesforce/label/c.Inbox_Settings_Saved_Title';
import TITLE from '@salesforce/label/c.Inbox_Settings_Title';

export const LABELS = {
    AVAILABLE,
    AWAY_CLEAR,
    AWAY_CLEARED,
    AWAY_EFFECT,
    AWAY_HEADING,
    AWAY_HELP,
    AWAY_LABEL,
    AWAY_REQUIRED,
    AWAY_SAVE,
    AWAY_SAVED,
    CLOSE,
    DELIVERY_DAILY_HELP,
    DELIVERY_DIGEST_HELP,
    DELIVERY_IMMEDIATE_HELP,
    DELIVERY_LABEL,
    DELIVERY_OFF_HELP,
    DELIVERY_READ_ONLY,
    DELIVERY_SAVE,
    DELIVERY_SAVED,
    EMAIL_HEADING,
    ERROR_AWAY_PAST,
    ERROR_DELIVERY_INVALID,
    ERROR_LOAD,
    ERROR_SAVE,
    LOADING,
    NO_MEMBERSHIP,
    PAUSED,
    SAVED_TITLE,
    TITLE
};
