import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, call, type Schemas } from '../../api/client';
import { useProcedure, type Procedure, type ProcedureStatus } from '../../api/procedures';
import { DraftNotice, ErrorNotice, LoadError, PageHeader, PageLoading } from '../../components/common';
import { useFormDraft } from '../../lib/drafts';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { ONLINE_LEVEL_LABELS, PROCEDURE_STATUS } from '../../lib/labels';
import { useSession } from '../../session/session';
import {
  DateInput,
  DossierCases,
  LegalBasis,
  Methods,
  StepCases,
  dateField,
  keepEnterInField,
  requiredText,
} from './case-lists';
import { StatusTag } from './status-tag';
import { ProcedurePicker } from './procedure-picker';
import { ProcedureHistory } from './revisions';

type Content = Schemas['ProcedureContentDto'];

/** The form's values: every component, with the api's names and nesting. */
interface Values extends Required<Omit<Content, 'onlineUrl' | 'decisionDate' | 'replacedById'>> {
  onlineUrl: string | null;
  decisionDate: string | null;
  replacedById: string | null;
  /** Why it is replaced (sent with an update only). */
  reason?: string;
}

const EMPTY: Values = {
  code: '',
  name: '',
  field: '',
  level: '',
  agency: '',
  applicants: '',
  steps: [],
  methods: [],
  dossier: [],
  dossierCount: '',
  timeLimit: '',
  fees: '',
  forms: '',
  result: '',
  conditions: '',
  legalBasis: [],
  receivingAddress: '',
  onlineLevel: 'none',
  onlineUrl: null,
  decisionNumber: '',
  decisionDate: null,
  decisionIssuer: '',
  status: 'active',
  replacedById: null,
};

function toValues(p: Procedure): Values {
  const values = { ...EMPTY };
  for (const key of Object.keys(EMPTY) as (keyof Values)[]) {
    if (p[key as keyof Procedure] !== undefined) {
      (values as unknown as Record<string, unknown>)[key] = p[key as keyof Procedure];
    }
  }
  return values;
}

const text = (v: string | null | undefined): string => (v ?? '').trim();
const textOrNull = (v: string | null | undefined): string | null => text(v) || null;

/** What the api takes: empty case names and forms as null, blank rows dropped. */
function toContent(v: Values): Content {
  return {
    ...v,
    steps: (v.steps ?? []).map((c) => ({
      case: textOrNull(c.case),
      items: (c.items ?? []).map(text).filter(Boolean),
    })),
    dossier: (v.dossier ?? []).map((c) => ({
      case: textOrNull(c.case),
      items: (c.items ?? []).map((i) => ({
        name: text(i.name),
        form: textOrNull(i.form),
        originals: i.originals ?? null,
        copies: i.copies ?? null,
        // The api reads each file's kind and size itself.
        forms: (i.forms ?? []).map((f) => ({ url: f.url, name: f.name })),
      })),
    })),
    methods: v.methods ?? [],
    legalBasis: (v.legalBasis ?? []).map((d) => ({ ...d, issuedOn: d.issuedOn || null })),
    onlineUrl: textOrNull(v.onlineUrl),
    decisionDate: v.decisionDate || null,
    replacedById: v.status === 'replaced' ? v.replacedById : null,
  };
}

/** A text of a few lines that grows with what is typed, up to `maxRows`. */
function LongText({
  label,
  name,
  maxRows,
  extra,
}: {
  label: string;
  name: keyof Values;
  maxRows: number;
  extra?: string;
}) {
  return (
    <Form.Item label={label} name={name} extra={extra}>
      <Input.TextArea autoSize={{ minRows: 1, maxRows }} />
    </Form.Item>
  );
}

const FORM_STATUSES: ProcedureStatus[] = ['active', 'amended', 'replaced', 'abolished'];

