import { useState } from 'react';
import {
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  message,
} from 'antd';
import { AuditTimeline } from '../../components/audit-timeline.tsx';
import { FileUpload, useUploadCheck } from '../../components/file-upload.tsx';
import { can } from '../../lib/abilities.ts';
import { showError } from '../../lib/form-errors.ts';
import { weekOf } from '../../../shared/iso-week.ts';
import { completeMilestone, raiseProblem, recordUpdate, useTask, useTaskMutation } from './api/tasks.ts';
import { MilestoneChart } from './milestone-chart.tsx';
import { Light, StatusTags } from './status-tags.tsx';
import { TaskForm } from './task-form.tsx';
import type { Milestone, Task } from './types.ts';
import { todayText } from '../../lib/today.ts';
import { dateOf } from '../../lib/format.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The task drawer: plan and status, the node timeline, 周调度, sub-tasks, problems met, the audit trail. */
export function TaskDrawer({
  id,
  onClose,
  onOpen,
}: {
  id: number | null;
  onClose: () => void;
  onOpen: (id: number) => void;
}) {
  const q = useTask(id);
  const t = q.data;
  const [completing, setCompleting] = useState<Milestone | null>(null);
  const [splitting, setSplitting] = useState(false);
  const [raising, setRaising] = useState(false);
  const [evidence, setEvidence] = useState<number[]>([]);
  const uploads = useUploadCheck();
  const [updateForm] = Form.useForm();
  const done = useTaskMutation((v: { m: Milestone; note?: string }) =>
    completeMilestone(t!.id, v.m.id, { version: v.m.version, done: true, attachmentIds: evidence, note: v.note }),
  );
  const report = useTaskMutation((v: { progress: number; note?: string }) =>
    recordUpdate(t!.id, {
      week: weekOf(todayText()),
      progress: v.progress / 100,
      note: v.note,
      attachmentIds: evidence,
    }),
  );
  const problem = useTaskMutation((v: { title: string }) => raiseProblem(t!.id, v));
  const today = todayText();

  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={t?.title ?? '重点任务'} loading={q.isLoading}>
      {t && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="状态">
              <StatusTags task={t} /> <Light task={t} />
            </Descriptions.Item>
            <Descriptions.Item label="实际 / 序时进度">
              {pct(t.progress)} / {pct(t.plannedProgress)}
            </Descriptions.Item>
            <Descriptions.Item label="牵头单位">{t.orgName}</Descriptions.Item>
            <Descriptions.Item label="牵头领导">{t.leaderName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="责任单位">
              {t.responsibleUnits.map((u) => u.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="配合单位">
              {t.cooperatingUnits.map((u) => u.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="起止日期">
              {t.startDate} 至 {t.endDate}
            </Descriptions.Item>
            <Descriptions.Item label="年度目标">
              {t.metric
                ? `${t.metric.name} ${t.metric.current ?? 0} / ${t.metric.target ?? '—'} ${t.metric.unit}`
                : '—'}
            </Descriptions.Item>
            {t.wasBehindSince && <Descriptions.Item label="曾滞后">自 {t.wasBehindSince} 起曾滞后</Descriptions.Item>}
          </Descriptions>
          <Progress percent={Math.round(t.progress * 100)} success={{ percent: Math.round(t.plannedProgress * 100) }} />
          {t.milestones.length > 0 && <MilestoneChart task={t} today={today} />}
          {t.milestones.length > 0 && (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={t.milestones}
              columns={[
                { title: '时序进度节点', dataIndex: 'title' },
                { title: '计划完成', dataIndex: 'plannedDate', width: 110 },
                { title: '权重', dataIndex: 'weight', width: 60 },
                { title: '完成标准', dataIndex: 'criteria' },
                {
                  title: '完成情况',
                  width: 150,
                  render: (_: unknown, m: Milestone) =>
                    m.doneAt ? (
                      <Tag color="green">已完成 {dateOf(m.doneAt)}</Tag>
                    ) : can(t, 'completeMilestone') ? (
                      <Button
                        size="small"
                        danger={m.overdue}
                        onClick={() => {
                          setEvidence([]);
                          setCompleting(m);
                        }}
                      >
                        标记完成
                      </Button>
                    ) : m.overdue ? (
                      <Tag color="red">逾期未完成</Tag>
                    ) : (
                      <Tag>未完成</Tag>
                    ),
                },
              ]}
            />
          )}
          {can(t, 'report') && (
            <Form
              form={updateForm}
              layout="inline"
              onFinish={async (v) => {
                if (!(await uploads.ready())) return;
                try {
                  await report.mutateAsync(v);
                  void message.success('已填报本周调度');
                  updateForm.resetFields();
                } catch (e) {
                  showError(e, updateForm);
                }
              }}
            >
              <Form.Item
                name="progress"
                label={`本周（${weekOf(today)}）进度`}
                rules={[{ required: true, message: '请填写进度' }]}
              >
                <InputNumber min={0} max={100} addonAfter="%" style={{ width: 130 }} />
              </Form.Item>
              <Form.Item name="note">
                <Input placeholder="本周进展" style={{ width: 220 }} maxLength={2000} />
              </Form.Item>
              <Form.Item>
                <FileUpload onChange={setEvidence} onStateChange={uploads.onStateChange} label="佐证" />
              </Form.Item>
              <Button htmlType="submit" type="primary" loading={report.isPending}>
                填报周调度
              </Button>
            </Form>
          )}
          <div>
            <Typography.Title level={5}>周调度记录</Typography.Title>
            {t.updates.length ? (
              <Timeline
                items={t.updates.map((u) => ({
                  children: (
                    <span>
                      <b>{u.week}</b> 进度 {pct(u.progress)} · {u.note || '（无说明）'} · {u.authorName}
                      {u.evidence.map((f) => (
                        <a key={f.id} href={`/api/v1/attachments/${f.id}`} style={{ marginLeft: 8 }}>
                          {f.name}
                        </a>
                      ))}
                    </span>
                  ),
                }))}
              />
            ) : (
              <Typography.Text type="secondary">尚无周调度记录</Typography.Text>
            )}
          </div>
          {(t.children.length > 0 || can(t, 'split')) && (
            <div>
              <Space style={{ marginBottom: 8 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  子任务（按权重汇总进度）
                </Typography.Title>
                {can(t, 'split') && (
                  <Button size="small" onClick={() => setSplitting(true)}>
                    分解子任务
                  </Button>
                )}
              </Space>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={t.children}
                columns={[
                  {
                    title: '子任务',
                    dataIndex: 'title',
                    render: (x: string, c: Task) => <a onClick={() => onOpen(c.id)}>{x}</a>,
                  },
                  { title: '单位', dataIndex: 'orgName' },
                  { title: '权重', dataIndex: 'weight', width: 60 },
                  { title: '进度', width: 80, render: (_: unknown, c: Task) => pct(c.progress) },
                  { title: '状态', render: (_: unknown, c: Task) => <StatusTags task={c} /> },
                ]}
              />
            </div>
          )}
          {can(t, 'raiseProblem') && <Button onClick={() => setRaising(true)}>推进中发现问题，转入检视整改</Button>}
          <div>
            <Typography.Title level={5}>操作记录</Typography.Title>
            <AuditTimeline entityType="task" entityId={t.id} />
          </div>
        </Space>
      )}
      {completing && (
        <Modal
          open
          title={`标记完成：${completing.title}`}
          okText="确认完成"
          confirmLoading={done.isPending}
          onCancel={() => setCompleting(null)}
          onOk={async () => {
            if (!(await uploads.ready())) return;
            try {
              await done.mutateAsync({ m: completing });
              void message.success('节点已完成，已计入本周调度');
              setCompleting(null);
            } catch (e) {
              showError(e);
            }
          }}
        >
          <Typography.Paragraph>完成标准：{completing.criteria || '—'}</Typography.Paragraph>
          <FileUpload onChange={setEvidence} onStateChange={uploads.onStateChange} />
        </Modal>
      )}
      {raising && (
        <Modal open title="转入检视整改（来源：推动发展遇到）" footer={null} onCancel={() => setRaising(false)}>
          <Form
            layout="vertical"
            onFinish={async (v) => {
              try {
                const p = await problem.mutateAsync(v);
                void message.success(`已记录问题（编号 ${p.id}），待审核`);
                setRaising(false);
              } catch (e) {
                showError(e);
              }
            }}
          >
            <Form.Item name="title" label="问题" rules={[{ required: true, message: '请填写问题' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={problem.isPending}>
              转入问题清单
            </Button>
          </Form>
        </Modal>
      )}
      {splitting && t && (
        <TaskForm
          campaignId={t.campaignId}
          parentId={t.id}
          onClose={() => setSplitting(false)}
          onCreated={() => undefined}
        />
      )}
    </Drawer>
  );
}
