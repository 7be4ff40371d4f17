import { useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  List,
  Popconfirm,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import { AuditTimeline } from '../../components/audit-timeline.tsx';
import { ROOT_CAUSES, PROBLEM_STATUSES, type RootCause, type ProblemStatus } from '../../../shared/problem-enums.ts';
import { ActionModal, type ActionDialog } from './action-modal.tsx';
import { COLOUR_TAGS, type Measure, type ProblemDetail } from './types.ts';

/** The problem drawer: the record, its measures, progress, evidence, extensions, escalation links and history. */
export function ProblemDrawer({ problemId, onClose }: { problemId: number | null; onClose: () => void }) {
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<ActionDialog | null>(null);
  const q = useQuery({
    queryKey: ['problems', 'detail', problemId],
    queryFn: () => api<ProblemDetail>(`/problems/${problemId}`),
    enabled: problemId !== null,
  });
  const p = q.data;
  const refresh = async () => {
    setDialog(null);
    await qc.invalidateQueries({ queryKey: ['problems'] });
  };
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      void message.success(done);
      await refresh();
    } catch (e) {
      showError(e);
    }
  };
  const transition = (action: string, label: string) =>
    modal.confirm({
      title: label,
      content: `确定${label}吗？`,
      okText: '确定',
      cancelText: '取消',
      onOk: () =>
        run(
          () => api(`/problems/${p!.id}/transitions`, { method: 'POST', body: { action, version: p!.version } }),
          `已${label}`,
        ),
    });
  // The drawer closes first so the deleted problem's detail is not fetched again.
  const remove = () =>
    run(async () => {
      await api(`/problems/${p!.id}`, { method: 'DELETE', query: { version: p!.version } });
      qc.removeQueries({ queryKey: ['problems', 'detail', p!.id] });
      onClose();
    }, '已删除');
  const markDone = (m: Measure) =>
    run(
      () =>
        api(`/problems/${p!.id}/measures/${m.id}`, { method: 'PATCH', body: { status: 'done', version: m.version } }),
      '措施已标记完成',
    );

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

  return (
    <Drawer
      open={problemId !== null}
      onClose={onClose}
      size={980}
      title={p ? p.title : '问题详情'}
      destroyOnHidden
      extra={
        p && (
          <Space>
            {p.abilities.confirm && (
              <Button type="primary" onClick={() => transition('confirm', '确认问题')}>
                确认
              </Button>
            )}
            {p.abilities.submit && (
              <Button type="primary" onClick={() => setDialog({ kind: 'submit' })}>
                申请销号
              </Button>
            )}
            {p.abilities.approve && (
              <Button type="primary" onClick={() => transition('approve', '审核销号')}>
                同意销号
              </Button>
            )}
            {p.abilities.reject && (
              <Button danger onClick={() => setDialog({ kind: 'reject' })}>
                退回
              </Button>
            )}
            {p.abilities.escalate && p.escalatedTo.length === 0 && (
              <Button onClick={() => transition('escalate', '上报上级单位')}>上报上级</Button>
            )}
            {p.abilities.delete && (
              <Popconfirm
                title="确定删除该问题？"
                description="删除后不可恢复"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={remove}
              >
                <Button danger>删除</Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
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
                  <Descriptions bordered size="small" column={3}>
                    <Descriptions.Item label="状态">
                      <Tag>{p.statusLabel}</Tag>{' '}
                      <Tag color={COLOUR_TAGS[p.colour].color}>{COLOUR_TAGS[p.colour].label}</Tag>
                    </Descriptions.Item>
                    <Descriptions.Item label="单位">{p.orgName}</Descriptions.Item>
                    <Descriptions.Item label="整改时限">{p.dueDate ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="问题来源">{p.sourceLabel}</Descriptions.Item>
                    <Descriptions.Item label="问题领域">{p.category || '—'}</Descriptions.Item>
                    <Descriptions.Item label="整改类型">{p.kindLabel}</Descriptions.Item>
                    <Descriptions.Item label="问题描述" span={3}>
                      {p.description || '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label="根源剖析" span={3}>
                      {p.rootCauses.map((c) => ROOT_CAUSES[c as RootCause] ?? c).join('、') || '—'}{' '}
                      {p.rootCauseAnalysis}
                    </Descriptions.Item>
                    {!!p.effect && (
                      <Descriptions.Item label="整改成效" span={3}>
                        {p.effect}
                      </Descriptions.Item>
                    )}
                    {!!p.returnReason && p.status === 'in_progress' && (
                      <Descriptions.Item label="退回理由" span={3}>
                        <Typography.Text type="danger">{p.returnReason}</Typography.Text>
                      </Descriptions.Item>
                    )}
                    {p.escalatedFrom && (
                      <Descriptions.Item label="下级上报" span={3}>
                        {p.escalatedFrom.orgName}（{PROBLEM_STATUSES[p.escalatedFrom.status as ProblemStatus]}）
                      </Descriptions.Item>
                    )}
                    {p.escalatedTo.map((e) => (
                      <Descriptions.Item key={e.id} label="已上报" span={3}>
                        {e.orgName}牵头整改，当前：{PROBLEM_STATUSES[e.status as ProblemStatus]}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                  <Table rowKey="id" size="small" pagination={false} dataSource={p.measures} columns={measureColumns} />
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
                            <a
                              onClick={() =>
                                run(
                                  () =>
                                    api(`/problems/${p.id}/extensions/${x.id}/decision`, {
                                      method: 'POST',
                                      body: { approve: true },
                                    }),
                                  '已同意延期',
                                )
                              }
                            >
                              同意
                            </a>
                            <a
                              onClick={() =>
                                run(
                                  () =>
                                    api(`/problems/${p.id}/extensions/${x.id}/decision`, {
                                      method: 'POST',
                                      body: { approve: false },
                                    }),
                                  '已驳回延期',
                                )
                              }
                            >
                              不同意
                            </a>
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
          version={p.version}
          dialog={dialog}
          onClose={() => setDialog(null)}
          onDone={refresh}
        />
      )}
    </Drawer>
  );
}
