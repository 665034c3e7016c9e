// A text box over a list of choices, as the ARIA combobox pattern has it: focus stays in the box
// while ArrowUp/ArrowDown (PageUp/PageDown, Ctrl+Home/End) mark an option (aria-activedescendant),
// Enter or a click chooses it. The quote picker and the Ctrl+K search use it; what lies between the
// box and the list (a status line, options) is theirs.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props<T> {
  items: readonly T[];
  keyOf(item: T): string | number;
  onChoose(item: T): void;
  /** The box's accessible name, e.g. "Search quotes"; also its placeholder unless one is given. */
  label: string;
  placeholder?: string;
  type?: 'text' | 'search';
  value: string;
  onChange(value: string): void;
  /** The list's accessible name, e.g. "Quotes". */
  listLabel: string;
  listClassName: string;
  optionClassName?(active: boolean): string | undefined;
  renderOption(item: T): ReactNode;
  /** Shown between the box and the list: a status line, options, a notice. */
  children?: ReactNode;
}

/** How far PageUp/PageDown move: about one screen of a short list. */
const PAGE = 8;

export function Combobox<T>(props: Props<T>) {
  const { items, keyOf, onChoose, label, placeholder, type = 'text', value, onChange, listLabel, listClassName, optionClassName, renderOption, children } = props;
  const [active, setActive] = useState(0);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  // A new list of choices starts at its first.
  useEffect(() => setActive(0), [items]);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const optionId = (i: number) => `${listId}-${i}`;
  const onKeyDown = (e: KeyboardEvent) => {
    const last = Math.max(0, items.length - 1);
    const moves: Record<string, number> = { ArrowDown: Math.min(last, active + 1), ArrowUp: Math.max(0, active - 1), PageDown: Math.min(last, active + PAGE), PageUp: Math.max(0, active - PAGE) };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key] as number);
    } else if ((e.key === 'Home' || e.key === 'End') && e.ctrlKey) {
      e.preventDefault();
      setActive(e.key === 'Home' ? 0 : last);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = items[active];
      if (item !== undefined) onChoose(item);
    }
  };

  return (
    <>
      <input
        type={type}
        role="combobox"
        aria-label={label}
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={items[active] !== undefined ? optionId(active) : undefined}
        aria-autocomplete="list"
        placeholder={placeholder ?? label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      {children}
      <ul ref={list} id={listId} role="listbox" aria-label={listLabel} className={listClassName}>
        {items.map((item, i) => (
          <li
            key={keyOf(item)}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={optionClassName?.(i === active)}
            onMouseEnter={() => setActive(i)}
            onClick={() => onChoose(item)}
          >
            {renderOption(item)}
          </li>
        ))}
      </ul>
    </>
  );
}
