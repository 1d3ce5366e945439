// Interleaved CPU per request of two builds on a shared machine (feedfast, BENCHMARKS "E after feedfast"):
// both servers run at once; short autocannon windows alternate between them (order flipped each round),
// so a change in everyone else's load lands on both. Per window: the server's CPU and every PostgreSQL
// backend's on the bench database (only the loaded server's are busy), over its 2xx responses.
//   node bench/interleaved-cpu.mjs --before DIR/dist --path /feeds/tags/candidate/rss.xml [--rounds 10 --seconds 4]
/* global fetch, setTimeout */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string', default: 'dist' },
    path: { type: 'string', default: '/feeds/tags/candidate/rss.xml' },
    rounds: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '4' },
    connections: { type: 'string', default: '8' },
    'database-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/newsdesk_bench_10k' },
  },
});
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const cpuOf = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return 0;
  }
};
const db = new pg.Pool({ connectionString: values['database-url'], max: 1 });
const backendsCpu = async () => {
  const { rows } = await db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return new Map(rows.map(({ pid }) => [pid, cpuOf(pid)]));
};
const env = (port) => ({
  ...process.env,
  DATABASE_URL: values['database-url'],
  HOST: '127.0.0.1',
  PORT: String(port),
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  APP_SECRET: 'newsdesk-bench-app-secret-0123456789abcdef',
  JOBS_ENABLED: 'false',
  METRICS_ENABLED: 'true',
  RESPONSE_CACHE: 'off',
  NODE_OPTIONS: '--max-old-space-size=256 --max-semi-space-size=8',
});
const servers = [
  { name: 'before', main: `${values.before}/main.js`, port: 3931 },
  { name: 'after', main: `${values.after}/main.js`, port: 3932 },
];
for (const server of servers) {
  server.child = spawn(process.execPath, [server.main], { env: env(server.port), stdio: 'ignore' });
  server.totals = { cpuApp: 0, cpuDb: 0, responses: 0 };
}
const url = (server) => `http://127.0.0.1:${server.port}${values.path}`;
for (const server of servers) {
  for (let i = 0; ; i++) {
    const ok = await fetch(url(server))
      .then((res) => res.arrayBuffer().then(() => res.ok))
      .catch(() => false);
    if (ok) break;
    if (i > 120) throw new Error(`${server.name} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await autocannon({ url: url(server), connections: Number(values.connections), duration: 2 }); // warm-up
}
const run = (server) =>
  new Promise((resolve, reject) =>
    autocannon(
      { url: url(server), connections: Number(values.connections), duration: Number(values.seconds) },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
for (let round = 0; round < Number(values.rounds); round++) {
  const order = round % 2 ? [...servers].reverse() : servers;
  const line = [];
  for (const server of order) {
    const [app0, db0] = [cpuOf(server.child.pid), await backendsCpu()];
    const result = await run(server);
    const [app1, db1] = [cpuOf(server.child.pid), await backendsCpu()];
    let dbSpent = 0;
    for (const [pid, ms] of db1) dbSpent += ms - (db0.get(pid) ?? 0);
    const responses = result['2xx'];
    server.totals.cpuApp += app1 - app0;
    server.totals.cpuDb += dbSpent;
    server.totals.responses += responses;
    line.push(`${server.name} ${((app1 - app0 + dbSpent) / responses).toFixed(2)} ms/req (${responses} 2xx)`);
  }
  console.log(`round ${round + 1}: ${line.join(', ')}`);
}
for (const { name, totals } of servers) {
  const per = (ms) => (ms / totals.responses).toFixed(2);
  console.log(
    `${name}: ${totals.responses} responses, app ${per(totals.cpuApp)} + db ${per(totals.cpuDb)} = ${per(totals.cpuApp + totals.cpuDb)} CPU ms/req`,
  );
}
const [b, a] = servers.map(({ totals }) => (totals.cpuApp + totals.cpuDb) / totals.responses);
console.log(`after / before: ${(a / b).toFixed(3)} (${((a / b - 1) * 100).toFixed(1)}%)`);
for (const server of servers) server.child.kill();
await db.end();
