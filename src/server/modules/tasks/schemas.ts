import { Type } from 'typebox';
import { TASK_LIGHTS, TASK_STATUSES } from '../../../shared/task-enums.ts';
import { Abilities, DateString, PageQuery, Text, Version } from '../../http/schemas.ts';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const Share = (title: string) => Type.Number({ minimum: 0, maximum: 1, title });
const Weight = Type.Number({ exclusiveMinimum: 0, maximum: 1000, title: '权重' });
const Amount = (title: string) => Type.Number({ minimum: -1e12, maximum: 1e12, title });
const Units = (title: string) => Type.Array(Id(title), { maxItems: 50, uniqueItems: true, title });
const AttachmentIds = Type.Array(Id('佐证材料'), { maxItems: 20, uniqueItems: true, title: '佐证材料' });

const Metric = Type.Object(
  {
    name: Text('年度目标指标', 60),
    unit: Type.String({ maxLength: 20, title: '计量单位' }),
    target: Amount('目标值'),
    current: Type.Optional(Amount('当前值')),
  },
  { additionalProperties: false, title: '年度目标' },
);

export const MilestoneFields = {
  title: Text('节点名称', 200),
  plannedDate: DateString('计划完成日期'),
  weight: Weight,
  criteria: Type.Optional(Type.String({ maxLength: 500, title: '完成标准' })),
};

export const CreateMilestoneBody = Type.Object(MilestoneFields, { additionalProperties: false });

export const UpdateMilestoneBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(MilestoneFields.title),
    plannedDate: Type.Optional(MilestoneFields.plannedDate),
    weight: Type.Optional(Weight),
    criteria: MilestoneFields.criteria,
    /** Marks the milestone done (with its evidence) or reopens it. */
    done: Type.Optional(Type.Boolean({ title: '是否完成' })),
    attachmentIds: Type.Optional(AttachmentIds),
    note: Type.Optional(Type.String({ maxLength: 1000, title: '说明' })),
  },
  { additionalProperties: false },
);

const taskFields = {
  title: Text('任务名称', 200),
  description: Type.Optional(Type.String({ maxLength: 4000, title: '任务内容' })),
  leaderId: Type.Optional(Type.Union([Id('牵头领导'), Type.Null()], { title: '牵头领导' })),
  startDate: DateString('开始日期'),
  endDate: DateString('完成时限'),
  weight: Type.Optional(Weight),
  responsibleOrgIds: Type.Optional(Units('责任单位')),
  cooperatingOrgIds: Type.Optional(Units('配合单位')),
  metric: Type.Optional(Type.Union([Metric, Type.Null()], { title: '年度目标' })),
};

export const CreateTaskBody = Type.Object(
  {
    campaignId: Id('主题教育'),
    parentId: Type.Optional(Id('上级任务')),
    orgId: Id('牵头单位'),
    ...taskFields,
    milestones: Type.Optional(Type.Array(CreateMilestoneBody, { maxItems: 50, title: '时序进度节点' })),
  },
  { additionalProperties: false },
);

export const UpdateTaskBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(taskFields.title),
    description: taskFields.description,
    leaderId: taskFields.leaderId,
    startDate: Type.Optional(taskFields.startDate),
    endDate: Type.Optional(taskFields.endDate),
    weight: taskFields.weight,
    responsibleOrgIds: taskFields.responsibleOrgIds,
    cooperatingOrgIds: taskFields.cooperatingOrgIds,
    metric: taskFields.metric,
  },
  { additionalProperties: false },
);

export const UpdateBody = Type.Object(
  {
    week: Type.String({ pattern: '^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])$', title: '周次' }),
    progress: Share('进度'),
    note: Type.Optional(Type.String({ maxLength: 2000, title: '本周进展' })),
    attachmentIds: Type.Optional(AttachmentIds),
    metricCurrent: Type.Optional(Amount('指标当前值')),
  },
  { additionalProperties: false },
);

export const ProblemFromTaskBody = Type.Object(
  {
    title: Text('问题', 200),
    description: Type.Optional(Type.String({ maxLength: 4000, title: '问题描述' })),
    orgId: Type.Optional(Id('问题所在单位')),
  },
  { additionalProperties: false },
);

const filters = {
  campaignId: Type.Optional(Id('主题教育')),
  orgId: Type.Optional(Id('单位')),
  topLevel: Type.Optional(Type.Boolean({ title: '仅重点任务' })),
};

export const TaskListQuery = Type.Object(
  {
    ...PageQuery,
    ...filters,
    leaderId: Type.Optional(Id('牵头领导')),
    parentId: Type.Optional(Id('上级任务')),
    status: Type.Optional(Type.String({ enum: Object.keys(TASK_STATUSES), title: '状态' })),
    light: Type.Optional(Type.String({ enum: Object.keys(TASK_LIGHTS), title: '亮灯' })),
    stale: Type.Optional(Type.Boolean({ title: '未更新' })),
    q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
  },
  { additionalProperties: false },
);

export const FiguresQuery = Type.Object(filters, { additionalProperties: false });

export const WeeklyQuery = Type.Object(
  { ...filters, week: Type.Optional(UpdateBody.properties.week) },
  { additionalProperties: false },
);

export const MilestoneParams = Type.Object({ id: Id('任务'), milestoneId: Id('节点') });

/** The 推动发展 summary: the same figures the dashboard shows for a subtree (shared/views/dashboard.ts). */
export { TaskFigures as Figures } from '../../../shared/views/dashboard.ts';

export const ThresholdsBody = Type.Object(
  {
    version: Type.Optional(Version),
    tolerance: Share('序时进度容差'),
    yellowGap: Share('黄灯差距'),
    redGap: Share('红灯差距'),
    staleDays: Type.Integer({ minimum: 1, maximum: 90, title: '未更新工作日数' }),
  },
  { additionalProperties: false },
);

/** A task as returned by every route (additional detail fields allowed). */
export const TaskView = Type.Object(
  {
    id: Type.Integer(),
    campaignId: Type.Integer(),
    parentId: Type.Union([Type.Integer(), Type.Null()]),
    orgId: Type.Integer(),
    leaderId: Type.Union([Type.Integer(), Type.Null()]),
    title: Type.String(),
    startDate: Type.String(),
    endDate: Type.String(),
    progress: Type.Number(),
    plannedProgress: Type.Number(),
    status: Type.String(),
    version: Type.Integer(),
    abilities: Abilities,
  },
  { additionalProperties: true },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const EvidenceFile = Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Number(), type: Type.String() });

/** A 时序进度 node as the drawer shows it: planned against done, with its evidence. */
export const MilestoneView = Type.Object({
  id: Type.Integer(),
  taskId: Type.Integer(),
  title: Type.String(),
  plannedDate: Type.String(),
  weight: Type.Number(),
  criteria: Type.String(),
  doneAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  evidence: Type.Array(EvidenceFile),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** One 周调度 update. */
export const UpdateView = Type.Object({
  id: Type.Integer(),
  taskId: Type.Integer(),
  week: Type.String(),
  progress: Type.Number(),
  note: Type.String(),
  milestoneId: Nullable(Type.Integer()),
  authorName: Type.String(),
  evidence: Type.Array(EvidenceFile),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** A campaign's 序时进度 thresholds. */
export const ThresholdsView = Type.Object({
  id: Type.Integer({ description: '主题教育编号' }),
  tolerance: Type.Number(),
  yellowGap: Type.Number(),
  redGap: Type.Number(),
  staleDays: Type.Integer(),
});

/** The problem raised on the 检视整改 loop. */
export const RaisedProblem = Type.Object({ id: Type.Integer() });
