/** Every text of the Leads inbox, from Custom Labels (Inbox.labels-meta.xml). */
import TITLE from '@salesforce/label/c.Inbox_Title';
import TAB_WAITING from '@salesforce/label/c.Inbox_Tab_Waiting';
import TAB_OWNED from '@salesforce/label/c.Inbox_Tab_Owned';
import SEARCH_LABEL from '@salesforce/label/c.Inbox_Search_Label';
import SEARCH_PLACEHOLDER from '@salesforce/label/c.Inbox_Search_Placeholder';
import SORT_LABEL from '@salesforce/label/c.Inbox_Sort_Label';
import SORT_AGE from '@salesforce/label/c.Inbox_Sort_Age';
import SORT_NAME from '@salesforce/label/c.Inbox_Sort_Name';
import SORT_COMPANY from '@salesforce/label/c.Inbox_Sort_Company';
import SORT_COUNTRY from '@salesforce/label/c.Inbox_Sort_Country';
import SORT_SOURCE from '@salesforce/label/c.Inbox_Sort_Source';
import SORT_STATUS from '@salesforce/label/c.Inbox_Sort_Status';
import SORT_OLDEST_FIRST from '@salesforce/label/c.Inbox_Sort_Oldest_First';
import SORT_NEWEST_FIRST from '@salesforce/label/c.Inbox_Sort_Newest_First';
import SORT_ASCENDING from '@salesforce/label/c.Inbox_Sort_Ascending';
import SORT_DESCENDING from '@salesforce/label/c.Inbox_Sort_Descending';
import COLUMN_COMPANY from '@salesforce/label/c.Inbox_Column_Company';
import COLUMN_COUNTRY from '@salesforce/label/c.Inbox_Column_Country';
import COLUMN_SOURCE from '@salesforce/label/c.Inbox_Column_Source';
import COLUMN_AGE from '@salesforce/label/c.Inbox_Column_Age';
import COLUMN_SLA from '@salesforce/label/c.Inbox_Column_Sla';
import COLUMN_QUEUE from '@salesforce/label/c.Inbox_Column_Queue';
import AGE_HOURS from '@salesforce/label/c.Inbox_Age_Hours';
import AGE_DAYS from '@salesforce/label/c.Inbox_Age_Days';
import SLA_ON_TIME from '@salesforce/label/c.Inbox_Sla_On_Time';
import SLA_DUE_SOON from '@salesforce/label/c.Inbox_Sla_Due_Soon';
import SLA_OVERDUE from '@salesforce/label/c.Inbox_Sla_Overdue';
import SLA_ACCEPTED from '@salesforce/label/c.Inbox_Sla_Accepted';
import SLA_NONE from '@salesforce/label/c.Inbox_Sla_None';
import SLA_DUE_AT from '@salesforce/label/c.Inbox_Sla_Due_At';
import EMPTY_WAITING from '@salesforce/label/c.Inbox_Empty_Waiting';
import EMPTY_OWNED from '@salesforce/label/c.Inbox_Empty_Owned';
import EMPTY_SEARCH from '@salesforce/label/c.Inbox_Empty_Search';
import LOADING from '@salesforce/label/c.Inbox_Loading';
import LOAD_MORE from '@salesforce/label/c.Inbox_Load_More';
import SHOWING from '@salesforce/label/c.Inbox_Showing';
import OFFSET_LIMIT from '@salesforce/label/c.Inbox_Offset_Limit';
import REFRESH from '@salesforce/label/c.Inbox_Refresh';
import ACCEPT from '@salesforce/label/c.Inbox_Accept';
import ACCEPT_LEAD from '@salesforce/label/c.Inbox_Accept_Lead';
import ACCEPTED from '@salesforce/label/c.Inbox_Accepted';
import ACCEPTED_TITLE from '@salesforce/label/c.Inbox_Accepted_Title';
import RACE_LOST_TITLE from '@salesforce/label/c.Inbox_Race_Lost_Title';
import RETURN from '@salesforce/label/c.Inbox_Return';
import RETURN_LEAD from '@salesforce/label/c.Inbox_Return_Lead';
import RETURN_TITLE from '@salesforce/label/c.Inbox_Return_Title';
import RETURN_INTRO from '@salesforce/label/c.Inbox_Return_Intro';
import RETURN_REASON from '@salesforce/label/c.Inbox_Return_Reason';
import RETURN_REASON_PLACEHOLDER from '@salesforce/label/c.Inbox_Return_Reason_Placeholder';
import RETURN_COMMENT from '@salesforce/label/c.Inbox_Return_Comment';
import RETURN_SUBMIT from '@salesforce/label/c.Inbox_Return_Submit';
import RETURNED from '@salesforce/label/c.Inbox_Returned';
import RETURNED_TITLE from '@salesforce/label/c.Inbox_Returned_Title';
import CANCEL from '@salesforce/label/c.Inbox_Cancel';
import STATUS_LABEL from '@salesforce/label/c.Inbox_Status_Label';
import STATUS_UPDATED from '@salesforce/label/c.Inbox_Status_Updated';
import STATUS_UPDATED_TITLE from '@salesforce/label/c.Inbox_Status_Updated_Title';
import ERROR_LOAD from '@salesforce/label/c.Inbox_Error_Load';
import ERROR_ACCEPT from '@salesforce/label/c.Inbox_Error_Accept';
import ERROR_RETURN from '@salesforce/label/c.Inbox_Error_Return';
import ERROR_STATUS from '@salesforce/label/c.Inbox_Error_Status';
import REASON_REQUIRED from '@salesforce/label/c.Inbox_Error_Reason_Required';
import COMMENT_REQUIRED from '@salesforce/label/c.Inbox_Error_Comment_Required';
import COMMENT_TOO_LONG from '@salesforce/label/c.Inbox_Error_Comment_Too_Long';
import AVAILABILITY from '@salesforce/label/c.Inbox_Availability';
import REGISTER_DEAL from '@salesforce/label/c.Inbox_Register_Deal';
import DETAILS from '@salesforce/label/c.Inbox_Details';
import DETAILS_OF from '@salesforce/label/c.Inbox_Details_Of';

