/**
 * Starts the org simulator from a terminal:
 *   tsx server/simulator/cli.ts --port 4567 --sample small|large|none [--leads N] [--seed S]
 * Prints the URL, the consumer key and secret, and a ready access token. Faults can then be set with
 * POST http://127.0.0.1:<port>/__simulator/faults (see README.md).
 */
import { startSimulator } from './index';

function arg(name: string): string | undefined {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
    const sampleArg = arg('sample') ?? 'small';
    if (!['small', 'large', 'none'].includes(sampleArg))
        throw new Error(`--sample must be small, large or none (got ${sampleArg})`);
    const leads = arg('leads');
    const seed = arg('seed');
    const sample =
        leads || seed
            ? {
                  leads: leads ? Number(leads) : sampleArg === 'large' ? 1000000 : 5000,
                  seed: seed ? Number(seed) : undefined
              }
            : (sampleArg as 'small' | 'large' | 'none');
    const started = Date.now();
    const sim = await startSimulator({ port: Number(arg('port') ?? 4567), host: arg('host'), sample });
    const mem = Math.round(process.memoryUsage().rss / 1048576);
    process.stdout.write(
        [
            `Partner Desk org simulator (a local stand-in for Salesforce's REST and Bulk API 2.0; not Salesforce)`,
            `  url:            ${sim.url}`,
            `  consumer key:   ${sim.consumer.clientId}`,
            `  consumer secret: ${sim.consumer.clientSecret}`,
            `  access token:   ${sim.accessToken}`,
            `  records:        ${JSON.stringify(sim.store.counts())}`,
            `  started in ${Date.now() - started} ms, RSS ${mem} MB`,
            `  faults:         POST ${sim.url}/__simulator/faults   stats: GET ${sim.url}/__simulator/stats`,
            ''
        ].join('\n')
    );
    const stop = (): void => {
        void sim.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
