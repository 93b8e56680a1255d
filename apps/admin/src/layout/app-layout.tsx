import { GlobalOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Avatar,
  Badge,
  Button,
  Drawer,
  Dropdown,
  Grid,
  Layout,
  Menu,
  Select,
  Typography,
  type MenuProps,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { useUnits } from '../api/queries';
import { FEATURES, SECTION_ICONS, SECTIONS, type Feature } from '../features';
import { ROLE_LABELS } from '../lib/labels';
import { useSession, useSessionContext, type Session } from '../session/session';

type MenuItem = Required<MenuProps>['items'][number];

/** What waits for someone behind a menu entry: how many, and what they are. */
export type MenuBadges = Partial<Record<string, { count: number; title: string }>>;

/**
 * The menu for this person in this unit: only built screens they may open, grouped by section, with a badge
 * on an entry where work waits for them.
 */
export function menuItems(session: Session, badges: MenuBadges = {}): MenuItem[] {
  const visible = FEATURES.filter((f) => f.inMenu && f.allowed(session));
  const item = (f: Feature): MenuItem => {
    const badge = badges[f.path];
    return {
      key: f.path,
      icon: f.icon,
      label:
        badge && badge.count > 0 ? (
          <span>
            {f.label} <Badge count={badge.count} title={badge.title} size="small" />
          </span>
        ) : (
          f.label
        ),
    };
  };
  const top = visible.filter((f) => !f.section && f.path === '/').map(item);
  const sections = SECTIONS.flatMap((section): MenuItem[] => {
    const children = visible.filter((f) => f.section === section).map(item);
    return children.length > 0
      ? [{ key: `section:${section}`, icon: SECTION_ICONS[section], label: section, children }]
      : [];
  });
  const bottom = visible.filter((f) => !f.section && f.path !== '/').map(item);
  return [...top, ...sections, ...bottom];
}

/** The menu entry a path belongs to: the longest menu path it starts with. */
function selectedKey(pathname: string): string {
  const candidates = FEATURES.filter((f) => f.inMenu && !f.path.includes(':'))
    .map((f) => f.path)
    .filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`)));
  return candidates.sort((a, b) => b.length - a.length)[0] ?? '/';
}

/** The units a person can switch to: where they have a role (every unit for a system administrator). */
function useWorkUnits() {
  const session = useSession();
  const units = useUnits();
  const options = (units.data ?? [])
    .filter((u) => session.isSystemAdmin || session.user.memberships.some((m) => m.unitId === u.id))
    .map((u) => ({ value: u.id, label: u.name }));
  return { options, isLoading: units.isLoading };
}

function UnitSwitcher({ block }: { block?: boolean }) {
  const session = useSession();
  const { switchUnit } = useSessionContext();
  const units = useWorkUnits();
  const { options } = units;
  if (!units.isLoading && options.length <= 1 && !session.isSystemAdmin) {
    return options[0] ? (
      <Typography.Text ellipsis style={{ maxWidth: block ? undefined : 260 }}>
        {options[0].label}
      </Typography.Text>
    ) : null;
  }
  return (
    <Select
      aria-label="Đơn vị đang làm việc"
      showSearch
      optionFilterProp="label"
      loading={units.isLoading}
      // Until the names arrive the unit's id is all the select would have to show: show that it loads.
      value={units.isLoading ? undefined : (session.unitId ?? undefined)}
      placeholder={units.isLoading ? 'Đang tải…' : options.length === 0 ? 'Chưa có đơn vị' : 'Chọn đơn vị'}
      options={options}
      onChange={switchUnit}
      style={{ width: block ? '100%' : 260 }}
      notFoundContent="Không có đơn vị"
    />
  );
}

export default function AppLayout() {
  const session = useSession();
  const { logout, switchUnit } = useSessionContext();
  const { options: workUnits } = useWorkUnits();
  const firstUnit = workUnits[0]?.value;
  const unitName = workUnits.find((u) => u.value === session.unitId)?.label;
  const units = useUnits();
  const portalSlug = units.data?.find((u) => u.id === session.unitId)?.slug;
  // Someone with units but none chosen (a system administrator, say) starts in the first one.
  useEffect(() => {
    if (!session.unitId && firstUnit) {
      switchUnit(firstUnit);
    }
  }, [session.unitId, firstUnit, switchUnit]);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const todos = useQuery({
    queryKey: ['todos', session.unitId],
    queryFn: () => call(api.GET('/api/v1/reports/todos', { params: { query: { unitId: session.unitId! } } })),
    enabled: !!session.unitId,
    staleTime: 60_000,
  });
  const badges = useMemo((): MenuBadges => {
    const t = todos.data;
    if (!t) {
      return {};
    }
    const toApprove = session.can('articles.approve') ? t.articlesToApprove : 0;
    const returned = session.can('articles.create') ? t.articlesReturnedToMe : 0;
    return {
      '/tin-bai': {
        count: toApprove + returned,
        title: [toApprove && `${toApprove} tin bài chờ duyệt`, returned && `${returned} tin bài bị trả lại`]
          .filter(Boolean)
          .join(', '),
      },
      '/phat-song/lich': {
        count: session.can('broadcast.approve') ? t.plansNotApproved.length : 0,
        title: 'Lịch phát sóng hôm nay chưa duyệt',
      },
    };
  }, [todos.data, session]);
  const items = useMemo(() => menuItems(session, badges), [session, badges]);
  const selected = selectedKey(location.pathname);
  const openSections = items
    .filter((i): i is MenuItem & { key: string; children: MenuItem[] } => !!i && 'children' in i)
    .map((i) => i.key);

  const roles = session.isSystemAdmin
    ? 'Quản trị hệ thống'
    : session.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'Chưa có vai trò ở đơn vị này';

  const signOut = (): void => {
    queryClient.clear();
    logout();
  };

  const menu = (
    <Menu
      // Sections open by default; a unit switch that brings new sections shows them open too.
      key={openSections.join('|')}
      mode="inline"
      aria-label="Chức năng"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={openSections}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* The first stop of the keyboard: past the menu, straight to the screen's content. */}
      <a
        href="#noi-dung"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('noi-dung')?.focus();
        }}
      >
        Bỏ qua đến nội dung chính
      </a>
      {wide ? (
        <Layout.Sider width={240} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, color: '#b71c1c' }}>
            Cổng TTĐT &amp; Đài truyền thanh
          </div>
          <nav>{menu}</nav>
        </Layout.Sider>
      ) : (
        <Drawer
          title="Cổng TTĐT & Đài truyền thanh"
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={280}
          styles={{ body: { padding: 0 } }}
        >
          <div style={{ padding: 16 }}>
            <UnitSwitcher block />
          </div>
          <nav>{menu}</nav>
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: wide ? '0 24px' : '0 12px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {!wide && (
            <Button
              type="text"
              icon={<MenuOutlined aria-hidden />}
              aria-label="Mở menu"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          {wide ? (
            <UnitSwitcher />
          ) : (
            <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
              {unitName ?? 'Quản trị'}
            </Typography.Text>
          )}
          <div style={{ flex: 1 }} />
          {portalSlug && (
            <a href={`/site/${portalSlug}/`} target="_blank" rel="noreferrer" aria-label="Xem cổng thông tin">
              <GlobalOutlined aria-hidden /> {screens.md && 'Xem cổng thông tin'}
            </a>
          )}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'who',
                  label: <Typography.Text type="secondary">{roles}</Typography.Text>,
                  disabled: true,
                },
                { type: 'divider' },
                { key: 'account', icon: <UserOutlined aria-hidden />, label: 'Tài khoản của tôi' },
                { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: 'Đăng xuất', danger: true },
              ],
              onClick: ({ key }) => (key === 'logout' ? signOut() : void navigate('/tai-khoan')),
            }}
          >
            <Button
              type="text"
              // The name says what the button shows (the person's name), for screen readers and voice control.
              aria-label={`Tài khoản: ${session.user.fullName}`}
              style={{ display: 'flex', alignItems: 'center', gap: 8 }}
            >
              <Avatar size="small" icon={<UserOutlined aria-hidden />} />
              {screens.sm && <span>{session.user.fullName}</span>}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12 }}>
          <main id="noi-dung" tabIndex={-1} style={{ outline: 'none' }}>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
