import type { FormItemProps, UploadFile } from 'antd';

const megabytes = (bytes: number): string =>
  `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

/** "Tệp 12,3 MB, lớn hơn giới hạn 10 MB" when the file is over the limit, else undefined. */
export function tooLarge(bytes: number | undefined, maxBytes: number): string | undefined {
  return (bytes ?? 0) > maxBytes
    ? `Tệp ${megabytes(bytes ?? 0)}, lớn hơn giới hạn ${megabytes(maxBytes)}`
    : undefined;
}

/**
 * The props of a Form.Item holding one file chosen with Upload (the last one chosen): required, at most
 * `maxBytes`, then `check` (a message when the file is refused).
 */
export function oneFileItem(options: {
  missing: string;
  maxBytes: number;
  check?: (file: UploadFile) => string | undefined;
}): Pick<FormItemProps, 'valuePropName' | 'getValueFromEvent' | 'rules'> {
  return {
    valuePropName: 'fileList',
    getValueFromEvent: (e: { fileList: UploadFile[] }) => e.fileList.slice(-1),
    rules: [
      {
        validator: async (_, list: UploadFile[] | undefined) => {
          const file = list?.[0];
          const refused = file
            ? (options.check?.(file) ?? tooLarge(file.size, options.maxBytes))
            : options.missing;
          if (refused) {
            throw new Error(refused);
          }
        },
      },
    ],
  };
}
