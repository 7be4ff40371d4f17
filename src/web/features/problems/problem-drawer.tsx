import { useState } from 'react';
import { App, Descriptions, Drawer, List, Space, Spin, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { AuditTimeline } from '../../components/audit-timeline.tsx';
import { ROOT_CAUSES, PROBLEM_STATUSES, type RootCause, type ProblemStatus } from '../../../shared/problem-enums.ts';
import { PROBLEM_ACTION_LABELS } from '../../../shared/vocabulary.ts';
import { useIsPhone } from '../../lib/responsive.ts';
import { ActionModal, type ActionDialog } from './action-modal.tsx';
import { ProblemActions, StepHint } from './problem-actions.tsx';
import { COLOUR_TAGS } from './colour-tags.ts';
import {
  useDecideExtension,
  useDeleteProblem,
  useMarkMeasureDone,
  useProblem,
  useTransitionProblem,
  type Measure,
  type ProblemDetail,
  type TransitionAction,
} from './api/problems.ts';

/** The problem drawer: the record, its measures, progress, evidence, extensions, escalation links and history. */
export function ProblemDrawer({ problemId, onClose }: { problemId: number | null; onClose: () => void }) {
  const { modal } = App.useApp();
  const [dialog, setDialog] = useState<ActionDialog | null>(null);
  const phone = useIsPhone();
  const q = useProblem(problemId);
  const p = q.data;
  const transitionMutation = useTransitionProblem();
  const deleteMutation = useDeleteProblem();
  const markDoneMutation = useMarkMeasureDone();
  const decideMutation = useDecideExtension();
  const transition = (action: TransitionAction, content: string) =>
    modal.confirm({
      title: PROBLEM_ACTION_LABELS[action],
      content,
      okText: PROBLEM_ACTION_LABELS[action],
      cancelText: '取消',
      onOk: () => transitionMutation.run({ problem: p!, action }),
    });
  // The drawer closes first so the deleted problem's detail is not fetched again.
  const remove = async () => {
    onClose();
    await deleteMutation.run(p!);
  };
  const markDone = (m: Measure) => markDoneMutation.run({ problemId: p!.id, measure: m });
  const decide = (extensionId: number, approve: boolean) =>
    decideMutation.run({ problemId: p!.id, extensionId, approve });

  const measureColumns = [
    { title: '整改措施', dataIndex: 'content' },
    { title: '责任领导', dataIndex: 'leaderName' },
    { title: '责任单位', dataIndex: 'ownerOrgName' },
    { title: '责任人', dataIndex: 'ownerName' },
    {
      title: '整改时限',
      dataIndex: 'deadline',
      render: (d: string, m: Measure) => (m.overdue ? <Tag color="red">{d} 逾期</Tag> : d),
    },
    {
      title: '完成情况',
      dataIndex: 'status',
      render: (s: string) => (s === 'done' ? <Tag color="green">已完成</Tag> : <Tag>推进中</Tag>),
    },
    {
      title: '操作',
      render: (_: unknown, m: Measure) =>
        p?.abilities.reportProgress && (
          <Space size="small" wrap>
            <a onClick={() => setDialog({ kind: 'progress', measureId: m.id })}>填报进展</a>
            {m.status === 'open' && <a onClick={() => markDone(m)}>标记完成</a>}
            {m.status === 'open' && p.abilities.requestExtension && (
              <a onClick={() => setDialog({ kind: 'extension', measureId: m.id, deadline: m.deadline })}>申请延期</a>
            )}
          </Space>
        ),
    },
  ];

  // On a phone the moves sit above the record instead of squeezing the drawer's title.
  const actions = p && <ProblemActions p={p} onAction={transition} onDialog={setDialog} onDelete={remove} />;
  return (
    <Drawer
      open={problemId !== null}
      onClose={onClose}
      size={phone ? '100%' : 980}
      title={p ? p.title : '问题详情'}
      destroyOnHidden
      extra={!phone && actions}
    >
      {!p ? (
        <Spin />
      ) : (
        <Tabs
          items={[
            {
              key: 'info',
              label: '问题与措施',
              children: (
                <Space direction="vertical" style={{ width: '100%' }} size="middle">
                  {phone && actions}
                  <StepHint p={p} />
                  <Descriptions bordered size="small" column={phone ? 1 : 3}>
                    <Descriptions.Item label="状态">
                      <Tag>{p.statusLabel}</Tag>{' '}
                      <Tag color={COLOUR_TAGS[p.colour].color}>{COLOUR_TAGS[p.colour].label}</Tag>
                    </Descriptions.Item>
                    <Descriptions.Item label="单位">{p.orgName}</Descriptions.Item>
                    <Descriptions.Item label="整改时限">{p.dueDate ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="问题来源">{p.sourceLabel}</Descriptions.Item>
                    <Descriptions.Item label="问题领域">{p.category || '—'}</Descriptions.Item>
                    <Descriptions.Item label="整改类型">{p.kindLabel}</Descriptions.Item>
                    <Descriptions.Item label="问题描述" span="filled">
                      {p.description || '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label="根源剖析" span="filled">
                      {p.rootCauses.map((c) => ROOT_CAUSES[c as RootCause] ?? c).join('、') || '—'}{' '}
                      {p.rootCauseAnalysis}
                    </Descriptions.Item>
                    {!!p.effect && (
                      <Descriptions.Item label="整改成效" span="filled">
                        {p.effect}
                      </Descriptions.Item>
                    )}
                    {!!p.returnReason && p.status === 'in_progress' && (
                      <Descriptions.Item label="退回理由" span="filled">
                        <Typography.Text type="danger">{p.returnReason}</Typography.Text>
                      </Descriptions.Item>
                    )}
                    {p.escalatedFrom && (
                      <Descriptions.Item label="下级上报" span="filled">
                        {p.escalatedFrom.orgName}（{PROBLEM_STATUSES[p.escalatedFrom.status as ProblemStatus]}）
                      </Descriptions.Item>
                    )}
                    {p.escalatedTo.map((e) => (
                      <Descriptions.Item key={e.id} label="已上报" span="filled">
                        {e.orgName}牵头整改，当前：{PROBLEM_STATUSES[e.status as ProblemStatus]}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={p.measures}
                    columns={measureColumns}
                    scroll={{ x: 760 }}
                  />
                  <Typography.Title level={5}>佐证材料</Typography.Title>
                  <List
                    size="small"
                    bordered
                    dataSource={p.evidence}
                    locale={{ emptyText: '暂无佐证材料' }}
                    renderItem={(e) => (
                      <List.Item>
                        <a href={`/api/v1/attachments/${e.attachmentId}`}>{e.name}</a>（{Math.ceil(e.size / 1024)} KB）
                      </List.Item>
                    )}
                  />
                </Space>
              ),
            },
            {
              key: 'progress',
              label: `整改进展（${p.progress.length}）`,
              children: (
                <Timeline
                  items={p.progress.map((g) => ({
                    content: (
                      <div>
                        <b>{g.date}</b> · {g.authorName}
                        <div>{g.note}</div>
                      </div>
                    ),
                  }))}
                />
              ),
            },
            {
              key: 'extensions',
              label: `延期申请（${p.extensions.length}）`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={p.extensions}
                  columns={[
                    { title: '原时限', dataIndex: 'currentDeadline' },
                    { title: '申请延期至', dataIndex: 'requestedDeadline' },
                    { title: '理由', dataIndex: 'reason' },
                    { title: '申请人', dataIndex: 'requestedBy' },
                    {
                      title: '状态',
                      dataIndex: 'status',
                      render: (s: string) =>
                        ({
                          pending: <Tag color="gold">待审批</Tag>,
                          approved: <Tag color="green">已同意</Tag>,
                          rejected: <Tag color="red">未同意</Tag>,
                        })[s],
                    },
                    {
                      title: '操作',
                      render: (_: unknown, x: ProblemDetail['extensions'][number]) =>
                        x.status === 'pending' &&
                        p.abilities.decideExtension && (
                          <Space>
                            <a onClick={() => decide(x.id, true)}>同意</a>
                            <a onClick={() => decide(x.id, false)}>不同意</a>
                          </Space>
                        ),
                    },
                  ]}
                />
              ),
            },
            { key: 'history', label: '变更记录', children: <AuditTimeline entityType="problem" entityId={p.id} /> },
          ]}
        />
      )}
      {p && (
        <ActionModal
          problemId={p.id}
          campaignId={p.campaignId}
          version={p.version}
          dialog={dialog}
          onClose={() => setDialog(null)}
          draftEffect={p.effect}
        />
      )}
    </Drawer>
  );
}
