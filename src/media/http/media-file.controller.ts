import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../../common/domain-error.js';
import { formatOfExtension } from '../image-inspector.js';
import { LocalDiskStorage } from '../storage/local-disk.storage.js';

const ONE_YEAR_SECONDS = 31_536_000;

// GET /media/<key>: the files of the local disk storage. Keys are never reused, so a file can be
// cached for good; its type is the one checked at upload (never sniffed by the browser), and only
// well-formed keys are looked up, so no "..", encoded or not, ever reaches the file system.
@Controller('media')
export class MediaFileController {
  constructor(private readonly storage: LocalDiskStorage) {}

  @Get('*key')
  async serve(@Param('key') key: string | string[], @Res() res: Response): Promise<void> {
    const joined = Array.isArray(key) ? key.join('/') : key;
    const format = this.storage.resolve(joined) && formatOfExtension(joined.slice(joined.lastIndexOf('.') + 1));
    if (!format) throw notFound();
    await new Promise<void>((resolve, reject) => {
      // Relative to the root, so send checks the key itself for ".." and dot files again.
      res.sendFile(
        joined,
        {
          root: this.storage.root,
          headers: {
            'Content-Type': format.contentType,
            'Cache-Control': `public, max-age=${ONE_YEAR_SECONDS}, immutable`,
            'X-Content-Type-Options': 'nosniff',
          },
          dotfiles: 'deny',
        },
        (error?: Error & { status?: number }) => {
          // Once bytes are out (e.g. the client went away mid-file) there is nothing left to answer.
          if (!error || res.headersSent) resolve();
          else reject(error.status === 404 ? notFound() : error);
        },
      );
    });
  }
}

function notFound(): DomainError {
  return new DomainError('NOT_FOUND', 'No such file');
}
