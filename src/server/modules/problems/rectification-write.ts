import type { Ctx } from '../../http/context.ts';
import { nowIso, today } from '../../clock.ts';
import { recordAudits } from '../audit/record-audit.ts';
import { afterProblemWrites } from './problem-writes.ts';
import { insertMany } from '../../db/insert-many.ts';

/** One problem of an imported 整改台账, every cell checked (rectification-ledger.ts), with its measures. */
export interface CheckedProblem {
  /** The sheet row the problem starts on (for the audit). */
  row: number;
  title: string;
  source: string;
  category: string;
  kind: string;
  description: string;
  measures: Array<{
    row: number;
    content: string;
    leaderId: number | null;
    orgId: number;
    orgPath: string;
    ownerId: number | null;
    deadline: string;
    progress: string;
    done: boolean;
  }>;
}

/**
 * Writes checked problems of an imported 整改台账 in the caller's transaction (ctx.db): set-wise, one multi-row
 * INSERT per few thousand rows instead of several statements per row; the problem belongs to its first
 * measure's 责任单位; every problem audited.
 */
export async function writeRectification(
  ctx: Ctx,
  campaignId: number,
  problems: CheckedProblem[],
): Promise<{ created: number; updated: number }> {
  const trx = ctx.db;
  const now = nowIso();
  const problemIds = await insertMany(
    trx,
    'problems',
    problems.map((p) => ({
      campaignId,
      orgId: p.measures[0].orgId,
      orgPath: p.measures[0].orgPath,
      title: p.title,
      description: p.description,
      source: p.source,
      category: p.category,
      kind: p.kind,
      status: 'in_progress',
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const rows = problems.flatMap((p, i) => p.measures.map((m) => ({ m, problemId: problemIds[i] })));
  const measureIds = await insertMany(
    trx,
    'problemMeasures',
    rows.map(({ m, problemId }) => ({
      problemId,
      content: m.content,
      leaderId: m.leaderId,
      ownerOrgId: m.orgId,
      ownerId: m.ownerId,
      deadline: m.deadline,
      status: m.done ? 'done' : 'open',
      doneAt: m.done ? now : null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const notes = rows.flatMap(({ m }, k) =>
    m.progress
      ? [
          {
            measureId: measureIds[k],
            date: today(),
            note: m.progress,
            authorName: ctx.actor.displayName,
            createdAt: now,
          },
        ]
      : [],
  );
  await insertMany(trx, 'measureProgress', notes, { returnIds: false });
  await afterProblemWrites(trx, problemIds);
  await recordAudits(
    trx,
    ctx.actor,
    problems.map((p, i) => ({
      action: 'import',
      entityType: 'problem',
      entityId: problemIds[i],
      entityLabel: p.title,
      orgPath: p.measures[0].orgPath,
      after: { rows: p.measures.map((m) => m.row), measures: p.measures.length },
    })),
  );
  return { created: problems.length, updated: 0 };
}
