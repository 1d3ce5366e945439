import { createHash } from 'node:crypto';
import type { AppConfig } from '../../config/app-config.js';
import type { ImageFraming } from './focal-crop.js';

export type RenditionFit = 'inside' | 'cover';
export type RenditionFormat = 'jpeg' | 'webp' | 'avif' | 'png';
export type RequestedFormat = RenditionFormat | 'auto';

export const RENDITION_FITS: readonly RenditionFit[] = ['inside', 'cover'];
export const RENDITION_FORMATS: readonly RequestedFormat[] = ['auto', 'jpeg', 'webp', 'avif', 'png'];

export const FORMAT_EXTENSIONS: Readonly<Record<RenditionFormat, string>> = {
  jpeg: 'jpg',
  webp: 'webp',
  avif: 'avif',
  png: 'png',
};
export const FORMAT_CONTENT_TYPES: Readonly<Record<RenditionFormat, string>> = {
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  png: 'image/png',
};

/** height 0: the image's own aspect ratio. */
export interface RenditionRequest {
  readonly width: number;
  readonly height: number;
  readonly fit: RenditionFit;
  readonly format: RequestedFormat;
}

export interface ParsedRenditionPath extends RenditionRequest {
  readonly imageId: string;
  readonly version: string;
}

type RenditionConfig = AppConfig['media']['renditions'];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATH = new RegExp(`^(${UUID})/(\\d{1,5})x(\\d{1,5})/(inside|cover)-([0-9a-f]{8})\\.(jpg|webp|avif|png|auto)$`);
const FORMAT_OF_EXTENSION: Readonly<Record<string, RequestedFormat>> = {
  jpg: 'jpeg',
  webp: 'webp',
  avif: 'avif',
  png: 'png',
  auto: 'auto',
};

/** "<uuid>/<w>x<h>/<fit>-<version>.<ext>" below /media, or null for anything else. */
export function parseRenditionPath(path: string): ParsedRenditionPath | null {
  const match = PATH.exec(path);
  if (!match) return null;
  const [, imageId, width, height, fit, version, extension] = match;
  return {
    imageId: imageId!,
    width: Number(width),
    height: Number(height),
    fit: fit as RenditionFit,
    version: version!,
    format: FORMAT_OF_EXTENSION[extension!]!,
  };
}

export function renditionPath(imageId: string, request: RenditionRequest, version: string): string {
  const extension = request.format === 'auto' ? 'auto' : FORMAT_EXTENSIONS[request.format];
  return `${imageId}/${request.width}x${request.height}/${request.fit}-${version}.${extension}`;
}

/** Where a rendered file is stored: one key per concrete format, whatever the URL asked. */
export function renditionKey(imageId: string, request: RenditionRequest & { format: RenditionFormat }, version: string): string {
  return `renditions/${imageId}/${request.width}x${request.height}-${request.fit}-${version}.${FORMAT_EXTENSIONS[request.format]}`;
}

/** The heights allowed for a width: 0 (auto) and one per configured aspect ratio. */
export function allowedHeights(config: RenditionConfig, width: number): number[] {
  return [0, ...config.aspects.map(([w, h]) => Math.round((width * h) / w))];
}

/** Only configured sizes are rendered, so nobody can make the server resize to arbitrary sizes. */
export function isAllowedSize(config: RenditionConfig, width: number, height: number): boolean {
  return config.widths.includes(width) && allowedHeights(config, width).includes(height);
}

// Changes when what a fit depends on changes: a cover crop follows the focal point and named crops,
// so editing them gives new URLs (old ones redirect) and CDNs can still cache every URL forever.
export function renditionVersion(framing: ImageFraming, fit: RenditionFit): string {
  const input = fit === 'cover' ? JSON.stringify([framing.focalX, framing.focalY, sortedCrops(framing)]) : 'inside';
  return createHash('sha256').update(input).digest('hex').slice(0, 8);
}

function sortedCrops(framing: ImageFraming): unknown[] {
  return Object.entries(framing.crops ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

// AVIF, then WebP, by what the browser says it accepts; else JPEG, or PNG for pictures with
// transparency, which JPEG cannot carry.
export function negotiateFormat(accept: string | undefined, hasAlpha: boolean): RenditionFormat {
  const types = (accept ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, ...params]) => !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param)))
    .map(([type]) => type!.trim().toLowerCase());
  if (types.includes('image/avif')) return 'avif';
  if (types.includes('image/webp')) return 'webp';
  return hasAlpha ? 'png' : 'jpeg';
}
