import type { Ctx } from '../../../http/context.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { groupPolicy } from '../policy.ts';
import { listGroups, type GroupRow } from '../repository.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { type GroupInput, missingOrOutOfScope, replaceLinks } from '../group-links.ts';

/** Renames a group or changes its members and units. */
export async function updateGroup(
  ctx: Ctx,
  id: number,
  input: Partial<GroupInput> & { version: number },
): Promise<GroupRow> {
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const [before] = await listGroups(trx, ctx.actor.scope, id);
      if (!before) throw await missingOrOutOfScope(trx, id);
      authorize(groupPolicy, 'update', ctx.actor, before);
      checkVersion(before.version, input.version);
      const values: Record<string, unknown> = {};
      if (input.name !== undefined) values.name = input.name.trim();
      if (input.kind !== undefined) values.kind = input.kind;
      await updateVersioned(trx, 'supervisionGroups', id, input.version, values);
      if (input.memberIds || input.unitIds) {
        await replaceLinks(trx, ctx, id, {
          memberIds: input.memberIds ?? before.members.map((m) => m.personId),
          unitIds: input.unitIds ?? before.units.map((u) => u.orgId),
        });
      }
      const [after] = await listGroups(trx, ctx.actor.scope, id);
      await recordAudit(trx, ctx.actor, {
        action: 'update',
        entityType: 'supervision_group',
        entityId: id,
        entityLabel: after.name,
        orgPath: after.orgPath,
        before,
        after,
      });
      return after;
    })
    .then(actorsChangedAfter(ctx.db));
}
