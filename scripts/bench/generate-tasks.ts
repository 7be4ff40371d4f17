/**
 * 推动发展 at bench scale: key tasks led by units at every level of the tree, each with a responsible 党支部
 * in the lead's subtree (some with a 配合单位 too), one in ten split into three sub-tasks for branches, about
 * five milestones per leaf task, and the last two weeks of 周调度. Status is never typed: each task's stored
 * schedule is derived with the module's own pure functions (schedule.ts), as the commands do on every write.
 * In the proportions of the seeds: most on schedule, some done, some behind, a few not started yet.
 */
import { addDays } from '../../src/server/clock.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { insertMany } from '../../src/server/db/insert-many.ts';
import { leafSchedule, parentSchedule, type Schedule } from '../../src/server/modules/tasks/schedule.ts';
import { DEFAULT_TASK_THRESHOLDS as T } from '../../src/shared/task-enums.ts';
import { weekOf } from '../../src/shared/iso-week.ts';
import { BatchWriter } from './batch-insert.ts';
import type { GenerateCtx, Unit } from './generate.ts';

/** Key tasks (sub-tasks included) per scale; five milestones per task on average. */
export const TASKS_AT_SCALE: Record<string, number> = { tiny: 200, small: 2_000, city: 20_000 };
const MILESTONES_PER_TASK = 5;

const TITLES = [
  '背街小巷环境综合整治',
  '生活垃圾分类全覆盖',
  '智慧城管平台建设',
  '违法建设治理攻坚',
  '市容秩序示范街创建',
  '城市公园绿地提质增效',
  '渣土运输规范管理',
  '停车秩序综合治理',
  '老旧小区架空缆线整治',
  '城市管理执法规范化建设',
];
const NODES = ['制定实施方案', '摸底排查', '集中攻坚', '巩固提升', '验收总结', '总结评估'];

type Profile = 'done' | 'on_track' | 'behind' | 'not_started';

interface Leaf {
  startDate: string;
  endDate: string;
  milestones: Array<{ title: string; plannedDate: string; weight: number; doneAt: string | null }>;
  reported: number;
  schedule: Schedule;
}

