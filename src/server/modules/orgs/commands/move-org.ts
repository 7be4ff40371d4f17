import { sql } from 'kysely';
import type { Ctx } from '../../../http/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { ORG_PATH_COLUMNS } from '../../../db/org-path-columns.ts';
import { rehomeTallies } from '../../../db/subtree-tally.ts';
import { TALLY_TABLES } from '../../../db/tally-tables.ts';
import { pathInSubtree, pathUpperBound } from '../../../db/scope.ts';
import { invalidField } from '../../../errors.ts';
import { orgPolicy } from '../policy.ts';
import { findOrg, findOrgInScope, nextSortOrder, type OrgRow } from '../repository.ts';
import { actorsChangedAfter } from '../../../auth/actor-cache.ts';
import { recountTasksUnder } from '../../tasks/public.ts';

export interface MoveOrgInput {
  parentId: number;
  version: number;
  sortOrder?: number;
}

/**
 * Moves a unit with its whole subtree under a new parent: one range update rewrites the paths of the
 * subtree and of every record that carries a copy of them, and the subtree's maintained figures move from
 * the old ancestors to the new ones, in the same transaction.
 */
export async function moveOrg(ctx: Ctx, id: number, input: MoveOrgInput): Promise<OrgRow> {
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const org = await requireWritable(await findOrgInScope(trx, ctx.actor.scope, id), () => findOrg(trx, id), '单位');
      authorize(orgPolicy, 'move', ctx.actor, org);
      checkVersion(org.version, input.version);
      if (org.parentId === null) throw invalidField('parentId', '顶级单位不能移动');
      const parent = await requireWritable(
        await findOrgInScope(trx, ctx.actor.scope, input.parentId),
        () => findOrg(trx, input.parentId),
        '目标上级单位',
      );
      authorize(orgPolicy, 'createChild', ctx.actor, parent);
      if (parent.path.startsWith(org.path)) throw invalidField('parentId', '不能移动到自身或其下级单位之下');
      if (!parent.active) throw invalidField('parentId', '目标上级单位已停用');

      const oldPath = org.path;
      const newPath = `${parent.path}${org.id}/`;
      const depthDelta = parent.depth + 1 - org.depth;
      const cut = oldPath.length + 1;
      if (org.parentId !== parent.id) {
        await trx
          .updateTable('orgUnits')
          .set({ path: sql`${newPath} || substr(path, ${cut})`, depth: sql`depth + ${depthDelta}` })
          .where((eb) => pathInSubtree(eb, 'path', oldPath))
          .execute();
        for (const { table, column } of ORG_PATH_COLUMNS) {
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${newPath} || substr(${sql.ref(column)}, ${cut})
          where ${sql.ref(column)} >= ${oldPath} and ${sql.ref(column)} < ${pathUpperBound(oldPath)}`.execute(trx);
        }
        await rehomeTallies(trx, TALLY_TABLES, org.id, oldPath, newPath);
        // A key task counts for its 牵头单位's and 责任单位's ancestors at once: not a shift, a recount.
        await recountTasksUnder(trx, newPath);
      }
      const sortOrder =
        input.sortOrder ?? (org.parentId === parent.id ? org.sortOrder : await nextSortOrder(trx, parent.id));
      await updateVersioned(trx, 'orgUnits', id, input.version, { parentId: parent.id, sortOrder });
      const after = (await findOrg(trx, id))!;
      await recordAudit(trx, ctx.actor, {
        action: 'move',
        entityType: 'org',
        entityId: id,
        entityLabel: after.name,
        orgPath: after.path,
        before: { parentId: org.parentId, path: oldPath, sortOrder: org.sortOrder },
        after: { parentId: parent.id, path: newPath, sortOrder },
      });
      return after;
    })
    .then(actorsChangedAfter(ctx.db));
}
