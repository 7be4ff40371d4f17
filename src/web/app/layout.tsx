import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useEffect } from 'react';
import { Avatar, Badge, Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../lib/auth.tsx';
import type { FeatureEntry } from './modules.tsx';
import { NotificationBell } from '../features/notifications/bell.tsx';
import { useTodoCounts } from '../features/todos/api/todos.ts';

/** The shell: title bar with the user, menu on the left, the page on the right. */
export function AppLayout({ items }: { items: FeatureEntry[] }) {
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const todo = useTodoCounts();
  const { refetch } = todo;
  // A page change may follow an action that settled a to-do: recount (only our own query).
  useEffect(() => {
    if (location.pathname) void refetch();
  }, [location.pathname, refetch]);
  const badge = (key: string) =>
    (todo.data?.counts ?? [])
      .filter((c) => c.menu === key || (key === 'home' && c.count))
      .reduce((n, c) => n + c.count, 0);
  const selected = items
    .filter((f) => (f.path === '/' ? location.pathname === '/' : location.pathname.startsWith(f.path)))
    .map((f) => f.key);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          background: '#c8161d',
          paddingInline: 24,
        }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          台账 · 主题教育工作台账系统
        </Typography.Title>
        <Space>
          <NotificationBell />
          <Avatar icon={<UserOutlined />} />
          <span style={{ color: '#fff' }}>{me?.displayName}</span>
          {me?.roleLabels.map((r) => (
            <Tag key={r} color="gold">
              {r}
            </Tag>
          ))}
          <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light">
          <Menu
            mode="inline"
            selectedKeys={selected}
            style={{ height: '100%' }}
            items={items.map((f) => ({
              key: f.key,
              icon: f.icon,
              label: (
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                  {f.label}
                  <Badge count={badge(f.key)} size="small" overflowCount={99} data-testid={`menu-count-${f.key}`} />
                </span>
              ),
              onClick: () => navigate(f.path),
            }))}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16 }}>
          <Suspense
            fallback={
              <Spin style={{ display: 'block', marginTop: 80 }} tip="加载中…">
                <div />
              </Spin>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