export default function ProcedureEditPage() {
  const { id } = useParams();
  const creating = !id;
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const draft = useFormDraft(form, creating ? 'procedure:new' : `procedure:${id}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [abolishing, setAbolishing] = useState(false);
  const [reason, setReason] = useState('');
  const [abolishError, setAbolishError] = useState<string | null>(null);
  const procedure = useProcedure(id);
  const status = Form.useWatch('status', form);
  const unitId = creating ? session.unitId : procedure.data?.unitId;

  useEffect(() => {
    if (creating) {
      const values = draft.merge({ ...EMPTY });
      // Empty already (initialValues); setting it again could wipe what was typed meanwhile.
      if (draft.restored) {
        form.setFieldsValue(values);
      }
    } else if (procedure.data) {
      form.setFieldsValue(draft.merge(toValues(procedure.data)));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [creating, procedure.data]);

  const refreshed = async (saved: Procedure) => {
    queryClient.setQueryData(['procedures', saved.id], saved);
    await queryClient.invalidateQueries({ queryKey: ['procedures'] });
  };

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const content = toContent(values);
      if (creating) {
        return call(
          api.POST('/api/v1/units/{unitId}/procedures', {
            params: { path: { unitId: session.unitId ?? '' } },
            body: content,
          }),
        );
      }
      const changedStatus = values.status !== procedure.data?.status;
      return call(
        api.PATCH('/api/v1/procedures/{id}', {
          params: { path: { id: id ?? '' } },
          body: {
            ...content,
            version: procedure.data?.version ?? 0,
            ...(changedStatus && text(values.reason) ? { reason: text(values.reason) } : {}),
          },
        }),
      );
    },
    onSuccess: async (saved) => {
      setConflict(null);
      await refreshed(saved);
      void message.success(creating ? 'Đã thêm thủ tục' : 'Đã lưu thủ tục');
      form.resetFields();
      form.setFieldsValue(toValues(saved));
      if (creating) {
        void navigate(`/thu-tuc/${saved.id}`, { replace: true });
      }
    },
    onError: (error) => {
      if (error instanceof ApiError && error.body.code === 'VERSION_CONFLICT') {
        setConflict(error.body.message);
        return;
      }
      setNotice(applyFieldErrors(form, error));
    },
  });

  const publish = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/procedures/{id}/publish', { params: { path: { id: id ?? '' } } })),
    onSuccess: async (saved) => {
      await refreshed(saved);
      void message.success('Đã đăng thủ tục lên cổng thông tin');
    },
    onError: (error) => setNotice(errorMessage(error)),
  });

  const abolish = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/procedures/{id}/abolish', {
          params: { path: { id: id ?? '' } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: async (saved) => {
      setAbolishing(false);
      setReason('');
      await refreshed(saved);
      void message.success('Đã bãi bỏ thủ tục');
    },
    onError: (error) => setAbolishError(errorMessage(error)),
  });

  if (!creating && procedure.isLoading) {
    return <PageLoading />;
  }
  if (!creating && procedure.isError) {
    return <LoadError error={procedure.error} retry={() => void procedure.refetch()} />;
  }
  const current = procedure.data;
  // What the caller may do is the api's word (allowedActions); a new procedure is the unit's editors'.
  const canWrite = current ? current.allowedActions.includes('edit') : session.can('procedures.create');
  const canPublish = !!current?.allowedActions.includes('publish');
  const canAbolish = !!current?.allowedActions.includes('abolish');

  // The warning stays until the form holds the newest version, so nobody edits the stale one meanwhile.
  const reload = async () => {
    draft.discard();
    setNotice(null);
    const fresh = await procedure.refetch();
    if (fresh.data) {
      form.resetFields();
      form.setFieldsValue(toValues(fresh.data));
    }
    setConflict(null);
  };

  return (
    <>
      <PageHeader
        title={creating ? 'Thêm thủ tục hành chính' : (current?.name ?? 'Thủ tục hành chính')}
        extra={
          current && (
            <Space wrap>
              <StatusTag status={current.status} />
              {current.publishedAt ? (
                <span>Đăng ngày {formatDate(current.publishedAt)}</span>
              ) : (
                <span>Chưa đăng</span>
              )}
              <ProcedureHistory procedureId={current.id} version={current.version} />
              {canPublish && (
                <Button
                  type="primary"
                  loading={publish.isPending}
                  onClick={() =>
                    void modal.confirm({
                      title: 'Đăng thủ tục lên cổng thông tin?',
                      content: `${current.code} — ${current.name}`,
                      okText: 'Đăng',
                      cancelText: 'Hủy',
                      onOk: () => publish.mutateAsync().catch(() => undefined),
                    })
                  }
                >
                  Đăng lên cổng
                </Button>
              )}
              {canAbolish && (
                <Button
                  danger
                  onClick={() => {
                    setAbolishError(null);
                    setAbolishing(true);
                  }}
                >
                  Bãi bỏ
                </Button>
              )}
            </Space>
          )
        }
      />
      <DraftNotice restored={draft.restored} onDiscard={draft.discard} />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message="Không lưu được: thủ tục vừa được người khác thay đổi"
          description={`${conflict} Nội dung bạn nhập vẫn còn trên màn hình: hãy chép lại phần cần giữ, rồi tải bản mới nhất (phần chưa lưu sẽ mất).`}
          action={
            <Button size="small" onClick={() => void reload()}>
              Tải bản mới nhất
            </Button>
          }
        />
      )}
      <ErrorNotice message={notice} />
      {current?.statusReason && (current.status === 'abolished' || current.status === 'replaced') && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={current.status === 'abolished' ? 'Lý do bãi bỏ' : 'Lý do thay thế'}
          description={current.statusReason}
        />
      )}
      <Form<Values>
        form={form}
        // The values are there from the first render (the effect above only follows later changes).
        initialValues={current ? toValues(current) : EMPTY}
        layout="vertical"
        disabled={!canWrite || save.isPending}
        onKeyDown={keepEnterInField}
        onFinish={(values) => {
          setNotice(null);
          save.mutate(values);
        }}
        scrollToFirstError
      >
        <Card title="Thông tin chung" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item
                label="Mã TTHC"
                name="code"
                extra="Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.004227"
                rules={[requiredText('Hãy nhập mã TTHC'), { max: 60, message: 'Mã không dài quá 60 ký tự' }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={18}>
              <Form.Item
                label="Tên thủ tục"
                name="name"
                rules={[
                  requiredText('Hãy nhập tên thủ tục'),
                  { max: 500, message: 'Tên không dài quá 500 ký tự' },
                ]}
              >
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="Lĩnh vực" name="field" rules={[requiredText('Hãy nhập lĩnh vực')]}>
                <Input placeholder="Ví dụ: Hộ tịch" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Cấp thực hiện" name="level">
                <Input placeholder="Ví dụ: Cấp xã" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Số lượng hồ sơ" name="dossierCount">
                <Input placeholder="Ví dụ: 01 bộ" />
              </Form.Item>
            </Col>
          </Row>
          <LongText label="Cơ quan thực hiện" name="agency" maxRows={4} />
          <LongText label="Đối tượng thực hiện" name="applicants" maxRows={4} />
          <LongText label="Địa chỉ tiếp nhận hồ sơ" name="receivingAddress" maxRows={4} />
        </Card>
        <StepCases />
        <Methods />
        <DossierCases unitId={unitId} />
        <Card title="Thời hạn, phí, kết quả" style={{ marginBottom: 16 }}>
          <LongText
            label="Thời hạn giải quyết chung"
            name="timeLimit"
            maxRows={6}
            extra="Hiện trên cổng cho mỗi cách thực hiện không ghi thời hạn riêng."
          />
          <LongText
            label="Phí, lệ phí chung"
            name="fees"
            maxRows={6}
            extra="Hiện trên cổng cho mỗi cách thực hiện không ghi phí, lệ phí riêng."
          />
          <LongText
            label="Mẫu đơn, tờ khai"
            name="forms"
            maxRows={6}
            extra="Ghi chú chung về mẫu đơn; tệp mẫu đính kèm ở từng giấy tờ trong Thành phần hồ sơ."
          />
          <LongText label="Kết quả thực hiện" name="result" maxRows={6} />
          <LongText label="Yêu cầu, điều kiện" name="conditions" maxRows={8} />
        </Card>
        <LegalBasis />
        <Card title="Dịch vụ công trực tuyến" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="Mức độ dịch vụ công trực tuyến" name="onlineLevel">
                <Select
                  options={Object.entries(ONLINE_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                label="Đường dẫn dịch vụ công"
                name="onlineUrl"
                rules={[{ type: 'url', message: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://' }]}
              >
                <Input placeholder="https://dichvucong.gov.vn/…" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="Quyết định công bố" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="Số quyết định" name="decisionNumber">
                <Input placeholder="Ví dụ: 1234/QĐ-UBND" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item label="Ngày quyết định" name="decisionDate" {...dateField}>
                <DateInput />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label="Cơ quan ban hành quyết định" name="decisionIssuer">
                <Input placeholder="Ví dụ: UBND tỉnh Hải Dương" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="Trạng thái" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label="Trạng thái"
                name="status"
                extra={
                  current?.status !== 'abolished' ? 'Bãi bỏ thủ tục bằng nút "Bãi bỏ" (lãnh đạo).' : undefined
                }
              >
                <Select
                  options={FORM_STATUSES.map((value) => ({
                    value,
                    label: PROCEDURE_STATUS[value].label,
                    disabled: value === 'abolished' && current?.status !== 'abolished',
                  }))}
                />
              </Form.Item>
            </Col>
            {status === 'replaced' && unitId && (
              <Col xs={24} md={16}>
                <Form.Item
                  label="Thủ tục thay thế"
                  name="replacedById"
                  rules={[{ required: true, message: 'Hãy chọn thủ tục thay thế' }]}
                >
                  <ProcedurePicker unitId={unitId} excludeId={current?.id} />
                </Form.Item>
              </Col>
            )}
          </Row>
          {status === 'replaced' && !creating && current?.status !== 'replaced' && (
            <Form.Item label="Lý do thay thế" name="reason">
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 6 }}
                placeholder="Ví dụ: Thay thế theo Quyết định số …"
              />
            </Form.Item>
          )}
        </Card>
        {current && (
          <p style={{ color: '#666' }}>
            Phiên bản {current.version} · cập nhật lúc {formatDateTime(current.updatedAt)}
          </p>
        )}
        <Space wrap>
          {canWrite && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {creating ? 'Thêm thủ tục' : 'Lưu thay đổi'}
            </Button>
          )}
          <Button disabled={false} onClick={() => void navigate('/thu-tuc')}>
            Về danh sách
          </Button>
        </Space>
      </Form>
      <Modal
        open={abolishing}
        title="Bãi bỏ thủ tục hành chính"
        okText="Bãi bỏ"
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: abolish.isPending }}
        cancelText="Hủy"
        onOk={() => abolish.mutate()}
        onCancel={() => setAbolishing(false)}
      >
        <p>
          {current?.code} — {current?.name}. Thủ tục bị bãi bỏ sẽ được gỡ khỏi cổng thông tin; việc này được
          ghi vào nhật ký chứng cứ.
        </p>
        <ErrorNotice message={abolishError} />
        <Form layout="vertical">
          <Form.Item label="Lý do bãi bỏ" required htmlFor="abolish-reason">
            <Input.TextArea
              id="abolish-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="Ví dụ: Bãi bỏ theo Quyết định số 456/QĐ-UBND ngày …"
              autoSize={{ minRows: 3 }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
