import type { Ctx } from '../../../http/context.ts';
import { recordAudit, changedFields } from '../../audit/record-audit.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { pinyinKeys } from '../../../lib/pinyin.ts';
import { orgPolicy } from '../policy.ts';
import { afterUnitMeetingsChanged } from '../../study/public.ts';
import { findOrg, findOrgInScope, type OrgRow } from '../repository.ts';
import { checkSecretary } from './check-secretary.ts';

export interface UpdateOrgInput {
  version: number;
  name?: string;
  type?: string;
  sortOrder?: number;
  secretaryId?: number | null;
}

/** Renames a unit or changes its type, order or 第一责任人. */
export async function updateOrg(ctx: Ctx, id: number, input: UpdateOrgInput): Promise<OrgRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(await findOrgInScope(trx, ctx.actor.scope, id), () => findOrg(trx, id), '单位');
    authorize(orgPolicy, 'update', ctx.actor, org);
    checkVersion(org.version, input.version);
    if (input.secretaryId) await checkSecretary(trx, ctx.actor, input.secretaryId);
    const values: Partial<OrgRow> = {};
    if (input.name !== undefined) Object.assign(values, { name: input.name.trim() }, pinyinKeys(input.name));
    if (input.type !== undefined) values.type = input.type;
    if (input.sortOrder !== undefined) values.sortOrder = input.sortOrder;
    if (input.secretaryId !== undefined) values.secretaryId = input.secretaryId;
    await updateVersioned(trx, 'orgUnits', id, input.version, values);
    // The 三会一课 tally counts each unit by its type and whether it is active.
    await afterUnitMeetingsChanged(trx, [id]);
    const after = (await findOrg(trx, id))!;
    const diff = changedFields(org, values);
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'org',
      entityId: id,
      entityLabel: after.name,
      orgPath: after.path,
      ...diff,
    });
    return after;
  });
}
