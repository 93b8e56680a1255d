import type { FormRule } from 'antd';

/** The new password: what the api takes (at least 8 characters), said before it is sent. */
export const NEW_PASSWORD_RULES: FormRule[] = [
  { required: true, message: 'Hãy nhập mật khẩu mới' },
  { min: 8, message: 'Mật khẩu mới phải có ít nhất 8 ký tự' },
];

/** Typing the new password again (field `confirmPassword`, beside `newPassword`). */
export const CONFIRM_PASSWORD_RULES: FormRule[] = [
  { required: true, message: 'Hãy nhập lại mật khẩu mới' },
  ({ getFieldValue }) => ({
    validator: (_rule, value) =>
      !value || getFieldValue('newPassword') === value
        ? Promise.resolve()
        : Promise.reject(new Error('Hai lần nhập mật khẩu mới không khớp')),
  }),
];
