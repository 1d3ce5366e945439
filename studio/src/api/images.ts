import { gql } from '@apollo/client';
import type { BodyBlock } from '../body/body-mapping';

// MEDIA ADAPTER: the one place that knows how images look in today's admin API. When the media
// branch lands (renditions Image.url(width, height, fit, format), srcset, focalPoint, library search
// images(filter: { search, … }), body image blocks by reference { type: "image", imageId }), switch
// the functions below and nothing else in the Studio changes.

export interface LibraryImage {
  id: string;
  url: string;
  width: number | null;
  height: number | null;
  caption: string | null;
  credit: string | null;
  altText: string | null;
  createdAt: string;
}

const IMAGE_FIELDS = 'id url width height caption credit altText createdAt';

// Today: adminImages has no search argument, so the library pages through newest first and
// searchImages() filters the loaded page. Later: images(filter: { search }).
export const LIBRARY_IMAGES = gql`
  query StudioLibraryImages($first: Int, $after: String) {
    adminImages(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ${IMAGE_FIELDS}
        }
      }
    }
  }
`;

export const UPDATE_IMAGE = gql`
  mutation StudioUpdateImage($input: UpdateImageInput!) {
    updateImage(input: $input) {
      image {
        ${IMAGE_FIELDS}
      }
    }
  }
`;

export function libraryQueryVariables(_search: string, after?: string | null) {
  return { first: 48, after: after ?? null };
}

export function searchImages(images: LibraryImage[], search: string): LibraryImage[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return images;
  return images.filter((image) => {
    const text = [image.caption, image.credit, image.altText].filter(Boolean).join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** A small version for grids. Today: the original file. Later: image.url(width: 320, fit: COVER). */
export function thumbnailUrl(image: Pick<LibraryImage, 'url'>): string {
  return image.url;
}

/** The body block for an image from the library. Today: by URL with its texts copied in. Later: { imageId }. */
export function imageBlockFromLibrary(image: LibraryImage): Extract<BodyBlock, { type: 'image' }> {
  return {
    type: 'image',
    url: image.url,
    imageId: uuidOf(image.id),
    ...(image.altText ? { alt: image.altText } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { credit: image.credit } : {}),
    ...(image.width ? { width: image.width } : {}),
    ...(image.height ? { height: image.height } : {}),
  };
}

// Today's body schema wants the library image's database uuid in imageId; admin image ids are
// global ids ("Image:<uuid>" in base64url). The id stays opaque everywhere else in the Studio.
function uuidOf(id: string): string | undefined {
  try {
    const decoded = atob(id.replace(/-/g, '+').replace(/_/g, '/'));
    const uuid = decoded.startsWith('Image:') ? decoded.slice(6) : id;
    return /^[0-9a-f-]{36}$/i.test(uuid) ? uuid : undefined;
  } catch {
    return /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
  }
}

/** Focal point: not in today's API (the media branch adds focalPoint { x y } to updateImage). */
export const FOCAL_POINT_SUPPORTED = false;
