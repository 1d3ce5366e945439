import { gql } from '@apollo/client';
import { IMAGE_FIELDS } from './images';

// The admin API's documents the Studio sends (schema/admin.graphql is the contract).

export const ARTICLE_FIELDS = gql`
  fragment StudioArticle on AdminArticle {
    id
    version
    status
    trashed
    hasPendingChanges
    slug
    previousSlugs
    headline
    dek
    dateline
    label
    body
    teaser
    type
    sectionId
    seriesId
    featuredImageId
    authorIds
    tagIds
    seoTitle
    seoDescription
    canonicalUrl
    publishedAt
    scheduledAt
    createdById
    updatedAt
    authors {
      id
      name
    }
    tags {
      id
      name
    }
    featuredImage {
      ...StudioImage
    }
  }
  ${IMAGE_FIELDS}
`;

export const ARTICLE_LIST = gql`
  query StudioArticles(
    $first: Int
    $after: String
    $status: ArticleStatus
    $sectionId: ID
    $authorId: ID
    $tagId: ID
    $search: String
    $mine: Boolean
    $trashed: Boolean
  ) {
    adminArticles(
      first: $first
      after: $after
      status: $status
      sectionId: $sectionId
      authorId: $authorId
      tagId: $tagId
      search: $search
      mine: $mine
      trashed: $trashed
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          headline
          status
          trashed
          hasPendingChanges
          updatedAt
          scheduledAt
          publishedAt
          section {
            id
            name
          }
          authors {
            id
            name
          }
        }
      }
    }
  }
`;

export const ARTICLE = gql`
  query StudioArticle($id: ID!) {
    adminArticle(id: $id) {
      ...StudioArticle
    }
  }
  ${ARTICLE_FIELDS}
`;

export const ARTICLE_PREVIEW = gql`
  query StudioArticlePreview($id: ID!) {
    adminArticle(id: $id) {
      id
      headline
      dek
      bodyHtml
    }
  }
`;

const payload = (name: string, inputType: string) => gql`
  mutation Studio_${name}($input: ${inputType}!) {
    ${name}(input: $input) {
      article {
        ...StudioArticle
      }
    }
  }
  ${ARTICLE_FIELDS}
`;

export const CREATE_ARTICLE = payload('createArticle', 'CreateArticleInput');
export const UPDATE_ARTICLE = payload('updateArticle', 'UpdateArticleInput');
export const PUBLISH_ARTICLE = payload('publishArticle', 'PublishArticleInput');
export const SCHEDULE_ARTICLE = payload('scheduleArticle', 'ScheduleArticleInput');
export const UNPUBLISH_ARTICLE = payload('unpublishArticle', 'ArticleIdInput');
export const TRASH_ARTICLE = payload('trashArticle', 'ArticleIdInput');
export const RESTORE_ARTICLE = payload('restoreArticle', 'ArticleIdInput');
export const DISCARD_PENDING = payload('discardPendingChanges', 'DiscardPendingChangesInput');
export const RESTORE_REVISION = payload('restoreArticleRevision', 'RestoreArticleRevisionInput');

export const PREVIEW_TOKEN = gql`
  mutation StudioPreviewToken($input: CreatePreviewTokenInput!) {
    createPreviewToken(input: $input) {
      token
      expiresAt
      previewUrl
    }
  }
`;

export const REVISIONS = gql`
  query StudioRevisions($id: ID!, $first: Int, $after: String) {
    articleRevisions(id: $id, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          version
          message
          createdById
          createdByTokenId
          createdAt
          snapshot
        }
      }
    }
  }
`;

export const SECTIONS_AND_SERIES = gql`
  query StudioSectionsAndSeries {
    adminSections(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    adminSeries(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;

export const SEARCH_AUTHORS = gql`
  query StudioSearchAuthors($search: String) {
    adminAuthors(search: $search, first: 10) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;

export const SEARCH_TAGS = gql`
  query StudioSearchTags($search: String) {
    adminTags(search: $search, first: 10) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;

export const CREATE_TAG = gql`
  mutation StudioCreateTag($input: CreateTagInput!) {
    createTag(input: $input) {
      tag {
        id
        name
      }
    }
  }
`;
