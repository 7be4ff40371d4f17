import type { Ctx } from '../../../http/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { conflict } from '../../../errors.ts';
import { orgPolicy } from '../policy.ts';
import { dependents, findOrg, findOrgInScope, type OrgRow } from '../repository.ts';

/** Deactivates a unit with no active children or people, or reactivates one under an active parent. */
export async function setOrgActive(ctx: Ctx, id: number, active: boolean, version: number): Promise<OrgRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(await findOrgInScope(trx, ctx.actor.scope, id), () => findOrg(trx, id), '单位');
    authorize(orgPolicy, 'deactivate', ctx.actor, org);
    checkVersion(org.version, version);
    if (!active) {
      if (org.parentId === null) throw conflict('root_unit', '顶级单位不能停用');
      const deps = await dependents(trx, id);
      if (deps.children || deps.people) {
        throw conflict(
          'unit_in_use',
          `该单位还有 ${deps.children} 个在用下级单位、${deps.people} 名在册人员，请先停用或转移`,
        );
      }
    } else if (org.parentId !== null) {
      const parent = await findOrg(trx, org.parentId);
      if (!parent?.active) throw conflict('parent_inactive', '上级单位已停用，请先启用上级单位');
    }
    await updateVersioned(trx, 'orgUnits', id, version, { active: active ? 1 : 0 });
    const after = (await findOrg(trx, id))!;
    await recordAudit(trx, ctx.actor, {
      action: active ? 'activate' : 'deactivate',
      entityType: 'org',
      entityId: id,
      entityLabel: org.name,
      orgPath: org.path,
      before: { active: org.active },
      after: { active: after.active },
    });
    return after;
  });
}
