import { useMutation } from '@apollo/client/react';
import { useState, type MouseEvent } from 'react';
import { describeError } from '../api/errors';
import { UPDATE_IMAGE, type FocalPoint, type LibraryImage } from '../api/images';

const TEXT_FIELDS = [
  ['caption', 'Caption'],
  ['credit', 'Credit'],
  ['altText', 'Alt text'],
] as const;

type Texts = Record<(typeof TEXT_FIELDS)[number][0], string>;

// Percentages in the form, fractions (0..1) in the API; empty means the middle (no focal point).
const percent = (fraction: number | undefined) => (fraction === undefined ? '' : String(Math.round(fraction * 1000) / 10));
const fraction = (text: string) => Math.min(100, Math.max(0, Number(text))) / 100;

function focalInput(across: string, down: string): FocalPoint | null {
  if (across.trim() === '' && down.trim() === '') return null;
  return { x: fraction(across || '50'), y: fraction(down || '50') };
}

/**
 * Caption, credit, alt text and focal point of a library image, saved to the image itself
 * (updateImage), so every article that shows it follows. The focal point is where cover crops
 * centre: typed as percentages (the keyboard way), or set by clicking the picture.
 */
export function ImageTexts({ image, onSaved }: { image: LibraryImage; onSaved?(image: LibraryImage): void }) {
  const [texts, setTexts] = useState<Texts>({
    caption: image.caption ?? '',
    credit: image.credit ?? '',
    altText: image.altText ?? '',
  });
  const [across, setAcross] = useState(percent(image.focalPoint?.x));
  const [down, setDown] = useState(percent(image.focalPoint?.y));
  const [update, { loading, error }] = useMutation<any>(UPDATE_IMAGE);
  const [done, setDone] = useState(false);
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => (set(value), setDone(false));
  const focal = focalInput(across, down);

  const pick = (event: MouseEvent<HTMLImageElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    changed(setAcross)(percent((event.clientX - box.left) / box.width));
    changed(setDown)(percent((event.clientY - box.top) / box.height));
  };
  const save = async () => {
    const { data } = await update({ variables: { input: { id: image.id, ...texts, focalPoint: focal } } });
    setDone(true);
    onSaved?.(data.updateImage.image);
  };

  return (
    <div className="image-texts" role="group" aria-label="Image texts">
      {TEXT_FIELDS.map(([name, label]) => (
        <label key={name}>
          {label}
          <input value={texts[name]} onChange={(e) => changed(setTexts)({ ...texts, [name]: e.target.value })} />
        </label>
      ))}
      <fieldset className="focal-point">
        <legend>Focal point (where crops centre; empty: the middle)</legend>
        <div className="focal-frame">
          {/* A pointer shortcut for the two fields below, which stay the accessible way to set it. */}
          <img src={image.url} alt="" onClick={pick} />
          {focal && (
            <span className="focal-marker" aria-hidden="true" style={{ left: `${focal.x * 100}%`, top: `${focal.y * 100}%` }} />
          )}
        </div>
        <label>
          Across (% from the left)
          <input type="number" min={0} max={100} step={0.1} value={across} onChange={(e) => changed(setAcross)(e.target.value)} />
        </label>
        <label>
          Down (% from the top)
          <input type="number" min={0} max={100} step={0.1} value={down} onChange={(e) => changed(setDown)(e.target.value)} />
        </label>
      </fieldset>
      <button type="button" onClick={() => void save().catch(() => undefined)} disabled={loading}>
        Save image texts
      </button>
      <span role="status">{error ? describeError(error) : done ? 'Image texts saved' : ''}</span>
    </div>
  );
}
