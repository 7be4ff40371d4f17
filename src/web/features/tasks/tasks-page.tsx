import { useState } from 'react';
import { Button, Card, Input, Progress, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { CampaignSelect, defaultCampaign, useCampaigns } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { TASK_LIGHTS, TASK_STATUSES, type TaskStatus } from '../../../shared/task-enums.ts';
import { taskKeys, useTaskFigures, useTasks } from './api/tasks.ts';
import { LedgerImport } from '../../components/ledger-import/ledger-import.tsx';
import { TaskDrawer } from './task-drawer.tsx';
import { TaskForm } from './task-form.tsx';
import { STATUS_COLOURS, type Task } from './types.ts';
import { Light, StatusTags } from './status-tags.tsx';

const FILTER_KEYS = ['campaignId', 'orgId', 'leaderId', 'status', 'light', 'stale', 'topLevel', 'q'] as const;
const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** 推动发展: the 重点任务 list with the seeds' summary line, the 周调度 view, every filter in the address bar. */
export function TasksPage() {
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const campaigns = useCampaigns();
  const filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Record<
    (typeof FILTER_KEYS)[number],
    string | undefined
  >;
  filter.campaignId ??= defaultCampaign(campaigns.data?.items)?.id.toString();
  filter.topLevel ??= 'true';
  const set = (key: string, value: unknown) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
    setPage((p) => ({ ...p, page: 1 }));
  };
  const topLevel = filter.topLevel === 'true' ? 'true' : undefined;
  const scope = { campaignId: filter.campaignId, orgId: filter.orgId, topLevel };
  const figures = useTaskFigures(scope, !!filter.campaignId);
  const list = useTasks(
    { ...filter, topLevel, stale: filter.stale === 'true' ? 'true' : undefined, ...page },
    !!filter.campaignId,
  );
  const f = figures.data;
  // The 重点任务台账 as print-ready .xlsx: the list's own filters, every page.
  const exportQuery = new URLSearchParams(
    Object.entries({ ...filter, topLevel, stale: filter.stale === 'true' ? 'true' : undefined }).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  ).toString();
  const open = (status?: TaskStatus) => set('status', status);
  const num = (n: number, status?: TaskStatus) => (
    <Typography.Link strong onClick={() => open(status)} data-testid={`figure-${status ?? 'total'}`}>
      {n}
    </Typography.Link>
  );

  const columns = [
    {
      title: '任务名称',
      dataIndex: 'title',
      render: (t: string, r: Task) => <a onClick={() => setOpenId(r.id)}>{t}</a>,
    },
    { title: '牵头单位', dataIndex: 'orgName', width: 160 },
    { title: '牵头领导', dataIndex: 'leaderName', width: 100, render: (n: string | null) => n ?? '—' },
    { title: '完成时限', dataIndex: 'endDate', width: 110 },
    {
      title: '实际 / 序时进度',
      width: 200,
      render: (_: unknown, r: Task) => (
        <div>
          <Progress percent={Math.round(r.progress * 100)} size="small" />
          <Typography.Text type="secondary">序时 {Math.round(r.plannedProgress * 100)}%</Typography.Text>
        </div>
      ),
    },
    { title: '亮灯', width: 60, render: (_: unknown, r: Task) => <Light task={r} /> },
    { title: '状态', width: 170, render: (_: unknown, r: Task) => <StatusTags task={r} /> },
  ];
  const weeklyColumns = [
    {
      title: '任务名称',
      dataIndex: 'title',
      render: (t: string, r: Task) => <a onClick={() => setOpenId(r.id)}>{t}</a>,
    },
    { title: '牵头单位', dataIndex: 'orgName', width: 160 },
    {
      title: '上周状态',
      width: 110,
      render: (_: unknown, r: Task) =>
        r.statusLastWeek ? (
          <Tag color={STATUS_COLOURS[r.statusLastWeek]}>{TASK_STATUSES[r.statusLastWeek]}</Tag>
        ) : (
          <span title="上周尚未立项">—</span>
        ),
    },
    { title: '本周状态', width: 170, render: (_: unknown, r: Task) => <StatusTags task={r} /> },
    {
      title: '本周调度',
      width: 110,
      render: (_: unknown, r: Task) =>
        r.updatedThisWeek ? <Tag color="green">已填报</Tag> : <Tag color="red">未填报</Tag>,
    },
    { title: '最近更新', dataIndex: 'lastActivityOn', width: 110 },
  ];
  const table = (cols: typeof columns) => (
    <Table
      rowKey="id"
      size="middle"
      columns={cols}
      dataSource={list.data?.items}
      loading={list.isLoading}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: list.data?.total,
        showTotal: (t) => `共 ${t} 项`,
        onChange: (p, s) => setPage({ page: p, pageSize: s }),
      }}
    />
  );

  return (
    <Card
      title="推动发展 · 重点任务"
      extra={
        <Space wrap>
          <LedgerImport
            ledger="tasks"
            campaignId={filter.campaignId ? Number(filter.campaignId) : undefined}
            disabledReason={filter.campaignId ? undefined : '请先选择主题教育'}
            listLabel="重点任务"
            invalidates={[taskKeys.all]}
          />
          <Button
            disabled={!filter.campaignId}
            onClick={() => window.open(`/api/v1/exports/tasks.xlsx?${exportQuery}`, '_blank')}
          >
            导出重点任务台账
          </Button>
          <Button type="primary" disabled={!filter.campaignId} onClick={() => setCreating(true)}>
            新建重点任务
          </Button>
        </Space>
      }
    >
      {f && (
        <Typography.Paragraph style={{ fontSize: 16 }} data-testid="task-summary">
          {num(f.total)}项重点任务完成{num(f.done, 'done')}项，按序时推进{num(f.onTrack, 'on_track')}项，滞后
          {num(f.behind, 'behind')}项{f.notStarted ? <>，未启动{num(f.notStarted, 'not_started')}项</> : null}
          {f.stale ? <Typography.Text type="danger">（{f.stale}项超过规定天数未更新）</Typography.Text> : null}
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <CampaignSelect
          value={filter.campaignId ? Number(filter.campaignId) : undefined}
          onChange={(id) => set('campaignId', id)}
        />
        <div style={{ width: 220 }}>
          <OrgTreeSelect
            value={filter.orgId ? Number(filter.orgId) : null}
            onChange={(v) => set('orgId', v)}
            placeholder="牵头单位（含下级）"
          />
        </div>
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 130 }}
          value={filter.status}
          onChange={(v) => set('status', v)}
          options={options(TASK_STATUSES)}
        />
        <Select
          allowClear
          placeholder="亮灯"
          style={{ width: 100 }}
          value={filter.light}
          onChange={(v) => set('light', v)}
          options={options(TASK_LIGHTS)}
        />
        <Space>
          未更新
          <Switch checked={filter.stale === 'true'} onChange={(v) => set('stale', v ? 'true' : undefined)} />
        </Space>
        <Space>
          仅重点任务（不含子任务）
          <Switch checked={filter.topLevel === 'true'} onChange={(v) => set('topLevel', v ? 'true' : 'false')} />
        </Space>
        <Input.Search
          allowClear
          placeholder="任务名称"
          style={{ width: 180 }}
          defaultValue={filter.q}
          onSearch={(v) => set('q', v)}
        />
      </Space>
      <Tabs
        items={[
          { key: 'list', label: '任务清单', children: table(columns) },
          { key: 'weekly', label: '周调度', children: table(weeklyColumns) },
        ]}
      />
      <TaskDrawer id={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
      {creating && filter.campaignId && (
        <TaskForm
          campaignId={Number(filter.campaignId)}
          onClose={() => setCreating(false)}
          onCreated={(id) => setOpenId(id)}
        />
      )}
    </Card>
  );
}
