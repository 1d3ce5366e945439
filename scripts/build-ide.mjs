// Bundles the GraphiQL IDE (src/graphql/ide/browser) into dist/ide: the page's script and styles and
// Monaco's three web workers, so the IDE loads nothing from a CDN. GraphiQL 5 ships only ES modules
// that import bare package names, CSS and workers, which a browser cannot load as they are.
// `node scripts/build-ide.mjs --if-stale` skips the build when nothing it depends on changed; `npm start`
// (scripts/build-if-stale.mjs) does the same check in-process.
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist', 'ide');
const STAMP = join(OUT, '.build-stamp');
const SOURCES = ['src/graphql/ide/browser', 'scripts/build-ide.mjs'].map((path) => join(ROOT, path));
// What ends up in the bundle besides our sources. Versions, not package-lock.json's mtime: an
// `npm install` that changes none of them must not cost a rebuild.
const BUNDLED = ['graphiql', '@graphiql/react', 'monaco-editor', 'monaco-graphql', 'react', 'react-dom', 'esbuild'];

const WORKERS = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function bundledVersions() {
  const version = (name) => {
    const file = join(ROOT, 'node_modules', name, 'package.json');
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
  };
  return JSON.stringify(Object.fromEntries(BUNDLED.map((name) => [name, version(name)])));
}

export function isIdeFresh() {
  if (!existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== bundledVersions()) return false;
  return statSync(STAMP).mtimeMs >= Math.max(...SOURCES.map(newestMtime));
}

export async function buildIde() {
  const started = Date.now();
  // Loaded here, not at the top: a fresh check must not pay for it.
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    minify: true,
    target: ['chrome110', 'firefox115', 'safari16'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    outdir: OUT,
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { graphiql: 'src/graphql/ide/browser/ide.entry.js' },
      // A module script, so what GraphiQL loads on demand (Prettier, for "prettify") is a lazy chunk.
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      // Monaco's icon font: a file served by this app, never a web font from elsewhere.
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
      assetNames: '[name]-[hash]',
    }),
    // Classic scripts: Monaco starts them with `new Worker(url)`, without { type: 'module' }.
    esbuild.build({ ...common, entryPoints: WORKERS, format: 'iife' }),
  ]);
  // Stamped with the time the build started, so a file saved during the build triggers the next one.
  writeFileSync(STAMP, bundledVersions());
  utimesSync(STAMP, new Date(started), new Date(started));
  console.log(`Built the GraphQL IDE into ${relative(process.cwd(), OUT) || OUT} in ${Date.now() - started} ms`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!(process.argv.includes('--if-stale') && isIdeFresh())) await buildIde();
}
