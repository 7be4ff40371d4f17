import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { authorize, isAdmin } from '../../../policies/engine.ts';
import { invalidField } from '../../../errors.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { pinyinKeys } from '../../../lib/pinyin.ts';
import { orgPolicy } from '../policy.ts';
import { afterUnitMeetingsChanged } from '../../study/public.ts';
import { findOrg, findOrgInScope, nextSortOrder, type OrgRow } from '../repository.ts';
import { checkSecretary } from './check-secretary.ts';

export interface CreateOrgInput {
  /** Absent only for a new top-level unit, which only an admin may create. */
  parentId?: number;
  name: string;
  type: string;
  sortOrder?: number;
  secretaryId?: number | null;
}

/** Adds a unit under a parent the caller manages. */
export async function createOrg(ctx: Ctx, input: CreateOrgInput): Promise<OrgRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const parentId = input.parentId;
    let parent: { id: number | null; path: string; depth: number } = { id: null, path: '/', depth: -1 };
    if (parentId === undefined) {
      if (!isAdmin(ctx.actor)) throw invalidField('parentId', '请选择“上级单位”');
    } else {
      const found = await requireWritable(
        await findOrgInScope(trx, ctx.actor.scope, parentId),
        () => findOrg(trx, parentId),
        '上级单位',
      );
      authorize(orgPolicy, 'createChild', ctx.actor, found);
      if (!found.active) throw invalidField('parentId', '上级单位已停用');
      parent = found;
    }
    if (input.secretaryId) await checkSecretary(trx, ctx.actor, input.secretaryId);
    const now = nowIso();
    const inserted = await trx
      .insertInto('orgUnits')
      .values({
        parentId: parent.id,
        name: input.name.trim(),
        type: input.type,
        path: `${parent.path}pending/`,
        depth: parent.depth + 1,
        sortOrder: input.sortOrder ?? (await nextSortOrder(trx, parent.id)),
        secretaryId: input.secretaryId ?? null,
        ...pinyinKeys(input.name),
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent.path}${inserted.id}/`;
    await trx.updateTable('orgUnits').set({ path }).where('id', '=', inserted.id).execute();
    // The 三会一课 tally counts each unit by its type and whether it is active.
    await afterUnitMeetingsChanged(trx, [inserted.id]);
    const org = (await findOrg(trx, inserted.id))!;
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'org',
      entityId: org.id,
      entityLabel: org.name,
      orgPath: org.path,
      after: org,
    });
    return org;
  });
}
