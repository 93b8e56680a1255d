import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CheckOutlined,
  DeleteOutlined,
  PlusOutlined,
  PrinterOutlined,
  SwapOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, call } from '../../api/client';
import { ErrorNotice, LoadError, PageHeader, PageLoading } from '../../components/common';
import { errorMessage } from '../../lib/errors';
import { DATE_FORMAT, formatDateTime } from '../../lib/format';
import { useSession } from '../../session/session';
import {
  DEVIATION_LABELS,
  PLAN_STATUS,
  planInputs,
  planKey,
  SLOT_KIND_LABELS,
  usePlan,
  useReadyAudio,
  useStations,
  type Plan,
  type PlanItem,
  type PlanItemInput,
  type PlanSlot,
} from './broadcast-api';
import { AiringTag, SlotFillBar } from './plan-parts';
import { addDays, clockDuration, clockTime, dayLabel, vietnamDay } from './time';

interface PendingEdit {
  items: PlanItemInput[];
  /** What the change does, said in the reason dialog and the success message. */
  what: string;
}

function AudioChoice({
  unitId,
  value,
  onChange,
  label,
}: {
  unitId: string | null;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  label: string;
}) {
  const audio = useReadyAudio(unitId);
  return (
    <Select
      aria-label={label}
      showSearch
      allowClear
      optionFilterProp="label"
      placeholder="Chọn bản tin đã sẵn sàng"
      loading={audio.isLoading}
      value={value}
      onChange={onChange}
      style={{ minWidth: 260, maxWidth: '100%' }}
      notFoundContent="Không có bản tin sẵn sàng"
      options={(audio.data ?? []).map((a) => ({
        value: a.id,
        label: `${a.title} (${clockDuration((a.durationMs ?? 0) / 1000)})`,
      }))}
    />
  );
}

function SlotCard({
  plan,
  slot,
  canEdit,
  unitId,
  onEdit,
  busy,
}: {
  plan: Plan;
  slot: PlanSlot;
  canEdit: boolean;
  unitId: string | null;
  onEdit: (edit: PendingEdit) => void;
  busy: boolean;
}) {
  const [adding, setAdding] = useState<string | undefined>();
  const [replacing, setReplacing] = useState<PlanItem | null>(null);
  const [replacement, setReplacement] = useState<string | undefined>();
  const all = planInputs(plan);

  const move = (item: PlanItem, by: -1 | 1): void => {
    const index = all.findIndex((i) => i.id === item.id);
    const next = [...all];
    const [taken] = next.splice(index, 1);
    next.splice(index + by, 0, taken);
    onEdit({ items: next, what: `Chuyển "${item.title}" ${by < 0 ? 'lên' : 'xuống'}` });
  };
  const remove = (item: PlanItem): void =>
    onEdit({ items: all.filter((i) => i.id !== item.id), what: `Bỏ "${item.title}" khỏi lịch` });
  const add = (audioId: string): void => {
    const last = all.map((i) => i.slotId).lastIndexOf(slot.slotId);
    const at = last >= 0 ? last + 1 : all.length;
    const next = [...all];
    next.splice(at, 0, { slotId: slot.slotId, audioId });
    onEdit({ items: next, what: `Thêm bản tin vào khung "${slot.name}"` });
  };
  const replace = (item: PlanItem, audioId: string): void =>
    onEdit({
      items: all.map((i) => (i.id === item.id ? { slotId: slot.slotId, audioId } : i)),
      what: `Thay "${item.title}"`,
    });

  const columns: TableColumnsType<PlanItem> = [
    { title: 'Giờ phát', key: 'at', width: 90, render: (_, i) => clockTime(i.plannedStart, true) },
    {
      title: 'Nội dung',
      key: 'title',
      render: (_, i) => (
        <Space size={4} wrap>
          <span>{i.title}</span>
          {i.priority === 'priority' && <Tag color="red">Ưu tiên</Tag>}
          {i.kind === 'relay' && <Tag color="purple">Tiếp âm</Tag>}
          <AiringTag status={i.airing?.status} />
        </Space>
      ),
    },
    { title: 'Thời lượng', key: 'duration', width: 100, render: (_, i) => clockDuration(i.durationSec) },
    ...(canEdit
      ? [
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_: unknown, i: PlanItem, n: number) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined aria-hidden />}
                  aria-label={`Chuyển lên: ${i.title}`}
                  title="Chuyển lên"
                  disabled={busy || n === 0}
                  onClick={() => move(i, -1)}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined aria-hidden />}
                  aria-label={`Chuyển xuống: ${i.title}`}
                  title="Chuyển xuống"
                  disabled={busy || n === slot.items.length - 1}
                  onClick={() => move(i, 1)}
                />
                {i.kind === 'audio' && (
                  <Button
                    size="small"
                    icon={<SwapOutlined aria-hidden />}
                    aria-label={`Thay: ${i.title}`}
                    disabled={busy}
                    onClick={() => {
                      setReplacement(undefined);
                      setReplacing(i);
                    }}
                  >
                    Thay
                  </Button>
                )}
                <Popconfirm
                  title={`Bỏ "${i.title}" khỏi lịch?`}
                  okText="Bỏ"
                  cancelText="Không"
                  onConfirm={() => remove(i)}
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`Bỏ: ${i.title}`}
                    disabled={busy}
                  >
                    Bỏ
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      data-slot-id={slot.slotId}
      title={
        <Space wrap>
          <span>
            {slot.start}–{slot.end}
          </span>
          <span>{slot.name}</span>
          <Tag color={slot.kind === 'relay' ? 'purple' : 'blue'}>{SLOT_KIND_LABELS[slot.kind]}</Tag>
        </Space>
      }
    >
      <SlotFillBar slot={slot} />
      <Table<PlanItem>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={slot.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Khung này chưa có mục nào' }}
      />
      {canEdit && slot.kind === 'programme' && (
        <Flex wrap gap={8} style={{ marginTop: 12 }}>
          <AudioChoice
            unitId={unitId}
            value={adding}
            onChange={setAdding}
            label={`Bản tin thêm vào khung ${slot.name}`}
          />
          <Button
            icon={<PlusOutlined aria-hidden />}
            disabled={!adding || busy}
            onClick={() => {
              if (adding) {
                add(adding);
                setAdding(undefined);
              }
            }}
          >
            Thêm vào khung
          </Button>
        </Flex>
      )}
      <Modal
        open={!!replacing}
        title={replacing ? `Thay "${replacing.title}"` : ''}
        okText="Thay"
        cancelText="Hủy"
        okButtonProps={{ disabled: !replacement }}
        onCancel={() => setReplacing(null)}
        onOk={() => {
          if (replacing && replacement) {
            replace(replacing, replacement);
          }
          setReplacing(null);
        }}
      >
        <AudioChoice unitId={unitId} value={replacement} onChange={setReplacement} label="Bản tin thay vào" />
      </Modal>
    </Card>
  );
}

