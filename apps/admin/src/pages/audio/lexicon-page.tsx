import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { normalizeText, type LexiconEntry } from '../../api/audio';
import { api, call } from '../../api/client';
import { ErrorNotice, LoadError, PageHeader, PageLoading } from '../../components/common';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { useSession } from '../../session/session';

// Why the form is read-only: the words of the api's 403 (libs/speech LEXICON_WRITERS_TEXT), for the
// roles without 'lexicon.edit' in /users/me.
const LEXICON_WRITERS_TEXT =
  'Chỉ quản trị đơn vị, biên tập viên và người vận hành đài được sửa từ điển cách đọc';

// The api names a row's fields `[2].term`; the form holds them under `entries.2.term`.
function toFormErrors(error: unknown): unknown {
  if (error && typeof error === 'object' && 'body' in error) {
    const body = (error as { body: { details?: { field: string; message: string }[] } }).body;
    body.details = body.details?.map((d) => ({
      ...d,
      field: d.field.replace(/^\[(\d+)\]\.?/, 'entries.$1.'),
    }));
  }
  return error;
}

export default function LexiconPage() {
  const session = useSession();
  const unitId = session.unitId;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ entries: LexiconEntry[] }>();
  const [notice, setNotice] = useState<string | null>(null);
  const [sample, setSample] = useState('');
  const canWrite = session.can('lexicon.edit');
  const lexicon = useQuery({
    queryKey: ['lexicon', unitId],
    queryFn: () =>
      call(api.GET('/api/v1/units/{unitId}/lexicon', { params: { path: { unitId: unitId ?? '' } } })),
    enabled: !!unitId,
  });
  useEffect(() => {
    if (lexicon.data) {
      form.setFieldsValue({ entries: lexicon.data });
    }
  }, [lexicon.data, form]);
  const save = useMutation({
    mutationFn: (entries: LexiconEntry[]) =>
      call(
        api.PUT('/api/v1/units/{unitId}/lexicon', {
          params: { path: { unitId: unitId ?? '' } },
          body: entries.map((e) => ({ term: e.term ?? '', spoken: e.spoken ?? '' })),
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(['lexicon', unitId], saved);
      void message.success(`Đã lưu từ điển (${saved.length} mục)`);
    },
    onError: (error) => setNotice(applyFieldErrors(form, toFormErrors(error))),
  });
  const tryIt = useMutation({
    mutationFn: () => normalizeText(sample, unitId),
    onError: (error) => setNotice(errorMessage(error)),
  });

  if (!unitId) {
    return <Empty description="Hãy chọn đơn vị" />;
  }
  if (lexicon.isLoading) {
    return <PageLoading />;
  }
  if (lexicon.isError) {
    return <LoadError error={lexicon.error} retry={() => void lexicon.refetch()} />;
  }
  return (
    <>
      <PageHeader title="Từ điển cách đọc" />
      <ErrorNotice message={notice} />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          Cách đọc trên đài của tên riêng địa phương và chữ viết tắt, thêm vào quy tắc đọc tiếng Việt có sẵn.
          Lưu sẽ thay toàn bộ từ điển của đơn vị.
        </Typography.Paragraph>
        {!canWrite && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`${LEXICON_WRITERS_TEXT}. Bạn xem được từ điển và thử đọc; cần sửa thì nhờ một trong những người đó.`}
          />
        )}
        <Form
          form={form}
          disabled={!canWrite || save.isPending}
          initialValues={{ entries: [] }}
          onFinish={(values) => {
            setNotice(null);
            save.mutate(values.entries ?? []);
          }}
        >
          <Form.List name="entries">
            {(fields, { add, remove }) => (
              <>
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={fields}
                  locale={{ emptyText: <Empty description="Từ điển chưa có mục nào" /> }}
                  columns={[
                    {
                      title: 'Từ trong bài',
                      key: 'term',
                      render: (_, field) => (
                        <Form.Item
                          name={[field.name, 'term']}
                          style={{ marginBottom: 0 }}
                          rules={[{ required: true, whitespace: true, message: 'Hãy nhập từ' }]}
                        >
                          <Input aria-label={`Từ trong bài ${field.name + 1}`} placeholder="HTX" />
                        </Form.Item>
                      ),
                    },
                    {
                      title: 'Cách đọc',
                      key: 'spoken',
                      render: (_, field) => (
                        <Form.Item
                          name={[field.name, 'spoken']}
                          style={{ marginBottom: 0 }}
                          rules={[{ required: true, whitespace: true, message: 'Hãy nhập cách đọc' }]}
                        >
                          <Input aria-label={`Cách đọc ${field.name + 1}`} placeholder="hợp tác xã" />
                        </Form.Item>
                      ),
                    },
                    {
                      title: '',
                      key: 'remove',
                      width: 56,
                      render: (_, field) =>
                        canWrite && (
                          <Button
                            aria-label={`Xóa dòng ${field.name + 1}`}
                            icon={<DeleteOutlined aria-hidden />}
                            onClick={() => remove(field.name)}
                          />
                        ),
                    },
                  ]}
                />
                {canWrite && (
                  <Space wrap style={{ marginTop: 12 }}>
                    <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ term: '', spoken: '' })}>
                      Thêm dòng
                    </Button>
                    <Button type="primary" htmlType="submit" loading={save.isPending}>
                      Lưu từ điển
                    </Button>
                  </Space>
                )}
              </>
            )}
          </Form.List>
        </Form>
      </Card>
      <Card title="Thử đọc">
        <Form layout="vertical">
          <Form.Item label="Câu cần thử" htmlFor="lexicon-sample">
            <Input.TextArea
              id="lexicon-sample"
              value={sample}
              onChange={(e) => setSample(e.target.value)}
              autoSize={{ minRows: 2, maxRows: 6 }}
            />
          </Form.Item>
          <Button disabled={!sample.trim()} loading={tryIt.isPending} onClick={() => tryIt.mutate()}>
            Thử đọc
          </Button>
        </Form>
        {tryIt.data !== undefined && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text strong>Máy sẽ đọc</Typography.Text>
            <Typography.Paragraph className="spoken-preview" role="status" style={{ marginTop: 4 }}>
              {tryIt.data}
            </Typography.Paragraph>
          </div>
        )}
        <Typography.Text type="secondary">Thử đọc dùng từ điển đã lưu của đơn vị.</Typography.Text>
      </Card>
    </>
  );
}
