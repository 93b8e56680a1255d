import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { ErrorNotice, PageHeader, NumberInput } from '../../components/common';
import { FIRST_PAGE, PagedTable, type PageState } from '../../components/paged-table';
import { applyFieldErrors } from '../../lib/errors';
import { DATE_FORMAT, formatDate } from '../../lib/format';
import { useSession } from '../../session/session';
import { thisYear, YearSelect } from './period';
import { formatNumber, useFigures } from './summary-page';
import './reports.css';

type Activity = Schemas['ActivityResponse'];
type Plan = Schemas['PropagandaPlanResponse'];
type ActivityKind = Activity['kind'];

interface ActivityValues {
  kind: ActivityKind;
  date: Dayjs;
  quantity: number;
  description?: string;
}

interface PlanValues {
  number: string;
  issuedOn: Dayjs;
  title: string;
  tasks: { content: string; metric: string; target: number }[];
}

/** What the software cannot see, typed in by the report writer; and the year's plans with their targets. */
export default function RecordsPage() {
  const session = useSession();
  const unitId = session.unitId ?? '';
  const canWrite = session.can('reports.write');
  const [year, setYear] = useState(thisYear());
  return (
    <>
      <PageHeader
        title="Hoạt động, kế hoạch"
        extra={<YearSelect label="Năm" value={year} onChange={setYear} />}
      />
      <Typography.Paragraph type="secondary">
        Những việc phần mềm không tự thấy được (hội nghị, hướng dẫn tại một cửa, pano, tờ rơi) được nhập tay ở
        đây và cộng vào báo cáo. Mỗi nhiệm vụ của kế hoạch tuyên truyền được đánh giá Đạt / Chưa đạt từ số
        liệu đếm được.
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Activities unitId={unitId} year={year} canWrite={canWrite} />
        </Col>
        <Col xs={24} xl={12}>
          <Plans unitId={unitId} year={year} canWrite={canWrite} />
        </Col>
      </Row>
    </>
  );
}

