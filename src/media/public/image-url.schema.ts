import { z } from 'zod';
import type { AppConfig } from '../../config/app-config.js';
import { DomainError } from '../../common/domain-error.js';
import { parseInput } from '../../common/parse-input.js';
import { allowedHeights, type RenditionRequest } from '../renditions/rendition-spec.js';
import type { SrcsetOptions } from '../renditions/media-urls.js';
import type { ImageSrcsetArgs, ImageUrlArgs } from './image-url.args.js';

type Renditions = AppConfig['media']['renditions'];

const format = z.enum(['auto', 'jpeg', 'webp', 'avif', 'png']).nullish();

// The one place field arguments are parsed outside @ValidArgs: these schemas are built from the configured
// renditions (APP_CONFIG), and a @ValidArgs schema is fixed when the class is declared. Both Image.url and
// AdminImage.url (and srcset) call these, so the rule stays in one place.

/** Image.url arguments: null when none are given (the full-size image), else a configured size. */
export function parseUrlArgs(renditions: Renditions, args: ImageUrlArgs): RenditionRequest | null {
  const schema = z
    .object({
      width: z.int().nullish(),
      height: z.int().nullish(),
      fit: z.enum(['inside', 'cover']).nullish(),
      format,
    })
    .superRefine((value, ctx) => {
      if (value.width == null) {
        if (value.height != null) ctx.addIssue({ code: 'custom', path: ['height'], message: 'needs a width' });
        return;
      }
      if (!renditions.widths.includes(value.width)) {
        ctx.addIssue({ code: 'custom', path: ['width'], message: `must be one of ${renditions.widths.join(', ')}` });
        return;
      }
      const heights = allowedHeights(renditions, value.width);
      if (value.height != null && !heights.includes(value.height)) {
        const listed = heights.filter((height) => height > 0).join(', ');
        ctx.addIssue({ code: 'custom', path: ['height'], message: `must be one of ${listed} for width ${value.width}` });
      }
    });
  const parsed = parseInput(schema, args);
  if (parsed.width == null) {
    if (parsed.fit || (parsed.format && parsed.format !== 'auto')) {
      throw DomainError.badInput([{ path: 'width', message: 'is needed for a fit or a format' }]);
    }
    return null;
  }
  const height = parsed.height ?? 0;
  return { width: parsed.width, height, fit: parsed.fit ?? (height ? 'cover' : 'inside'), format: parsed.format ?? 'auto' };
}

export function parseSrcsetArgs(renditions: Renditions, args: ImageSrcsetArgs): SrcsetOptions {
  const aspects = renditions.aspects.map(([w, h]) => `${w}:${h}`);
  const schema = z.object({
    widths: z
      .array(z.int().refine((width) => renditions.widths.includes(width), `must be one of ${renditions.widths.join(', ')}`))
      .min(1)
      .max(renditions.widths.length)
      .nullish(),
    aspect: z
      .string()
      .refine((aspect) => aspects.includes(aspect), `must be one of ${aspects.join(', ')}`)
      .nullish(),
    format,
  });
  const parsed = parseInput(schema, args);
  return {
    widths: parsed.widths ? [...new Set(parsed.widths)].sort((a, b) => a - b) : undefined,
    aspect: parsed.aspect ? (parsed.aspect.split(':').map(Number) as [number, number]) : undefined,
    format: parsed.format ?? 'auto',
  };
}
