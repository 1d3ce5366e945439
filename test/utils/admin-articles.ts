import type { GraphqlClient } from './graphql-client.js';

export const ADMIN_ARTICLE_FIELDS = `id version status trashed hasPendingChanges slug headline dek dateline body teaser type
  sectionId seriesId featuredImageId authorIds tagIds publishedAt scheduledAt createdById`;

// A story may only go public with a body (and a byline: test users write under one). Articles created
// here get a paragraph unless the test gives a body of its own.
const DEFAULT_BODY = [{ type: 'paragraph', text: 'Body text.' }];

function withDefaults(mutation: string, input: Record<string, unknown>): Record<string, unknown> {
  return mutation === 'createArticle' && input.body === undefined ? { ...input, body: DEFAULT_BODY } : input;
}

/** Runs an admin mutation that must succeed and returns its article. */
export async function mutateArticle(client: GraphqlClient, mutation: string, input: Record<string, unknown>): Promise<any> {
  const response = await client.post(
    `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { article { ${ADMIN_ARTICLE_FIELDS} } } }`,
    { input: withDefaults(mutation, input) },
  );
  if (response.body.errors) throw new Error(`${mutation} failed: ${JSON.stringify(response.body.errors)}`);
  return response.body.data![mutation].article;
}

/** Runs an admin mutation and returns its first error's code (or 'OK'). */
export async function attempt(
  client: GraphqlClient,
  mutation: string,
  input: Record<string, unknown>,
  selection = 'article { id }',
) {
  const response = await client.post(
    `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { ${selection} } }`,
    { input: withDefaults(mutation, input) },
  );
  const error = response.body.errors?.[0];
  return { code: (error?.extensions?.code as string | undefined) ?? 'OK', error, data: response.body.data?.[mutation] };
}

const INPUT_TYPES: Record<string, string> = {
  trashArticle: 'ArticleIdInput',
  restoreArticle: 'ArticleIdInput',
  unpublishArticle: 'ArticleIdInput',
  purgeArticle: 'ArticleIdInput',
};

function inputTypeOf(mutation: string): string {
  return INPUT_TYPES[mutation] ?? `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
}
