import { request as httpRequest } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromGlobalId } from '../../src/common/global-id.js';
import type { ImageFixture } from '../fixtures/images.js';
import type { LoggedIn } from './auth.js';
import type { TestApp } from './create-app.js';

export interface MediaSandbox {
  /** A fresh temporary folder; MEDIA_DIR is its "media" subfolder, so files can be put beside it. */
  readonly root: string;
  readonly mediaDir: string;
  remove(): Promise<void>;
}

export async function createMediaSandbox(): Promise<MediaSandbox> {
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-media-'));
  return { root, mediaDir: join(root, 'media'), remove: () => rm(root, { recursive: true, force: true }) };
}

export interface UploadResponse {
  status: number;
  body: any;
}

/** POST /admin/media as a browser form would send it. */
export async function uploadImage(
  t: TestApp,
  token: string | undefined,
  file: { name: string; contentType: string; data: Buffer } | undefined,
  fields: Record<string, string> = {},
): Promise<UploadResponse> {
  const form = new FormData();
  if (file) form.append('file', new Blob([new Uint8Array(file.data)], { type: file.contentType }), file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return postForm(t, token, form);
}

export async function postForm(t: TestApp, token: string | undefined, form: FormData): Promise<UploadResponse> {
  const response = await fetch(`${t.baseUrl}/admin/media`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

/** An upload that must succeed: the image of the 201 response. */
export async function uploadedImage(t: TestApp, as: LoggedIn, fixture: ImageFixture, fields: Record<string, string> = {}) {
  const response = await uploadImage(t, as.accessToken, fixture, fields);
  if (response.status !== 201) throw new Error(`Upload failed (${response.status}): ${JSON.stringify(response.body)}`);
  return response.body.image as { id: string; url: string; [field: string]: unknown };
}

export function imageRow(t: TestApp, globalId: string) {
  return t.prisma.image.findUnique({ where: { id: fromGlobalId(globalId)!.id } });
}

/** Every file under the folder, temporary ones included. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The image's file as this app serves it (its URL names the configured public origin, not the test port). */
export function fetchServed(t: TestApp, url: string): Promise<Response> {
  return fetch(`${t.baseUrl}${new URL(url).pathname}`);
}

/** A GET with the path sent exactly as written: fetch would normalise "..". */
export function rawGet(t: TestApp, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(t.baseUrl);
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
