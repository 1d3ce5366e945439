import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { RENDITION_PREFIX_PATTERN, isStorageKey, type MediaStorage, type StoredFile } from './media-storage.js';

// Files under MEDIA_DIR: masters in <year>/<month>/, renditions in renditions/<image>/.
@Injectable()
export class LocalDiskStorage implements MediaStorage {
  /** Absolute; every file lives below it. */
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.media.dir);
  }

  // Written under a dot-named temporary file in the same folder, flushed, then renamed: a rename
  // within one file system is atomic, so a reader sees the whole file or none, even after a crash.
  // The content type is not stored: it follows from the key's extension when the file is served.
  async put(key: string, data: Buffer | Readable, _contentType: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${randomBytes(8).toString('hex')}.tmp`);
    try {
      await pipeline(Buffer.isBuffer(data) ? Readable.from([data]) : data, createWriteStream(temporary, { flags: 'wx' }));
      const file = await open(temporary, 'r+');
      try {
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    const path = this.resolve(key);
    if (!path) return null;
    try {
      const info = await stat(path);
      return info.isFile() ? { body: createReadStream(path), size: info.size } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (!RENDITION_PREFIX_PATTERN.test(prefix)) throw new Error(`Not a media storage prefix: ${JSON.stringify(prefix)}`);
    await rm(join(this.root, prefix), { recursive: true, force: true });
  }

  /** The file of a key, or null for anything that is not a key this storage makes (e.g. "../x"). */
  resolve(key: string): string | null {
    if (!isStorageKey(key)) return null;
    const path = resolve(this.root, key);
    // Belt and braces: the patterns already rule out anything but the key shapes.
    const inside = relative(this.root, path);
    return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : path;
  }

  private pathOf(key: string): string {
    const path = this.resolve(key);
    if (!path) throw new Error(`Not a media storage key: ${JSON.stringify(key)}`);
    return path;
  }
}
