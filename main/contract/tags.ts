// Tags on sources, passages and claims. Implemented in main/service/tags.ts.
import { z } from 'zod';
import type { Tag, TagWithUse } from '../../db/model';
import { LIMITS } from '../vocabulary';
import { colour, id, requiredText, tagTarget } from './fields';
import { method } from './method';

export const tagMethods = {
  createTag: method(z.strictObject({ name: requiredText('The tag name', LIMITS.tagNameChars), colour: colour.optional() })).returns<Tag>(),
  listTags: method(z.strictObject({})).returns<TagWithUse[]>(),
  updateTag: method(z.strictObject({ id, name: requiredText('The tag name', LIMITS.tagNameChars).optional(), colour: colour.optional() })).returns<Tag>(),
  deleteTag: method(z.strictObject({ id })).returns<{ detached: number }>(),
  attachTag: method(z.strictObject({ tagId: id, target: tagTarget })).returns<Tag[]>(),
  detachTag: method(z.strictObject({ tagId: id, target: tagTarget })).returns<Tag[]>(),
} as const;
