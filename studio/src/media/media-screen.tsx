import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import type { LibraryImage } from '../api/images';
import { ImageTexts } from './image-texts';
import { LibraryGrid } from './library-grid';
import { UploadZone } from './upload-zone';

export default function MediaScreen() {
  const client = useApolloClient();
  const [selected, setSelected] = useState<LibraryImage | null>(null);
  return (
    <section aria-labelledby="media-title">
      <div className="screen-head">
        <h1 id="media-title">Media library</h1>
      </div>
      <UploadZone
        onUploaded={(image) => {
          setSelected(image);
          void client.refetchQueries({ include: ['StudioLibraryImages'] });
        }}
      />
      <div className="media-columns">
        <LibraryGrid onPick={setSelected} pickLabel="Edit" selectedId={selected?.id} />
        {selected && (
          <aside className="media-detail" aria-label="Selected image">
            <h2>Selected image</h2>
            <p className="hint">
              {selected.width && selected.height ? `${selected.width} × ${selected.height} px` : 'Size unknown'}
            </p>
            <ImageTexts
              key={selected.id}
              image={selected}
              onSaved={(image) => {
                setSelected(image);
                void client.refetchQueries({ include: ['StudioLibraryImages'] });
              }}
            />
          </aside>
        )}
      </div>
    </section>
  );
}
