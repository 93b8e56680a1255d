import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call, type Schemas, type Unit } from '../../api/client';
import { toTree, useUnits, type UnitNode } from '../../api/queries';
import {
  DraftNotice,
  ErrorNotice,
  LoadError,
  PageHeader,
  PageLoading,
  NumberInput,
} from '../../components/common';
import { useFormDraft } from '../../lib/drafts';
import { applyFieldErrors } from '../../lib/errors';
import { slugify } from '../../lib/format';
import { UNIT_KIND_LABELS, WEEKDAY_LABELS } from '../../lib/labels';
import { useSession } from '../../session/session';

type UnitValues = Schemas['CreateUnitDto'];

const EMPTY: UnitValues = {
  code: '',
  name: '',
  kind: 'commune',
  parentId: null,
  slug: '',
  settings: { broadcastPolicy: { allowedWeekdays: [1, 2, 3, 4, 5, 6, 7] } },
};

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

function toOptions(nodes: UnitNode[], exclude?: string): TreeOption[] {
  return nodes
    .filter((n) => n.id !== exclude)
    .map((n) => ({
      value: n.id,
      title: n.name,
      children: n.children ? toOptions(n.children, exclude) : undefined,
    }));
}

function fromUnit(unit: Unit): UnitValues {
  const { code, name, kind, parentId, slug, settings } = unit;
  return { code, name, kind, parentId, slug, settings: settings ?? {} };
}

const TEXT_SETTINGS = [
  'signerTitle',
  'signerName',
  'documentSuffix',
  'placeName',
  'address',
  'phone',
  'email',
  'portalHost',
] as const;

/**
 * The settings to send. The api merges settings into what it has, so an emptied field is sent as an
 * empty string (cleared), while a new unit simply leaves it out. The portal's host name is only the
 * system administrator's to set (the api refuses it from anyone else), so others never send it.
 */
function settingsBody(
  settings: UnitValues['settings'],
  creating: boolean,
  mayMapHost: boolean,
): UnitValues['settings'] {
  const out: NonNullable<UnitValues['settings']> = {};
  for (const key of TEXT_SETTINGS) {
    if (key === 'portalHost' && !mayMapHost) {
      continue;
    }
    const value = (settings?.[key] ?? '').trim();
    if (value || !creating) {
      out[key] = value;
    }
  }
  const policy = settings?.broadcastPolicy;
  if (policy) {
    out.broadcastPolicy = Object.fromEntries(
      Object.entries(policy).filter(([, v]) => v !== null && v !== undefined),
    );
  }
  return out;
}

