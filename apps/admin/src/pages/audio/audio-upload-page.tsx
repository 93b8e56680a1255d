import { InboxOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Empty, Form, Input, Select, Space, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { UPLOAD_MAX_BYTES, uploadAudio, useAudio } from '../../api/audio';
import { useCategories } from '../../api/articles';
import { api, ApiError, call } from '../../api/client';
import { ErrorNotice, PageHeader } from '../../components/common';
import { applyFieldErrors } from '../../lib/errors';
import { oneFileItem } from '../../lib/files';
import { useSession } from '../../session/session';
import { AudioDetails } from './audio-parts';

interface UploadValues {
  file: UploadFile[];
  title: string;
  articleId?: string;
  categoryId?: string;
  producedAt?: Dayjs | null;
}

function ArticlePicker({
  unitId,
  ...props
}: {
  unitId: string;
  id?: string;
  value?: string;
  onChange?: (v?: string) => void;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['articles', 'picker', unitId, q],
    queryFn: () =>
      call(
        api.GET('/api/v1/articles', {
          params: { query: { unitId, q: q || undefined, page: 1, pageSize: 20 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      {...props}
      aria-label="Tin bài"
      allowClear
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      placeholder="Gõ tiêu đề để tìm (không bắt buộc)"
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
      notFoundContent="Không tìm thấy tin bài"
    />
  );
}

export default function AudioUploadPage() {
  const session = useSession();
  const unitId = session.unitId;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UploadValues>();
  const [notice, setNotice] = useState<string | null>(null);
  const [audioId, setAudioId] = useState<string | null>(null);
  const audio = useAudio(audioId);
  const categories = useCategories(unitId);
  const upload = useMutation({
    mutationFn: (values: UploadValues) =>
      uploadAudio(unitId ?? '', {
        file: values.file[0].originFileObj as File,
        title: values.title,
        articleId: values.articleId,
        categoryId: values.categoryId,
        producedAt: values.producedAt?.toISOString(),
      }),
    onSuccess: async (accepted) => {
      setAudioId(accepted.audioId);
      await queryClient.invalidateQueries({ queryKey: ['audio'] });
    },
    onError: (error) => {
      // A file refused as a whole (not audio: 415; too large: 413) names no field: it is about the file.
      if (
        error instanceof ApiError &&
        (error.status === 415 || error.status === 413) &&
        !error.body.details?.length
      ) {
        form.setFields([{ name: 'file', errors: [error.body.message] }]);
        setNotice(null);
        return;
      }
      setNotice(applyFieldErrors(form, error));
    },
  });
  if (!unitId) {
    return <Empty description="Hãy chọn đơn vị" />;
  }
  return (
    <>
      <PageHeader title="Tải chương trình lên" />
      <Card style={{ marginBottom: 16 }}>
        <ErrorNotice message={notice} />
        <Form<UploadValues>
          form={form}
          layout="vertical"
          initialValues={{ file: [] }}
          disabled={upload.isPending}
          onFinish={(values) => {
            setNotice(null);
            setAudioId(null);
            upload.mutate(values);
          }}
        >
          <Form.Item
            name="file"
            label="Tệp âm thanh"
            {...oneFileItem({ missing: 'Hãy chọn một tệp âm thanh', maxBytes: UPLOAD_MAX_BYTES })}
          >
            <Upload.Dragger
              accept="audio/*,.mp3,.wav,.m4a,.ogg,.flac"
              maxCount={1}
              beforeUpload={() => false}
              aria-label="Chọn tệp âm thanh"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">Bấm để chọn tệp, hoặc kéo tệp thả vào đây</p>
              <p className="ant-upload-hint">mp3, wav, m4a…; tối đa 100 MB và 2 giờ</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item
            name="title"
            label="Tên chương trình"
            rules={[
              { required: true, whitespace: true, message: 'Hãy nhập tên chương trình' },
              { max: 500, message: 'Tên chương trình không dài quá 500 ký tự' },
            ]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="articleId" label="Tin bài liên quan">
            <ArticlePicker unitId={unitId} />
          </Form.Item>
          <Form.Item name="categoryId" label="Chuyên mục">
            <Select
              allowClear
              placeholder="Không bắt buộc"
              loading={categories.isLoading}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item
            name="producedAt"
            label="Thời điểm sản xuất"
            extra="Không bắt buộc. Chọn một ngày trong quá khứ khi chuyển chương trình cũ từ kho lưu trữ: chương trình được ghi nhận là chương trình lịch sử, tính vào thời điểm đó."
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={upload.isPending}>
              Tải lên
            </Button>
            <Link to="/am-thanh">Về danh sách bản tin</Link>
          </Space>
        </Form>
      </Card>
      {audio.data && (
        <Card title={audio.data.title}>
          <AudioDetails audio={audio.data} />
        </Card>
      )}
    </>
  );
}
