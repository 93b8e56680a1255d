import { Result } from 'antd';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { PageLoading } from './components/common';
import { FEATURES, type Feature } from './features';
import LoginPage from './pages/login-page';
import { useSessionContext } from './session/session';

const AppLayout = lazy(() => import('./layout/app-layout'));
const NewPasswordPage = lazy(() => import('./pages/new-password-page'));

function Loaded({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

/** Pages behind the login: without a session, to the login screen, coming back here afterwards. */
function RequireSession() {
  const { session } = useSessionContext();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/dang-nhap${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  // A password someone else knows is replaced before any screen opens (the address is kept for after).
  if (session.user.mustChangePassword) {
    return (
      <Loaded>
        <NewPasswordPage />
      </Loaded>
    );
  }
  return (
    <Loaded>
      <AppLayout />
    </Loaded>
  );
}

/** A refusal or a missing page is still a page with its title as its h1 (screen readers go by it). */
const RESULT_TITLE = { fontSize: 24, fontWeight: 600, margin: 0 };

function FeaturePage({ feature }: { feature: Feature }) {
  const { session } = useSessionContext();
  useEffect(() => {
    document.title = `${feature.label} — Quản trị`;
  }, [feature.label]);
  if (!session || !feature.allowed(session)) {
    return (
      <Result
        status="403"
        title={<h1 style={RESULT_TITLE}>Không có quyền</h1>}
        subTitle="Vai trò của bạn ở đơn vị đang chọn không được xem trang này."
      />
    );
  }
  const Page = feature.page;
  return (
    <Loaded>
      <Page />
    </Loaded>
  );
}

function NotFound() {
  return (
    <Result
      status="404"
      title={<h1 style={RESULT_TITLE}>Không tìm thấy trang</h1>}
      subTitle="Đường dẫn này không có trong trang quản trị."
    />
  );
}

// Made when the app starts, not when its module is fetched ahead of the login (main.ts).
const createRouter = () =>
  createBrowserRouter(
    [
      {
        path: '/dang-nhap',
        element: <LoginPage />,
      },
      {
        element: <RequireSession />,
        children: [
          ...FEATURES.map((feature) => ({ path: feature.path, element: <FeaturePage feature={feature} /> })),
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
    { basename: '/admin' },
  );

export function AppRouter() {
  const [router] = useState(createRouter);
  return <RouterProvider router={router} />;
}