export default function UnitFormPage() {
  const { id } = useParams();
  const creating = !id;
  const session = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitValues>();
  const draft = useFormDraft(form, creating ? 'unit:new' : `unit:${id}`);
  const [notice, setNotice] = useState<string | null>(null);
  const slugTouched = useRef(!creating);
  const units = useUnits();
  const unit = useQuery({
    queryKey: ['units', id],
    queryFn: () => call(api.GET('/api/v1/units/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !creating,
  });
  const structural = session.isSystemAdmin;

  useEffect(() => {
    if (creating) {
      form.setFieldsValue(draft.merge({ ...EMPTY, parentId: params.get('parentId') }));
    } else if (unit.data) {
      form.setFieldsValue(draft.merge(fromUnit(unit.data)));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [creating, unit.data]);

  const parentOptions = useMemo(() => toOptions(toTree(units.data ?? []), id), [units.data, id]);

  const save = useMutation({
    mutationFn: async (values: UnitValues) => {
      const settings = settingsBody(values.settings, creating, structural);
      if (creating) {
        return call(
          api.POST('/api/v1/units', {
            body: { ...values, parentId: values.parentId || undefined, settings },
          }),
        );
      }
      const body: Schemas['UpdateUnitDto'] = structural
        ? { ...values, parentId: values.parentId ?? null, settings }
        : { name: values.name, slug: values.slug, settings };
      return call(api.PATCH('/api/v1/units/{id}', { params: { path: { id: id ?? '' } }, body }));
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      void message.success(creating ? `Đã thêm đơn vị ${saved.name}` : 'Đã lưu thay đổi');
      void navigate('/quan-tri/don-vi');
    },
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });

  if (!creating && unit.isLoading) {
    return <PageLoading />;
  }
  if (!creating && unit.isError) {
    return <LoadError error={unit.error} retry={() => void unit.refetch()} />;
  }

  return (
    <>
      <PageHeader title={creating ? 'Thêm đơn vị' : `Sửa đơn vị: ${unit.data?.name ?? ''}`} />
      <DraftNotice restored={draft.restored} onDiscard={draft.discard} />
      <ErrorNotice message={notice} />
      <Form<UnitValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setNotice(null);
          save.mutate(values);
        }}
        onValuesChange={(changed: Partial<UnitValues>) => {
          if ('slug' in changed) {
            slugTouched.current = true;
          }
          if ('name' in changed && !slugTouched.current) {
            form.setFieldValue('slug', slugify((changed.name ?? '').replace(/^UBND\s+/i, '')));
          }
        }}
        disabled={save.isPending}
        scrollToFirstError
      >
        <Card title="Thông tin chung" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label="Tên đơn vị"
                name="name"
                rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đơn vị' }, { max: 255 }]}
              >
                <Input placeholder="UBND xã Hà Kỳ" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Mã đơn vị"
                name="code"
                extra="Mã duy nhất, ví dụ mã đơn vị hành chính."
                rules={[{ required: true, message: 'Hãy nhập mã đơn vị' }]}
              >
                <Input disabled={!structural} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Loại đơn vị"
                name="kind"
                rules={[{ required: true, message: 'Hãy chọn loại đơn vị' }]}
              >
                <Select
                  disabled={!structural}
                  options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Đơn vị cấp trên" name="parentId">
                <TreeSelect
                  disabled={!structural}
                  allowClear
                  showSearch
                  treeNodeFilterProp="title"
                  treeDefaultExpandAll
                  placeholder="Không có (đơn vị gốc)"
                  treeData={parentOptions}
                  loading={units.isLoading}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Tên miền riêng của cổng thông tin"
                name={['settings', 'portalHost']}
                extra={
                  structural
                    ? 'Ví dụ: xa-ha-ky.gov.vn (không có http://, không phải địa chỉ IP). Để trống nếu chỉ dùng đường dẫn /site/…'
                    : 'Chỉ quản trị hệ thống được đặt hoặc đổi tên miền riêng.'
                }
              >
                <Input inputMode="url" disabled={!structural} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Đường dẫn trên cổng thông tin"
                name="slug"
                extra="Chữ thường không dấu, số và dấu gạch nối, ví dụ: ha-ky"
                rules={[
                  { required: true, message: 'Hãy nhập đường dẫn' },
                  {
                    pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
                    message: 'Chỉ dùng chữ thường không dấu, số và dấu gạch nối',
                  },
                ]}
              >
                <Input addonBefore="/site/" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="Văn bản và liên hệ" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="Chức danh người ký" name={['settings', 'signerTitle']}>
                <Input placeholder="CHỦ TỊCH" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Họ tên người ký" name={['settings', 'signerName']}>
                <Input placeholder="Nguyễn Văn A" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Ký hiệu văn bản" name={['settings', 'documentSuffix']} extra="Ví dụ: BC-UBND">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Địa danh (ghi trên văn bản)" name={['settings', 'placeName']}>
                <Input placeholder="Hà Kỳ" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="Địa chỉ" name={['settings', 'address']}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Điện thoại" name={['settings', 'phone']}>
                <Input inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Thư điện tử"
                name={['settings', 'email']}
                rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ' }]}
              >
                <Input inputMode="email" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="Quy định phát sóng" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label="Số khung giờ tối đa mỗi ngày"
                name={['settings', 'broadcastPolicy', 'maxSlotsPerDay']}
              >
                <NumberInput min={1} max={48} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Số phút tối đa mỗi khung giờ"
                name={['settings', 'broadcastPolicy', 'maxMinutesPerSlot']}
              >
                <NumberInput min={1} max={600} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="Ngày được phát" name={['settings', 'broadcastPolicy', 'allowedWeekdays']}>
                <Checkbox.Group
                  options={Object.entries(WEEKDAY_LABELS).map(([value, label]) => ({
                    value: Number(value),
                    label,
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {creating ? 'Thêm đơn vị' : 'Lưu thay đổi'}
          </Button>
          <Button onClick={() => void navigate('/quan-tri/don-vi')}>Hủy</Button>
        </Space>
      </Form>
    </>
  );
}
