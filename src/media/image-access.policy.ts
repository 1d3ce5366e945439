import type { Actor } from '../access/actor.js';
import { requireRole } from '../access/roles.js';
import type { Image } from '../generated/prisma/client.js';

// Who may change a given image: the rule that depends on the image. What depends on the role alone
// is declared on each operation with @Requires: a login to browse or upload, editor to trash or
// restore, admin to purge.

/** Contributors edit the texts of their own uploads; editing others' takes an editor. */
export function assertCanEditImage(actor: Actor, image: Image): void {
  const ownUpload = actor.userId !== null && actor.userId === image.createdById;
  if (!ownUpload) requireRole(actor, 'EDITOR', 'edit images others uploaded');
}
