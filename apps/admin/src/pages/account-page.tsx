import { App, Button, Card, Col, Descriptions, Form, Input, Row, Tag } from 'antd';
import { useState } from 'react';
import { api, call } from '../api/client';
import { useUnits } from '../api/queries';
import { PageHeader } from '../components/common';
import { applyFieldErrors } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { ROLE_LABELS } from '../lib/labels';
import { useSession, useSessionContext } from '../session/session';
import { CONFIRM_PASSWORD_RULES, NEW_PASSWORD_RULES } from '../lib/password-rules';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function AccountPage() {
  const session = useSession();
  const { login } = useSessionContext();
  const units = useUnits();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);
  const unitName = (id: string): string => units.data?.find((u) => u.id === id)?.name ?? id;

  const submit = async (values: PasswordValues): Promise<void> => {
    setBusy(true);
    try {
      await call(
        api.POST('/api/v1/users/me/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      );
      // The change ends every session of the account, this one too (the api revokes earlier tokens):
      // sign in again with the new password so the person stays where they are.
      await login(session.user.username, values.newPassword);
      form.resetFields();
      void message.success('Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.');
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      if (rest) {
        void message.error(rest);
      }
    } finally {
      setBusy(false);
    }
  };

  const { user } = session;
  return (
    <>
      <PageHeader title="Tài khoản của tôi" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="Thông tin">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="Tên đăng nhập">{user.username}</Descriptions.Item>
              <Descriptions.Item label="Họ và tên">{user.fullName}</Descriptions.Item>
              <Descriptions.Item label="Đăng nhập gần nhất">
                {formatDateTime(user.lastLoginAt)}
              </Descriptions.Item>
              <Descriptions.Item label="Vai trò">
                <div>
                  {user.isSystemAdmin && <Tag color="red">Quản trị hệ thống</Tag>}
                  {user.memberships.map((m) => (
                    <Tag key={`${m.unitId}:${m.role}`} style={{ marginBottom: 4 }}>
                      {ROLE_LABELS[m.role]} — {unitName(m.unitId)}
                    </Tag>
                  ))}
                </div>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Đổi mật khẩu">
            <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={busy}>
              <Form.Item
                label="Mật khẩu hiện tại"
                name="currentPassword"
                rules={[{ required: true, message: 'Hãy nhập mật khẩu hiện tại' }]}
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item
                label="Mật khẩu mới"
                name="newPassword"
                extra="Ít nhất 8 ký tự."
                rules={NEW_PASSWORD_RULES}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                label="Nhập lại mật khẩu mới"
                name="confirmPassword"
                dependencies={['newPassword']}
                rules={CONFIRM_PASSWORD_RULES}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                Đổi mật khẩu
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
