import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { uploadImage, useCategories, type Article } from '../../api/articles';
import { api, call } from '../../api/client';
import {
  DraftNotice,
  ErrorNotice,
  LoadError,
  PageHeader,
  PageLoading,
  NumberInput,
} from '../../components/common';
import { useFormDraft } from '../../lib/drafts';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { ARTICLE_STATUS } from '../../lib/labels';
import { useSession } from '../../session/session';
import { ArticleAudioPanel } from '../audio/article-audio-panel';
import {
  AttachmentsField,
  FeaturedImageField,
  type AttachmentValue,
  type FeaturedImageValue,
} from './article-media';
import { ArticlePreview } from './preview';
import { RadioScriptCorrection } from './radio-script-correction';
import { RevisionHistory } from './revisions';
import { RichText } from './rich-text';

interface ArticleValues {
  title: string;
  summary?: string;
  categoryIds: string[];
  tags?: string[];
  bodyHtml: string;
  radioScript?: string;
  priority?: 'normal' | 'priority';
  plannedAirings?: number;
  featuredImage?: FeaturedImageValue | null;
  attachments?: AttachmentValue[];
}

// Editing is the form below; correcting the radio script has its own dialog (RadioScriptCorrection).
type Action = Exclude<Article['allowedActions'][number], 'edit' | 'correct-radio-script'>;

// The buttons' words and order. Which ones show is the api's answer: the article's `allowedActions`.
const ACTIONS: Record<Action, { label: string }> = {
  submit: { label: 'Gửi duyệt' },
  approve: { label: 'Duyệt' },
  reject: { label: 'Trả lại' },
  publish: { label: 'Đăng' },
  unpublish: { label: 'Gỡ bài' },
};

function toValues(a: Article): ArticleValues {
  return {
    title: a.title,
    summary: a.summary,
    categoryIds: a.categoryIds,
    tags: a.tags,
    bodyHtml: a.bodyHtml,
    radioScript: a.radioScriptEdited ? a.radioScript : '',
    priority: a.priority,
    plannedAirings: a.plannedAirings,
    featuredImage: a.featuredImage,
    attachments: a.attachments.map(({ url, name, bytes }) => ({ url, name, bytes })),
  };
}

