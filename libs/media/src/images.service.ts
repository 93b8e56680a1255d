import { Injectable } from '@nestjs/common';
import { imageSize } from 'image-size';
import { DomainException, NotFoundException, Principal, Upload, ValidationException } from '@app/common';
import { UnitAccess, UnitsRepository } from '@app/units';
import { MediaStorage } from './media-storage';

/** A phone photo is 2–8 MB; anything larger is not meant for a web page. */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
const MAX_SIDE = 12_000;

/** The kinds a portal page shows everywhere. SVG is refused: it can carry script. */
const IMAGE_TYPES: Record<string, { extension: string; contentType: string }> = {
  jpg: { extension: 'jpg', contentType: 'image/jpeg' },
  png: { extension: 'png', contentType: 'image/png' },
  gif: { extension: 'gif', contentType: 'image/gif' },
  webp: { extension: 'webp', contentType: 'image/webp' },
};

export interface ImageResponse {
  url: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
}

/**
 * Images for article bodies. The type comes from the content (image-size reads the header), never from
 * the file name or the browser's claim; the file is stored under its content hash.
 */
@Injectable()
export class ImagesService {
  constructor(
    private readonly storage: MediaStorage,
    private readonly units: UnitsRepository,
    private readonly access: UnitAccess,
  ) {}

  async assertMayUpload(principal: Principal, unitId: string): Promise<void> {
    if (!(await this.units.findById(unitId))) {
      throw new NotFoundException('đơn vị');
    }
    this.access.assertRole(principal, unitId, ['admin', 'editor', 'approver']);
  }

  async store(upload: Upload): Promise<ImageResponse> {
    const image = sniff(upload.bytes);
    if (!image) {
      const message = 'Tệp không phải ảnh JPEG, PNG, GIF hoặc WebP';
      throw new DomainException('UNSUPPORTED_MEDIA_TYPE', message, [{ field: 'file', message }]);
    }
    const { width, height } = image;
    if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new ValidationException([
        { field: 'file', message: `Kích thước ảnh ${width}×${height} không hợp lệ (mỗi chiều tối đa ${MAX_SIDE} điểm ảnh)` },
      ]);
    }
    const stored = await this.storage.put('images', upload.bytes, image.extension);
    return { url: stored.url, contentType: image.contentType, width, height, bytes: stored.bytes };
  }
}

function sniff(bytes: Buffer): { extension: string; contentType: string; width: number; height: number } | undefined {
  try {
    const size = imageSize(bytes);
    const kind = size.type ? IMAGE_TYPES[size.type] : undefined;
    return kind && { ...kind, width: size.width, height: size.height };
  } catch {
    return undefined; // not an image format image-size knows
  }
}