export const LABELS = {
    TITLE,
    TAB_WAITING,
    TAB_OWNED,
    SEARCH_LABEL,
    SEARCH_PLACEHOLDER,
    SORT_LABEL,
    SORT_AGE,
    SORT_NAME,
    SORT_COMPANY,
    SORT_COUNTRY,
    SORT_SOURCE,
    SORT_STATUS,
    SORT_OLDEST_FIRST,
    SORT_NEWEST_FIRST,
    SORT_ASCENDING,
    SORT_DESCENDING,
    COLUMN_COMPANY,
    COLUMN_COUNTRY,
    COLUMN_SOURCE,
    COLUMN_AGE,
    COLUMN_SLA,
    COLUMN_QUEUE,
    AGE_HOURS,
    AGE_DAYS,
    SLA_ON_TIME,
    SLA_DUE_SOON,
    SLA_OVERDUE,
    SLA_ACCEPTED,
    SLA_NONE,
    SLA_DUE_AT,
    EMPTY_WAITING,
    EMPTY_OWNED,
    EMPTY_SEARCH,
    LOADING,
    LOAD_MORE,
    SHOWING,
    OFFSET_LIMIT,
    REFRESH,
    ACCEPT,
    ACCEPT_LEAD,
    ACCEPTED,
    ACCEPTED_TITLE,
    RACE_LOST_TITLE,
    RETURN,
    RETURN_LEAD,
    RETURN_TITLE,
    RETURN_INTRO,
    RETURN_REASON,
    RETURN_REASON_PLACEHOLDER,
    RETURN_COMMENT,
    RETURN_SUBMIT,
    RETURNED,
    RETURNED_TITLE,
    CANCEL,
    STATUS_LABEL,
    STATUS_UPDATED,
    STATUS_UPDATED_TITLE,
    ERROR_LOAD,
    ERROR_ACCEPT,
    ERROR_RETURN,
    ERROR_STATUS,
    REASON_REQUIRED,
    COMMENT_REQUIRED,
    COMMENT_TOO_LONG,
    AVAILABILITY,
    REGISTER_DEAL,
    DETAILS,
    DETAILS_OF
};