/** "Lịch phát sóng": a station's plan of a day — generate, edit (with a reason once approved), approve, print. */
export default function PlanPage() {
  const session = useSession();
  const unitId = session.unitId;
  const stations = useStations(unitId);
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? addDays(vietnamDay(), 1);
  const stationId = params.get('station') ?? stations.data?.[0]?.id;
  const plan = usePlan(stationId, date);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingEdit | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();

  const choose = (next: { station?: string; date?: string }): void => {
    setNotice(null);
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (next.station) {
          q.set('station', next.station);
        }
        if (next.date) {
          q.set('date', next.date);
        }
        return q;
      },
      { replace: true },
    );
  };

  const settle = (saved: Plan): void => {
    queryClient.setQueryData(planKey(stationId, date), saved);
  };

  const generate = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/stations/{id}/plans/{date}/generate', {
          params: { path: { id: stationId ?? '', date } },
        }),
      ),
    onSuccess: (saved) => {
      settle(saved);
      void message.success(`Đã tạo lịch phát sóng ngày ${dayLabel(date)}`);
    },
    onError: (error) => setNotice(errorMessage(error)),
  });

  const approve = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/stations/{id}/plans/{date}/approve', {
          params: { path: { id: stationId ?? '', date } },
        }),
      ),
    onSuccess: (saved) => {
      settle(saved);
      void message.success('Đã duyệt lịch phát sóng');
    },
    onError: (error) => setNotice(errorMessage(error)),
  });

  const edit = useMutation({
    mutationFn: ({ items, reason }: { items: PlanItemInput[]; reason?: string; what: string }) =>
      call(
        api.PUT('/api/v1/stations/{id}/plans/{date}/items', {
          params: { path: { id: stationId ?? '', date } },
          body: { items, version: plan.data?.version, ...(reason ? { reason } : {}) },
        }),
      ),
    onSuccess: (saved, { what }) => {
      settle(saved);
      setPending(null);
      reasonForm.resetFields();
      void message.success(`Đã lưu: ${what}`);
    },
    onError: (error) => {
      const reasonError = error instanceof ApiError && error.body.details?.find((d) => d.field === 'reason');
      if (pending && reasonError) {
        reasonForm.setFields([{ name: 'reason', errors: [reasonError.message] }]);
        return;
      }
      setPending(null);
      if (error instanceof ApiError && error.status === 409) {
        void plan.refetch();
      }
      const details = error instanceof ApiError ? (error.body.details ?? []) : [];
      setNotice(details.length > 0 ? details.map((d) => d.message).join('; ') : errorMessage(error));
    },
  });

  const request = (change: PendingEdit): void => {
    setNotice(null);
    if (plan.data?.status === 'approved') {
      reasonForm.resetFields();
      setPending(change);
    } else {
      edit.mutate({ items: change.items, what: change.what });
    }
  };

  const current = plan.data;
  const canEdit = !!current?.allowedActions.includes('edit');
  const canGenerate =
    session.can('broadcast.plan') && (!current || current.allowedActions.includes('generate'));

  return (
    <>
      <PageHeader
        title="Lịch phát sóng"
        extra={
          <>
            {canGenerate && (
              <Popconfirm
                title="Tạo lại lịch? Các thay đổi trong lịch nháp sẽ mất."
                okText="Tạo lại"
                cancelText="Không"
                disabled={!current}
                onConfirm={() => generate.mutate()}
              >
                <Button
                  icon={<ThunderboltOutlined aria-hidden />}
                  loading={generate.isPending}
                  disabled={!stationId}
                  onClick={() => {
                    if (!current) {
                      generate.mutate();
                    }
                  }}
                >
                  {current ? 'Tạo lại lịch' : 'Tạo lịch'}
                </Button>
              </Popconfirm>
            )}
            {current?.allowedActions.includes('approve') && (
              <Popconfirm
                title="Duyệt lịch phát sóng này?"
                okText="Duyệt"
                cancelText="Không"
                onConfirm={() => approve.mutate()}
              >
                <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={approve.isPending}>
                  Duyệt lịch
                </Button>
              </Popconfirm>
            )}
            {current && (
              <Link to={`/phat-song/lich/in?station=${current.stationId}&date=${date}`}>
                <Button icon={<PrinterOutlined aria-hidden />}>In lịch</Button>
              </Link>
            )}
          </>
        }
      />
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Select
          aria-label="Đài"
          style={{ minWidth: 220 }}
          loading={stations.isLoading}
          value={stationId}
          onChange={(v: string) => choose({ station: v })}
          options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          placeholder="Chọn đài"
        />
        <DatePicker
          aria-label="Ngày phát sóng"
          format={DATE_FORMAT}
          allowClear={false}
          value={dayjs(date)}
          onChange={(d) => d && choose({ date: d.format('YYYY-MM-DD') })}
        />
        <Typography.Text style={{ alignSelf: 'center' }}>{dayLabel(date)}</Typography.Text>
      </Flex>
      <ErrorNotice message={notice} />
      {stations.data && stations.data.length === 0 ? (
        <Empty description="Đơn vị chưa có đài truyền thanh" />
      ) : plan.isError ? (
        <LoadError error={plan.error} retry={() => void plan.refetch()} />
      ) : plan.isLoading || !stationId ? (
        <PageLoading />
      ) : !current ? (
        <Empty description={`Chưa có lịch phát sóng ngày ${dayLabel(date)}`} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={PLAN_STATUS[current.status]?.color}>{PLAN_STATUS[current.status]?.label}</Tag>
            {current.approvedAt && (
              <Typography.Text type="secondary">
                Duyệt lúc {formatDateTime(current.approvedAt)}
                {current.approvedByName ? ` bởi ${current.approvedByName}` : ''}
              </Typography.Text>
            )}
            {current.status === 'approved' && canEdit && (
              <Typography.Text type="secondary">Mọi thay đổi sau khi duyệt cần ghi lý do.</Typography.Text>
            )}
          </Space>
          {current.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message="Cảnh báo khi xếp lịch"
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {current.warnings.map((w, n) => (
                    <li key={n}>{w.message}</li>
                  ))}
                </ul>
              }
            />
          )}
          {current.slots.map((slot) => (
            <SlotCard
              key={slot.slotId}
              plan={current}
              slot={slot}
              canEdit={canEdit}
              unitId={unitId}
              onEdit={request}
              busy={edit.isPending}
            />
          ))}
          {current.deviations.length > 0 && (
            <Card size="small" title="Thay đổi so với lịch đã duyệt">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={current.deviations}
                columns={[
                  { title: 'Lúc', key: 'at', render: (_, d) => formatDateTime(d.createdAt) },
                  { title: 'Thay đổi', key: 'kind', render: (_, d) => DEVIATION_LABELS[d.kind] ?? d.kind },
                  { title: 'Mục', dataIndex: 'title', key: 'title' },
                  { title: 'Lý do', dataIndex: 'reason', key: 'reason' },
                  { title: 'Người sửa', dataIndex: 'actorName', key: 'actor' },
                ]}
              />
            </Card>
          )}
        </Space>
      )}
      <Modal
        open={!!pending}
        title="Lý do thay đổi lịch đã duyệt"
        okText="Lưu thay đổi"
        cancelText="Hủy"
        okButtonProps={{ loading: edit.isPending }}
        onCancel={() => setPending(null)}
        onOk={() => reasonForm.submit()}
        forceRender
      >
        <p>{pending?.what}</p>
        <Form
          name="plan-change"
          form={reasonForm}
          layout="vertical"
          onFinish={(values) => {
            if (pending) {
              edit.mutate({ items: pending.items, reason: values.reason, what: pending.what });
            }
          }}
        >
          <Form.Item
            label="Lý do"
            name="reason"
            rules={[{ required: true, whitespace: true, message: 'Hãy ghi lý do thay đổi' }, { max: 1000 }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
