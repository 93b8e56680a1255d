import { DomainException } from '@app/common';

export class UnitsException extends DomainException {
  static codeTaken(code: string): UnitsException {
    return new UnitsException('UNIT_CODE_TAKEN', `Mã đơn vị "${code}" đã được dùng`, [
      { field: 'code', message: `Mã đơn vị "${code}" đã được dùng` },
    ]);
  }

  static slugTaken(slug: string): UnitsException {
    return new UnitsException('UNIT_SLUG_TAKEN', `Đường dẫn "${slug}" đã được đơn vị khác dùng`, [
      { field: 'slug', message: `Đường dẫn "${slug}" đã được đơn vị khác dùng` },
    ]);
  }

  static portalHostTaken(host: string): UnitsException {
    const message = `Tên miền "${host}" đã được đơn vị khác dùng cho cổng thông tin`;
    return new UnitsException('UNIT_PORTAL_HOST_TAKEN', message, [{ field: 'settings.portalHost', message }]);
  }

  static parentNotFound(): UnitsException {
    return new UnitsException('VALIDATION_FAILED', 'Đơn vị cấp trên không tồn tại', [
      { field: 'parentId', message: 'Đơn vị cấp trên không tồn tại' },
    ]);
  }

  static cycle(): UnitsException {
    return new UnitsException(
      'UNIT_CYCLE',
      'Không thể chọn chính đơn vị này hoặc đơn vị cấp dưới của nó làm cấp trên',
      [
        {
          field: 'parentId',
          message: 'Không thể chọn chính đơn vị này hoặc đơn vị cấp dưới của nó làm cấp trên',
        },
      ],
    );
  }
}
