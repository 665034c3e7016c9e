// Tags: named, coloured labels on sources, quotes and claims; names are unique ignoring case.
import { notFound } from '../../db/errors';
import * as tags from '../../db/tags';
import { write } from '../../db/stmt';
import type { Service } from '../contract';
import type { ServiceContext } from '../ports';

type TagMethods = Pick<Service, 'createTag' | 'listTags' | 'updateTag' | 'deleteTag' | 'attachTag' | 'detachTag'>;

const KIND_NAME = { source: 'Source', quote: 'Quote', claim: 'Claim' } as const;

export function tagMethods(ctx: ServiceContext): TagMethods {
  const d = ctx.store.db;
  const requireTarget = (kind: 'source' | 'quote' | 'claim', id: number) => {
    if (!tags.targetExists(d, kind, id)) throw notFound(KIND_NAME[kind], id);
  };
  return {
    createTag: ({ name, colour }) => write(d, () => tags.insertTag(d, name, colour)),
    listTags: () => tags.listTags(d),
    updateTag: ({ id, ...patch }) => write(d, () => tags.updateTag(d, id, patch)),
    deleteTag: ({ id }) => write(d, () => ({ detached: tags.deleteTag(d, id) })),
    attachTag: ({ tagId, target }) =>
      write(d, () => {
        tags.getTag(d, tagId);
        requireTarget(target.kind, target.id);
        tags.link(d, target.kind, target.id, [tagId]);
        return tags.tagsOfOne(d, target.kind, target.id);
      }),
    detachTag: ({ tagId, target }) =>
      write(d, () => {
        tags.getTag(d, tagId);
        requireTarget(target.kind, target.id);
        tags.unlink(d, target.kind, target.id, tagId);
        return tags.tagsOfOne(d, target.kind, target.id);
      }),
  };
}
