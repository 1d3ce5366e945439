import type sharpFunction from 'sharp';

type SharpModule = typeof sharpFunction;

let loaded: Promise<SharpModule> | undefined;

// sharp (and libvips behind it) is loaded on the first upload or rendition, not when the app starts:
// most processes and every test file that never touches an image would load it for nothing.
export function loadSharp(): Promise<SharpModule> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    // Each rendition is rendered once and then served from storage, so libvips' operation cache would
    // only hold memory (tens of MB after a large photo) for nothing.
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}
