import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { describeError } from '../api/errors';
import { LIBRARY_IMAGES, libraryQueryVariables, thumbnailUrl, type LibraryImage } from '../api/images';
import { formatCount } from '../components/format';

interface Props {
  /** What picking an image does (select it for editing, insert it…). */
  onPick(image: LibraryImage): void;
  pickLabel: string;
  selectedId?: string | null;
}

interface LibraryData {
  adminImages: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: LibraryImage }[];
  };
}

export function useLibrary(search: string) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const query = useQuery<LibraryData>(LIBRARY_IMAGES, { variables: libraryQueryVariables(search, cursors[cursors.length - 1]) });
  const images = (query.data?.adminImages.edges ?? []).map((edge) => edge.node);
  return { ...query, images, cursors, setCursors };
}

export function LibraryGrid({ onPick, pickLabel, selectedId }: Props) {
  const [search, setSearch] = useState('');
  const { images, loading, error, data, cursors, setCursors, refetch } = useLibrary(search);
  return (
    <div className="library">
      <label className="library-search">
        Search images
        <input
          type="search"
          value={search}
          onChange={(e) => (setSearch(e.target.value), setCursors([null]))}
          placeholder="Caption, credit, alt text or file name"
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {describeError(error)}
        </p>
      )}
      <p role="status" className="count">
        {loading && !data ? 'Loading…' : `${images.length} shown of ${formatCount(data?.adminImages.totalCount ?? 0, 'image')}`}
      </p>
      <ul className="grid" aria-label="Images">
        {images.map((image) => (
          <li key={image.id} className={image.id === selectedId ? 'selected' : undefined}>
            <button
              type="button"
              onClick={() => onPick(image)}
              aria-label={`${pickLabel}: ${image.caption || image.altText || 'untitled image'}`}
            >
              <img src={thumbnailUrl(image)} alt="" loading="lazy" />
              <span>{image.caption || image.altText || 'Untitled'}</span>
            </button>
          </li>
        ))}
      </ul>
      <nav className="pager" aria-label="Image pages">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous images
        </button>
        <button
          type="button"
          disabled={!data?.adminImages.pageInfo.hasNextPage}
          onClick={() => setCursors((c) => [...c, data!.adminImages.pageInfo.endCursor])}
        >
          More images
        </button>
        <button type="button" onClick={() => void refetch()}>
          Refresh
        </button>
      </nav>
    </div>
  );
}
