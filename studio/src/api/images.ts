import { gql } from '@apollo/client';
import type { BodyBlock } from '../body/body-mapping';

// MEDIA ADAPTER: the one place that knows how images look in the admin API (AdminImage, adminImages,
// updateImage, and body image blocks by reference).

export interface FocalPoint {
  x: number;
  y: number;
}

export interface LibraryImage {
  id: string;
  url: string;
  /** A small rendition for grids; null when only the full-size file is known (just uploaded). */
  thumbnailUrl: string | null;
  width: number | null;
  height: number | null;
  caption: string | null;
  credit: string | null;
  altText: string | null;
  /** Where cover crops centre (fractions of width and height); null: the middle. */
  focalPoint: FocalPoint | null;
  createdAt: string;
}

export const IMAGE_FIELDS = gql`
  fragment StudioImage on AdminImage {
    id
    url
    thumbnailUrl
    width
    height
    caption
    credit
    altText
    focalPoint {
      x
      y
    }
    createdAt
  }
`;

// The library, newest first; the API searches caption, credit, alt text and file name.
export const LIBRARY_IMAGES = gql`
  query StudioLibraryImages($first: Int, $after: String, $search: String) {
    adminImages(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...StudioImage
        }
      }
    }
  }
  ${IMAGE_FIELDS}
`;

export const LIBRARY_IMAGE = gql`
  query StudioLibraryImage($id: ID!) {
    adminImage(id: $id) {
      ...StudioImage
    }
  }
  ${IMAGE_FIELDS}
`;

export const UPDATE_IMAGE = gql`
  mutation StudioUpdateImage($input: UpdateImageInput!) {
    updateImage(input: $input) {
      image {
        ...StudioImage
      }
    }
  }
  ${IMAGE_FIELDS}
`;

/** The API searches from 2 characters on; shorter input lists the whole library. */
export function libraryQueryVariables(search: string, after?: string | null) {
  const words = search.trim();
  return { first: 48, after: after ?? null, search: words.length >= 2 ? words : null };
}

export function thumbnailUrl(image: Pick<LibraryImage, 'url' | 'thumbnailUrl'>): string {
  return image.thumbnailUrl ?? image.url;
}

/**
 * The body block for a library image: by reference. File, size, caption, credit and alt text come
 * from the image when the body is rendered, so a later correction in the library reaches the article;
 * the block itself may only override caption and alt for this article (the inspector's fields).
 */
export function imageBlockFromLibrary(image: LibraryImage): Extract<BodyBlock, { type: 'image' }> {
  return { type: 'image', imageId: image.id };
}

/** A block that shows a library image by its public id (not a legacy block linked by url). */
export function isLibraryReference(block: { url?: string | null; imageId?: string | null }): boolean {
  return Boolean(block.imageId) && !block.url;
}
