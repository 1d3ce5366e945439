/* global setInterval, clearInterval */
// Preloaded into the app (node --import): when the file $HEAP_SAMPLE_OUT.start appears, samples
// allocations (including objects that GC already collected, i.e. every allocation, not just what
// survives); when $HEAP_SAMPLE_OUT.stop appears, writes the profile to $HEAP_SAMPLE_OUT. Files, not
// signals: Nest's shutdown hooks listen to every signal. Used by bench/gc-per-request.mjs --heap.
import { existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const out = process.env.HEAP_SAMPLE_OUT;
const session = new Session();
session.connect();
const post = (method, params) =>
  new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
let state = 'idle';
const timer = setInterval(async () => {
  if (state === 'idle' && existsSync(`${out}.start`)) {
    state = 'sampling';
    await post('HeapProfiler.enable');
    await post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  } else if (state === 'sampling' && existsSync(`${out}.stop`)) {
    state = 'done';
    const { profile } = await post('HeapProfiler.stopSampling');
    writeFileSync(out, JSON.stringify(profile));
    clearInterval(timer);
  }
}, 100);
timer.unref();
