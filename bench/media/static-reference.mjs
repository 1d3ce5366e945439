// Preloaded into the app process by the media bench (NODE_OPTIONS=--import): serves BENCH_STATIC_DIR
// with express.static on BENCH_STATIC_PORT, so "the same bytes as a static file" are served by the
// same process, on the same event loop, as the rendition they are compared with.
import express from 'express';

const dir = process.env.BENCH_STATIC_DIR;
const port = Number(process.env.BENCH_STATIC_PORT);
if (dir && port) {
  express()
    .use(express.static(dir, { immutable: true, maxAge: '365d', etag: false, lastModified: false }))
    .listen(port, '127.0.0.1');
}
