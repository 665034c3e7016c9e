// A menu button and its menu. The menu is placed by @floating-ui inside the window (it flips above its
// button near the bottom edge and shrinks with a scroll bar when neither side has room), drawn in a
// portal so no scrolled or transformed row clips it, and driven from the keyboard: Enter, Space or
// ArrowDown opens it on the first item, arrows and Home/End move, Escape or a click outside closes it
// and puts focus back on the button.
import { useRef, useState, type ReactNode } from 'react';
import {
  autoUpdate,
  flip,
  FloatingFocusManager,
  FloatingPortal,
  offset,
  shift,
  size,
  useDismiss,
  useFloating,
  useInteractions,
  useListNavigation,
  useRole,
  useTypeahead,
} from '@floating-ui/react';
import { CheckIcon } from './icons';

export interface MenuItem {
  label: string;
  onSelect(): void;
  disabled?: boolean;
  /** Set for one of a set of choices (a radio item); true marks the current choice. */
  checked?: boolean;
  danger?: boolean;
  /** Draws a rule above the item. */
  startsGroup?: boolean;
}

interface MenuButtonProps {
  /** Accessible name of the button, e.g. "Options for citation 3". */
  label: string;
  /** Accessible name of the menu, e.g. "Citation 3 options". */
  menuLabel: string;
  className?: string;
  title?: string;
  children: ReactNode;
  /** Built only while the menu is open: a closed menu costs a button, nothing more. */
  items(): MenuItem[];
}

export function MenuButton({ label, menuLabel, className, title, children, items }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className={className}
        title={title}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {children}
      </button>
      {open && button.current && <MenuPopup anchor={button.current} label={menuLabel} items={items()} onClose={() => setOpen(false)} />}
    </>
  );
}

interface PopupProps {
  anchor: HTMLElement;
  label: string;
  items: MenuItem[];
  onClose(): void;
}

function MenuPopup({ anchor, label, items, onClose }: PopupProps) {
  const firstEnabled = Math.max(
    0,
    items.findIndex((i) => !i.disabled),
  );
  const [active, setActive] = useState<number | null>(firstEnabled);
  const listRef = useRef<(HTMLElement | null)[]>([]);
  const labelsRef = useRef<(string | null)[]>(items.map((i) => i.label));
  labelsRef.current = items.map((i) => i.label);
  const { refs, floatingStyles, context } = useFloating({
    open: true,
    onOpenChange: (open) => {
      if (!open) onClose();
    },
    elements: { reference: anchor },
    placement: 'bottom-start',
    strategy: 'fixed',
    middleware: [
      offset(4),
      flip({ padding: 8 }),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply({ availableHeight, elements }) {
          elements.floating.style.maxHeight = `${Math.max(80, Math.floor(availableHeight))}px`;
        },
      }),
    ],
    whileElementsMounted: autoUpdate,
  });
  const disabledIndices = items.flatMap((item, i) => (item.disabled ? [i] : []));
  const { getFloatingProps, getItemProps } = useInteractions([
    useDismiss(context),
    useRole(context, { role: 'menu' }),
    useListNavigation(context, { listRef, activeIndex: active, onNavigate: setActive, loop: true, disabledIndices }),
    useTypeahead(context, { listRef: labelsRef, activeIndex: active, onMatch: setActive }),
  ]);

  return (
    <FloatingPortal preserveTabOrder={false}>
      {/* No focus guards (the portal's or the focus manager's): they are focusable spans hidden from assistive technology (axe's
          aria-hidden-focus). Tab closes the menu instead, as the ARIA menu pattern has it; focus goes
          back to the menu button and Tab carries on from there. */}
      <FloatingFocusManager context={context} initialFocus={0} returnFocus modal={false} guards={false}>
        <div
          ref={refs.setFloating}
          className="menu"
          aria-label={label}
          style={floatingStyles}
          {...getFloatingProps({
            onKeyDown(e) {
              if (e.key === 'Tab') onClose();
            },
          })}
        >
          {items.map((item, i) => (
            <button
              key={item.label}
              ref={(el) => {
                listRef.current[i] = el;
              }}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
              aria-checked={item.checked}
              disabled={item.disabled}
              tabIndex={i === active ? 0 : -1}
              className={`menu-item${item.danger ? ' danger' : ''}${item.startsGroup ? ' starts-group' : ''}`}
              {...getItemProps({
                onClick() {
                  item.onSelect();
                  onClose();
                },
              })}
            >
              <span className="menu-check">{item.checked && <CheckIcon />}</span>
              {item.label}
            </button>
          ))}
        </div>
      </FloatingFocusManager>
    </FloatingPortal>
  );
}
