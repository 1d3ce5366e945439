// `npm run dev`: the API from source, restarting on change (port 3000), and the Studio on Vite's dev
// server with hot reload (port 5173), which passes /admin, /media, /graphql and /feeds to the API.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--watch', '--import', '@swc-node/register/esm-register', 'src/main.ts'], { stdio: 'inherit' }),
  spawn(process.execPath, ['../node_modules/vite/bin/vite.js'], { stdio: 'inherit', cwd: 'studio' }),
];
console.log('Studio with hot reload: http://localhost:5173/studio/ (API: http://localhost:3000)');

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
