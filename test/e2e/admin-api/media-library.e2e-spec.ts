import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fromGlobalId } from '../../../src/common/global-id.js';
import { ContentFactory } from '../../factories/content.factory.js';
import { JPEG, PNG, WEBP, type ImageFixture } from '../../fixtures/images.js';
import { loginAs, type LoggedIn } from '../../utils/auth.js';
import { createTestApp, type TestApp } from '../../utils/create-app.js';
import { createMediaSandbox, fetchServed, imageRow, uploadedImage, type MediaSandbox } from '../../utils/media.js';

const IMAGE_FIELDS = 'id url width height altText caption credit contentType byteSize createdAt updatedAt trashed';
const TRASH = `mutation ($id: ID!) { trashImage(input: { id: $id }) { image { id trashed } } }`;
const RESTORE = `mutation ($id: ID!) { restoreImage(input: { id: $id }) { image { id trashed } } }`;
const PURGE = `mutation ($id: ID!) { purgeImage(input: { id: $id }) { purgedImageId } }`;
const UPDATE = `mutation ($input: UpdateImageInput!) { updateImage(input: $input) { image { ${IMAGE_FIELDS} } } }`;

// The media library on /admin/graphql: browsing, editing, trash, purge, and what the public API sees.
describe('media: the image library', () => {
  let t: TestApp;
  let media: MediaSandbox;
  let factory: ContentFactory;
  let contributor: LoggedIn;
  let editor: LoggedIn;
  let admin: LoggedIn;

  beforeAll(async () => {
    media = await createMediaSandbox();
    t = await createTestApp({ MEDIA_DIR: media.mediaDir });
    factory = new ContentFactory(t.prisma);
    [contributor, editor, admin] = await Promise.all([loginAs(t, 'CONTRIBUTOR'), loginAs(t, 'EDITOR'), loginAs(t, 'ADMIN')]);
  });

  afterAll(async () => {
    await t.close();
    await media.remove();
  });

  const uploaded = (fixture: ImageFixture = PNG, fields: Record<string, string> = {}, as: LoggedIn = contributor) =>
    uploadedImage(t, as, fixture, fields);

  it('lists the library newest first with cursors, the trash apart, and finds one image', async () => {
    const images = [await uploaded(PNG), await uploaded(WEBP), await uploaded(JPEG)];
    const query = `query ($after: String, $trashed: Boolean) {
      adminImages(first: 2, after: $after, trashed: $trashed) {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const first = await contributor.admin.data(query);
    expect(first.adminImages.edges.map((edge: any) => edge.node.id)).toEqual([images[2]!.id, images[1]!.id]);
    expect(first.adminImages.pageInfo.hasNextPage).toBe(true);
    const second = await contributor.admin.data(query, { after: first.adminImages.pageInfo.endCursor });
    expect(second.adminImages.edges[0].node.id).toBe(images[0]!.id);

    await editor.admin.data(TRASH, { id: images[1]!.id });
    const live = await contributor.admin.data(`{ adminImages(first: 100) { edges { node { id } } } }`);
    expect(live.adminImages.edges.map((edge: any) => edge.node.id)).not.toContain(images[1]!.id);
    const trash = await contributor.admin.data(query, { trashed: true });
    expect(trash.adminImages.edges.map((edge: any) => edge.node.id)).toContain(images[1]!.id);

    const one = await contributor.admin.data(`query ($id: ID!) { adminImage(id: $id) { ${IMAGE_FIELDS} } }`, {
      id: images[1]!.id,
    });
    expect(one.adminImage).toMatchObject({ id: images[1]!.id, width: 3, height: 2, contentType: 'image/webp', trashed: true });
    const anonymous = await t.admin.post(`{ adminImages { totalCount } }`);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets the uploader and editors edit the texts, and shows the edit in the public API', async () => {
    const image = await uploaded(JPEG, { caption: 'Old caption', credit: 'Old credit' });
    const article = await factory.article({ image: (await imageRow(t, image.id))! });
    const publicImage = async () =>
      (
        await t.graphql.data(`query ($slug: String!) { article(slug: $slug) { featuredImage { id caption credit altText } } }`, {
          slug: article.slug,
        })
      ).article.featuredImage;
    expect(await publicImage()).toMatchObject({ id: image.id, caption: 'Old caption', credit: 'Old credit' });

    const own = await contributor.admin.data(UPDATE, { input: { id: image.id, caption: 'New caption', altText: 'Soldiers' } });
    expect(own.updateImage.image).toMatchObject({ caption: 'New caption', credit: 'Old credit', altText: 'Soldiers' });
    const byEditor = await editor.admin.data(UPDATE, { input: { id: image.id, credit: 'AFP/John Roe', altText: null } });
    expect(byEditor.updateImage.image).toMatchObject({ caption: 'New caption', credit: 'AFP/John Roe', altText: null });
    expect(await publicImage()).toEqual({ id: image.id, caption: 'New caption', credit: 'AFP/John Roe', altText: null });

    const updates = await t.prisma.auditEntry.findMany({
      where: { entityId: fromGlobalId(image.id)!.id, action: 'image.updated' },
      orderBy: { createdAt: 'asc' },
    });
    expect(updates.map((entry) => [entry.actorId, entry.details])).toEqual([
      [contributor.user.id, { caption: { from: 'Old caption', to: 'New caption' }, altText: { from: null, to: 'Soldiers' } }],
      [editor.user.id, { credit: { from: 'Old credit', to: 'AFP/John Roe' }, altText: { from: 'Soldiers', to: null } }],
    ]);
  });

  it("refuses a contributor's edit of someone else's image, and bad input, changing nothing", async () => {
    const image = await uploaded(PNG, { caption: 'Kept' }, editor);
    const other = await loginAs(t, 'CONTRIBUTOR');
    const refused = await other.admin.post(UPDATE, { input: { id: image.id, caption: 'Hijacked' } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooLong = await editor.admin.post(UPDATE, { input: { id: image.id, credit: 'x'.repeat(301) } });
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.credit' }] });
    const foreignId = await editor.admin.post(UPDATE, { input: { id: Buffer.from('Article:x').toString('base64url') } });
    expect(foreignId.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await imageRow(t, image.id))!.caption).toBe('Kept');
  });

  it('lets editors, not contributors, trash and restore; trashed images vanish from the public API', async () => {
    const image = await uploaded(PNG);
    const article = await factory.article({ image: (await imageRow(t, image.id))! });
    const publicView = `query ($id: ID!, $slug: String!) { node(id: $id) { id } article(slug: $slug) { featuredImage { id } } }`;
    const variables = { id: image.id, slug: article.slug };
    expect(await t.graphql.data(publicView, variables)).toEqual({
      node: { id: image.id },
      article: { featuredImage: { id: image.id } },
    });

    const refused = await contributor.admin.post(TRASH, { id: image.id });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await imageRow(t, image.id))!.deletedAt).toBeNull();

    expect((await editor.admin.data(TRASH, { id: image.id })).trashImage.image.trashed).toBe(true);
    expect(await t.graphql.data(publicView, variables)).toEqual({ node: null, article: { featuredImage: null } });
    expect((await editor.admin.data(TRASH, { id: image.id })).trashImage.image.trashed).toBe(true);

    expect((await contributor.admin.post(RESTORE, { id: image.id })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await editor.admin.data(RESTORE, { id: image.id })).restoreImage.image.trashed).toBe(false);
    expect(await t.graphql.data(publicView, variables)).toEqual({
      node: { id: image.id },
      article: { featuredImage: { id: image.id } },
    });

    const entries = await t.prisma.auditEntry.findMany({
      where: { entityId: fromGlobalId(image.id)!.id },
      orderBy: { createdAt: 'asc' },
    });
    // The second trash changed nothing, so it recorded nothing.
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['image.created', contributor.user.id],
      ['image.trashed', editor.user.id],
      ['image.restored', editor.user.id],
    ]);
  });

  it('lets only admins purge, only from the trash, and deletes the file too', async () => {
    const image = await uploaded(WEBP);
    const row = (await imageRow(t, image.id))!;
    const article = await factory.article({ image: row });
    const file = join(media.mediaDir, row.storageKey!);

    const live = await admin.admin.post(PURGE, { id: image.id });
    expect(live.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await editor.admin.data(TRASH, { id: image.id });
    for (const someone of [contributor, editor]) {
      expect((await someone.admin.post(PURGE, { id: image.id })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await imageRow(t, image.id)).not.toBeNull();

    expect(await admin.admin.data(PURGE, { id: image.id })).toEqual({ purgeImage: { purgedImageId: image.id } });
    expect(await imageRow(t, image.id)).toBeNull();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await fetchServed(t, image.url)).status).toBe(404);
    expect((await t.prisma.article.findUnique({ where: { id: article.id } }))!.featuredImageId).toBeNull();

    const missing = await admin.admin.post(PURGE, { id: image.id });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const audit = await admin.admin.data(
      `query ($entityId: ID!) { auditEntries(entityType: "Image", entityId: $entityId) { edges { node { action actorId details } } } }`,
      { entityId: row.id },
    );
    expect(audit.auditEntries.edges.map((edge: any) => edge.node.action)).toEqual([
      'image.purged',
      'image.trashed',
      'image.created',
    ]);
    expect(audit.auditEntries.edges[0].node).toMatchObject({ actorId: admin.user.id, details: { storageKey: row.storageKey } });
  });
});
