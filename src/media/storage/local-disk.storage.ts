import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { STORAGE_KEY_PATTERN, type MediaStorage } from './media-storage.js';

// Files under MEDIA_DIR, served by this app at /media/<key> (media-file.controller.ts).
@Injectable()
export class LocalDiskStorage implements MediaStorage {
  /** Absolute; every file lives below it. */
  readonly root: string;
  private readonly baseUrl: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.media.dir);
    this.baseUrl = config.media.publicUrl;
  }

  // Written under a dot-named temporary file in the same folder, flushed, then renamed: a rename
  // within one file system is atomic, so a reader sees the whole file or none, even after a crash.
  // The content type is not stored: it follows from the key's extension when the file is served.
  async put(key: string, data: Buffer, _contentType: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${randomBytes(8).toString('hex')}.tmp`);
    try {
      const file = await open(temporary, 'wx');
      try {
        await file.writeFile(data);
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

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  publicUrl(key: string): string {
    return `${this.baseUrl}/${key}`;
  }

  /** The file of a key, or null for anything that is not a key this storage makes (e.g. "../x"). */
  resolve(key: string): string | null {
    if (!STORAGE_KEY_PATTERN.test(key)) return null;
    const path = resolve(this.root, key);
    // Belt and braces: the pattern already rules out anything but year/month/file.
    const inside = relative(this.root, path);
    return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : path;
  }

  private pathOf(key: string): string {
    const path = this.resolve(key);
    if (!path) throw new Error(`Not a media storage key: ${JSON.stringify(key)}`);
    return path;
  }
}
