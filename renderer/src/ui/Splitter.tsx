// A horizontal splitter (WAI-ARIA window splitter): drag it, or focus it and use ArrowUp/ArrowDown
// (PageUp/PageDown for bigger steps, Home/End for the limits). The value is the height of the pane
// below it, in pixels, which the caller keeps (and stores).
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  label: string;
  /** Id of the pane whose height this sets. */
  controls: string;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
}

export function Splitter({ label, controls, value, min, max, onChange }: Props) {
  const drag = useRef<{ y: number; height: number } | null>(null);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));

  const onKeyDown = (e: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowUp: value + 16, ArrowDown: value - 16, PageUp: value + 80, PageDown: value - 80, Home: max, End: min };
    const next = steps[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onChange(clamp(next));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y: e.clientY, height: value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onChange(clamp(drag.current.height - (e.clientY - drag.current.y)));
  };

  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={`${value} pixels high`}
      tabIndex={0}
      className="splitter"
      title={`${label} (drag, or ArrowUp and ArrowDown)`}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    />
  );
}
