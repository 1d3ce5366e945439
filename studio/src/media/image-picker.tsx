import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import type { LibraryImage } from '../api/images';
import { LibraryGrid } from './library-grid';
import { UploadZone } from './upload-zone';

// A modal dialog (native <dialog>: focus stays inside, Escape closes) to pick or upload an image.
export function ImagePicker({ title, onPick, onClose }: { title: string; onPick(image: LibraryImage): void; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const client = useApolloClient();
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="picker" aria-labelledby="picker-title" onClose={onClose}>
      <div className="picker-head">
        <h2 id="picker-title">{title}</h2>
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <UploadZone
        onUploaded={(image) => {
          void client.refetchQueries({ include: ['StudioLibraryImages'] });
          onPick(image);
        }}
      />
      <LibraryGrid onPick={onPick} pickLabel="Choose" />
    </dialog>
  );
}
