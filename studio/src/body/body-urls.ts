// The body schema's URL rules (src/articles/body/article-body.schema.ts), so the editor never offers
// a link or image the API would refuse on save.
const UNSAFE = /[\s\\\p{Cc}]/u;

function hasHost(value: string): boolean {
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

const isSitePath = (value: string) => value.startsWith('/') && !value.startsWith('//');
const isHttp = (value: string) => /^https?:\/\//i.test(value) && hasHost(value);

export function isAcceptableHref(value: string): boolean {
  if (value.length > 2048 || UNSAFE.test(value)) return false;
  return isHttp(value) || /^mailto:./i.test(value) || isSitePath(value);
}

export function isAcceptableImageSrc(value: string): boolean {
  if (value.length > 2048 || UNSAFE.test(value)) return false;
  return isHttp(value) || isSitePath(value);
}

export function isAcceptableEmbedUrl(value: string): boolean {
  return value.length <= 2048 && !UNSAFE.test(value) && /^https:\/\//i.test(value) && hasHost(value);
}