export async function generateTasks(db: Db, ctx: GenerateCtx) {
  const { random, units, leaves, today: t, now } = ctx;
  const total = TASKS_AT_SCALE[ctx.scale.name] ?? 0;
  if (!total) return { tasks: 0, milestones: 0, taskUpdates: 0 };
  const byId = new Map(units.map((u) => [u.id, u]));
  const ancestorsOf = (u: Unit) =>
    u.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(Number(id))!);
  // One in ten top-level tasks is split into three sub-tasks: total = top + 3 × top / 10.
  const split = Math.floor(total / 13);
  const top = total - 3 * split;
  const leafCount = top - split + split * 3;
  const milestoneTotal = total * MILESTONES_PER_TASK;
  let extra = milestoneTotal - leafCount * MILESTONES_PER_TASK;

  const leafFacts = (start: string, end: string): Leaf => {
    const r = random.next();
    const profile: Profile = r < 0.1 ? 'done' : r < 0.2 ? 'behind' : r < 0.25 ? 'not_started' : 'on_track';
    let startDate = start;
    let endDate = end;
    if (profile === 'not_started') {
      startDate = addDays(t, random.int(1, 20));
      endDate = addDays(startDate, random.int(60, 150));
    }
    const n = MILESTONES_PER_TASK + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    const span = (Date.parse(endDate) - Date.parse(startDate)) / 86_400_000;
    const milestones = Array.from({ length: n }, (_, k) => {
      const plannedDate = addDays(startDate, Math.round((span * (k + 1)) / n));
      const done = profile === 'done' || (profile !== 'not_started' && plannedDate < t);
      return {
        title: NODES[k % NODES.length],
        plannedDate,
        weight: k === 2 ? 2 : 1,
        doneAt: done ? `${addDays([plannedDate, t].sort()[0], -1)}T09:00:00.000Z` : null,
      };
    });
    if (profile === 'behind') {
      // Behind means a date missed: the last node already due is still open (the first moved before today if none is).
      let missed = milestones.findLastIndex((m) => m.plannedDate < t);
      if (missed < 0) {
        missed = 0;
        milestones[0].plannedDate = addDays(t, -random.int(1, 9));
      }
      milestones[missed].doneAt = null;
    }
    const weightTotal = milestones.reduce((s, m) => s + m.weight, 0);
    const doneShare = milestones.filter((m) => m.doneAt).reduce((s, m) => s + m.weight, 0) / weightTotal;
    const reported = Math.round(doneShare * 100) / 100;
    const schedule = leafSchedule(
      {
        startDate,
        endDate,
        reportedProgress: reported,
        milestones: milestones.map((m) => ({ plannedDate: m.plannedDate, weight: m.weight, done: !!m.doneAt })),
      },
      T,
    );
    return { startDate, endDate, milestones, reported, schedule };
  };

  const row = (
    unit: Unit,
    title: string,
    startDate: string,
    endDate: string,
    s: Schedule,
    parentId: number | null,
    reported: number,
  ) => ({
    campaignId: ctx.campaignId,
    parentId,
    orgId: unit.id,
    orgPath: unit.path,
    leaderId: null,
    title,
    startDate,
    endDate,
    weight: 1,
    reportedProgress: reported,
    lastActivityOn: addDays(t, -random.int(0, 12)),
    done: s.done ? 1 : 0,
    progress: s.progress,
    planCurve: JSON.stringify(s.curve),
    behindFrom: s.behindFrom,
    yellowFrom: s.yellowFrom,
    redFrom: s.redFrom,
    wasBehindSince: !s.done && s.behindFrom > t && random.chance(0.05) ? addDays(t, -random.int(8, 30)) : null,
    doneAt: s.done ? now : null,
    createdBy: ctx.userId,
    createdAt: now,
    updatedAt: now,
  });

  // Top-level tasks: a responsible 党支部 at random, led by one of its ancestors (the city down to itself).
  const plans = Array.from({ length: top }, (_, i) => {
    const branch = random.pick(leaves);
    const chain = ancestorsOf(branch);
    const lead = chain[random.int(0, chain.length - 1)];
    const start = addDays(t, -random.int(10, 100));
    const end = addDays(t, random.int(30, 150));
    const title = `${TITLES[i % TITLES.length]}（${i + 1}）`;
    return { branch, lead, start, end, title, isSplit: i < split };
  });
  const leafOf = new Map<number, Leaf>();
  const childPlans = new Map<number, Array<{ unit: Unit; leaf: Leaf }>>();
  for (const [i, p] of plans.entries()) {
    if (!p.isSplit) {
      leafOf.set(i, leafFacts(p.start, p.end));
      continue;
    }
    // Sub-tasks for branches in the lead's subtree (the responsible branch and two others near it).
    const under = leaves.filter((l) => l.path.startsWith(p.lead.path));
    childPlans.set(
      i,
      [p.branch, random.pick(under), random.pick(under)].map((unit) => ({ unit, leaf: leafFacts(p.start, p.end) })),
    );
  }
  const topRows = plans.map((p, i) => {
    const kids = childPlans.get(i);
    const s = kids
      ? parentSchedule(
          p.start,
          kids.map((k) => ({ weight: 1, schedule: k.leaf.schedule })),
          T,
        )
      : leafOf.get(i)!.schedule;
    const leaf = leafOf.get(i);
    return row(p.lead, p.title, leaf?.startDate ?? p.start, leaf?.endDate ?? p.end, s, null, leaf?.reported ?? 0);
  });
  const topIds = await insertMany(db, 'tasks', topRows);

  const childRows: Array<ReturnType<typeof row> & { leaf: Leaf }> = [];
  for (const [i, kids] of childPlans)
    for (const [k, kid] of kids.entries())
      childRows.push({
        ...row(
          kid.unit,
          `${plans[i].title}（子任务${k + 1}）`,
          kid.leaf.startDate,
          kid.leaf.endDate,
          kid.leaf.schedule,
          topIds[i],
          kid.leaf.reported,
        ),
        leaf: kid.leaf,
      });
  const childIds = await insertMany(
    db,
    'tasks',
    childRows.map(({ leaf, ...r }) => r),
  );

  const taskUnits = new BatchWriter(db, 'taskUnits');
  const milestones = new BatchWriter(db, 'taskMilestones');
  const updates = new BatchWriter(db, 'taskUpdates');
  const thisWeek = weekOf(t);
  const lastWeek = weekOf(addDays(t, -7));
  const writeLeaf = async (taskId: number, leaf: Leaf) => {
    for (const m of leaf.milestones)
      await milestones.push({ taskId, ...m, criteria: '', createdAt: now, updatedAt: now });
    if (leaf.startDate > t) return;
    for (const week of random.chance(0.7) ? [lastWeek, thisWeek] : [lastWeek])
      await updates.push({
        taskId,
        week,
        progress: leaf.reported,
        note: '按计划推进',
        authorName: '办公室',
        createdAt: now,
        updatedAt: now,
      });
  };
  for (const [i, p] of plans.entries()) {
    const id = topIds[i];
    await taskUnits.push({ taskId: id, orgId: p.branch.id, orgPath: p.branch.path, role: 'responsible' });
    const other = random.pick(leaves);
    if (other.id !== p.branch.id && random.chance(0.3))
      await taskUnits.push({ taskId: id, orgId: other.id, orgPath: other.path, role: 'cooperating' });
    const leaf = leafOf.get(i);
    if (leaf) await writeLeaf(id, leaf);
  }
  const seen = new Set<string>();
  for (const [j, c] of childRows.entries()) {
    const key = `${childIds[j]}:${c.orgId}`;
    if (!seen.has(key)) {
      seen.add(key);
      await taskUnits.push({ taskId: childIds[j], orgId: c.orgId, orgPath: c.orgPath, role: 'responsible' });
    }
    await writeLeaf(childIds[j], c.leaf);
  }
  // Each task's status history (the 周调度 view's last week): its schedule in force since three weeks back.
  const history = new BatchWriter(db, 'taskStatusHistory');
  const since = addDays(t, -21);
  const stored = [
    ...topRows.map((r, i) => ({ r, id: topIds[i] })),
    ...childRows.map((r, j) => ({ r, id: childIds[j] })),
  ];
  for (const { r, id } of stored)
    await history.push({
      taskId: id,
      effectiveOn: since,
      done: r.done,
      startDate: r.startDate,
      behindFrom: r.behindFrom,
    });
  await taskUnits.flush();
  await milestones.flush();
  await updates.flush();
  await history.flush();
  return { tasks: topIds.length + childIds.length, milestones: milestones.count, taskUpdates: updates.count };
}
