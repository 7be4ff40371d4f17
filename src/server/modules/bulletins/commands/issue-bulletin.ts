import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { numberLabel } from '../document.ts';
import { emitBulletinPublished } from '../events.ts';
import { nextNumber } from '../repository.ts';
import { loadDraft } from '../load-draft.ts';

/** 签发: numbered (第N期, 增刊 apart), frozen, audited, and published to the units under the issuing unit. */
export async function issueBulletin(ctx: Ctx, id: number, version: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const b = await loadDraft(ctx, trx, id, 'issue', version);
    const number = await nextNumber(trx, b.campaignId, b.kind);
    await updateVersioned(trx, 'bulletins', id, version, {
      status: 'issued',
      number,
      issuedAt: nowIso(),
      issuedBy: ctx.actor.userId,
    });
    await recordAudit(trx, ctx.actor, {
      action: 'issue',
      entityType: 'bulletin',
      entityId: id,
      entityLabel: `${numberLabel(b.kind, number)} ${b.title}`,
      orgPath: b.orgPath,
      after: { number, status: 'issued' },
    });
    await emitBulletinPublished(trx, {
      bulletinId: id,
      campaignId: b.campaignId,
      numberLabel: numberLabel(b.kind, number),
      title: b.title,
      orgId: b.orgId,
      orgPath: b.orgPath,
      reportOrgId: b.reportOrgId,
      link: `/bulletins?bulletinId=${id}`,
    });
  });
}
