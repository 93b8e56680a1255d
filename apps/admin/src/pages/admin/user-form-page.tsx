import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, call, type Membership, type User } from '../../api/client';
import { useUnits } from '../../api/queries';
import { DraftNotice, ErrorNotice, LoadError, PageHeader, PageLoading } from '../../components/common';
import { useFormDraft } from '../../lib/drafts';
import { applyFieldErrors } from '../../lib/errors';
import { ROLE_LABELS, ROLES } from '../../lib/labels';
import { useSession } from '../../session/session';

interface UserValues {
  username: string;
  fullName: string;
  password?: string;
  memberships: Partial<Membership>[];
}

export default function UserFormPage() {
  const { id } = useParams();
  const creating = !id;
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserValues>();
  const draft = useFormDraft(form, creating ? 'user:new' : `user:${id}`);
  const [notice, setNotice] = useState<string | null>(null);
  const units = useUnits();
  const user = useQuery({
    queryKey: ['users', id],
    queryFn: () => call(api.GET('/api/v1/users/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !creating,
  });

  const manages = (unitId: string): boolean => session.can('users.manage', unitId);
  const unitOptions = (units.data ?? [])
    .filter((u) => manages(u.id))
    .map((u) => ({ value: u.id, label: u.name }));
  const unitName = (unitId: string): string =>
    units.data?.find((u) => u.id === unitId)?.name ?? 'đơn vị khác';
  const elsewhere: Membership[] = (user.data?.memberships ?? []).filter((m) => !manages(m.unitId));

  useEffect(() => {
    if (creating) {
      form.setFieldsValue(
        draft.merge({
          username: '',
          fullName: '',
          password: '',
          // No role is chosen for the person: who they are in the unit is an explicit choice.
          memberships: [{ unitId: session.unitId ?? undefined, role: undefined }],
        }),
      );
    } else if (user.data) {
      const data: User = user.data;
      form.setFieldsValue(
        draft.merge({
          username: data.username,
          fullName: data.fullName,
          password: '',
          memberships: data.memberships.filter((m) => manages(m.unitId)),
        }),
      );
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [creating, user.data]);

  const save = useMutation({
    mutationFn: async (values: UserValues) => {
      const memberships = values.memberships.filter((m): m is Membership => !!m.unitId && !!m.role);
      if (creating) {
        return call(
          api.POST('/api/v1/users', {
            body: {
              username: values.username.trim(),
              fullName: values.fullName,
              password: values.password ?? '',
              memberships,
            },
          }),
        );
      }
      return call(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: id ?? '' } },
          body: {
            fullName: values.fullName,
            memberships,
            ...(values.password ? { password: values.password } : {}),
          },
        }),
      );
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      void message.success(creating ? `Đã thêm người dùng ${saved.username}` : 'Đã lưu thay đổi');
      void navigate('/quan-tri/nguoi-dung');
    },
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });

  if (!creating && user.isLoading) {
    return <PageLoading />;
  }
  if (!creating && user.isError) {
    return <LoadError error={user.error} retry={() => void user.refetch()} />;
  }

  return (
    <>
      <PageHeader title={creating ? 'Thêm người dùng' : `Sửa người dùng: ${user.data?.username ?? ''}`} />
      <DraftNotice restored={draft.restored} onDiscard={draft.discard} />
      <ErrorNotice message={notice} />
      <Form<UserValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setNotice(null);
          save.mutate(values);
        }}
        disabled={save.isPending}
        scrollToFirstError
      >
        <Card title="Thông tin đăng nhập" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label="Tên đăng nhập"
                name="username"
                extra="3–100 ký tự: chữ không dấu, số, dấu chấm, gạch dưới, gạch nối."
                rules={[
                  { required: true, message: 'Hãy nhập tên đăng nhập' },
                  {
                    pattern: /^[a-zA-Z0-9._-]{3,100}$/,
                    message: 'Tên đăng nhập gồm 3–100 ký tự: chữ không dấu, số, . _ -',
                  },
                ]}
              >
                <Input disabled={!creating} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Họ và tên"
                name="fullName"
                rules={[{ required: true, whitespace: true, message: 'Hãy nhập họ và tên' }, { max: 255 }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={creating ? 'Mật khẩu' : 'Đặt lại mật khẩu'}
                name="password"
                extra={
                  creating
                    ? 'Ít nhất 8 ký tự.'
                    : 'Để trống nếu không đổi. Ít nhất 8 ký tự. Người dùng sẽ phải đặt mật khẩu mới khi đăng nhập.'
                }
                rules={[
                  { required: creating, message: 'Hãy nhập mật khẩu' },
                  { min: 8, message: 'Mật khẩu phải có ít nhất 8 ký tự' },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="Vai trò theo đơn vị" style={{ marginBottom: 16 }}>
          {elsewhere.length > 0 && (
            <Typography.Paragraph type="secondary">
              Vai trò ở đơn vị bạn không quản trị (giữ nguyên):{' '}
              {elsewhere.map((m) => (
                <Tag key={`${m.unitId}:${m.role}`}>
                  {ROLE_LABELS[m.role]} — {unitName(m.unitId)}
                </Tag>
              ))}
            </Typography.Paragraph>
          )}
          <Form.List name="memberships">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key} align="top">
                    <Col xs={24} md={13}>
                      <Form.Item
                        label={`Đơn vị ${index + 1}`}
                        name={[field.name, 'unitId']}
                        rules={[{ required: true, message: 'Hãy chọn đơn vị' }]}
                      >
                        <Select
                          showSearch
                          optionFilterProp="label"
                          options={unitOptions}
                          loading={units.isLoading}
                          placeholder="Chọn đơn vị"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={18} md={8}>
                      <Form.Item
                        label={`Vai trò ${index + 1}`}
                        name={[field.name, 'role']}
                        rules={[{ required: true, message: 'Hãy chọn vai trò' }]}
                      >
                        <Select
                          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                          placeholder="Chọn vai trò"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={3}>
                      <Form.Item label=" " colon={false}>
                        <Button
                          icon={<DeleteOutlined aria-hidden />}
                          aria-label={`Bỏ vai trò ${index + 1}`}
                          onClick={() => remove(field.name)}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ unitId: session.unitId ?? undefined })}
                >
                  Thêm vai trò
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {creating ? 'Thêm người dùng' : 'Lưu thay đổi'}
          </Button>
          <Button onClick={() => void navigate('/quan-tri/nguoi-dung')}>Hủy</Button>
        </Space>
      </Form>
    </>
  );
}
