// Where the time goes in a V8 CPU profile (node --cpu-prof): self time grouped by package (or src/
// folder), plus the top functions. For "where the time goes" notes in BENCHMARKS.md.
//   node --import @swc-node/register/esm-register bench/profile/summarize.ts PROFILE.cpuprofile [--top 25]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** "graphql", "@apollo/server", "src/articles", "(garbage collector)", "node:internal"... */
function groupOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const dist = /\/dist\/(?:src\/)?([^/]+)(?:\/([^/]+))?/.exec(url);
  if (dist) return `app: ${dist[2] && !dist[2].endsWith('.js') ? `${dist[1]}/${dist[2]}` : dist[1]}`;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map<number, number>();
profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
const total = [...selfTime.values()].reduce((sum, time) => sum + time, 0);

const groups = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, time] of selfTime) {
  const frame = byId.get(id)!.callFrame;
  const group = groupOf(frame);
  groups.set(group, (groups.get(group) ?? 0) + time);
  const name = `${frame.functionName || '(anonymous)'} ${group}:${frame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + time);
}

const share = (time: number) => `${((100 * time) / total).toFixed(1).padStart(5)}%`;
console.log(`${(total / 1e6).toFixed(1)} s of samples`);
console.log('\nself time by package / app folder');
for (const [group, time] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${share(time)}  ${group}`);
console.log('\ntop functions (self time)');
for (const [name, time] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`${share(time)}  ${name}`);
