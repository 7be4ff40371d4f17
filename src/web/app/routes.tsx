import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Spin } from 'antd';
import { useAuth } from '../lib/auth.tsx';
import { HomeSlots } from '../lib/home-slots.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { AppLayout } from './layout.tsx';
import { features } from './modules.tsx';
import { dashboardCards } from './dashboard-cards.tsx';
import { lazyPage } from './lazy-page.tsx';

/** 你留言我来办: open to everyone, signed in or not. */
const publicPage = lazyPage(() => import('../features/citizen-portal/public-page.tsx'), 'PublicPage');
export const PUBLIC_PATH = '/liuyan';
import { TodoCard } from '../features/todos/todo-card.tsx';

/**
 * Marks the page on screen with its menu label. It renders only once the page's code has loaded: until then
 * the previous page stays up (navigation is a transition), so a script or a test waiting for a page waits for this.
 */
function PageFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div data-page={label} style={{ display: 'contents' }}>
      {children}
    </div>
  );
}

/** Login outside the shell; every registered feature the user may see inside it. */
export function AppRoutes() {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (location.pathname.startsWith(PUBLIC_PATH))
    return <Suspense fallback={<Spin fullscreen />}>{publicPage}</Suspense>;
  if (loading) return <Spin fullscreen tip="加载中…" />;
  if (!me) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname }} />} />
      </Routes>
    );
  }
  const visible = features.filter((f) => f.visible(me));
  const visibleKeys = new Set(visible.map((f) => f.key));
  const slots = {
    links: visible.filter((f) => f.path !== '/').map(({ key, path, label, icon }) => ({ key, path, label, icon })),
    cards: dashboardCards
      .filter((c) => visibleKeys.has(c.feature) && (c.visible?.(me) ?? true))
      .map(({ key, element, span }) => ({ key, element, span })),
    lead: <TodoCard />,
  };
  return (
    <HomeSlots.Provider value={slots}>
      <Routes>
        <Route path="/login" element={<Navigate to="/" replace />} />
        <Route element={<AppLayout items={visible} />}>
          {visible.map((f) => (
            <Route key={f.key} path={f.path} element={<PageFrame label={f.label}>{f.element}</PageFrame>} />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </HomeSlots.Provider>
  );
}
