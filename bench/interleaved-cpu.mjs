// Interleaved CPU per request of two builds on a shared machine (feedfast, BENCHMARKS "E after feedfast"):
// both servers run at once; short autocannon windows alternate between them (order flipped each round),
// so a change in everyone else's load lands on both. Per window: the server's CPU and every PostgreSQL
// backend's on the bench database (only the loaded server's are busy), over its 2xx responses.
//   node --import @swc-node/register/esm-register bench/interleaved-cpu.mjs --before DIR/dist --path /feeds/tags/candidate/rss.xml [--rounds 10 --seconds 4]
// or, with a bench scenario's own requests and success check (B rotates slugs, C's cursor, D's search, E's feed):
//   node --import @swc-node/register/esm-register bench/interleaved-cpu.mjs --before DIR/dist --scenario B
// Only responses that pass the check count (2xx otherwise); any that fail are printed per window.
/* global fetch, setTimeout */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { appEnv } from './lib/configurations.ts';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    after: { type: 'string', default: 'dist' },
    path: { type: 'string', default: '/feeds/tags/candidate/rss.xml' },
    scenario: { type: 'string' },
    rounds: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '4' },
    connections: { type: 'string', default: '8' },
    // Two ports from here: another helper's run on the same machine needs other ones.
    port: { type: 'string', default: '3931' },
    // V8 flags per build, on the command line (heap settings are compared with the same dist on both
    // sides); NODE_OPTIONS refuses some of them, e.g. --min-semi-space-size.
    'before-node-options': { type: 'string', default: '--max-old-space-size=256 --max-semi-space-size=8' },
    'after-node-options': { type: 'string', default: '--max-old-space-size=256 --max-semi-space-size=8' },
    // Extra environment per side, NAME=value[,NAME=value]: allocator settings such as MALLOC_ARENA_MAX.
    'before-env': { type: 'string', default: '' },
    'after-env': { type: 'string', default: '' },
    out: { type: 'string' },
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
// The bench's uncached app settings (bench/lib/configurations.ts), with each side's V8 flags on its
// command line instead of the bench's NODE_OPTIONS.
const extraEnv = (list) =>
  Object.fromEntries(
    list
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=', 2)),
  );
const env = (port, extra) => ({
  ...process.env,
  ...appEnv(values['database-url'], port, 'off'),
  NODE_OPTIONS: process.env.NODE_OPTIONS ?? '',
  ...extraEnv(extra),
});
// Peak resident set of a server since it started (the kernel's high-water mark), in MB.
const peakRssOf = (pid) => {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};
const servers = [
  {
    name: 'before',
    main: `${values.before}/main.js`,
    port: Number(values.port),
    options: values['before-node-options'],
    extraEnv: values['before-env'],
  },
  {
    name: 'after',
    main: `${values.after}/main.js`,
    port: Number(values.port) + 1,
    options: values['after-node-options'],
    extraEnv: values['after-env'],
  },
];
// A failed start or run must not leave the servers running.
process.on('exit', () => servers.forEach((server) => server.child?.kill()));
for (const server of servers) {
  server.child = spawn(process.execPath, [...server.options.split(' ').filter(Boolean), server.main], {
    env: env(server.port, server.extraEnv),
    stdio: 'ignore',
  });
  server.totals = { cpuApp: 0, cpuDb: 0, responses: 0 };
  server.rounds = [];
}
// A scenario (bench/scenarios, TypeScript: run under the swc loader) supplies the path and its requests.
let plans;
if (values.scenario) {
  const { SCENARIOS } = await import('./scenarios/index.ts');
  const scenario = SCENARIOS.find(({ id }) => id === values.scenario);
  if (!scenario) throw new Error(`no scenario ${values.scenario}`);
  const setup = await scenario.prepare(db, values['database-url']);
  plans = new Map();
  for (const server of servers) plans.set(server, setup);
}
const url = (server) => `http://127.0.0.1:${server.port}${server.plan?.requests[0].path ?? values.path}`;
for (const server of servers) {
  if (plans) server.plan = await plans.get(server)(`http://127.0.0.1:${server.port}`);
  for (let i = 0; ; i++) {
    const ok = await fetch(url(server))
      .then((res) => res.arrayBuffer().then(() => res.ok))
      .catch(() => false);
    if (ok) break;
    if (i > 120) throw new Error(`${server.name} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await run(server, server.plan?.warmupRequests ? { amount: server.plan.warmupRequests } : { duration: 2 }); // warm-up
}
function run(server, length = { duration: Number(values.seconds) }) {
  let good = 0;
  let failed = 0;
  const requests = server.plan?.requests.map((request) => ({
    ...request,
    onResponse: (status, body) => {
      if (server.plan.isSuccess(status, body)) good += 1;
      else failed += 1;
    },
  }));
  return new Promise((resolve, reject) =>
    autocannon(
      { url: url(server), connections: Number(values.connections), ...length, ...(requests ? { requests } : {}) },
      (error, result) => {
        if (error) return reject(error);
        if (failed) console.log(`${server.name}: ${failed} responses failed the scenario's check`);
        resolve(requests ? { ...result, '2xx': good } : result);
      },
    ),
  );
}
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
    server.rounds.push({ cpuAppMs: app1 - app0, cpuDbMs: dbSpent, responses });
    line.push(`${server.name} ${((app1 - app0 + dbSpent) / responses).toFixed(2)} ms/req (${responses} 2xx)`);
  }
  console.log(`round ${round + 1}: ${line.join(', ')}`);
}
for (const { name, totals, child, options, extraEnv: extra } of servers) {
  const per = (ms) => (ms / totals.responses).toFixed(2);
  console.log(
    `${name}: ${totals.responses} responses, app ${per(totals.cpuApp)} + db ${per(totals.cpuDb)} = ${per(totals.cpuApp + totals.cpuDb)} CPU ms/req, peak RSS ${peakRssOf(child.pid).toFixed(0)} MB (node flags "${options}"${extra ? `, env ${extra}` : ''})`,
  );
}
const [b, a] = servers.map(({ totals }) => (totals.cpuApp + totals.cpuDb) / totals.responses);
console.log(`after / before: ${(a / b).toFixed(3)} (${((a / b - 1) * 100).toFixed(1)}%)`);
if (values.out) {
  const report = {
    at: new Date().toISOString(),
    options: values,
    servers: servers.map(({ name, main, options, totals, rounds, child }) => ({
      name,
      main,
      nodeOptions: options,
      ...totals,
      cpuMsPerRequest: (totals.cpuApp + totals.cpuDb) / totals.responses,
      peakRssMb: peakRssOf(child.pid),
      rounds,
    })),
    afterOverBefore: a / b,
  };
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
}
for (const server of servers) server.child.kill();
await db.end();
