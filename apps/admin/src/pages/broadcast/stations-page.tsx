import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { ErrorNotice, LoadError, PageHeader, NumberInput } from '../../components/common';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { useSession } from '../../session/session';
import { SLOT_KIND_LABELS, useSlots, useStations, type Slot, type SlotInput } from './broadcast-api';
import { weekdaysText } from './time';

const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
  value: d,
  label: d === 7 ? 'Chủ nhật' : `Thứ ${d + 1}`,
}));

interface SlotValues {
  name: string;
  weekdays: number[];
  start: string;
  durationMinutes: number;
  kind: Slot['kind'];
  relaySource?: { name: string; url: string };
}

/** Add or change one slot; the api's policy refusals land under their fields. */
function SlotDialog({
  stationId,
  slot,
  onClose,
}: {
  stationId: string;
  slot: Slot | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<SlotValues>();
  const kind = Form.useWatch('kind', form);
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const initial: Partial<SlotValues> = slot
    ? {
        name: slot.name,
        weekdays: slot.weekdays,
        start: slot.start,
        durationMinutes: slot.durationMinutes,
        kind: slot.kind,
        ...(slot.relaySource ? { relaySource: slot.relaySource } : {}),
      }
    : { weekdays: [1, 2, 3, 4, 5, 6, 7], kind: 'programme', durationMinutes: 15 };

  const save = useMutation({
    mutationFn: (values: SlotValues) => {
      const body: SlotInput = {
        name: values.name,
        weekdays: values.weekdays,
        start: values.start.trim(),
        durationMinutes: values.durationMinutes,
        kind: values.kind,
        ...(values.kind === 'relay' && values.relaySource ? { relaySource: values.relaySource } : {}),
      };
      if (slot) {
        const { kind: _kind, ...changes } = body;
        return call(api.PATCH('/api/v1/slots/{id}', { params: { path: { id: slot.id } }, body: changes }));
      }
      return call(api.POST('/api/v1/stations/{id}/slots', { params: { path: { id: stationId } }, body }));
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['slots', stationId] });
      void message.success(slot ? `Đã lưu khung giờ ${saved.name}` : `Đã thêm khung giờ ${saved.name}`);
      onClose();
    },
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });

  return (
    <Modal
      open
      title={slot ? `Sửa khung giờ ${slot.name}` : 'Thêm khung giờ'}
      okText={slot ? 'Lưu' : 'Thêm khung giờ'}
      cancelText="Hủy"
      okButtonProps={{ loading: save.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ErrorNotice message={notice} />
      <Form<SlotValues>
        // Its own ids: the station form on the page has a `name` field too.
        name="slot"
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={save.isPending}
        onFinish={(values) => {
          setNotice(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          label="Tên khung giờ"
          name="name"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên khung giờ' }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="Ngày phát trong tuần"
          name="weekdays"
          rules={[{ required: true, message: 'Hãy chọn ít nhất một ngày' }]}
        >
          <Checkbox.Group options={WEEKDAY_OPTIONS} />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item
            label="Giờ bắt đầu"
            name="start"
            extra="Giờ Việt Nam, dạng 06:00"
            rules={[
              { required: true, message: 'Hãy nhập giờ bắt đầu' },
              { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'Giờ dạng HH:mm, ví dụ 06:00' },
            ]}
          >
            <Input style={{ width: 120 }} placeholder="06:00" inputMode="numeric" />
          </Form.Item>
          <Form.Item
            label="Thời lượng (phút)"
            name="durationMinutes"
            rules={[{ required: true, message: 'Hãy nhập thời lượng' }]}
          >
            <NumberInput min={1} max={600} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item
          label="Loại khung"
          name="kind"
          extra={slot ? 'Loại khung không đổi được sau khi tạo.' : undefined}
        >
          <Radio.Group disabled={!!slot}>
            <Radio value="programme">{SLOT_KIND_LABELS.programme}</Radio>
            <Radio value="relay">{SLOT_KIND_LABELS.relay}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'relay' && (
          <>
            <Form.Item
              label="Nguồn tiếp âm"
              name={['relaySource', 'name']}
              rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên nguồn tiếp âm' }]}
            >
              <Input placeholder="Thời sự VOV1" />
            </Form.Item>
            <Form.Item
              label="Địa chỉ luồng tiếp âm"
              name={['relaySource', 'url']}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: 'Hãy nhập địa chỉ luồng (http:// hoặc https://)',
                },
              ]}
            >
              <Input placeholder="https://…" inputMode="url" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function StationSlots({ stationId, canKeep }: { stationId: string; canKeep: boolean }) {
  const slots = useSlots(stationId);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  // Each opening is a new form, filled from the slot (or empty for a new one).
  const [dialog, setDialog] = useState<{ slot: Slot | null; n: number } | null>(null);
  const open = (slot: Slot | null): void => setDialog((d) => ({ slot, n: (d?.n ?? 0) + 1 }));

  const remove = useMutation({
    mutationFn: (slot: Slot) => call(api.DELETE('/api/v1/slots/{id}', { params: { path: { id: slot.id } } })),
    onSuccess: async (_, slot) => {
      await queryClient.invalidateQueries({ queryKey: ['slots', stationId] });
      void message.success(`Đã bỏ khung giờ ${slot.name}`);
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const columns: TableColumnsType<Slot> = [
    { title: 'Khung giờ', dataIndex: 'name', key: 'name' },
    { title: 'Ngày phát', key: 'weekdays', render: (_, s) => weekdaysText(s.weekdays) },
    { title: 'Bắt đầu', dataIndex: 'start', key: 'start' },
    { title: 'Thời lượng', key: 'duration', render: (_, s) => `${s.durationMinutes} phút` },
    {
      title: 'Loại',
      key: 'kind',
      render: (_, s) => <Tag color={s.kind === 'relay' ? 'purple' : 'blue'}>{SLOT_KIND_LABELS[s.kind]}</Tag>,
    },
    {
      title: 'Nguồn tiếp âm',
      key: 'relay',
      responsive: ['md'],
      render: (_, s) => s.relaySource?.name ?? '',
    },
    ...(canKeep
      ? [
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_: unknown, s: Slot) => (
              <Space>
                <Button
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  aria-label={`Sửa khung giờ ${s.name}`}
                  onClick={() => open(s)}
                >
                  Sửa
                </Button>
                <Popconfirm
                  title={`Bỏ khung giờ ${s.name}?`}
                  okText="Bỏ"
                  cancelText="Không"
                  onConfirm={() => remove.mutate(s)}
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`Bỏ khung giờ ${s.name}`}
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
    <>
      {slots.isError ? (
        <LoadError error={slots.error} retry={() => void slots.refetch()} />
      ) : (
        <Table<Slot>
          rowKey="id"
          columns={columns}
          dataSource={slots.data}
          loading={slots.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'Chưa có khung giờ' }}
        />
      )}
      {canKeep && (
        <Button style={{ marginTop: 12 }} icon={<PlusOutlined aria-hidden />} onClick={() => open(null)}>
          Thêm khung giờ
        </Button>
      )}
      {dialog && (
        <SlotDialog key={dialog.n} stationId={stationId} slot={dialog.slot} onClose={() => setDialog(null)} />
      )}
    </>
  );
}

/** "Đài và khung giờ": a unit's stations and the slots of each, within the unit's broadcast policy. */
export default function StationsPage() {
  const session = useSession();
  const unitId = session.unitId;
  const canKeep = session.can('broadcast.stations');
  const stations = useStations(unitId);
  const [stationId, setStationId] = useState<string | undefined>();
  const [form] = Form.useForm<{ name: string }>();
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const current = stations.data?.find((s) => s.id === stationId) ?? stations.data?.[0];

  const create = useMutation({
    mutationFn: (values: { name: string }) =>
      call(
        api.POST('/api/v1/units/{unitId}/stations', {
          params: { path: { unitId: unitId ?? '' } },
          body: { name: values.name },
        }),
      ),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['stations', unitId] });
      setStationId(saved.id);
      form.resetFields();
      void message.success(`Đã thêm đài ${saved.name}`);
    },
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });

  return (
    <>
      <PageHeader title="Đài và khung giờ" />
      {stations.isError ? (
        <LoadError error={stations.error} retry={() => void stations.refetch()} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {stations.data && stations.data.length === 0 ? (
            <Empty description="Đơn vị chưa có đài truyền thanh" />
          ) : (
            <Card
              title={
                <Select
                  aria-label="Đài"
                  style={{ minWidth: 240 }}
                  loading={stations.isLoading}
                  value={current?.id}
                  onChange={setStationId}
                  options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                />
              }
            >
              {current && <StationSlots key={current.id} stationId={current.id} canKeep={canKeep} />}
            </Card>
          )}
          {canKeep && (
            <Card title="Thêm đài">
              <ErrorNotice message={notice} />
              <Form
                name="station"
                form={form}
                layout="inline"
                disabled={create.isPending}
                onFinish={(values) => {
                  setNotice(null);
                  create.mutate(values);
                }}
              >
                <Form.Item
                  label="Tên đài"
                  name="name"
                  rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đài' }, { max: 200 }]}
                >
                  <Input style={{ minWidth: 240 }} />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<PlusOutlined aria-hidden />}
                  loading={create.isPending}
                >
                  Thêm đài
                </Button>
              </Form>
              <p style={{ color: '#666', marginTop: 12, marginBottom: 0 }}>
                Đài mới có sẵn các khung giờ mặc định (bản tin sáng, tiếp âm thời sự, bản tin chiều), theo quy
                định phát thanh của đơn vị.
              </p>
            </Card>
          )}
        </Space>
      )}
    </>
  );
}
