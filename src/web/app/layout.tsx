import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../lib/auth.tsx';
import type { FeatureEntry } from './modules.tsx';

/** The shell: title bar with the user, menu on the left, the page on the right. */
export function AppLayout({ items }: { items: FeatureEntry[] }) {
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
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
            items={items.map((f) => ({ key: f.key, icon: f.icon, label: f.label, onClick: () => navigate(f.path) }))}
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
