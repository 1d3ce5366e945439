import { useQuery } from '@apollo/client/react';
import type { DocumentNode } from 'graphql';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { describeError } from '../api/errors';

export interface Option {
  id: string;
  name: string;
}

interface Props {
  label: string;
  query: DocumentNode;
  /** Path of the connection in the query's data, e.g. "adminTags". */
  connection: string;
  onPick(option: Option): void;
  /** Offer "Create …" for a name that is not found (tags). */
  onCreate?(name: string): Promise<void> | void;
  exclude?: string[];
  placeholder?: string;
}

// A search-as-you-type combobox (WAI-ARIA combobox pattern): type, arrow down/up, Enter picks.
export function SearchSelect({ label, query, connection, onPick, onCreate, exclude = [], placeholder }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const { data } = useQuery<Record<string, { edges: { node: Option }[] }>>(query, {
    variables: { search: debounced || null },
    skip: !open,
  });
  // Until the results for what is typed are asked for, the list would be of an older search, and Enter
  // would pick a wrong option: offer none meanwhile.
  const settled = text.trim() === debounced;
  const options = settled
    ? (data?.[connection]?.edges ?? []).map((edge) => edge.node).filter((option) => !exclude.includes(option.id))
    : [];
  const canCreate = Boolean(
    settled && onCreate && debounced && !options.some((o) => o.name.toLowerCase() === debounced.toLowerCase()),
  );
  const count = options.length + (canCreate ? 1 : 0);

  const [error, setError] = useState('');

  async function choose(index: number) {
    setError('');
    try {
      if (index < options.length) onPick(options[index]!);
      else if (canCreate) await onCreate!(debounced);
      setText('');
      setActive(0);
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, count - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && open && count > 0) {
      event.preventDefault();
      void choose(active);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  return (
    <div className="search-select">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open && count > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && count > 0 ? `${id}-option-${active}` : undefined}
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={label} hidden={!open || count === 0}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              void choose(index);
            }}
          >
            {option.name}
          </li>
        ))}
        {canCreate && (
          <li
            id={`${id}-option-${options.length}`}
            role="option"
            aria-selected={active === options.length}
            onMouseDown={(event) => {
              event.preventDefault();
              void choose(options.length);
            }}
          >
            Create “{debounced}”
          </li>
        )}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