function Activities({ unitId, year, canWrite }: { unitId: string; year: number; canWrite: boolean }) {
  const queryClient = useQueryClient();
  // The kinds and their names are the api's (its `activities.*` figures), not a copy kept here.
  const figures = useFigures();
  const kinds = (figures.data ?? [])
    .filter((f) => f.source === 'activity')
    .map((f) => ({ value: f.path.slice('activities.'.length), label: f.label }));
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityValues>();
  const [notice, setNotice] = useState<string | null>(null);
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const list = useQuery({
    queryKey: ['activities', unitId, year, page],
    queryFn: () =>
      call(
        api.GET('/api/v1/units/{unitId}/activities', {
          params: { path: { unitId }, query: { from: `${year}-01-01`, to: `${year}-12-31`, ...page } },
        }),
      ),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['activities', unitId] });
  const add = useMutation({
    mutationFn: (v: ActivityValues) =>
      call(
        api.POST('/api/v1/units/{unitId}/activities', {
          params: { path: { unitId } },
          body: {
            kind: v.kind,
            date: v.date.format('YYYY-MM-DD'),
            quantity: v.quantity,
            ...(v.description ? { description: v.description } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setNotice(null);
      form.resetFields(['quantity', 'description']);
      message.success('Đã thêm hoạt động');
      await refresh();
    },
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/activities/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const columns: TableColumnsType<Activity> = [
    { title: 'Ngày', key: 'date', render: (_, a) => formatDate(`${a.date}T12:00:00+07:00`) },
    { title: 'Hoạt động', key: 'kind', render: (_, a) => a.description || a.kindLabel },
    { title: 'Số lượng', key: 'quantity', align: 'right', render: (_, a) => formatNumber(a.quantity) },
    ...(canWrite
      ? [
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_: unknown, a: Activity) => (
              <Popconfirm
                title="Xóa hoạt động này?"
                okText="Xóa"
                cancelText="Thôi"
                onConfirm={() => remove.mutate(a.id)}
              >
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={`Xóa ${a.description || a.kindLabel}`}
                />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card title="Hoạt động tuyên truyền khác" size="small">
      {canWrite && (
        <Form<ActivityValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'conference', date: dayjs(), quantity: 1 }}
          onFinish={(v) => add.mutate(v)}
        >
          <ErrorNotice message={notice} />
          <Row gutter={8}>
            <Col xs={24} md={12}>
              <Form.Item
                name="kind"
                label="Loại hoạt động"
                rules={[{ required: true, message: 'Hãy chọn loại hoạt động' }]}
              >
                <Select options={kinds} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="date" label="Ngày" rules={[{ required: true, message: 'Hãy chọn ngày' }]}>
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="quantity"
                label="Số lượng"
                rules={[{ required: true, message: 'Hãy nhập số lượng' }]}
              >
                <NumberInput min={1} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="description" label="Mô tả (không bắt buộc)">
            <Input maxLength={1000} placeholder="Ví dụ: Hội nghị triển khai kế hoạch CCHC năm" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined aria-hidden />}
            loading={add.isPending}
          >
            Thêm hoạt động
          </Button>
        </Form>
      )}
      <div style={{ marginTop: 16 }}>
        <PagedTable<Activity>
          query={list}
          columns={columns}
          page={page}
          onPage={setPage}
          noun="hoạt động"
          empty={`Năm ${year} chưa nhập hoạt động nào`}
        />
      </div>
    </Card>
  );
}

function Plans({ unitId, year, canWrite }: { unitId: string; year: number; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const figures = useFigures();
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const plans = useQuery({
    queryKey: ['propaganda-plans', unitId, year],
    queryFn: () =>
      call(
        api.GET('/api/v1/units/{unitId}/propaganda-plans', { params: { path: { unitId }, query: { year } } }),
      ),
    enabled: !!unitId,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/propaganda-plans/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['propaganda-plans', unitId] }),
  });
  return (
    <Card
      title="Kế hoạch tuyên truyền và chỉ tiêu"
      size="small"
      extra={
        canWrite && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            Thêm kế hoạch
          </Button>
        )
      }
    >
      {(plans.data ?? []).length === 0 && (
        <Typography.Paragraph type="secondary">
          Năm {year} chưa có kế hoạch tuyên truyền nào.
        </Typography.Paragraph>
      )}
      {(plans.data ?? []).map((plan) => (
        <div key={plan.id} style={{ marginBottom: 16 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>
              Kế hoạch số {plan.number} ngày {formatDate(`${plan.issuedOn}T12:00:00+07:00`)}: {plan.title}
            </Typography.Text>
            {canWrite && (
              <>
                <Button size="small" onClick={() => setEditing(plan)}>
                  Sửa
                </Button>
                <Popconfirm
                  title="Xóa kế hoạch này?"
                  okText="Xóa"
                  cancelText="Thôi"
                  onConfirm={() => remove.mutate(plan.id)}
                >
                  <Button size="small" danger>
                    Xóa
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
          <Table
            rowKey={(t) => `${t.content}${t.metric}`}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={plan.tasks}
            columns={[
              { title: 'Nhiệm vụ', dataIndex: 'content', key: 'content' },
              { title: 'Đo bằng', dataIndex: 'metricLabel', key: 'metric', responsive: ['md'] },
              { title: 'Chỉ tiêu', key: 'target', align: 'right', render: (_, t) => formatNumber(t.target) },
              { title: 'Đạt được', key: 'actual', align: 'right', render: (_, t) => formatNumber(t.actual) },
              {
                title: 'Đánh giá',
                key: 'evaluation',
                render: (_, t) => <Tag color={t.achieved ? 'green' : 'orange'}>{t.evaluation}</Tag>,
              },
            ]}
          />
        </div>
      ))}
      {editing && (
        <PlanForm
          unitId={unitId}
          year={year}
          plan={editing === 'new' ? null : editing}
          metrics={(figures.data ?? []).map((f) => ({ value: f.path, label: f.label }))}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

function PlanForm({
  unitId,
  year,
  plan,
  metrics,
  onClose,
}: {
  unitId: string;
  year: number;
  plan: Plan | null;
  metrics: { value: string; label: string }[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlanValues>();
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: PlanValues) => {
      const body = {
        year,
        number: v.number,
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        title: v.title,
        tasks: v.tasks.map((t) => ({ content: t.content, metric: t.metric as never, target: t.target })),
      };
      return plan
        ? call(api.PUT('/api/v1/propaganda-plans/{id}', { params: { path: { id: plan.id } }, body }))
        : call(api.POST('/api/v1/units/{unitId}/propaganda-plans', { params: { path: { unitId } }, body }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['propaganda-plans', unitId] });
      onClose();
    },
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });
  return (
    <Modal
      open
      title={plan ? 'Sửa kế hoạch tuyên truyền' : `Thêm kế hoạch tuyên truyền năm ${year}`}
      okText="Lưu kế hoạch"
      cancelText="Hủy"
      width={760}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ErrorNotice message={notice} />
      <Form<PlanValues>
        form={form}
        layout="vertical"
        initialValues={
          plan
            ? { ...plan, issuedOn: dayjs(plan.issuedOn, 'YYYY-MM-DD') }
            : {
                issuedOn: dayjs(),
                title: `Kế hoạch tuyên truyền cải cách hành chính năm ${year}`,
                tasks: [{ content: '', metric: 'portal.cchcArticlesPublished', target: 12 }],
              }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={8}>
          <Col xs={24} md={8}>
            <Form.Item
              name="number"
              label="Số kế hoạch"
              rules={[{ required: true, message: 'Hãy nhập số kế hoạch' }]}
            >
              <Input placeholder="59/KH-UBND" maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="issuedOn"
              label="Ngày ban hành"
              rules={[{ required: true, message: 'Hãy chọn ngày' }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="Trích yếu" rules={[{ required: true, message: 'Hãy nhập trích yếu' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Typography.Text strong>Nhiệm vụ và chỉ tiêu</Typography.Text>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[field.name, 'content']}
                      label={`Nhiệm vụ ${i + 1}`}
                      rules={[{ required: true, message: 'Hãy nhập nội dung nhiệm vụ' }]}
                    >
                      <Input.TextArea autoSize maxLength={1000} />
                    </Form.Item>
                  </Col>
                  <Col xs={16} md={9}>
                    <Form.Item
                      name={[field.name, 'metric']}
                      label="Đo bằng số liệu"
                      rules={[{ required: true, message: 'Hãy chọn số liệu' }]}
                    >
                      <Select options={metrics} showSearch optionFilterProp="label" />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={4}>
                    <Form.Item
                      name={[field.name, 'target']}
                      label="Chỉ tiêu"
                      rules={[{ required: true, message: 'Hãy nhập chỉ tiêu' }]}
                    >
                      <NumberInput min={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={1} style={{ paddingTop: 30 }}>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined aria-hidden />}
                        aria-label={`Bỏ nhiệm vụ ${i + 1}`}
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ content: '', metric: 'radio.cchcAirings', target: 1 })}
              >
                Thêm nhiệm vụ
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
