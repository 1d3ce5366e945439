import type { ReactNode } from 'react';
import { Link } from 'wouter';

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

/** A secret the API shows once (API token, partner key, webhook secret). */
export function ShownOnce({ label, value }: { label: string; value: string }) {
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
