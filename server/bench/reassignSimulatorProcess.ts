/**
 * The org simulator for the reassign bench, in its own process so its memory and CPU are not the
 * service's. Prepares the data the bench moves: `BENCH_BULK_LEADS` open leads in the Lead_Intake
 * queue and `BENCH_COLLECTIONS_LEADS` in Partner_Maple_Leads. Prints one JSON line when ready.
 */
import { startSimulator } from '../simulator';

async function main(): Promise<void> {
    const bulkLeads = Number(process.env.BENCH_BULK_LEADS ?? 1_000_000);
    const collectionsLeads = Number(process.env.BENCH_COLLECTIONS_LEADS ?? 20_000);
    const sim = await startSimulator({ sample: { leads: bulkLeads + collectionsLeads } });
    const table = sim.store.table('Lead')!;
    const owner = table.setter(table.field('OwnerId')!);
    const converted = table.setter(table.field('IsConverted')!);
    const intake = sim.sample!.queues.find((q) => q.developerName === 'Lead_Intake')!.id;
    const maple = sim.sample!.queues.find((q) => q.developerName === 'Partner_Maple_Leads')!.id;
    let row = 0;
    for (let i = 0; i < table.size && row < bulkLeads + collectionsLeads; i++) {
        if (!table.isLive(i)) continue;
        owner(i, row < bulkLeads ? intake : maple);
        converted(i, false);
        row++;
    }
    process.stdout.write(
        `${JSON.stringify({ url: sim.url, consumer: sim.consumer, partnerUser: sim.sample!.partnerUsers[0]!.username, bulkLeads, collectionsLeads })}\n`
    );
}

main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
});
