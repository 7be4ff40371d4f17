import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { LEADERSHIP_LEVELS, type Person } from './types.ts';
import { PersonDrawer } from './person-drawer.tsx';
import { LedgerImport } from '../../components/ledger-import/ledger-import.tsx';
import { peopleKeys, usePeople } from './api/people.ts';

/** People of a unit (and below, optionally), or of the whole scope when no unit is given. */
export function PeopleTable({ orgId, title = '人员名册' }: { orgId?: number; title?: string }) {
  const [q, setQ] = useState('');
  const [subtree, setSubtree] = useState(orgId === undefined);
  const [party, setParty] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [drawer, setDrawer] = useState<{ person?: Person } | null>(null);
  const query = {
    orgId,
    q: q || undefined,
    subtree: orgId === undefined ? undefined : subtree,
    isPartyMember: party,
    ...page,
  };
  const list = usePeople(query);
  // The writes refresh the roster and the org tree themselves (api/people.ts).
  const saved = () => setDrawer(null);
  return (
    <Card
      title={title}
      size="small"
      extra={
        <Space wrap>
          <Input.Search
            placeholder="姓名、拼音或首字母"
            allowClear
            onSearch={(v) => {
              setQ(v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            style={{ width: 220 }}
            aria-label="搜索人员"
          />
          <Select
            placeholder="政治面貌"
            allowClear
            style={{ width: 120 }}
            value={party}
            onChange={setParty}
            options={[
              { value: 'true', label: '中共党员' },
              { value: 'false', label: '非党员' },
            ]}
          />
          {orgId !== undefined && (
            <Select
              value={subtree ? 'all' : 'own'}
              onChange={(v) => setSubtree(v === 'all')}
              style={{ width: 130 }}
              options={[
                { value: 'own', label: '仅本单位' },
                { value: 'all', label: '含下级单位' },
              ]}
            />
          )}
          <LedgerImport ledger="people" listLabel="人员名册" invalidates={[peopleKeys.all, ['orgs']]} />
          <Button type="primary" onClick={() => setDrawer({})}>
            新增人员
          </Button>
        </Space>
      }
    >
      <Table<Person>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(p) => ({ onClick: () => setDrawer({ person: p }), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 人`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '单位', dataIndex: 'orgName' },
          { title: '职务', dataIndex: 'position' },
          {
            title: '政治面貌',
            dataIndex: 'isPartyMember',
            render: (v: boolean) => (v ? <Tag color="red">中共党员</Tag> : '群众'),
          },
          {
            title: '层级',
            dataIndex: 'leadershipLevel',
            render: (v: string | null) => (v ? LEADERSHIP_LEVELS[v] : ''),
          },
          { title: '联系电话', dataIndex: 'phone' },
          { title: '状态', dataIndex: 'active', render: (v: boolean) => (v ? '在册' : <Tag>已停用</Tag>) },
        ]}
      />
      <PersonDrawer
        open={!!drawer}
        person={drawer?.person}
        orgId={orgId}
        onClose={() => setDrawer(null)}
        onSaved={saved}
      />
    </Card>
  );
}
