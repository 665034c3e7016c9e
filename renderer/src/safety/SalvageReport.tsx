// What salvage recovered, table by table, in the analyst's words where the table is theirs.
import type { SalvageReport } from '../../../main/contract';
import { DataTable } from '../ui/DataTable';

const NAMES: Record<string, string> = {
  source: 'Sources',
  quote: 'Quotes',
  brief: 'Briefs',
  claim: 'Claims',
  citation: 'Citations',
  tag: 'Tags',
  source_tag: 'Tags on sources',
  quote_tag: 'Tags on quotes',
  claim_tag: 'Tags on claims',
  export_record: 'Export records',
  app_meta: 'Settings',
};

const ORDER = Object.keys(NAMES);
const rank = (table: string) => (ORDER.includes(table) ? ORDER.indexOf(table) : ORDER.length);

const COLUMNS = ['What', 'Recovered', 'Lost', 'Unreadable rows'] as const;

export function SalvageReportTable({ report }: { report: SalvageReport }) {
  return (
    <DataTable label="What was salvaged" columns={COLUMNS}>
      {[...report.tables].sort((a, b) => rank(a.table) - rank(b.table)).map((t) => {
        const lost = t.expected !== null ? Math.max(0, t.expected - t.recovered) : t.rejected;
        return (
          <tr key={t.table}>
            <th scope="row">{NAMES[t.table] ?? t.table}</th>
            <td>{t.recovered}</td>
            <td>{t.expected === null && t.unreadable.length > 0 ? `${lost} or more` : lost}</td>
            <td>{t.unreadable.length ? t.unreadable.join(', ') : '—'}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
