import { DeleteOutlined, FileOutlined, PaperClipOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { FILE_EXTENSIONS, FILE_MAX_BYTES, uploadFile, uploadImage } from '../../api/files';
import { errorMessage } from '../../lib/errors';
import { tooLarge } from '../../lib/files';

export interface FeaturedImageValue {
  url: string;
  alt: string;
  /** Made by the api when the article is saved; absent for an image chosen since. */
  thumbnailUrl?: string;
}

export interface AttachmentValue {
  url: string;
  name: string;
  bytes: number;
}

const IMAGE_MAX_BYTES = 10 * 1024 * 1024;

const size = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

/**
 * The article's featured image (ảnh đại diện): chosen with one Vietnamese button (the browser's own file
 * input never shows), shown small, with the words that describe it for people who cannot see it. Buttons
 * are disabled with the form (antd's disabled context) when the article may not be edited.
 */
export function FeaturedImageField({
  unitId,
  value,
  onChange,
}: {
  unitId: string | undefined;
  value?: FeaturedImageValue | null;
  onChange?: (value: FeaturedImageValue | null) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const choose = async (file: File): Promise<void> => {
    const refused = tooLarge(file.size, IMAGE_MAX_BYTES);
    if (refused || !unitId) {
      void message.error(refused ?? 'Chưa chọn đơn vị');
      return;
    }
    setBusy(true);
    try {
      const image = await uploadImage(unitId, file);
      onChange?.({ url: image.url, alt: value?.alt ?? '' });
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value && (
        <img
          src={value.thumbnailUrl ?? value.url}
          alt={value.alt || 'Ảnh đại diện của bài'}
          style={{ maxWidth: 240, maxHeight: 160, objectFit: 'cover', borderRadius: 4, display: 'block' }}
        />
      )}
      <Space wrap>
        <Upload
          accept="image/jpeg,image/png,image/gif,image/webp"
          showUploadList={false}
          beforeUpload={(file) => {
            void choose(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<PictureOutlined aria-hidden />} loading={busy}>
            {value ? 'Đổi ảnh đại diện' : 'Chọn ảnh đại diện'}
          </Button>
        </Upload>
        {value && (
          <Button icon={<DeleteOutlined aria-hidden />} onClick={() => onChange?.(null)}>
            Bỏ ảnh đại diện
          </Button>
        )}
      </Space>
      {value && (
        <Input
          aria-label="Mô tả ảnh đại diện"
          placeholder="Mô tả ảnh cho người không xem được (để trống thì dùng tiêu đề)"
          maxLength={300}
          value={value.alt}
          onChange={(event) => onChange?.({ ...value, alt: event.target.value })}
        />
      )}
    </Space>
  );
}

/**
 * Documents listed under the article on the portal (the Kế hoạch, the Quyết định): PDF, Word or Excel, each
 * checked by the api as it is uploaded, downloaded by readers under the name shown here.
 */
export function AttachmentsField({
  unitId,
  value = [],
  onChange,
}: {
  unitId: string | undefined;
  value?: AttachmentValue[];
  onChange?: (value: AttachmentValue[]) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(0);
  // Several files chosen at once arrive one by one: each adds itself to the list as it is then.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const add = async (file: File): Promise<void> => {
    const refused = tooLarge(file.size, FILE_MAX_BYTES);
    if (refused || !unitId) {
      void message.error(`${file.name}: ${refused ?? 'chưa chọn đơn vị'}`);
      return;
    }
    setBusy((n) => n + 1);
    try {
      const stored = await uploadFile(unitId, file);
      if (!latest.current.some((f) => f.url === stored.url)) {
        latest.current = [...latest.current, { url: stored.url, name: stored.name, bytes: stored.bytes }];
        onChange?.(latest.current);
      }
    } catch (error) {
      void message.error(`${file.name}: ${errorMessage(error)}`);
    } finally {
      setBusy((n) => n - 1);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Tệp đính kèm">
          {value.map((file) => (
            <li key={file.url} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0' }}>
              <FileOutlined aria-hidden />
              <a
                href={`${file.url}?download=${encodeURIComponent(file.name)}`}
                style={{ overflowWrap: 'anywhere' }}
              >
                {file.name}
              </a>
              <span style={{ color: 'var(--ant-color-text-secondary)' }}>({size(file.bytes)})</span>
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined aria-hidden />}
                aria-label={`Bỏ tệp ${file.name}`}
                title="Bỏ tệp này"
                onClick={() => onChange?.(value.filter((f) => f.url !== file.url))}
              />
            </li>
          ))}
        </ul>
      )}
      <Upload
        accept={FILE_EXTENSIONS.join(',')}
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          void add(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<PaperClipOutlined aria-hidden />} loading={busy > 0}>
          Đính kèm tệp (PDF, Word, Excel)
        </Button>
      </Upload>
    </Space>
  );
}
