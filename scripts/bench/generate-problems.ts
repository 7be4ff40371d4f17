/**
 * Problems in every state with three measures each, deadlines spread around today, some long-term, some
 * escalated to the parent unit, progress notes and evidence — and a pool of in-progress problems whose
 * measures are all done and whose evidence is on file, ready for 申请销号 (the transition figure cycles them).
 * due_date is written as afterProblemWrite would compute it: the earliest deadline among open measures.
 */
import { addDays } from '../../src/server/clock.ts';
import { PROBLEM_SOURCE_KEYS } from '../../src/shared/problem-enums.ts';
import { PROBLEM_TEXTS } from '../../src/server/demo/problem-texts.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { insertMany } from '../../src/server/db/insert-many.ts';
import { BatchWriter } from './batch-insert.ts';
import type { GenerateCtx, Unit } from './generate.ts';

/** Status mix per 20 problems: 2 待审核, 9 整改中, 3 申请销号, 6 已销号. */
const STATUS_CYCLE = [
  ...Array(2).fill('draft'),
  ...Array(9).fill('in_progress'),
  ...Array(3).fill('submitted'),
  ...Array(6).fill('closed'),
] as string[];
const CHUNK = 5_000;
const at = (date: string) => `${date}T02:00:00.000Z`;

interface Planned {
  problem: Record<string, unknown>;
  measures: Array<{ content: string; deadline: string; done: boolean; late: boolean }>;
  evidence: boolean;
}

function plan(
  ctx: GenerateCtx,
  i: number,
  unit: Unit,
  status: string,
  ready: boolean,
  escalatedFromId: number | null,
): Planned {
  const { random, today: t, now } = ctx;
  const text = PROBLEM_TEXTS[i % PROBLEM_TEXTS.length];
  const base = addDays(t, random.int(-30, 60));
  const measures = [0, 1, 2].map((k) => {
    const done =
      status === 'submitted' ||
      status === 'closed' ||
      ready ||
      (status === 'in_progress' && k === 0 && random.chance(0.5));
    return {
      content: `${text.measure}（第${k + 1}项）`,
      deadline: addDays(base, (k - 1) * 7),
      done,
      late: done && random.chance(0.15),
    };
  });
  const open = measures
    .filter((m) => !m.done)
    .map((m) => m.deadline)
    .sort();
  const finished = status === 'submitted' || status === 'closed';
  return {
    problem: {
      campaignId: ctx.campaignId,
      orgId: unit.id,
      orgPath: unit.path,
      title: `${text.title}（${i + 1}）`,
      description: escalatedFromId ? `【下级上报】${text.description}` : text.description,
      source: PROBLEM_SOURCE_KEYS[i % PROBLEM_SOURCE_KEYS.length],
      category: text.category,
      rootCauses: JSON.stringify([text.cause]),
      kind: i % 7 === 3 ? 'long_term' : 'immediate',
      status,
      effect: finished ? text.effect : '',
      escalatedFromId,
      dueDate: open[0] ?? null,
      submittedAt: finished ? at(addDays(t, -random.int(1, 20))) : null,
      closedAt: status === 'closed' ? now : null,
      createdBy: ctx.userId,
      createdAt: now,
      updatedAt: now,
    },
    measures,
    evidence: finished || ready,
  };
}

/** Writes one chunk of planned problems with their measures, progress notes and evidence; returns the problem ids. */
async function write(
  db: Db,
  ctx: GenerateCtx,
  chunk: Planned[],
  attachmentId: number,
  out: { progress: BatchWriter; evidence: BatchWriter },
): Promise<{ ids: number[]; measures: number }> {
  const ids = await insertMany(
    db,
    'problems',
    chunk.map((p) => p.problem),
  );
  const measureRows = chunk.flatMap((p, i) =>
    p.measures.map((m) => ({
      problemId: ids[i],
      content: m.content,
      ownerOrgId: p.problem.orgId,
      deadline: m.deadline,
      status: m.done ? 'done' : 'open',
      doneAt: m.done ? at(addDays(m.deadline, m.late ? 3 : -2)) : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  );
  const measureIds = await insertMany(db, 'problemMeasures', measureRows);
  for (const [k, m] of measureRows.entries()) {
    if (m.status === 'open' && ctx.random.chance(0.3))
      await out.progress.push({
        measureId: measureIds[k],
        date: addDays(ctx.today, -ctx.random.int(1, 15)),
        note: '已召开专题会议部署，正在推进落实',
        authorName: '基准测试',
        createdAt: ctx.now,
      });
  }
  for (const [i, p] of chunk.entries())
    if (p.evidence) await out.evidence.push({ problemId: ids[i], measureId: null, attachmentId, createdAt: ctx.now });
  return { ids, measures: measureIds.length };
}

/** Every problem of the city; 2% of them are escalated copies at the parent unit of an earlier problem. */
export async function generateProblems(db: Db, ctx: GenerateCtx) {
  const { scale, leaves, units } = ctx;
  const attachment = await db
    .insertInto('attachments')
    .values({
      sha256: '0'.repeat(64),
      name: '整改佐证材料.pdf',
      size: 1024,
      mime: 'application/pdf',
      uploadedBy: ctx.userId,
      orgPath: units[0].path,
      createdAt: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const out = { progress: new BatchWriter(db, 'measureProgress'), evidence: new BatchWriter(db, 'problemEvidence') };
  let measures = 0;
  const escalations = Math.floor(scale.problems * 0.02);
  const baseCount = scale.problems - escalations;
  const sources: Array<{ id: number; unit: Unit }> = [];
  let ready = 0;
  for (let start = 0; start < baseCount; start += CHUNK) {
    const chunk: Planned[] = [];
    const chunkUnits: Unit[] = [];
    for (let i = start; i < Math.min(baseCount, start + CHUNK); i++) {
      const unit = leaves[(i * 7) % leaves.length];
      const status = STATUS_CYCLE[i % STATUS_CYCLE.length];
      const isReady = status === 'in_progress' && ready < scale.readyProblems && i % 3 === 0;
      if (isReady) ready++;
      chunk.push(plan(ctx, i, unit, status, isReady, null));
      chunkUnits.push(unit);
    }
    const { ids, measures: written } = await write(db, ctx, chunk, attachment.id, out);
    measures += written;
    chunk.forEach((p, k) => {
      if (p.problem.status === 'in_progress' && !p.evidence && sources.length < escalations)
        sources.push({ id: ids[k], unit: chunkUnits[k] });
    });
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const escalated = sources.map((s, j) =>
    plan(ctx, baseCount + j, byId.get(s.unit.parentId!)!, j % 2 ? 'in_progress' : 'draft', false, s.id),
  );
  for (let start = 0; start < escalated.length; start += CHUNK)
    measures += (await write(db, ctx, escalated.slice(start, start + CHUNK), attachment.id, out)).measures;
  await out.progress.flush();
  await out.evidence.flush();
  return { problems: baseCount + escalated.length, measures, readyProblems: ready };
}
