/** Gallery states of the bulk reassignment console: the form, a dry run's result, and running it for real. */
import type { ComponentEntry, StateContext, StateDefinition } from '../catalog';
import { loadFailures } from './failures';

function consoleApex(ctx: StateContext): NonNullable<StateDefinition['apex']> {
    return {
        getConsoleOptions: ctx.dataFrom('getConsoleOptions.json'),
        listRecentJobs: ctx.dataFrom('listRecentJobs.json')
    };
}

export const BULK_REASSIGNMENT_STATES: ComponentEntry[] = [
    {
        bundle: 'bulkReassignmentConsole',
        translated: 'data',
        states: (ctx) => {
            // Leads waiting in a queue, to a distribution group, as a dry run (the form's default).
            const startDryRun = [
                {
                    click: `lightning-radio-group.source-type label:has-text("${ctx.label('BulkConsole_Source_Queue')}")`
                },
                {
                    choose: 'lightning-combobox.source-queue',
                    option: ctx.text('getConsoleOptions.json', 'queues.1.label')
                },
                {
                    choose: 'lightning-combobox.target-group',
                    option: ctx.text('getConsoleOptions.json', 'groups.0.label')
                },
                { click: `lightning-button:has-text("${ctx.label('BulkConsole_Start_Dry_Run')}") button` },
                // The console polls the job every 3 s; the service has finished the dry run by then.
                { waitForText: ctx.text('getJobDryRunCompleted.json', 'message') }
            ];
            // The job the form creates is the one whose finished dry run the console then shows.
            const finished = ctx.fixture('getJobDryRunCompleted.json') as { id: string; name: string };
            const queuedDryRun = ctx.data({
                ...(ctx.fixture('createJob.json') as object),
                id: finished.id,
                name: finished.name
            });
            return {
                data: {
                    description: 'Groups, queues and statuses to choose from, and the recent jobs',
                    apex: consoleApex(ctx),
                    shot: 'bulk-console',
                    expect: [
                        ctx.label('BulkConsole_Title'),
                        ctx.text('listRecentJobs.json', '0.name'),
                        ctx.label('BulkConsole_Start_Dry_Run')
                    ]
                },
                loading: {
                    description: 'Waiting for the options and the jobs',
                    apex: { getConsoleOptions: ctx.pending(), listRecentJobs: ctx.pending() },
                    expect: [ctx.label('BulkConsole_Title')]
                },
                empty: {
                    description: 'No active distribution group and no jobs yet',
                    apex: {
                        getConsoleOptions: ctx.data({
                            ...(ctx.fixture('getConsoleOptions.json') as object),
                            groups: []
                        }),
                        listRecentJobs: ctx.data([])
                    },
                    expect: [ctx.label('BulkConsole_No_Groups'), ctx.label('BulkConsole_No_Jobs')]
                },
                ...loadFailures(ctx, {
                    methods: ['getConsoleOptions'],
                    message: 'The request timed out.',
                    apex: { listRecentJobs: ctx.data([]) },
                    expect: [ctx.label('BulkConsole_Error_Load')]
                }),
                'dry-run-result': {
                    description: 'A dry run has finished: how many leads would move where, and the run-for-real button',
                    apex: {
                        ...consoleApex(ctx),
                        createJob: queuedDryRun,
                        getJob: ctx.dataFrom('getJobDryRunCompleted.json')
                    },
                    steps: startDryRun,
                    shot: 'bulk-dry-run',
                    expectCalls: ['createJob', 'getJob'],
                    expect: [ctx.text('getJobDryRunCompleted.json', 'message'), ctx.label('BulkConsole_Run_For_Real')]
                },
                'dry-run-then-real': {
                    description: 'Key path: start a dry run, then run it for real',
                    apex: {
                        ...consoleApex(ctx),
                        createJob: queuedDryRun,
                        getJob: ctx.dataFrom('getJobDryRunCompleted.json'),
                        runForReal: ctx.dataFrom('getJobRunning.json')
                    },
                    steps: [...startDryRun, { click: 'lightning-button.run-for-real button' }],
                    expectCalls: ['createJob', 'getJob', 'runForReal'],
                    expect: [ctx.label('BulkConsole_Status_Running')]
                }
            };
        }
    }
];
