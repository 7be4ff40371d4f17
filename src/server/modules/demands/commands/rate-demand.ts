import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../clock.ts';
import { illegalTransition } from '../../../errors.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Satisfaction } from '../../../../shared/demand-enums.ts';
import { decide, stateOf } from '../lifecycle.ts';
import { recordEvent } from '../repository.ts';
import { afterDemandWrite } from '../tally.ts';
import { demandForCitizen } from '../public-view.ts';

/** The citizen's own rating of the answer counts as the follow-up (回访). */
export async function rateDemand(
  db: Kysely<Database>,
  code: string,
  input: { phone4: string; satisfaction: Satisfaction; solved?: boolean; contacted?: boolean },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const d = await demandForCitizen(trx, code, input.phone4);
    const now = nowIso();
    const verdict = decide(stateOf(d), 'visit', { now, satisfaction: input.satisfaction });
    if (!verdict.ok) throw illegalTransition(d.status === 'answered' ? '您已评价过' : '答复后才能评价');
    await updateVersioned(trx, 'demands', d.id, d.version, {
      visitedAt: now,
      satisfaction: input.satisfaction,
      contacted: input.contacted === false ? 0 : 1,
      solved: (input.solved ?? input.satisfaction !== 'unsatisfied') ? 1 : 0,
    });
    await afterDemandWrite(trx, [d.id]);
    await recordEvent(trx, {
      demandId: d.id,
      action: 'visit',
      fromStatus: d.status,
      toStatus: d.status,
      orgId: d.orgId,
      note: `群众自评：${input.satisfaction}`,
      actorName: '群众',
      at: now,
    });
    await recordAudit(trx, null, {
      action: 'rate',
      entityType: 'demand',
      entityId: d.id,
      entityLabel: `${d.trackingCode} 群众评价`,
      orgPath: d.orgPath ?? d.intakePath,
      after: { satisfaction: input.satisfaction },
    });
  });
}
