import { SoundOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Article } from '../../api/articles';
import { normalizeText, requestArticleAudio } from '../../api/audio';
import { api, call, type Schemas } from '../../api/client';
import { ErrorNotice } from '../../components/common';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { useSession } from '../../session/session';

type Corrected = Schemas['RadioScriptCorrectionResponse'];

interface CorrectionValues {
  radioScript: string;
  reason: string;
}

/**
 * "Sửa lời đọc cho đài": a wrong reading heard on air, corrected on an approved or published article
 * without sending it back (PUT /articles/:id/radio-script). Shown when the article's `allowedActions`
 * says so. Afterwards the old audio still says the old words: the page offers to make it again.
 */
export function RadioScriptCorrection({ article }: { article: Article }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CorrectionValues>();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [corrected, setCorrected] = useState<Corrected | null>(null);

  const preview = useMutation({
    mutationFn: () => normalizeText(String(form.getFieldValue('radioScript') ?? ''), article.unitId),
    onError: (error) => setNotice(errorMessage(error)),
  });
  // New audio with the default voice: the call the answer's `requestAudio` names (the audio panel below
  // offers the other voices).
  const audio = useMutation({
    mutationFn: () => requestArticleAudio(article.id, {}),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['audio'] });
    },
  });

  const save = useMutation({
    mutationFn: (values: CorrectionValues) =>
      call(
        api.PUT('/api/v1/articles/{id}/radio-script', {
          params: { path: { id: article.id } },
          body: { ...values, version: article.version },
        }),
      ),
    onSuccess: async (saved) => {
      setOpen(false);
      setCorrected(saved);
      audio.reset();
      await queryClient.invalidateQueries({ queryKey: ['articles'] });
    },
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });
  const start = () => {
    setNotice(null);
    preview.reset();
    setOpen(true);
  };

  return (
    <div style={{ marginBottom: 16 }}>
      <Button icon={<SoundOutlined aria-hidden />} onClick={start}>
        Sửa lời đọc cho đài
      </Button>
      {corrected && (
        <Alert
          type="success"
          showIcon
          role="status"
          closable
          onClose={() => setCorrected(null)}
          style={{ marginTop: 16, width: '100%' }}
          message={`Đã sửa lời đọc cho đài (phiên bản ${corrected.version})`}
          description={
            <Space direction="vertical">
              <span>
                Nội dung trên cổng thông tin giữ nguyên. Âm thanh đã tạo trước đó vẫn đọc lời cũ: hãy tạo lại
                âm thanh để đài đọc lời mới.
              </span>
              {audio.isSuccess ? (
                <Typography.Text>
                  Đã gửi yêu cầu tạo âm thanh; theo dõi ở mục &quot;Tạo âm thanh&quot; bên dưới.
                </Typography.Text>
              ) : session.can('audio.request', article.unitId) ? (
                <Button type="primary" loading={audio.isPending} onClick={() => audio.mutate()}>
                  Tạo lại âm thanh
                </Button>
              ) : null}
              {audio.isError && <Typography.Text type="danger">{errorMessage(audio.error)}</Typography.Text>}
            </Space>
          }
        />
      )}
      <Modal
        open={open}
        title="Sửa lời đọc cho đài"
        okText="Lưu lời đọc"
        cancelText="Hủy"
        width={Math.min(760, window.innerWidth)}
        okButtonProps={{ loading: save.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          Chỉ đổi lời đài đọc; bài không phải duyệt lại và nội dung trên cổng thông tin giữ nguyên. Tên riêng,
          chữ viết tắt hay bị đọc sai thì nên thêm vào từ điển cách đọc để mọi bài đều đọc đúng.
        </Typography.Paragraph>
        <ErrorNotice message={notice} />
        <Form<CorrectionValues>
          form={form}
          // Its own field ids: the article form on the page has a radioScript too.
          name="radio-script-correction"
          layout="vertical"
          // Mounted afresh at each opening (destroyOnHidden): the script as the article says it now.
          initialValues={{ radioScript: article.radioScript, reason: '' }}
          disabled={save.isPending}
          onFinish={(values) => {
            setNotice(null);
            save.mutate(values);
          }}
        >
          <Form.Item
            label="Lời đọc cho đài"
            name="radioScript"
            rules={[
              { required: true, whitespace: true, message: 'Hãy nhập lời đọc' },
              { max: 50_000, message: 'Lời đọc không dài quá 50.000 ký tự' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} />
          </Form.Item>
          <Button
            loading={preview.isPending}
            onClick={() => {
              setNotice(null);
              preview.mutate();
            }}
            style={{ marginBottom: 16 }}
          >
            Thử đọc
          </Button>
          {preview.data !== undefined && (
            <div style={{ marginBottom: 16 }}>
              <Typography.Text strong>Máy sẽ đọc</Typography.Text>
              <Typography.Paragraph
                className="spoken-preview"
                role="status"
                style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}
              >
                {preview.data}
              </Typography.Paragraph>
            </div>
          )}
          <Form.Item
            label="Lý do"
            name="reason"
            extra="Ví dụ: máy đọc sai tên thôn. Lý do được ghi vào lịch sử sửa đổi."
            rules={[
              { required: true, whitespace: true, message: 'Hãy nhập lý do sửa' },
              { max: 1000, message: 'Lý do không dài quá 1.000 ký tự' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
