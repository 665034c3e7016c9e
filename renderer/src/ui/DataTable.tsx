// A plain table of records with a labelled header row: the backup list and the salvage report are
// both one, so they look and read alike to a screen reader.
import type { ReactNode } from 'react';

/** A column heading; `{ hidden }` names a column of buttons for screen readers only. */
export type Column = string | { hidden: string };

interface Props {
  label: string;
  columns: readonly Column[];
  children: ReactNode;
}

export function DataTable({ label, columns, children }: Props) {
  return (
    <table className="backup-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={typeof c === 'string' ? c : c.hidden} scope="col">
              {typeof c === 'string' ? c : <span className="visually-hidden">{c.hidden}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
