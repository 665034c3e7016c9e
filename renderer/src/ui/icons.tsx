// Every icon the UI draws, as SVG from lucide-react: nothing depends on a system emoji or symbol font
// (machines without one draw empty boxes). Icons are decoration; the control around each one is named.
import type { LucideIcon, LucideProps } from 'lucide-react';
import { Check, ChevronDown, ChevronUp, GripVertical, MessageSquareQuote, Pencil, Plus, Quote, Trash2, X } from 'lucide-react';

function icon(Svg: LucideIcon, defaults: LucideProps = {}) {
  return function Icon(props: LucideProps) {
    return <Svg size={15} strokeWidth={2} aria-hidden="true" focusable="false" className="icon" {...defaults} {...props} />;
  };
}

export const TrashIcon = icon(Trash2);
export const MenuIcon = icon(ChevronDown, { size: 13 });
export const DragIcon = icon(GripVertical);
export const CloseIcon = icon(X);
export const AddIcon = icon(Plus, { size: 13 });
export const CheckIcon = icon(Check, { size: 13 });
export const QuoteIcon = icon(Quote, { size: 14 });
export const CiteIcon = icon(MessageSquareQuote, { size: 14 });
export const PreviousIcon = icon(ChevronUp);
export const NextIcon = icon(ChevronDown);
export const EditIcon = icon(Pencil, { size: 14 });
