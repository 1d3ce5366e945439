// Loads a deterministic benchmark dataset into PostgreSQL:
//   node --import @swc-node/register/esm-register bench/data/generate.ts --articles 100000 [--database-url URL] [--seed S]
// Same --articles and --seed give identical rows, ids included. See bench/data/README.md.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ArticleFactory, buildReferenceData, type GeneratedArticle } from './dataset.js';
import { defaultDatabaseUrl, ensureDatabase, migrate } from './database.js';
import { articleDeriver } from './derivation.js';
import {
  connect,
  databaseSize,
  loadArticles,
  loadReferenceData,
  tableCounts,
  truncateContent,
  vacuumAnalyze,
  verify,
  type LoaderConnection,
} from './loaders.js';

const BATCH_SIZE = 500;
const PROGRESS_INTERVAL_MS = 5000;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const articles = Number(values.articles);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(articles) || articles < 1) {
    throw new Error('Usage: generate.ts --articles N [--database-url URL] [--seed S]  (N a positive integer)');
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error('--seed must be an integer in 0..4294967295');
  return { articles, seed, databaseUrl: values['database-url'] ?? defaultDatabaseUrl(articles) };
}

const started = performance.now();
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const phases: [string, string][] = [];

async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const from = performance.now();
  console.log(`${name}...`);
  const result = await work();
  phases.push([name, seconds(from)]);
  return result;
}

// The main thread generates the next batch while up to `connections.length` batches run in the
// database (parsing bodies into tsvectors, GIN and TOAST work), so every core stays busy.
async function loadAllArticles(connections: LoaderConnection[], factory: ArticleFactory, total: number): Promise<void> {
  const idle = [...connections];
  const running = new Set<Promise<void>>();
  const from = performance.now();
  let loaded = 0;
  let reportedAt = from;
  for (let start = 0; start < total; start += BATCH_SIZE) {
    const batch: GeneratedArticle[] = [];
    for (let index = start; index < Math.min(total, start + BATCH_SIZE); index++) batch.push(factory.build(index));
    while (!idle.length) await Promise.race(running);
    const connection = idle.pop()!;
    const task: Promise<void> = loadArticles(connection, batch).then(() => {
      running.delete(task);
      idle.push(connection);
      loaded += batch.length;
      const now = performance.now();
      if (now - reportedAt >= PROGRESS_INTERVAL_MS || loaded === total) {
        reportedAt = now;
        const rate = loaded / ((now - from) / 1000);
        const eta = Math.round((total - loaded) / rate);
        console.log(
          `  ${loaded.toLocaleString('en')} / ${total.toLocaleString('en')} articles, ${Math.round(rate)}/s, eta ${eta} s`,
        );
      }
    });
    // Failures surface through Promise.race/all below; this only stops Node reporting them early.
    task.catch(() => undefined);
    running.add(task);
  }
  await Promise.all(running);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const target = new URL(options.databaseUrl);
  console.log(
    `Newsdesk benchmark data: ${options.articles} articles, seed ${options.seed}, database ${target.pathname.slice(1)}`,
  );
  await phase('Create database and migrate', async () => {
    if (await ensureDatabase(options.databaseUrl)) console.log(`  created ${target.pathname.slice(1)}`);
    await migrate(options.databaseUrl);
  });
  // One loading session per core, at least two so a batch is always in the database while the next is built.
  const connectionCount = Math.max(2, Math.min(4, availableParallelism()));
  const connections = await Promise.all(Array.from({ length: connectionCount }, () => connect(options.databaseUrl)));
  const [primary] = connections;
  const triggers =
    primary.mode === 'replica' ? 'triggers off, their columns filled by the loader' : `triggers on (${primary.reason}): slow`;
  console.log(`  ${connectionCount} connections; ${triggers}`);
  try {
    await phase('Truncate content tables', () => truncateContent(primary.client));
    const reference = buildReferenceData(options.seed);
    await phase('Load images, authors, tags, sections, series', () => loadReferenceData(primary, reference));
    const derive = articleDeriver(options.databaseUrl, reference.images);
    const factory = new ArticleFactory(options.seed, options.articles, reference, derive);
    await phase('Load articles', () => loadAllArticles(connections, factory, options.articles));
    await phase('Verify consistency', () => verify(primary.client));
    await phase('VACUUM ANALYZE', () => vacuumAnalyze(primary.client));
    const counts = await tableCounts(primary.client);
    const size = await databaseSize(primary.client);
    console.log('\nSummary');
    for (const [table, count] of Object.entries(counts))
      console.log(`  ${table.padEnd(16)} ${count.toLocaleString('en').padStart(10)}`);
    for (const [name, took] of phases) console.log(`  ${name.padEnd(46)} ${took.padStart(7)} s`);
    console.log(`  database size ${size}; total ${seconds(started)} s`);
  } finally {
    await Promise.all(connections.map(({ client }) => client.end()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
