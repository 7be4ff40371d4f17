import { useState } from 'react';
import { Button, Card, Drawer, Table, Tabs, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api.ts';
import { useAuth, inGroup } from '../../lib/auth.tsx';
import { AuditTimeline } from '../../components/audit-timeline.tsx';
import { CampaignForm } from './campaign-form.tsx';
import { ReadingsTable } from './readings-table.tsx';
import type { Campaign } from './types.ts';

/** 主题教育配置: campaigns side by side; everything about each is editable data. */
export function CampaignsPage() {
  const { me } = useAuth();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['campaigns', 'list'],
    queryFn: () => api<Page<Campaign>>('/campaigns', { query: { pageSize: 100 } }),
  });
  const [open, setOpen] = useState<Campaign | 'new' | null>(null);
  const saved = async (c: Campaign) => {
    await qc.invalidateQueries({ queryKey: ['campaigns'] });
    setOpen(c);
  };
  const current = open && open !== 'new' ? (list.data?.items.find((c) => c.id === open.id) ?? open) : undefined;
  return (
    <Card
      title="主题教育配置"
      extra={
        inGroup(me, 'managers') && (
          <Button type="primary" onClick={() => setOpen('new')}>
            新建主题教育
          </Button>
        )
      }
    >
      <Table<Campaign>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(c) => ({ onClick: () => setOpen(c), style: { cursor: 'pointer' } })}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '批次', dataIndex: 'batch' },
          { title: '起止日期', render: (_v, c) => `${c.startDate} 至 ${c.endDate}` },
          { title: '总要求', dataIndex: 'generalRequirement' },
          { title: '牵头单位', dataIndex: 'orgName' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => (s === 'active' ? <Tag color="green">进行中</Tag> : <Tag>已结束</Tag>),
          },
        ]}
      />
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        size={820}
        title={open === 'new' ? '新建主题教育' : current?.name}
        destroyOnHidden
      >
        {open === 'new' ? (
          <CampaignForm onSaved={saved} />
        ) : (
          current && (
            <Tabs
              items={[
                { key: 'config', label: '基本配置', children: <CampaignForm campaign={current} onSaved={saved} /> },
                { key: 'readings', label: '必学篇目', children: <ReadingsTable campaign={current} /> },
                {
                  key: 'history',
                  label: '变更记录',
                  children: <AuditTimeline entityType="campaign" entityId={current.id} />,
                },
              ]}
            />
          )
        )}
      </Drawer>
    </Card>
  );
}
