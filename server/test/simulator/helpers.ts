/** Shared setup for the simulator tests: a running simulator and a jsforce connection to it. */
import { Connection } from 'jsforce';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator';

export const API_VERSION = '64.0';

export interface Harness {
    sim: RunningSimulator;
    conn: Connection;
    /** Raw fetch against /services/data/v64.0 with the session's bearer token. */
    api(path: string, init?: RequestInit): Promise<Response>;
}

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
    const sim = await startSimulator({ sample: 'small', ...options });
    const conn = new Connection({ instanceUrl: sim.url, accessToken: sim.accessToken, version: API_VERSION });
    const api = (path: string, init: RequestInit = {}): Promise<Response> =>
        fetch(`${sim.url}/services/data/v${API_VERSION}${path}`, {
            ...init,
            headers: {
                Authorization: `Bearer ${sim.accessToken}`,
                'Content-Type': 'application/json',
                ...(init.headers as Record<string, string> | undefined)
            }
        });
    return { sim, conn, api };
}

/** The error jsforce throws, with Salesforce's errorCode as `name`/`errorCode`. */
export async function caught(
    promise: PromiseLike<unknown>
): Promise<{ errorCode: string; message: string; data?: unknown }> {
    try {
        await promise;
    } catch (e) {
        return e as { errorCode: string; message: string; data?: unknown };
    }
    throw new Error('expected the call to fail');
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
