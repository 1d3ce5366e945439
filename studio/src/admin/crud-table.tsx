import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { describeError } from '../api/errors';

export interface Column<T> {
  label: string;
  cell(row: T): ReactNode;
}

// The lists of the admin screens: a captioned table with header cells, one row per item.
export function CrudTable<T extends { id: string }>({
  caption,
  rows,
  columns,
}: {
  caption: string;
  rows: T[];
  columns: Column<T>[];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {columns.map((column) => (
              <td key={column.label}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Tabs({ tabs, current, base }: { tabs: [string, string][]; current: string; base: string }) {
  return (
    <nav className="tabs" aria-label="Sections of this screen">
      {tabs.map(([key, label]) => (
        <Link key={key} href={`${base}/${key}`} aria-current={key === current ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}

interface ShownOnceProps {
  label: string;
  value: string;
}

/** A secret the API shows once (API token, partner key, webhook secret). */
export function ShownOnce({ label, value }: ShownOnceProps) {
  return (
    <div className="shown-once" role="status">
      <p>
        <strong>{label}</strong>: copy it now, it is shown only once.
      </p>
      <code>{value}</code>
      <button type="button" onClick={() => void navigator.clipboard?.writeText(value)}>
        Copy
      </button>
    </div>
  );
}

/**
 * The state of an admin panel's actions: the outcome message (a status line), and the secret a create
 * returned. `act` runs a mutation, then says `done` and reloads the list; a failure becomes the message.
 */
export function usePanelActions(refetch: () => Promise<unknown>) {
  const [message, setMessage] = useState('');
  const [secret, setSecret] = useState('');
  const fail = (failure: unknown) => setMessage(describeError(failure));
  const act = (work: () => Promise<unknown>, done?: string) =>
    work()
      .then(() => (done && setMessage(done), refetch()))
      .catch(fail);
  const reveal = (work: () => Promise<string>) =>
    work()
      .then((shown) => (setSecret(shown), refetch()))
      .catch(fail);
  return { message, setMessage, secret, act, reveal };
}

/** Above a panel's table: the list query's error, the last action's outcome, and a secret shown once. */
export function PanelNotices({ error, message, secret }: { error?: unknown; message?: string; secret?: ShownOnceProps }) {
  return (
    <>
      {error ? (
        <p className="error" role="alert">
          {describeError(error)}
        </p>
      ) : null}
      {message !== undefined && <p role="status">{message}</p>}
      {secret?.value && <ShownOnce {...secret} />}
    </>
  );
}

/**
 * The "New …" form under a panel's table; `onCreate` gets the fields (and the form, to clear it).
 * `heading` is h3 where the panel itself sits under an h2.
 */
export function CreateForm({
  title,
  submit,
  onCreate,
  heading: Heading = 'h2',
  children,
}: {
  title: string;
  submit: string;
  onCreate(fields: FormData, form: HTMLFormElement): void;
  heading?: 'h2' | 'h3';
  children: ReactNode;
}) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onCreate(new FormData(event.currentTarget), event.currentTarget);
  }
  return (
    <form className="create" onSubmit={onSubmit} aria-label={title}>
      <Heading>{title}</Heading>
      {children}
      <button type="submit">{submit}</button>
    </form>
  );
}
