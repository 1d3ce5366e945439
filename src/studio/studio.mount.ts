import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { STUDIO_PATH, studioHandlers } from './studio-static.js';

// Express handlers rather than a Nest controller: static files with their own cache headers, and
// `GET /` (a 404 before) sends browsers to the Studio.
export function mountStudio(app: INestApplication): void {
  app.use(STUDIO_PATH, ...studioHandlers());
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.redirect(302, `${STUDIO_PATH}/`);
  });
}
