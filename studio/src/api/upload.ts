import { accessToken } from './session';
import type { LibraryImage } from './images';

export interface UploadFields {
  caption?: string;
  credit?: string;
  altText?: string;
}

// POST /admin/media with XMLHttpRequest, the one browser API that reports upload progress.
export async function uploadImage(
  file: File,
  fields: UploadFields,
  onProgress: (fraction: number) => void,
): Promise<LibraryImage> {
  const token = await accessToken();
  const form = new FormData();
  form.append('file', file);
  for (const [name, value] of Object.entries(fields)) if (value) form.append(name, value);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/admin/media');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new Error('The upload failed: network error'));
    xhr.onload = () => {
      let body: any = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: reported below with the status
      }
      if (xhr.status === 201 && body?.image) {
        onProgress(1);
        resolve(fromUpload(body.image));
      } else {
        reject(new Error(body?.message ?? body?.error?.message ?? `The upload failed (HTTP ${xhr.status})`));
      }
    };
    xhr.send(form);
  });
}

function fromUpload(image: any): LibraryImage {
  return {
    id: image.id,
    url: image.url,
    thumbnailUrl: null,
    width: image.width ?? null,
    height: image.height ?? null,
    caption: image.caption ?? null,
    credit: image.credit ?? null,
    altText: image.altText ?? null,
    focalPoint: null,
    createdAt: image.createdAt ?? new Date().toISOString(),
  };
}
