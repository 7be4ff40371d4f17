import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { forbidden, invalidField } from '../../errors.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { campaignBrief } from '../campaigns/public.ts';
import { anyOrg, visibleOrg } from '../orgs/public.ts';
import { groupWithMembers } from '../supervision/public.ts';
import { commitmentOf } from './draw.ts';
import { mayOrganise } from './policy.ts';
import { isManager } from '../../policies/roles.ts';
import type { Viewer } from './repository.ts';

export interface CommitInput {
  campaignId: number;
  orgId?: number;
  groupId?: number;
}

/** Where a draw belongs: a supervision group (its members organise it) or a unit the office holds in scope. */
async function organiserOf(trx: Kysely<Database>, viewer: Viewer, input: CommitInput) {
  const { actor } = viewer;
  if (!mayOrganise(actor)) throw forbidden('只有领导小组办公室和督导组可以组织抽查');
  if (!(await campaignBrief(trx, input.campaignId))) throw invalidField('campaignId', '“主题教育”不存在');
  if (input.groupId) {
    const group = await groupWithMembers(trx, input.groupId);
    if (!group?.active) throw invalidField('groupId', '“督导组”不存在或已撤销');
    const member = viewer.groupIds.includes(group.id);
    const org = await anyOrg(trx, group.orgId);
    if (!member && !isManager(actor)) throw forbidden('您不是该督导组成员');
    return { orgId: group.orgId, orgPath: org!.path, groupId: group.id, memberIds: group.memberIds };
  }
  if (!isManager(actor)) throw invalidField('groupId', '请选择督导组');
  const orgId = input.orgId ?? actor.orgId;
  if (!orgId) throw invalidField('orgId', '请选择组织抽查的单位');
  const org = await requireWritable(await visibleOrg(trx, actor.scope, orgId), () => anyOrg(trx, orgId), '单位');
  return { orgId, orgPath: org.path, groupId: null, memberIds: [] as number[] };
}

/**
 * Fixes the seed before it exists: a fresh secret is kept and only its hash published, so the organiser
 * cannot pick a seed after seeing the pool, and a public value entered later stops them predicting it.
 */
export async function insertCommitment(trx: Kysely<Database>, viewer: Viewer, input: CommitInput) {
  const owner = await organiserOf(trx, viewer, input);
  // crypto.randomBytes: the secret must be unpredictable (never Math.random()).
  const secret = randomBytes(32).toString('hex');
  const now = nowIso();
  const row = await trx
    .insertInto('checkDraws')
    .values({
      campaignId: input.campaignId,
      orgId: owner.orgId,
      orgPath: owner.orgPath,
      groupId: owner.groupId,
      status: 'committed',
      commitment: commitmentOf(secret),
      secret,
      createdBy: viewer.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, viewer.actor, {
    action: 'commit',
    entityType: 'check_draw',
    entityId: row.id,
    orgPath: owner.orgPath,
    after: { commitment: commitmentOf(secret) },
  });
  return { id: row.id, memberIds: owner.memberIds };
}
