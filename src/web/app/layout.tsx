import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Drawer, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../lib/auth.tsx';
import { useIsPhone } from '../lib/responsive.ts';
import type { FeatureEntry } from './modules.tsx';

/**
 * The shell: title bar with the user, menu on the left, the page on the right. Below a tablet's width the menu
 * folds into a drawer behind a button and the title bar keeps only what fits, so a page opened from a phone link
 * in a group chat uses the whole screen.
 */
export function AppLayout({ items }: { items: FeatureEntry[] }) {
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const phone = useIsPhone();
  const [menuOpen, setMenuOpen] = useState(false);
  const selected = items
    .filter((f) => (f.path === '/' ? location.pathname === '/' : location.pathname.startsWith(f.path)))
    .map((f) => f.key);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      style={{ height: '100%', borderInlineEnd: 0 }}
      items={items.map((f) => ({
        key: f.key,
        icon: f.icon,
        label: f.label,
        onClick: () => {
          setMenuOpen(false);
          navigate(f.path);
        },
      }))}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          background: '#c8161d',
          paddingInline: phone ? 12 : 24,
        }}
      >
        <Space>
          {phone && <Button aria-label="菜单" icon={<MenuOutlined />} onClick={() => setMenuOpen(true)} />}
          <Typography.Title level={phone ? 5 : 4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
            {phone ? '台账' : '台账 · 主题教育工作台账系统'}
          </Typography.Title>
        </Space>
        <Space>
          {!phone && <Avatar icon={<UserOutlined />} />}
          <span style={{ color: '#fff', whiteSpace: 'nowrap' }}>{me?.displayName}</span>
          {!phone &&
            me?.roleLabels.map((r) => (
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
        {phone ? (
          <Drawer
            open={menuOpen}
            placement="left"
            size={240}
            title={me?.roleLabels.join('、')}
            onClose={() => setMenuOpen(false)}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={200} theme="light">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 8 : 16, minWidth: 0 }}>
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
