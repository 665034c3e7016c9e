// Exports for the tools analysts already use: passages as W3C Web Annotation (JSON-LD) for annotation
// tools, sources as CSL-JSON for Zotero, Pandoc and reference managers.
import { useState } from 'react';
import { client } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { download } from './files';

type Format = 'web-annotation' | 'csl-json';

export function StandardExportDialog({ briefId, briefTitle, onClose }: { briefId: number | null; briefTitle: string | null; onClose(): void }) {
  const [format, setFormat] = useState<Format>('csl-json');
  const [scope, setScope] = useState<'brief' | 'library'>(briefId !== null ? 'brief' : 'library');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    try {
      const out = await client.exportStandard({ format, briefIds: scope === 'brief' && briefId !== null ? [briefId] : undefined });
      download(out.fileName, out.mime, { text: out.text });
      setDone(out.fileName);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Dialog title="Export for other tools" open onClose={onClose} className="share-dialog">
      <div className="dialog-body">
        <fieldset className="share-scope">
          <legend>Format</legend>
          <label>
            <input type="radio" name="standard-format" checked={format === 'csl-json'} onChange={() => setFormat('csl-json')} /> Sources as CSL-JSON — for
            Zotero, Pandoc and reference managers
          </label>
          <label>
            <input type="radio" name="standard-format" checked={format === 'web-annotation'} onChange={() => setFormat('web-annotation')} /> Passages as W3C
            Web Annotation (JSON-LD) — quote and position selectors, positions in UTF-16 code units
          </label>
        </fieldset>
        <fieldset className="share-scope">
          <legend>Which</legend>
          <label>
            <input type="radio" name="standard-scope" checked={scope === 'brief'} disabled={briefId === null} onChange={() => setScope('brief')} /> Those cited
            in “<bdi>{briefTitle ?? 'the open brief'}</bdi>”
          </label>
          <label>
            <input type="radio" name="standard-scope" checked={scope === 'library'} onChange={() => setScope('library')} /> All in the library
          </label>
        </fieldset>
        {done && <p role="status">Downloaded {done}.</p>}
        {error && (
          <p role="alert" className="share-error">
            {error}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" onClick={() => void run()}>
          Export
        </button>
      </div>
    </Dialog>
  );
}