export default function ArticleEditPage() {
  const { id } = useParams();
  const creating = !id;
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ArticleValues>();
  const draft = useFormDraft(form, creating ? 'article:new' : `article:${id}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [publishAt, setPublishAt] = useState<Dayjs | null>(null);
  const article = useQuery({
    queryKey: ['articles', id],
    queryFn: () => call(api.GET('/api/v1/articles/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !creating,
  });
  const unitId = creating ? session.unitId : article.data?.unitId;
  const categories = useCategories(unitId);

  useEffect(() => {
    if (creating) {
      form.setFieldsValue(
        draft.merge({ title: '', categoryIds: [], bodyHtml: '', priority: 'normal', plannedAirings: 1 }),
      );
    } else if (article.data) {
      form.setFieldsValue(draft.merge(toValues(article.data)));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [creating, article.data]);

  const save = useMutation({
    mutationFn: async (values: ArticleValues) => {
      const body = {
        ...values,
        summary: values.summary ?? '',
        tags: values.tags ?? [],
        radioScript: values.radioScript?.trim() ? values.radioScript : null,
        // What the api made or measured (thumbnail, size) is not sent back.
        featuredImage: values.featuredImage
          ? { url: values.featuredImage.url, alt: values.featuredImage.alt }
          : null,
        attachments: (values.attachments ?? []).map(({ url, name }) => ({ url, name })),
      };
      if (creating) {
        return call(api.POST('/api/v1/articles', { body: { ...body, unitId: session.unitId ?? '' } }));
      }
      return call(
        api.PATCH('/api/v1/articles/{id}', {
          params: { path: { id: id ?? '' } },
          body: { ...body, version: article.data?.version ?? 0 },
        }),
      );
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['articles'] });
      void message.success('Đã lưu tin bài');
      form.resetFields();
      form.setFieldsValue(toValues(saved));
      if (creating) {
        void navigate(`/tin-bai/${saved.id}`, { replace: true });
      }
    },
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });

  const act = useMutation({
    mutationFn: async (action: Action) => {
      const path = { params: { path: { id: id ?? '' } } };
      switch (action) {
        case 'submit':
          return call(api.POST('/api/v1/articles/{id}/submit', path));
        case 'approve':
          return call(api.POST('/api/v1/articles/{id}/approve', path));
        case 'reject':
          return call(api.POST('/api/v1/articles/{id}/reject', { ...path, body: { reason } }));
        case 'unpublish':
          return call(api.POST('/api/v1/articles/{id}/unpublish', { ...path, body: { reason } }));
        case 'publish':
          return call(
            api.POST('/api/v1/articles/{id}/publish', {
              ...path,
              body: when === 'later' && publishAt ? { publishAt: publishAt.toISOString() } : {},
            }),
          );
      }
    },
    onSuccess: async (saved, action) => {
      setDialog(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['articles'] });
      void message.success(
        action === 'publish' && saved.status === 'approved'
          ? `Đã hẹn đăng lúc ${formatDateTime(saved.publishAt)}`
          : `${ACTIONS[action].label}: xong — bài ${ARTICLE_STATUS[saved.status].label.toLowerCase()}`,
      );
    },
    onError: (error) => {
      setDialog(null);
      setNotice(errorMessage(error));
    },
  });

  if (!creating && article.isLoading) {
    return <PageLoading />;
  }
  if (!creating && article.isError) {
    return <LoadError error={article.error} retry={() => void article.refetch()} />;
  }
  const current = article.data;
  const canWrite = creating ? session.can('articles.create') : !!current?.allowedActions.includes('edit');
  const actions = current
    ? (Object.keys(ACTIONS) as Action[]).filter((a) => current.allowedActions.includes(a))
    : [];
  const run = (action: Action) => {
    setNotice(null);
    if (action === 'submit' && current && current.categoryIds.length === 0) {
      // Without a category the article is silently left out of the CCHC counts: say so, and offer to choose one.
      modal.confirm({
        title: 'Bài chưa có chuyên mục',
        content:
          'Bài không thuộc chuyên mục nào sẽ không được tính là tin bài tuyên truyền cải cách hành chính trong báo cáo. ' +
          'Hãy chọn chuyên mục rồi lưu trước khi gửi duyệt.',
        okText: 'Vẫn gửi duyệt',
        cancelText: 'Chọn chuyên mục trước',
        onOk: () => act.mutate('submit'),
        onCancel: () => {
          form.scrollToField('categoryIds');
          form.focusField('categoryIds');
        },
      });
      return;
    }
    if (action === 'submit' || action === 'approve') {
      act.mutate(action);
    } else {
      setDialog(action);
    }
  };

  return (
    <>
      <PageHeader
        title={creating ? 'Viết tin bài' : 'Tin bài'}
        extra={
          current && (
            <Space wrap>
              <Tag color={ARTICLE_STATUS[current.status].color}>{ARTICLE_STATUS[current.status].label}</Tag>
              <ArticlePreview articleId={current.id} version={current.version} />
              <RevisionHistory articleId={current.id} />
              {current.status === 'published' && (
                <a href={current.url} target="_blank" rel="noreferrer">
                  Xem trên cổng thông tin
                </a>
              )}
            </Space>
          )
        }
      />
      <DraftNotice restored={draft.restored} onDiscard={draft.discard} />
      <ErrorNotice message={notice} />
      {current?.reason && (current.status === 'rejected' || current.status === 'unpublished') && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={current.status === 'rejected' ? 'Lý do trả lại' : 'Lý do gỡ bài'}
          description={current.reason}
        />
      )}
      {current?.status === 'approved' && current.publishAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`Đã hẹn đăng lúc ${formatDateTime(current.publishAt)}`}
        />
      )}
      {actions.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          {actions.map((a) => (
            <Button
              key={a}
              type={a === 'publish' || a === 'approve' ? 'primary' : 'default'}
              danger={a === 'unpublish' || a === 'reject'}
              loading={act.isPending && act.variables === a}
              onClick={() => run(a)}
            >
              {ACTIONS[a].label}
            </Button>
          ))}
        </Space>
      )}
      {current?.allowedActions.includes('correct-radio-script') && (
        <RadioScriptCorrection article={current} />
      )}
      {current &&
        (current.status === 'approved' || current.status === 'published') &&
        session.can('audio.request', current.unitId) && <ArticleAudioPanel article={current} />}
      <Form<ArticleValues>
        form={form}
        layout="vertical"
        disabled={!canWrite || save.isPending}
        onFinish={(values) => {
          setNotice(null);
          save.mutate(values);
        }}
        scrollToFirstError
      >
        <Card style={{ marginBottom: 16 }}>
          <Form.Item
            label="Tiêu đề"
            name="title"
            rules={[
              { required: true, whitespace: true, message: 'Hãy nhập tiêu đề' },
              { max: 300, message: 'Tiêu đề không dài quá 300 ký tự' },
            ]}
          >
            <Input showCount maxLength={300} />
          </Form.Item>
          <Form.Item label="Tóm tắt" name="summary" rules={[{ max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="Chuyên mục" name="categoryIds">
                <Select
                  mode="multiple"
                  loading={categories.isLoading}
                  options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  placeholder="Chọn chuyên mục"
                  optionFilterProp="label"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Từ khóa" name="tags">
                <Select mode="tags" tokenSeparators={[',']} placeholder="Gõ rồi nhấn Enter" open={false} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label="Nội dung"
            name="bodyHtml"
            rules={[{ required: true, message: 'Hãy nhập nội dung' }]}
          >
            <RichText
              aria-label="Nội dung"
              uploadImage={unitId ? (file) => uploadImage(unitId, file) : undefined}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label="Ảnh đại diện"
                name="featuredImage"
                extra="Ảnh nhỏ cạnh tiêu đề trong danh sách bài và khi chia sẻ lên mạng xã hội"
              >
                <FeaturedImageField unitId={unitId ?? undefined} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Tệp đính kèm"
                name="attachments"
                extra="Kế hoạch, quyết định… (PDF, Word, Excel, mỗi tệp đến 20 MB): người đọc tải về dưới bài"
              >
                <AttachmentsField unitId={unitId ?? undefined} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="Phát thanh" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="Mức ưu tiên" name="priority">
                <Select
                  options={[
                    { value: 'normal', label: 'Bình thường' },
                    { value: 'priority', label: 'Ưu tiên (phát trước)' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Số lần phát dự kiến" name="plannedAirings">
                <NumberInput min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label="Lời đọc trên đài"
            name="radioScript"
            extra={
              current?.allowedActions.includes('correct-radio-script')
                ? 'Bài đã duyệt: lời đọc được sửa bằng nút "Sửa lời đọc cho đài" ở trên.'
                : 'Để trống thì đài đọc theo nội dung bài.'
            }
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder={current?.radioScript} />
          </Form.Item>
        </Card>
        {canWrite && (
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {creating ? 'Lưu bản nháp' : 'Lưu thay đổi'}
            </Button>
            <Button onClick={() => void navigate('/tin-bai')}>Về danh sách</Button>
          </Space>
        )}
      </Form>
      <Modal
        open={dialog === 'reject' || dialog === 'unpublish'}
        title={dialog === 'reject' ? 'Trả lại bài cho tác giả' : 'Gỡ bài khỏi cổng thông tin'}
        okText={dialog === 'reject' ? 'Trả lại' : 'Gỡ bài'}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: act.isPending }}
        cancelText="Hủy"
        onOk={() => dialog && act.mutate(dialog)}
        onCancel={() => setDialog(null)}
      >
        <Form layout="vertical">
          <Form.Item label="Lý do" required htmlFor="action-reason">
            <Input.TextArea
              id="action-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoSize={{ minRows: 3 }}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'publish'}
        title="Đăng bài lên cổng thông tin"
        okText={when === 'now' ? 'Đăng ngay' : 'Hẹn giờ đăng'}
        okButtonProps={{ disabled: when === 'later' && !publishAt, loading: act.isPending }}
        cancelText="Hủy"
        onOk={() => act.mutate('publish')}
        onCancel={() => setDialog(null)}
      >
        <Radio.Group value={when} onChange={(e) => setWhen(e.target.value as 'now' | 'later')}>
          <Space direction="vertical">
            <Radio value="now">Đăng ngay</Radio>
            <Radio value="later">Hẹn giờ đăng</Radio>
          </Space>
        </Radio.Group>
        {when === 'later' && (
          <div style={{ marginTop: 12 }}>
            <DatePicker
              aria-label="Thời điểm đăng"
              showTime={{ format: 'HH:mm' }}
              format="DD/MM/YYYY HH:mm"
              value={publishAt}
              onChange={setPublishAt}
              disabledDate={(d) => d.isBefore(new Date(), 'day')}
              style={{ width: '100%' }}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
