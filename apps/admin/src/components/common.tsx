import { Alert, Button, Flex, InputNumber, Spin, Typography, type InputNumberProps } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/errors';

export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin size="large" />
      <div style={{ marginTop: 12, color: '#666' }}>Đang tải…</div>
    </div>
  );
}

/**
 * A number field without antd's up/down arrows: those are mouse-only and named in English ("Increase
 * Value", fixed in rc-input-number) for screen readers. The keyboard's arrow keys still step the value.
 */
export function NumberInput<T extends number | string = number>(props: InputNumberProps<T>) {
  return <InputNumber<T> controls={false} {...props} />;
}

/** The title of a screen and its main actions; the actions wrap under the title on a phone. */
export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex wrap gap={12} justify="space-between" align="center" style={{ marginBottom: 16 }}>
      {/* The screen's one h1 (a screen reader's way to the title), drawn at the size of a level 3. */}
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }}>
        {title}
      </Typography.Title>
      {extra ? (
        <Flex wrap gap={8}>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}

/** A failed load, with its reason and a way to try again. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      message="Không tải được dữ liệu"
      description={errorMessage(error)}
      action={
        retry ? (
          <Button size="small" onClick={retry}>
            Thử lại
          </Button>
        ) : undefined
      }
    />
  );
}

/** Shown above a form that holds input put aside when the last session ended. */
export function DraftNotice({ restored, onDiscard }: { restored: boolean; onDiscard: () => void }) {
  if (!restored) {
    return null;
  }
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message="Đã khôi phục nội dung bạn nhập dở trước khi phiên đăng nhập hết hạn. Hãy kiểm tra rồi bấm Lưu."
      action={
        <Button size="small" onClick={onDiscard}>
          Bỏ nội dung này
        </Button>
      }
    />
  );
}

/** A refusal that belongs to no field, shown above the form. */
export function ErrorNotice({ message }: { message: string | null }) {
  if (!message) {
    return null;
  }
  return <Alert type="error" showIcon role="alert" message={message} style={{ marginBottom: 16 }} />;
}
