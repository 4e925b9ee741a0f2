import 'reflect-metadata';
import { loadConfig } from '@app/platform';
import { openPlatform } from '@app/composition';
import { exitOnStartupFailure } from '@app/platform';
import { rebuildProjections } from '@app/projections';

/**
 * `npm run projections:rebuild -- [name ...]`: replays the whole log into shadow copies of
 * the named read models (all when none is named), with a progress bar, and swaps each in
 * once caught up. Safe while the API serves: readers keep the old rows until the swap, and
 * a projection that fails on an event keeps its old read model and names the event.
 */
async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const config = loadConfig();
  const runtime = await openPlatform(config, { log: (line) => process.stderr.write(`${line}\n`) });
  const all = runtime.projections.projections;
  const unknown = names.filter((n) => !all.some((p) => p.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown projection(s): ${unknown.join(', ')}; known: ${all.map((p) => p.name).join(', ')}\n`);
    await runtime.close();
    process.exit(2);
  }
  await rebuildProjections(runtime.projections, runtime.dataSource, names);
  await runtime.close();
}

main().catch(exitOnStartupFailure('rebuild'));
