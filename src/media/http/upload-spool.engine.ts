import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

type Callback = (error: Error | null, info?: { path: string; size: number }) => void;

// A multer storage engine that streams the upload to a private temporary file: the request body never
// sits in memory whole, and multer's fileSize limit stops the stream (multer then calls _removeFile).
// Written here rather than with multer's diskStorage so the app does not import multer itself.
export const uploadSpoolEngine = {
  _handleFile(_req: unknown, file: { stream: Readable }, callback: Callback): void {
    const path = join(tmpdir(), `newsdesk-upload-${randomBytes(12).toString('hex')}`);
    const sink = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    pipeline(file.stream, sink).then(
      () => callback(null, { path, size: sink.bytesWritten }),
      (error: Error) => void rm(path, { force: true }).finally(() => callback(error)),
    );
  },

  _removeFile(_req: unknown, file: { path?: string }, callback: (error: Error | null) => void): void {
    if (!file.path) return callback(null);
    rm(file.path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  },
};
