// node bench/lib/reference-cluster.mjs N SERVER.js: N copies of a reference server (limit, old-design)
// on its PORT with node:cluster, the way WEB_CONCURRENCY runs the app, so `--workers N` compares N
// processes with N processes. The primary only forks; a worker that dies ends the run (the bench
// reports the server gone).
import cluster from 'node:cluster';
import { resolve } from 'node:path';

const [count, server, ...args] = process.argv.slice(2);
const workers = Number(count);
if (!Number.isInteger(workers) || workers < 1 || !server) {
  console.error('Usage: reference-cluster.mjs WORKERS SERVER.js [args...]');
  process.exit(2);
}
cluster.setupPrimary({ exec: resolve(server), args });
for (let index = 0; index < workers; index++) cluster.fork();
cluster.on('exit', (worker, code, signal) => {
  console.error(`worker ${worker.id} stopped (${signal ?? code}); stopping`);
  process.exit(1);
});
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => {
    cluster.removeAllListeners('exit');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  });
