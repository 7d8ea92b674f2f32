/**
 * The no-org start: with no org configured the service runs against the local org simulator
 * (server/simulator, a test and demo peer, not Salesforce) loaded with sample data, and says so.
 */
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/serviceConfig';
import type { DemoSeed } from './demoJobs';

/** The demo org the service connects to in place of Salesforce. */
export interface DemoOrg {
    url: string;
    consumer: { clientId: string; clientSecret: string };
    /** What the sample data holds, for the demo jobs (absent when no sample data was loaded). */
    sample?: DemoSeed;
    close(): Promise<void>;
}

export async function startDemoOrg(config: ServiceConfig, logger: Logger): Promise<DemoOrg> {
    // Loaded only in simulator mode, so a service against a real org never loads the simulator.
    const { startSimulator } = await import('../../simulator');
    const simulator = await startSimulator({ port: config.simulator.port, sample: { leads: config.simulator.leads } });
    logger.warn(
        { simulatorUrl: simulator.url, leads: config.simulator.leads },
        'NO ORG CONFIGURED: running against the local org SIMULATOR with sample data (not Salesforce). Set SF_ORG_ALIAS, or SF_LOGIN_URL + SF_CLIENT_ID + credentials, to use an org.'
    );
    return simulator;
}
