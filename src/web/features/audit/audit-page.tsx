import { useState } from 'react';
import { Card, DatePicker, Descriptions, Drawer, Input, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, type Page } from '../../lib/api.ts';
import { ACTION_LABELS, type AuditEvent } from '../../components/audit-timeline.tsx';

const ENTITY_LABELS: Record<string, string> = { org: '单位', person: '人员', user: '账号', campaign: '主题教育', reading: '必学篇目', grant: '角色授权', problem: '问题', measure: '整改措施' };
const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

function Snapshot({ value }: { value: Record<string, unknown> | null }) {
  if (!value) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Descriptions column={1} size="small" bordered>
      {Object.entries(value).map(([k, v]) => (
        <Descriptions.Item key={k} label={k}>
          {typeof v === 'object' ? JSON.stringify(v) : String(v)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** 审计日志: every change in the caller's scope, searchable, with before/after. */
export function AuditPage() {
  const [filter, setFilter] = useState<{ entityType?: string; action?: string; q?: string; range?: [Dayjs, Dayjs] | null }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const query = {
    entityType: filter.entityType,
    action: filter.action,
    q: filter.q,
    from: filter.range?.[0]?.format('YYYY-MM-DD'),
    to: filter.range?.[1]?.format('YYYY-MM-DD'),
    ...page,
  };
  const list = useQuery({ queryKey: ['audit', 'list', query], queryFn: () => api<Page<AuditEvent>>('/audit', { query }) });
  return (
    <Card title="审计日志">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker onChange={(r) => setFilter((f) => ({ ...f, range: r as [Dayjs, Dayjs] | null }))} />
        <Select placeholder="记录类型" allowClear style={{ width: 140 }} options={options(ENTITY_LABELS)} onChange={(v) => setFilter((f) => ({ ...f, entityType: v }))} />
        <Select placeholder="操作" allowClear style={{ width: 120 }} options={options(ACTION_LABELS)} onChange={(v) => setFilter((f) => ({ ...f, action: v }))} />
        <Input.Search placeholder="记录名称关键词" allowClear onSearch={(v) => setFilter((f) => ({ ...f, q: v || undefined }))} style={{ width: 220 }} />
      </Space>
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(e) => ({ onClick: () => setOpen(e), style: { cursor: 'pointer' } })}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) },
          { title: '操作人', dataIndex: 'actorName' },
          { title: '操作', dataIndex: 'action', render: (v: string) => ACTION_LABELS[v] ?? v },
          { title: '记录类型', dataIndex: 'entityType', render: (v: string) => ENTITY_LABELS[v] ?? v },
          { title: '记录', dataIndex: 'entityLabel' },
        ]}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} title="变更详情" size={640}>
        {open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {open.actorName} 于 {new Date(open.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} {ACTION_LABELS[open.action] ?? open.action}了{ENTITY_LABELS[open.entityType] ?? open.entityType}“{open.entityLabel}”
            </Typography.Text>
            <Typography.Title level={5}>变更前</Typography.Title>
            <Snapshot value={open.before} />
            <Typography.Title level={5}>变更后</Typography.Title>
            <Snapshot value={open.after} />
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
