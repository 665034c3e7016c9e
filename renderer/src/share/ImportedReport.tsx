// What an import did, with the way to the side-by-side view of each brief that arrived as a version.
import type { MethodResult } from '../../../main/contract';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function ImportedReport({ report, onCompare }: { report: MethodResult<'importBundle'>; onCompare(localId: number, versionId: number): void }) {
  const nothing = report.sourcesAdded + report.passagesAdded + report.notesAdded + report.briefsAdded + report.briefVersionsAdded.length + report.metadataTaken === 0;
  return (
    <div role="status" className="bundle-imported">
      {nothing ? (
        <p>Imported: everything in this bundle was already in your library, so nothing changed.</p>
      ) : (
        <p>
          Imported {plural(report.sourcesAdded, 'source', 'sources')}, {plural(report.passagesAdded, 'passage', 'passages')},{' '}
          {plural(report.briefsAdded, 'brief', 'briefs')} and {plural(report.briefVersionsAdded.length, 'version', 'versions')} of briefs you have
          {report.notesAdded > 0 && `; ${plural(report.notesAdded, 'note', 'notes')} added to passages`}
          {report.metadataTaken > 0 && `; ${plural(report.metadataTaken, 'source detail', 'source details')} taken from the bundle`}.
        </p>
      )}
      {report.briefVersionsAdded.length > 0 && (
        <ul className="bundle-plan">
          {report.briefVersionsAdded.map((v) => (
            <li key={v.id}>
              “<bdi>{v.title}</bdi>” sits beside your brief.{' '}
              <button type="button" className="small" onClick={() => onCompare(v.localId, v.id)}>
                Compare with yours
              </button>
            </li>
          ))}
        </ul>
      )}
      {report.metadataOffers.length > 0 && <p>{plural(report.metadataOffers.length, 'differing source detail was', 'differing source details were')} left as you had them.</p>}
    </div>
  );
}
