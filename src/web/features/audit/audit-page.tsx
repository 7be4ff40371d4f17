import { useMemo, useState } from 'react';
import { Card, DatePicker, Drawer, Input, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { api, type Page } from '../../lib/api.ts';
import { hasRole, useAuth } from '../../lib/auth.tsx';
import { formatInstant, type AuditEvent } from '../../components/audit-timeline.tsx';
import { ACTION_LABELS, ENTITY_LABELS } from '../../../shared/vocabulary.ts';
import { AuditDiff } from '../../components/audit-diff.tsx';

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

interface Filter {
  entityType?: string;
  action?: string;
  actorUserId?: number;
  q?: string;
  range?: [Dayjs, Dayjs] | null;
}

/** Who may be picked as 操作人: every account for the admin, otherwise the people seen in the trail so far. */
function useActorOptions(events: AuditEvent[], search: string) {
  const { me } = useAuth();
  const admin = hasRole(me, 'admin');
  const users = useQuery({
    queryKey: ['users', 'actor-options', search],
    queryFn: () =>
      api<Page<{ id: number; username: string; displayName: string }>>('/users', {
        query: { q: search, pageSize: 50 },
      }),
    enabled: admin,
  });
  const [seen, setSeen] = useState(new Map<number, string>());
  const fresh = events.filter((e) => e.actorUserId && !seen.has(e.actorUserId));
  if (!admin && fresh.length) setSeen(new Map([...seen, ...fresh.map((e) => [e.actorUserId!, e.actorName] as const)]));
  return admin
    ? (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))
    : [...seen].map(([value, label]) => ({ value, label }));
}

/** 审计日志: every change in the caller's scope, searchable, with before/after. */
export function AuditPage() {
  const [filter, setFilter] = useState<Filter>({});
  const [actorSearch, setActorSearch] = useState('');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<AuditEvent | null>(null);
  const update = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const query = {
    entityType: filter.entityType,
    action: filter.action,
    actorUserId: filter.actorUserId,
    q: filter.q,
    from: filter.range?.[0]?.format('YYYY-MM-DD'),
    to: filter.range?.[1]?.format('YYYY-MM-DD'),
    ...page,
  };
  const list = useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: () => api<Page<AuditEvent>>('/audit', { query }),
  });
  const events = useMemo(() => list.data?.items ?? [], [list.data]);
  const actorOptions = useActorOptions(events, actorSearch);
  return (
    <Card title="审计日志">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          placeholder={['开始日期', '结束日期']}
          onChange={(r) => update({ range: r as [Dayjs, Dayjs] | null })}
        />
        <Select
          placeholder="操作人"
          allowClear
          showSearch={{ filterOption: false, onSearch: setActorSearch }}
          style={{ width: 200 }}
          options={actorOptions}
          onChange={(v) => update({ actorUserId: v })}
        />
        <Select
          placeholder="记录类型"
          allowClear
          style={{ width: 140 }}
          options={options(ENTITY_LABELS)}
          onChange={(v) => update({ entityType: v })}
        />
        <Select
          placeholder="操作"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 150 }}
          options={options(ACTION_LABELS)}
          onChange={(v) => update({ action: v })}
        />
        <Input.Search
          placeholder="记录名称关键词"
          allowClear
          onSearch={(v) => update({ q: v || undefined })}
          style={{ width: 220 }}
        />
      </Space>
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={events}
        onRow={(e) => ({ onClick: () => setOpen(e), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 180, render: formatInstant },
          { title: '操作人', dataIndex: 'actorName', width: 140 },
          { title: '操作', dataIndex: 'action', width: 120, render: (v: string) => ACTION_LABELS[v] ?? v },
          { title: '记录类型', dataIndex: 'entityType', width: 120, render: (v: string) => ENTITY_LABELS[v] ?? v },
          { title: '记录', dataIndex: 'entityLabel' },
        ]}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} title="变更详情" size={640}>
        {open && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {open.actorName} 于 {formatInstant(open.at)} {ACTION_LABELS[open.action] ?? open.action}了
              {ENTITY_LABELS[open.entityType] ?? open.entityType}“{open.entityLabel}”
            </Typography.Text>
            <AuditDiff before={open.before} after={open.after} entityType={open.entityType} />
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
