import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import { applyFieldErrors } from '../lib/errors';
import { useSession, useSessionContext } from '../session/session';
import { CONFIRM_PASSWORD_RULES, NEW_PASSWORD_RULES } from '../lib/password-rules';

interface NewPasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Shown instead of every screen while the api says the password must change (`mustChangePassword`: the
 * generated first password of admin, or one an administrator reset). The api itself refuses nothing
 * meanwhile; this is where the person is asked, once, before they start work.
 */
export default function NewPasswordPage() {
  const session = useSession();
  const { login, logout } = useSessionContext();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewPasswordValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Đặt mật khẩu mới — Quản trị';
  }, []);

  const submit = async (values: NewPasswordValues): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await call(
        api.POST('/api/v1/users/me/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      );
      // The change revokes this session's token too: sign in again with the new password, which also
      // brings the user without the flag, so the app opens.
      await login(session.user.username, values.newPassword);
      void message.success('Đã đặt mật khẩu mới.');
    } catch (e) {
      setError(applyFieldErrors(form, e));
      setBusy(false);
    }
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 12,
        background: 'linear-gradient(160deg, #fff5f5 0%, #f5f5f5 60%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24, textAlign: 'center' }}>
          Đặt mật khẩu mới
        </Typography.Title>
        <Typography.Paragraph>
          Chào {session.user.fullName}. Mật khẩu bạn vừa dùng do hệ thống tạo ra hoặc do quản trị viên đặt,
          nên người khác có thể biết. Hãy đặt mật khẩu của riêng bạn trước khi bắt đầu làm việc.
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void submit(v)}
          disabled={busy}
        >
          <Form.Item
            label="Mật khẩu hiện tại"
            name="currentPassword"
            extra="Mật khẩu bạn vừa dùng để đăng nhập."
            rules={[{ required: true, message: 'Hãy nhập mật khẩu hiện tại' }]}
          >
            <Input.Password autoComplete="current-password" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            label="Mật khẩu mới"
            name="newPassword"
            extra="Ít nhất 8 ký tự, khác mật khẩu hiện tại."
            dependencies={['currentPassword']}
            rules={[
              ...NEW_PASSWORD_RULES,
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || getFieldValue('currentPassword') !== value
                    ? Promise.resolve()
                    : Promise.reject(new Error('Mật khẩu mới phải khác mật khẩu được cấp')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" size="large" />
          </Form.Item>
          <Form.Item
            label="Nhập lại mật khẩu mới"
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={CONFIRM_PASSWORD_RULES}
          >
            <Input.Password autoComplete="new-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            Lưu mật khẩu mới
          </Button>
        </Form>
        <Button type="link" block style={{ marginTop: 8 }} onClick={logout}>
          Đăng xuất
        </Button>
      </Card>
    </main>
  );
}
