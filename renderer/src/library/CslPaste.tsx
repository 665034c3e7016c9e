// "Fill from CSL-JSON" in a source's details: paste one item from Zotero or any reference manager and
// its details fill the form (nothing is saved until Save details); what did not fit is named.
import { useId, useState } from 'react';
import { client } from '../api/client';
import type { SourceField } from './sourceFields';

export function CslPaste({ onFill }: { onFill(values: Partial<Record<SourceField, string>>): void }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const id = useId();
  const fill = async () => {
    try {
      const items = await client.readCslJson({ text });
      const first = items[0]!;
      onFill(first.details);
      const filled = Object.keys(first.details).length;
      const more = items.length > 1 ? ` The text holds ${items.length} items; the first was used.` : '';
      setMessage({ kind: 'status', text: `Filled ${filled} ${filled === 1 ? 'field' : 'fields'}; check them, then save.${more} ${first.notes.join(' ')}`.trim() });
    } catch (err) {
      setMessage({ kind: 'alert', text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <details className="csl-paste">
      <summary>Fill from CSL-JSON</summary>
      <label htmlFor={id}>CSL-JSON (one item, e.g. copied from Zotero)</label>
      <textarea id={id} rows={4} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      <button type="button" className="small" disabled={!text.trim()} onClick={() => void fill()}>
        Fill the fields
      </button>
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'field-error' : 'csl-paste-note'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
