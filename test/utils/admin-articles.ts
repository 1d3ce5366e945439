import type { GraphqlClient } from './graphql-client.js';

export const ADMIN_ARTICLE_FIELDS = `id version status trashed hasPendingChanges slug headline dek body teaser type
  sectionId seriesId featuredImageId authorIds tagIds publishedAt scheduledAt createdById`;

/** Runs an admin mutation that must succeed and returns its article. */
export async function mutateArticle(client: GraphqlClient, mutation: string, input: Record<string, unknown>): Promise<any> {
  const response = await client.post(
    `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { article { ${ADMIN_ARTICLE_FIELDS} } } }`,
    {
      input,
    },
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
    { input },
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
