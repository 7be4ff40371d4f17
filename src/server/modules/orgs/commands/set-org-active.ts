import type { Ctx } from '../../../http/context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { parentInactive, rootUnit, unitInUse } from '../../../errors.ts';
import { orgPolicy } from '../policy.ts';
import { afterUnitMeetingsChanged } from '../../study/public.ts';
import { dependents, findOrg, findOrgInScope, type OrgRow } from '../repository.ts';

/** Deactivates a unit with no active children or people, or reactivates one under an active parent. */
export async function setOrgActive(ctx: Ctx, id: number, active: boolean, version: number): Promise<OrgRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(await findOrgInScope(trx, ctx.actor.scope, id), () => findOrg(trx, id), '单位');
    authorize(orgPolicy, 'deactivate', ctx.actor, org);
    checkVersion(org.version, version);
    if (!active) {
      if (org.parentId === null) throw rootUnit();
      const deps = await dependents(trx, id);
      if (deps.children || deps.people) {
        throw unitInUse(deps.children, deps.people);
      }
    } else if (org.parentId !== null) {
      const parent = await findOrg(trx, org.parentId);
      if (!parent?.active) throw parentInactive();
    }
    await updateVersioned(trx, 'orgUnits', id, version, { active: active ? 1 : 0 });
    // The 三会一课 tally counts each unit by its type and whether it is active.
    await afterUnitMeetingsChanged(trx, [id]);
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
