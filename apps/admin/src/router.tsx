import { Result } from 'antd';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { PageLoading } from './components/common';
import { FEATURES, type Feature } from './features';
import { useSessionContext } from './session/session';

const LoginPage = lazy(() => import('./pages/login-page'));
const AppLayout = lazy(() => import('./layout/app-layout'));

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

const router = createBrowserRouter(
  [
    {
      path: '/dang-nhap',
      element: (
        <Loaded>
          <LoginPage />
        </Loaded>
      ),
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
  return <RouterProvider router={router} />;
}
