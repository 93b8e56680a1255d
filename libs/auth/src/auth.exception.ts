import { DomainException } from '@app/common';

export class AuthException extends DomainException {
  static invalidCredentials(): AuthException {
    return new AuthException('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng');
  }

  static unauthenticated(): AuthException {
    return new AuthException('UNAUTHENTICATED', 'Bạn cần đăng nhập');
  }

  static sessionRevoked(): AuthException {
    return new AuthException(
      'UNAUTHENTICATED',
      'Phiên đăng nhập không còn hiệu lực vì mật khẩu hoặc trạng thái tài khoản vừa thay đổi, vui lòng đăng nhập lại',
    );
  }

  static tokenExpired(): AuthException {
    return new AuthException('TOKEN_EXPIRED', 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại');
  }

  static disabled(): AuthException {
    return new AuthException('ACCOUNT_DISABLED', 'Tài khoản đã bị khóa, vui lòng liên hệ quản trị viên');
  }

  static usernameTaken(username: string): AuthException {
    const message = `Tên đăng nhập "${username}" đã có người dùng`;
    return new AuthException('USERNAME_TAKEN', message, [{ field: 'username', message }]);
  }

  static wrongCurrentPassword(): AuthException {
    const message = 'Mật khẩu hiện tại không đúng';
    return new AuthException('VALIDATION_FAILED', message, [{ field: 'currentPassword', message }]);
  }

  static samePassword(): AuthException {
    const message = 'Mật khẩu mới phải khác mật khẩu được cấp';
    return new AuthException('VALIDATION_FAILED', message, [{ field: 'newPassword', message }]);
  }

  static unknownUnits(indexes: number[]): AuthException {
    return new AuthException(
      'VALIDATION_FAILED',
      'Đơn vị không tồn tại',
      indexes.map((i) => ({ field: `memberships.${i}.unitId`, message: 'Đơn vị không tồn tại' })),
    );
  }
}
