/* global fetch, setTimeout */
// One server, one scenario path, under load: GC counts and bytes allocated per request (--trace-gc-nvp),
// optionally a sampled allocation profile.
//   node --import @swc-node/register/esm-register bench/gc-per-request.mjs --dist dist --scenario A [--heap out.heapprofile]
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { APP_NODE_OPTIONS, appEnv } from './lib/configurations.ts';
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    scenario: { type: 'string', default: 'A' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    port: { type: 'string', default: '3941' },
    heap: { type: 'string' },
    'node-options': { type: 'string', default: APP_NODE_OPTIONS },
    'database-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/newsdesk_bench_10k' },
  },
});
const port = Number(values.port);
const args = [
  '--trace-gc-nvp',
  ...(values.heap ? ['--import', './bench/profile/heap-sampler.mjs'] : []),
  `${values.dist}/main.js`,
];
const child = spawn(process.execPath, args, {
  env: {
    ...process.env,
    ...appEnv(values['database-url'], port, 'off'),
    NODE_OPTIONS: values['node-options'],
    HEAP_SAMPLE_OUT: values.heap ?? '',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
process.on('exit', () => child.kill());
let counting = false;
const gcs = { scavenge: 0, mark: 0, other: 0, allocated: 0, pause: 0 };
let buf = '';
child.stdout.on('data', (d) => {
  buf += d;
  let i;
  while ((i = buf.indexOf('\n')) >= 0) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    if (!counting) continue;
    const gc = /gc=(\w+)/.exec(line);
    if (!gc) continue;
    const kind = gc[1] === 's' ? 'scavenge' : gc[1] === 'ms' || gc[1] === 'mc' ? 'mark' : 'other';
    gcs[kind]++;
    const a = /allocated=(-?\d+)/.exec(line);
    if (a) gcs.allocated += Number(a[1]);
    const p = /pause=([\d.]+)/.exec(line);
    if (p) gcs.pause += Number(p[1]);
  }
});
const db = new pg.Pool({ connectionString: values['database-url'], max: 1 });
const { SCENARIOS } = await import('./scenarios/index.ts');
const scenario = SCENARIOS.find(({ id }) => id === values.scenario);
const plan = await (await scenario.prepare(db, values['database-url']))(`http://127.0.0.1:${port}`);
const url = `http://127.0.0.1:${port}${plan.requests[0].path}`;
for (let i = 0; ; i++) {
  const ok = await fetch(url)
    .then((r) => r.arrayBuffer().then(() => r.ok))
    .catch(() => false);
  if (ok) break;
  if (i > 120) throw new Error('no start');
  await new Promise((r) => setTimeout(r, 500));
}
const load = (duration) =>
  new Promise((resolve, reject) => {
    let good = 0;
    autocannon(
      {
        url,
        connections: Number(values.connections),
        duration,
        requests: plan.requests.map((r) => ({
          ...r,
          onResponse: (s, b) => {
            if (plan.isSuccess(s, b)) good++;
          },
        })),
      },
      (e) => (e ? reject(e) : resolve(good)),
    );
  });
await load(3);
if (values.heap) writeFileSync(`${values.heap}.start`, '');
await new Promise((r) => setTimeout(r, 300));
counting = true;
const responses = await load(Number(values.seconds));
counting = false;
if (values.heap) {
  writeFileSync(`${values.heap}.stop`, '');
  while (!existsSync(values.heap)) await new Promise((r) => setTimeout(r, 200));
  await new Promise((r) => setTimeout(r, 500));
  rmSync(`${values.heap}.start`);
  rmSync(`${values.heap}.stop`);
}
console.log(
  JSON.stringify({
    responses,
    ...gcs,
    allocatedPerRequestKB: +(gcs.allocated / responses / 1024).toFixed(1),
    scavengesPer1000: +((gcs.scavenge * 1000) / responses).toFixed(2),
    gcPauseMsPerRequest: +(gcs.pause / responses).toFixed(3),
  }),
);
child.kill();
await db.end();
process.exit(0);
