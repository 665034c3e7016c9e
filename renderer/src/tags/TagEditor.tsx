// Topic tags on a source, quote or claim: the attached tags as chips, and a small form that attaches
// an existing tag by name or creates a new one with a colour.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Tag, TagTarget } from '../../../main/contract';
import { LIMITS } from '../../../main/vocabulary';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { useTags } from '../api/queries';
import { useErrors } from '../state/errors';
import { TAG_DATALIST_ID } from './TagDatalist';
import { AddIcon, CloseIcon } from '../ui/icons';

interface Props {
  target: { kind: TagTarget; id: number };
  tags: Tag[];
  /** Names the thing in labels, e.g. "claim 3" or "this source". */
  what: string;
  onChanged?(tags: Tag[]): void;
}

const casefold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

function useTagChange(onChanged: Props['onChanged']) {
  const qc = useQueryClient();
  return async (next: Tag[]) => {
    onChanged?.(next);
    await Promise.all([
      qc.invalidateQueries({ queryKey: keys.tags }),
      qc.invalidateQueries({ queryKey: keys.sources }),
      qc.invalidateQueries({ queryKey: keys.quotes }),
      qc.invalidateQueries({ queryKey: keys.briefAll }),
      qc.invalidateQueries({ queryKey: ['source'] }),
    ]);
  };
}

export function TagEditor({ target, tags, what, onChanged }: Props) {
  const { showError } = useErrors();
  const [adding, setAdding] = useState(false);
  const changed = useTagChange(onChanged);

  const detach = async (tag: Tag) => {
    try {
      await changed(await client.detachTag({ tagId: tag.id, target }));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div className="tag-editor" role="group" aria-label={`Tags of ${what}`}>
      {tags.map((tag) => (
        <span key={tag.id} className="tag-chip" style={{ '--tag-colour': tag.colour } as React.CSSProperties}>
          <bdi>{tag.name}</bdi>
          <button type="button" className="chip-remove" aria-label={`Remove tag ${tag.name} from ${what}`} onClick={() => void detach(tag)}>
            <CloseIcon size={12} />
          </button>
        </span>
      ))}
      {adding ? (
        <TagForm target={target} what={what} onChanged={onChanged} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="small" onClick={() => setAdding(true)} aria-label={`Add a tag to ${what}`}>
          <AddIcon /> Tag
        </button>
      )}
    </div>
  );
}

/** Only an open form subscribes to the tag list, so a long list of claims does not. */
function TagForm({ target, what, onChanged, onDone }: Omit<Props, 'tags'> & { onDone(): void }) {
  const all = useTags();
  const { showError } = useErrors();
  const changed = useTagChange(onChanged);
  const [name, setName] = useState('');
  const [colour, setColour] = useState('#2563eb');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wanted = name.trim();
    if (!wanted) return;
    try {
      const known = all.data ?? (await client.listTags({}));
      const existing = known.find((t) => casefold(t.name) === casefold(wanted));
      const tag = existing ?? (await client.createTag({ name: wanted, colour }));
      await changed(await client.attachTag({ tagId: tag.id, target }));
      setName('');
      onDone();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <form className="tag-form" onSubmit={(e) => void submit(e)}>
      <input
        autoFocus
        aria-label={`Tag name for ${what}`}
        dir="auto"
        list={TAG_DATALIST_ID}
        value={name}
        maxLength={LIMITS.tagNameChars}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onDone();
          }
        }}
      />
      <input type="color" aria-label="Colour for a new tag" value={colour} onChange={(e) => setColour(e.target.value)} />
      <button type="submit">Add tag</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
