import { useId, useState, type DragEvent } from 'react';
import type { LibraryImage } from '../api/images';
import { uploadImage } from '../api/upload';

interface Upload {
  name: string;
  progress: number;
  error?: string;
}

// Drop files here or pick them with the button (the keyboard way); each shows its own progress.
export function UploadZone({ onUploaded }: { onUploaded(image: LibraryImage): void }) {
  const inputId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);

  function start(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const name = file.name;
      setUploads((list) => [...list, { name, progress: 0 }]);
      const set = (patch: Partial<Upload>) => setUploads((list) => list.map((u) => (u.name === name ? { ...u, ...patch } : u)));
      uploadImage(file, {}, (progress) => set({ progress }))
        .then((image) => {
          set({ progress: 1 });
          onUploaded(image);
        })
        .catch((error: Error) => set({ error: error.message }));
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    start(event.dataTransfer.files);
  };

  return (
    <div
      className={`upload-zone${over ? ' over' : ''}`}
      onDragOver={(event) => (event.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="upload-zone"
    >
      <p>Drop images here, or</p>
      <label htmlFor={inputId} className="button">
        Upload images
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept="image/*"
        multiple
        onChange={(e) => (start(e.target.files), (e.target.value = ''))}
      />
      {uploads.length > 0 && (
        <ul className="uploads" aria-label="Uploads">
          {uploads.map((upload) => (
            <li key={upload.name}>
              <label>
                {upload.name}
                <progress max={1} value={upload.progress} aria-label={`Upload of ${upload.name}`} />
              </label>
              <span role="status">
                {upload.error
                  ? `Failed: ${upload.error}`
                  : upload.progress >= 1
                    ? 'Uploaded'
                    : `${Math.round(upload.progress * 100)}%`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
