import { useState } from 'react';
import { App, Button, Card, Drawer, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useToggleUserActive, useUsers } from './api/users.ts';
import { AuditTimeline } from '../../components/audit-timeline.tsx';
import { ROLE_LABELS, type Role } from '../../../shared/roles.ts';
import { GrantsPanel } from './grants-panel.tsx';
import { TokensPanel } from './tokens-panel.tsx';
import { PasswordModal, UserFormModal } from './user-form-modal.tsx';
import type { UserView } from './types.ts';

const roleOptions = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** 账号与权限: accounts, their roles and data scopes, tokens. */
export function UsersPage() {
  const { modal } = App.useApp();
  const [filter, setFilter] = useState<{ q?: string; role?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState(false);
  const query = { ...filter, ...page };
  const list = useUsers(query);
  const toggle = useToggleUserActive();
  const current = list.data?.items.find((u) => u.id === openId);
  const toggleActive = (u: UserView) =>
    modal.confirm({
      title: u.active ? '停用账号' : '启用账号',
      content: u.active ? `停用后“${u.username}”立即退出登录且无法再登录。` : `重新启用“${u.username}”？`,
      okText: '确定',
      cancelText: '取消',
      onOk: () => toggle.run(u),
    });
  return (
    <Card
      title="账号与权限"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建账号
        </Button>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="用户名或姓名"
          allowClear
          onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))}
          style={{ width: 220 }}
        />
        <Select
          placeholder="角色"
          allowClear
          options={roleOptions}
          style={{ width: 160 }}
          onChange={(role) => setFilter((f) => ({ ...f, role }))}
        />
      </Space>
      <Table<UserView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        onRow={(u) => ({ onClick: () => setOpenId(u.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 个账号`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '显示名称', dataIndex: 'displayName' },
          { title: '单位', dataIndex: 'orgName' },
          {
            title: '角色',
            dataIndex: 'grants',
            render: (gs: UserView['grants']) =>
              gs.map((g) => <Tag key={g.id}>{ROLE_LABELS[g.role as Role] ?? g.role}</Tag>),
          },
          {
            title: '状态',
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
          },
        ]}
      />
      <UserFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
        }}
      />
      <Drawer
        open={!!current}
        onClose={() => setOpenId(null)}
        size={760}
        title={current ? `账号：${current.username}（${current.displayName}）` : ''}
        extra={
          current && (
            <Space>
              <Button onClick={() => setResetting(true)}>重置密码</Button>
              <Button danger={current.active} onClick={() => toggleActive(current)}>
                {current.active ? '停用' : '启用'}
              </Button>
            </Space>
          )
        }
      >
        {current && (
          <>
            <Tabs
              items={[
                {
                  key: 'grants',
                  label: '角色与数据范围',
                  children: <GrantsPanel user={current} />,
                },
                { key: 'tokens', label: '接口令牌', children: <TokensPanel user={current} /> },
                {
                  key: 'history',
                  label: '变更记录',
                  children: <AuditTimeline entityType="user" entityId={current.id} />,
                },
              ]}
            />
            <PasswordModal userId={current.id} open={resetting} onClose={() => setResetting(false)} />
          </>
        )}
      </Drawer>
    </Card>
  );
}
