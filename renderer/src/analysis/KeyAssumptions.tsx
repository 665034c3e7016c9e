// The Key Assumptions Check: each assumption the brief's judgments rest on, the claims resting on it,
// where it stands (solid / correct with caveats / unsupported) and what would make it wrong.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AssumptionStatus, BriefFull, KeyAssumption } from '../../../main/contract';
import { ASSUMPTION_STATUSES, ASSUMPTION_STATUS_WORDS } from '../../../main/vocabulary';
import { client } from '../api/client';
import { useGuarded } from '../state/errors';
import { TrashIcon } from '../ui/icons';
import { changeAssumptions, useKeyAssumptions } from '../mutations/analysis';
import { ClaimPicker } from './ClaimPicker';

export function KeyAssumptions({ brief }: { brief: BriefFull }) {
  const qc = useQueryClient();
  const run = useGuarded();
  const list = useKeyAssumptions(brief.id);
  const [draft, setDraft] = useState('');
  const change = (call: () => Promise<KeyAssumption>) => run(() => changeAssumptions(qc, brief.id, call));
  return (
    <section className="key-assumptions" aria-labelledby="kac-heading">
      <h3 id="kac-heading">Key Assumptions Check</h3>
      <p className="hint">The assumptions the judgments rest on. Mark each one, name the claims that depend on it, and say what would make it wrong; claims resting on an unsupported assumption are flagged when you export.</p>
      <ol className="kac-list">
        {list.data?.map((k, i) => <AssumptionItem key={k.id} k={k} n={i + 1} brief={brief} change={change} />)}
      </ol>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const text = draft.trim();
          if (text) void change(() => client.addKeyAssumption({ briefId: brief.id, text })).then(() => setDraft(''));
        }}
      >
        <input aria-label="New key assumption" placeholder="Something the judgments take for granted" value={draft} onChange={(e) => setDraft(e.target.value)} dir="auto" />
        <button type="submit" className="small" disabled={!draft.trim()}>
          Add assumption
        </button>
      </form>
    </section>
  );
}

interface ItemProps {
  k: KeyAssumption;
  n: number;
  brief: BriefFull;
  change(call: () => Promise<KeyAssumption>): Promise<void>;
}

function AssumptionItem({ k, n, brief, change }: ItemProps) {
  const name = `key assumption ${n}`;
  const update = (patch: { text?: string; status?: AssumptionStatus; note?: string; claimIds?: number[] }) => void change(() => client.updateKeyAssumption({ id: k.id, ...patch }));
  const resting = brief.claims.filter((c) => k.claimIds.includes(c.id));
  const others = brief.claims.filter((c) => !k.claimIds.includes(c.id));
  return (
    <li className={`kac-item status-${k.status}`}>
      <div className="kac-head">
        <span className="kac-number">A{n}</span>
        <textarea
          key={k.text}
          aria-label={`Text of ${name}`}
          defaultValue={k.text}
          rows={2}
          dir="auto"
          onBlur={(e) => {
            const text = e.target.value.trim();
            if (text && text !== k.text) update({ text });
            else e.target.value = k.text;
          }}
        />
        <select aria-label={`Status of ${name}`} value={k.status} onChange={(e) => update({ status: e.target.value as AssumptionStatus })}>
          {ASSUMPTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ASSUMPTION_STATUS_WORDS[s]}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label={`Delete ${name}`} onClick={() => void change(() => client.removeKeyAssumption({ id: k.id }))}>
          <TrashIcon />
        </button>
      </div>
      <label className="kac-note">
        What would make it wrong
        <textarea
          key={k.note}
          aria-label={`What would make ${name} wrong`}
          defaultValue={k.note}
          rows={1}
          dir="auto"
          onBlur={(e) => e.target.value.trim() !== k.note && update({ note: e.target.value })}
        />
      </label>
      <div className="kac-claims" role="group" aria-label={`Claims resting on ${name}`}>
        <span className="kac-claims-label">Claims resting on it:</span>
        {resting.length === 0 && <span className="none">none yet</span>}
        {resting.map((c) => (
          <span key={c.id} className="tag-chip">
            Claim {c.number}
            <button type="button" className="chip-remove" aria-label={`Claim ${c.number} no longer rests on ${name}`} onClick={() => update({ claimIds: k.claimIds.filter((x) => x !== c.id) })}>
              ×
            </button>
          </span>
        ))}
        <ClaimPicker claims={others} label={`Add a claim resting on ${name}`} prompt="Add a claim…" onPick={(id) => update({ claimIds: [...k.claimIds, id] })} />
      </div>
    </li>
  );
}
