// npm run bench -- --media [--duration S] [--connections N] [--no-build] [--database-url URL]
// The media scenario: a 1200 px WebP rendition of a 6000x4000 JPEG, its first request (rendered) and
// cached requests (served from storage), with peak RSS, against the same bytes served as a static file
// by the same process (express.static, preloaded by static-reference.mjs). Not a test: a measurement.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import sharp from 'sharp';
import { buildApp } from '../lib/build.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import { machineInfo } from '../lib/machine.js';
import { freePort, startServer, type ServerProcess } from '../lib/server-process.js';

const RESULTS_FILE = join('bench', 'results', 'media-latest.json');
const ADMIN = { email: 'bench-media@newsdesk.local', password: 'bench-media-password-0123' };
const [WIDTH, HEIGHT] = [6000, 4000];

interface MediaOptions {
  adminUrl: string;
  durationSeconds: number;
  connections: number;
  build: boolean;
}

function readMediaOptions(argv: string[]): MediaOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'database-url': { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/postgres' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      'no-build': { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    adminUrl: values['database-url'],
    durationSeconds: values.quick ? 5 : Number(values.duration),
    connections: Number(values.connections),
    build: !values['no-build'],
  };
}

/** A photo-like 6000x4000 JPEG: smooth gradients with grain, so it compresses like a real one. */
async function bigPhoto(): Promise<Buffer> {
  const small = await sharp(randomBytes(60 * 40 * 3), { raw: { width: 60, height: 40, channels: 3 } })
    .resize(WIDTH, HEIGHT, { kernel: 'cubic' })
    .png()
    .toBuffer();
  const grain = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 12 },
    },
  })
    .png()
    .toBuffer();
  return sharp(small)
    .composite([{ input: grain, blend: 'overlay' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

async function login(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/admin/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
      variables: { input: ADMIN },
    }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

async function upload(baseUrl: string, token: string, photo: Buffer): Promise<{ id: string; ms: number }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'bench.jpg');
  const started = performance.now();
  const response = await fetch(`${baseUrl}/admin/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await response.json()) as { image?: { id: string } };
  if (!body.image) throw new Error(`upload failed (${response.status}): ${JSON.stringify(body)}`);
  return { id: body.image.id, ms: Math.round(performance.now() - started) };
}

async function renditionPath(baseUrl: string, token: string, id: string): Promise<string> {
  const response = await fetch(`${baseUrl}/admin/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `query ($id: ID!) { adminImage(id: $id) { url(width: 1200, format: WEBP) } }`,
      variables: { id },
    }),
  });
  const body = (await response.json()) as { data: { adminImage: { url: string } } };
  return new URL(body.data.adminImage.url).pathname;
}

async function timedGet(url: string): Promise<{ ms: number; bytes: Buffer }> {
  const started = performance.now();
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return { ms: Math.round(performance.now() - started), bytes };
}

async function load(
  server: ServerProcess,
  baseUrl: string,
  path: string,
  options: MediaOptions,
): Promise<LoadResult & { peakRssMb: number | null }> {
  const plan = { requests: [{ method: 'GET' as const, path }], isSuccess: (status: number) => status === 200 };
  await runLoad(baseUrl, plan, options.connections, { seconds: 2 });
  await server.resetPeakRss();
  const result = await runLoad(baseUrl, plan, options.connections, { seconds: options.durationSeconds });
  return { ...result, peakRssMb: await server.peakRssMb() };
}

export async function runMediaBench(argv: string[]): Promise<void> {
  const options = readMediaOptions(argv);
  if (options.build) buildApp();
  const database = `newsdesk_bench_media_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: options.adminUrl, max: 1 });
  const work = await mkdtemp(join(tmpdir(), 'newsdesk-bench-media-'));
  let server: ServerProcess | undefined;
  try {
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(options.adminUrl);
    url.pathname = `/${database}`;
    const [port, staticPort] = [await freePort(), await freePort()];
    server = await startServer(
      'app-media',
      ['dist/main.js'],
      {
        DATABASE_URL: url.toString(),
        MIGRATE_ON_START: 'true',
        HOST: '127.0.0.1',
        PORT: String(port),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        APP_SECRET: 'newsdesk-bench-app-secret-0123456789abcdef',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        JOBS_ENABLED: 'false',
        RESPONSE_CACHE: 'off',
        MEDIA_DIR: join(work, 'media'),
        MEDIA_MAX_BYTES: String(60 * 1024 * 1024),
        BENCH_STATIC_DIR: join(work, 'static'),
        BENCH_STATIC_PORT: String(staticPort),
        NODE_OPTIONS: `--max-old-space-size=256 --max-semi-space-size=8 --import ./bench/media/static-reference.mjs`,
      },
      port,
    );
    const baseUrl = server.baseUrl;
    const photo = await bigPhoto();
    const token = await login(baseUrl);
    const uploaded = await upload(baseUrl, token, photo);
    const path = await renditionPath(baseUrl, token, uploaded.id);

    await server.resetPeakRss();
    const first = await timedGet(`${baseUrl}${path}`);
    const firstPeakRssMb = await server.peakRssMb();
    const cached = await load(server, baseUrl, path, options);
    await mkdir(join(work, 'static'), { recursive: true });
    await writeFile(join(work, 'static', 'rendition.webp'), first.bytes);
    const staticUrl = `http://127.0.0.1:${staticPort}`;
    const reference = await load(server, staticUrl, '/rendition.webp', options);
    const ratio = Number((cached.rps / reference.rps).toFixed(3));

    const rows = [
      ['upload + sanitise 6000x4000 JPEG', `${(photo.length / 1024 / 1024).toFixed(1)} MB`, `${uploaded.ms} ms`, '', ''],
      [
        'first request (render 1200w WebP)',
        `${(first.bytes.length / 1024).toFixed(0)} KB`,
        `${first.ms} ms`,
        '',
        `${firstPeakRssMb} MB`,
      ],
      [
        'cached rendition (from storage)',
        '',
        `p50 ${cached.p50} / p99 ${cached.p99} ms`,
        `${cached.rps} req/s`,
        `${cached.peakRssMb} MB`,
      ],
      [
        'static file, same process',
        '',
        `p50 ${reference.p50} / p99 ${reference.p99} ms`,
        `${reference.rps} req/s`,
        `${reference.peakRssMb} MB`,
      ],
    ];
    console.log(`\nmedia scenario (${options.connections} connections, ${options.durationSeconds} s):`);
    console.log('| step | size | latency | throughput | peak RSS |\n| --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log(`\ncached rendition / static file = ${ratio} (target >= 0.5)`);
    const machine = await machineInfo(admin);
    const report = {
      machine,
      startedAt: new Date().toISOString(),
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      photoBytes: photo.length,
      uploadMs: uploaded.ms,
      first: { ms: first.ms, bytes: first.bytes.length, peakRssMb: firstPeakRssMb },
      cached,
      staticReference: reference,
      ratio,
    };
    await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Wrote ${RESULTS_FILE}`);
  } finally {
    await server?.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await rm(work, { recursive: true, force: true });
  }
}
