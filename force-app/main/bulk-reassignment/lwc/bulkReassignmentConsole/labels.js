// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
/** The console's custom labels, by role. */
import BULKCONSOLE_TITLE from '@salesforce/label/c.BulkConsole_Title';
import BULKCONSOLE_SECTION_WHICH from '@salesforce/label/c.BulkConsole_Section_Which';
import BULKCONSOLE_SECTION_WHERE from '@salesforce/label/c.BulkConsole_Section_Where';
import BULKCONSOLE_SOURCE_TYPE_LABEL from '@salesforce/label/c.BulkConsole_Source_Type_Label';
import BULKCONSOLE_SOURCE_USER from '@salesforce/label/c.BulkConsole_Source_User';
import BULKCONSOLE_SOURCE_QUEUE from '@salesforce/label/c.BulkConsole_Source_Queue';
import BULKCONSOLE_SOURCE_DEACTIVATED from '@salesforce/label/c.BulkConsole_Source_Deactivated';
import BULKCONSOLE_USER_LABEL from '@salesforce/label/c.BulkConsole_User_Label';
import BULKCONSOLE_QUEUE_LABEL from '@salesforce/label/c.BulkConsole_Queue_Label';
import BULKCONSOLE_GROUP_LABEL from '@salesforce/label/c.BulkConsole_Group_Label';
import BULKCONSOLE_NO_GROUPS from '@salesforce/label/c.BulkConsole_No_Groups';
import BULKCONSOLE_TARGET_TYPE_LABEL from '@salesforce/label/c.BulkConsole_Target_Type_Label';
import BULKCONSOLE_TARGET_GROUP from '@salesforce/label/c.BulkConsole_Target_Group';
import BULKCONSOLE_TARGET_QUEUE from '@salesforce/label/c.BulkConsole_Target_Queue';
import BULKCONSOLE_TARGET_USER from '@salesforce/label/c.BulkConsole_Target_User';
import BULKCONSOLE_FILTER_STATUSES from '@salesforce/label/c.BulkConsole_Filter_Statuses';
import BULKCONSOLE_FILTER_COUNTRIES from '@salesforce/label/c.BulkConsole_Filter_Countries';
import BULKCONSOLE_FILTER_COUNTRIES_HELP from '@salesforce/label/c.BulkConsole_Filter_Countries_Help';
import BULKCONSOLE_FILTER_MIN_AGE from '@salesforce/label/c.BulkConsole_Filter_Min_Age';
import BULKCONSOLE_FILTER_MIN_AGE_ERROR from '@salesforce/label/c.BulkConsole_Filter_Min_Age_Error';
import BULKCONSOLE_DRY_RUN from '@salesforce/label/c.BulkConsole_Dry_Run';
import BULKCONSOLE_DRY_RUN_HELP from '@salesforce/label/c.BulkConsole_Dry_Run_Help';
import BULKCONSOLE_NOTIFY from '@salesforce/label/c.BulkConsole_Notify';
import BULKCONSOLE_START_DRY_RUN from '@salesforce/label/c.BulkConsole_Start_Dry_Run';
import BULKCONSOLE_START_JOB from '@salesforce/label/c.BulkConsole_Start_Job';
import BULKCONSOLE_CHOOSE_SOURCE from '@salesforce/label/c.BulkConsole_Choose_Source';
import BULKCONSOLE_CHOOSE_TARGET from '@salesforce/label/c.BulkConsole_Choose_Target';
import BULKCONSOLE_JOB_SAVED from '@salesforce/label/c.BulkConsole_Job_Saved';
import BULKCONSOLE_SELECTED_JOB from '@salesforce/label/c.BulkConsole_Selected_Job';
import BULKCONSOLE_DRY_RUN_BADGE from '@salesforce/label/c.BulkConsole_Dry_Run_Badge';
import BULKCONSOLE_PROGRESS from '@salesforce/label/c.BulkConsole_Progress';
import BULKCONSOLE_PHASE from '@salesforce/label/c.BulkConsole_Phase';
import BULKCONSOLE_COUNT_TOTAL from '@salesforce/label/c.BulkConsole_Count_Total';
import BULKCONSOLE_COUNT_FAILED from '@salesforce/label/c.BulkConsole_Count_Failed';
import BULKCONSOLE_COUNT_CHANGED_SINCE from '@salesforce/label/c.BulkConsole_Count_Changed_Since';
import BULKCONSOLE_COUNT_UNASSIGNED from '@salesforce/label/c.BulkConsole_Count_Unassigned';
import BULKCONSOLE_COUNT_REVERTED from '@salesforce/label/c.BulkConsole_Count_Reverted';
import BULKCONSOLE_PER_TARGET from '@salesforce/label/c.BulkConsole_Per_Target';
import BULKCONSOLE_COLUMN_OWNER from '@salesforce/label/c.BulkConsole_Column_Owner';
import BULKCONSOLE_COLUMN_TYPE from '@salesforce/label/c.BulkConsole_Column_Type';
import BULKCONSOLE_COLUMN_PLANNED from '@salesforce/label/c.BulkConsole_Column_Planned';
import BULKCONSOLE_COLUMN_MOVED from '@salesforce/label/c.BulkConsole_Column_Moved';
import BULKCONSOLE_COLUMN_FAILED from '@salesforce/label/c.BulkConsole_Column_Failed';
import BULKCONSOLE_PLAN_FILE from '@salesforce/label/c.BulkConsole_Plan_File';
import BULKCONSOLE_FAILURES_FILE from '@salesforce/label/c.BulkConsole_Failures_File';
import BULKCONSOLE_CANCEL_JOB from '@salesforce/label/c.BulkConsole_Cancel_Job';
import BULKCONSOLE_CANCEL_CONFIRM from '@salesforce/label/c.BulkConsole_Cancel_Confirm';
import BULKCONSOLE_REVERT from '@salesforce/label/c.BulkConsole_Revert';
import BULKCONSOLE_REVERT_CONFIRM from '@salesforce/label/c.BulkConsole_Revert_Confirm';
import BULKCONSOLE_RUN_FOR_REAL from '@salesforce/label/c.BulkConsole_Run_For_Real';
import BULKCONSOLE_RUN_FOR_REAL_CONFIRM from '@salesforce/label/c.BulkConsole_Run_For_Real_Confirm';
import BULKCONSOLE_STALE from '@salesforce/label/c.BulkConsole_Stale';
import BULKCONSOLE_RECENT_JOBS from '@salesforce/label/c.BulkConsole_Recent_Jobs';
import BULKCONSOLE_NO_JOBS from '@salesforce/label/c.BulkConsole_No_Jobs';
import BULKCONSOLE_ERROR_LOAD from '@salesforce/label/c.BulkConsole_Error_Load';
import BULKCONSOLE_ERROR_SAVE from '@salesforce/label/c.BulkConsole_Error_Save';
import BULKCONSOLE_ERROR_ACTION from '@salesforce/label/c.BulkConsole_Error_Action';
import STATUS_QUEUED from '@salesforce/label/c.BulkConsole_Status_Queued';
import STATUS_RUNNING from '@salesforce/label/c.BulkConsole_Status_Running';
import STATUS_COMPLETED from '@salesforce/label/c.BulkConsole_Status_Completed';
import STATUS_FAILED from '@salesforce/label/c.BulkConsole_Status_Failed';
import STATUS_CANCEL_REQUESTED from '@salesforce/label/c.BulkConsole_Status_Cancel_Requested';
import STATUS_CANCELLED from '@salesforce/label/c.BulkConsole_Status_Cancelled';
import STATUS_REVERT_REQUESTED from '@salesforce/label/c.BulkConsole_Status_Revert_Requested';
import STATUS_REVERTING from '@salesforce/label/c.BulkConsole_Status_Reverting';
import STATUS_REVERTED from '@salesforce/label/c.BulkConsole_Status_Reverted';
import PHASE_QUEUED from '@salesforce/label/c.BulkConsole_Phase_Queued';
import PHASE_SELECT from '@salesforce/label/c.BulkConsole_Phase_Select';
import PHASE_PLAN from '@salesforce/label/c.BulkConsole_Phase_Plan';
import PHASE_WRITE from '@salesforce/label/c.BulkConsole_Phase_Write';
import PHASE_VERIFY from '@salesforce/label/c.BulkConsole_Phase_Verify';
import PHASE_FINISH from '@salesforce/label/c.BulkConsole_Phase_Finish';
import PHASE_REVERT from '@salesforce/label/c.BulkConsole_Phase_Revert';
import PHASE_DONE from '@salesforce/label/c.BulkConsole_Phase_Done';
export const LABELS = {
    title: BULKCONSOLE_TITLE,
    sectionWhich: BULKCONSOLE_SECTION_WHICH,
    sectionWhere: BULKCONSOLE_SECTION_WHERE,
    sourceTypeLabel: BULKCONSOLE_SOURCE_TYPE_LABEL,
    sourceUser: BULKCONSOLE_SOURCE_USER,
    sourceQueue: BULKCONSOLE_SOURCE_QUEUE,
    sourceDeactivated: BULKCONSOLE_SOURCE_DEACTIVATED,
    userLabel: BULKCONSOLE_USER_LABEL,
    queueLabel: BULKCONSOLE_QUEUE_LABEL,
    groupLabel: BULKCONSOLE_GROUP_LABEL,
    noGroups: BULKCONSOLE_NO_GROUPS,
    targetTypeLabel: BULKCONSOLE_TARGET_TYPE_LABEL,
    targetGroup: BULKCONSOLE_TARGET_GROUP,
    targetQueue: BULKCONSOLE_TARGET_QUEUE,
    targetUser: BULKCONSOLE_TARGET_USER,
    filterStatuses: BULKCONSOLE_FILTER_STATUSES,
    filterCountries: BULKCONSOLE_FILTER_COUNTRIES,
    filterCountriesHelp: BULKCONSOLE_FILTER_COUNTRIES_HELP,
    filterMinAge: BULKCONSOLE_FILTER_MIN_AGE,
    filterMinAgeError: BULKCONSOLE_FILTER_MIN_AGE_ERROR,
    dryRun: BULKCONSOLE_DRY_RUN,
    dryRunHelp: BULKCONSOLE_DRY_RUN_HELP,
    notify: BULKCONSOLE_NOTIFY,
    startDryRun: BULKCONSOLE_START_DRY_RUN,
    startJob: BULKCONSOLE_START_JOB,
    chooseSource: BULKCONSOLE_CHOOSE_SOURCE,
    chooseTarget: BULKCONSOLE_CHOOSE_TARGET,
    jobSaved: BULKCONSOLE_JOB_SAVED,
    selectedJob: BULKCONSOLE_SELECTED_JOB,
    dryRunBadge: BULKCONSOLE_DRY_RUN_BADGE,
    progress: BULKCONSOLE_PROGRESS,
    phase: BULKCONSOLE_PHASE,
    countTotal: BULKCONSOLE_COUNT_TOTAL,
    countFailed: BULKCONSOLE_COUNT_FAILED,
    countChangedSince: BULKCONSOLE_COUNT_CHANGED_SINCE,
    countUnassigned: BULKCONSOLE_COUNT_UNASSIGNED,
    countReverted: BULKCONSOLE_COUNT_REVERTED,
    perTarget: BULKCONSOLE_PER_TARGET,
    columnOwner: BULKCONSOLE_COLUMN_OWNER,
    columnType: BULKCONSOLE_COLUMN_TYPE,
    columnPlanned: BULKCONSOLE_COLUMN_PLANNED,
    columnMoved: BULKCONSOLE_COLUMN_MOVED,
    columnFailed: BULKCONSOLE_COLUMN_FAILED,
    planFile: BULKCONSOLE_PLAN_FILE,
    failuresFile: BULKCONSOLE_FAILURES_FILE,
    cancelJob: BULKCONSOLE_CANCEL_JOB,
    cancelConfirm: BULKCONSOLE_CANCEL_CONFIRM,
    revert: BULKCONSOLE_REVERT,
    revertConfirm: BULKCONSOLE_REVERT_CONFIRM,
    runForReal: BULKCONSOLE_RUN_FOR_REAL,
    runForRealConfirm: BULKCONSOLE_RUN_FOR_REAL_CONFIRM,
    stale: BULKCONSOLE_STALE,
    recentJobs: BULKCONSOLE_RECENT_JOBS,
    noJobs: BULKCONSOLE_NO_JOBS,
    errorLoad: BULKCONSOLE_ERROR_LOAD,
    errorSave: BULKCONSOLE_ERROR_SAVE,
    errorAction: BULKCONSOLE_ERROR_ACTION
};
/** Job Status__c values as the user reads them. */
export const STATUS_LABELS = {
    Queued: STATUS_QUEUED,
    Running: STATUS_RUNNING,
    Completed: STATUS_COMPLETED,
    Failed: STATUS_FAILED,
    Cancel_Requested: STATUS_CANCEL_REQUESTED,
    Cancelled: STATUS_CANCELLED,
    Revert_Requested: STATUS_REVERT_REQUESTED,
    Reverting: STATUS_REVERTING,
    Reverted: STATUS_REVERTED
};
/** Job Phase__c values as the user reads them. */
export const PHASE_LABELS = {
    Queued: PHASE_QUEUED,
    Select: PHASE_SELECT,
    Plan: PHASE_PLAN,
    Write: PHASE_WRITE,
    Verify: PHASE_VERIFY,
    Finish: PHASE_FINISH,
    Revert: PHASE_REVERT,
    Done: PHASE_DONE
};
