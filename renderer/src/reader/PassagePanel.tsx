// The panel under the source text: the selected passage's details, or every quote of the source.
// Its height is set with the splitter above it (mouse or keyboard) and kept across reloads.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Splitter } from '../ui/Splitter';

const STORAGE_KEY = 'sourcemark.passagePanelHeight';
const MIN = 96;

function storedHeight(): number {
  const n = Number(localStorage.getItem(STORAGE_KEY));
  return Number.isFinite(n) && n >= MIN ? n : Math.round(Math.min(240, window.innerHeight * 0.3));
}

interface Props {
  tab: 'passage' | 'quotes';
  onTab(tab: 'passage' | 'quotes'): void;
  quoteCount: number;
  /** Height of the reader body: the text above keeps at least 120 px. */
  room: number;
  children: ReactNode;
}

export function PassagePanel({ tab, onTab, quoteCount, room, children }: Props) {
  const id = useId();
  const [height, setHeight] = useState(storedHeight);
  const max = Math.max(MIN, room - 120);
  const shown = Math.min(height, max);
  useEffect(() => localStorage.setItem(STORAGE_KEY, String(height)), [height]);

  return (
    <>
      <Splitter label="Resize passage panel" controls={id} value={shown} min={MIN} max={max} onChange={setHeight} />
      <div id={id} className="reader-panel" style={{ height: shown }}>
        <div role="tablist" aria-label="Passages" className="tabs">
          <button type="button" role="tab" aria-selected={tab === 'passage'} onClick={() => onTab('passage')}>
            Selected passage
          </button>
          <button type="button" role="tab" aria-selected={tab === 'quotes'} onClick={() => onTab('quotes')}>
            All quotes ({quoteCount})
          </button>
        </div>
        <div role="tabpanel" aria-label={tab === 'passage' ? 'Selected passage' : 'All quotes'} className="tab-panel">
          {children}
        </div>
      </div>
    </>
  );
}
