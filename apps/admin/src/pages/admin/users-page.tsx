import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call, type User } from '../../api/client';
import { useUnits } from '../../api/queries';
import { PageHeader } from '../../components/common';
import { FIRST_PAGE, PagedTable, type PageState } from '../../components/paged-table';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { ROLE_LABELS } from '../../lib/labels';
import { useSession } from '../../session/session';

export default function UsersPage() {
  const session = useSession();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnits();
  const adminUnits = (units.data ?? []).filter((u) => session.can('users.manage', u.id));
  const [unitId, setUnitId] = useState<string | undefined>(
    session.isSystemAdmin ? undefined : (session.unitId ?? undefined),
  );
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const users = useQuery({
    queryKey: ['users', unitId, page],
    queryFn: () => call(api.GET('/api/v1/users', { params: { query: { unitId, ...page } } })),
    placeholderData: keepPreviousData,
  });
  const unitName = (id: string): string => units.data?.find((u) => u.id === id)?.name ?? 'đơn vị khác';

  const toggle = useMutation({
    mutationFn: (user: User) =>
      call(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: { disabled: !user.disabled },
        }),
      ),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      void message.success(
        user.disabled ? `Đã khóa tài khoản ${user.username}` : `Đã mở khóa tài khoản ${user.username}`,
      );
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const confirmToggle = (user: User): void => {
    modal.confirm({
      title: user.disabled ? `Mở khóa tài khoản ${user.username}?` : `Khóa tài khoản ${user.username}?`,
      content: user.disabled
        ? 'Người dùng sẽ đăng nhập lại được.'
        : 'Người dùng sẽ không đăng nhập được nữa và bị đăng xuất ngay ở mọi nơi.',
      okText: user.disabled ? 'Mở khóa' : 'Khóa tài khoản',
      okButtonProps: { danger: !user.disabled },
      cancelText: 'Hủy',
      onOk: () => toggle.mutateAsync(user).catch(() => undefined),
    });
  };

  const columns: TableColumnsType<User> = [
    { title: 'Tên đăng nhập', dataIndex: 'username', key: 'username' },
    { title: 'Họ và tên', dataIndex: 'fullName', key: 'fullName' },
    {
      title: 'Vai trò',
      key: 'roles',
      responsive: ['md'],
      render: (_, user) => (
        <Space size={[4, 4]} wrap>
          {user.isSystemAdmin && <Tag color="red">Quản trị hệ thống</Tag>}
          {user.memberships.map((m) => (
            <Tag key={`${m.unitId}:${m.role}`}>
              {ROLE_LABELS[m.role]} — {unitName(m.unitId)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, user) =>
        user.disabled ? <Tag color="default">Đã khóa</Tag> : <Tag color="green">Đang hoạt động</Tag>,
    },
    {
      title: 'Đăng nhập gần nhất',
      key: 'lastLoginAt',
      responsive: ['lg'],
      render: (_, user) => formatDateTime(user.lastLoginAt) || 'Chưa đăng nhập',
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, user) =>
        user.id === session.user.id ? (
          <Link to="/tai-khoan">Tài khoản của tôi</Link>
        ) : (
          <Space wrap size="small">
            <Link to={`/quan-tri/nguoi-dung/${user.id}`}>Sửa</Link>
            <Button
              type="link"
              size="small"
              danger={!user.disabled}
              onClick={() => confirmToggle(user)}
              style={{ padding: 0 }}
            >
              {user.disabled ? 'Mở khóa' : 'Khóa'}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Người dùng"
        extra={
          <Link to="/quan-tri/nguoi-dung/tao-moi">
            <Button type="primary" icon={<PlusOutlined aria-hidden />}>
              Thêm người dùng
            </Button>
          </Link>
        }
      />
      <Select
        aria-label="Lọc theo đơn vị"
        allowClear={session.isSystemAdmin}
        placeholder="Tất cả đơn vị"
        value={unitId}
        onChange={(value?: string) => {
          setUnitId(value);
          setPage((p) => ({ ...p, page: 1 }));
        }}
        options={adminUnits.map((u) => ({ value: u.id, label: u.name }))}
        showSearch
        optionFilterProp="label"
        style={{ width: '100%', maxWidth: 360, marginBottom: 16 }}
      />
      <PagedTable<User>
        query={users}
        columns={columns}
        page={page}
        onPage={setPage}
        noun="người dùng"
        empty="Chưa có người dùng nào"
      />
    </>
  );
}
