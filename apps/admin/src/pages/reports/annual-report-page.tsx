import {
  DownloadOutlined,
  EyeOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, authorizedFetch, call, saveBlob, type Schemas } from '../../api/client';
import { ErrorNotice, LoadError, PageHeader, PageLoading, NumberInput } from '../../components/common';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { DATE_FORMAT, formatDateTime } from '../../lib/format';
import { useSession } from '../../session/session';
import { thisYear, YearSelect } from './period';
import { useFigures } from './summary-page';
import './reports.css';

type Texts = Schemas['ReportTextsResponse'];
type Model = Schemas['ReportModelResponse'];
type Sections = Texts['sections'];

const SECTIONS: { key: keyof Sections; label: string; help: string }[] = [
  {
    key: 'direction',
    label: 'I. Công tác chỉ đạo, điều hành',
    help: 'Kế hoạch, văn bản chỉ đạo đã ban hành, hội nghị triển khai…',
  },
  {
    key: 'forms',
    label: 'II.1. Nội dung, hình thức tuyên truyền',
    help: 'Tuyên truyền những gì, bằng hình thức nào.',
  },
  {
    key: 'otherResults',
    label: 'II.2. Kết quả khác (sau phần số liệu)',
    help: 'Phần số liệu do hệ thống điền; ở đây ghi thêm những kết quả khác nếu có.',
  },
  { key: 'assessment', label: 'III. Đánh giá chung', help: 'Ưu điểm, tồn tại, nguyên nhân.' },
  { key: 'proposals', label: 'IV. Đề xuất, kiến nghị', help: '' },
  { key: 'nextYear', label: 'V. Phương hướng, nhiệm vụ năm sau', help: '' },
];

interface TextValues {
  sections: Sections;
  recipients: string;
  overrides: { figure: string; value: number; note: string }[];
}

interface DocumentValues {
  number?: string;
  issuedOn: Dayjs;
  signerTitle?: string;
  signerName?: string;
}

/** The annual report: its written parts kept per year, a preview, and the .docx in the state format. */
export default function AnnualReportPage() {
  const session = useSession();
  const unitId = session.unitId ?? '';
  const canWrite = session.can('reports.write');
  const [year, setYear] = useState(thisYear());
  const texts = useQuery({
    queryKey: ['report-texts', unitId, year],
    queryFn: () =>
      call(api.GET('/api/v1/units/{unitId}/report-texts/{year}', { params: { path: { unitId, year } } })),
    enabled: !!unitId,
  });
  return (
    <>
      <PageHeader
        title="Báo cáo năm"
        extra={<YearSelect label="Năm báo cáo" value={year} onChange={setYear} />}
      />
      <Typography.Paragraph type="secondary">
        Báo cáo “Kết quả công tác tuyên truyền cải cách hành chính năm {year}” theo thể thức Nghị định
        30/2020/NĐ-CP. Mọi con số do hệ thống đếm từ nhật ký chứng cứ; người lập báo cáo viết các phần nhận
        xét bên dưới.
      </Typography.Paragraph>
      {texts.isError ? (
        <LoadError error={texts.error} retry={() => void texts.refetch()} />
      ) : !texts.data ? (
        <PageLoading />
      ) : (
        <Editor
          key={`${unitId}-${year}`}
          unitId={unitId}
          year={year}
          texts={texts.data}
          canWrite={canWrite}
        />
      )}
    </>
  );
}

function Editor({
  unitId,
  year,
  texts,
  canWrite,
}: {
  unitId: string;
  year: number;
  texts: Texts;
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const figures = useFigures();
  const [form] = Form.useForm<TextValues>();
  const [docForm] = Form.useForm<DocumentValues>();
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<Model | null>(null);
  useEffect(() => {
    form.setFieldsValue({
      sections: texts.sections,
      recipients: texts.recipients.join('\n'),
      overrides: texts.overrides,
    });
  }, [form, texts]);

  const save = useMutation({
    mutationFn: (v: TextValues) =>
      call(
        api.PUT('/api/v1/units/{unitId}/report-texts/{year}', {
          params: { path: { unitId, year } },
          body: {
            sections: v.sections,
            recipients: v.recipients
              .split('\n')
              .map((r) => r.trim())
              .filter(Boolean),
            overrides: (v.overrides ?? []).map((o) => ({
              figure: o.figure as never,
              value: o.value,
              note: o.note,
            })),
          },
        }),
      ),
    onSuccess: async (saved) => {
      setNotice(null);
      queryClient.setQueryData(['report-texts', unitId, year], saved);
      message.success('Đã lưu nội dung báo cáo');
    },
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });
  const documentBody = () => {
    const v = docForm.getFieldsValue();
    return {
      unitId,
      year,
      template: 'cchc-propaganda-annual' as const,
      ...(v.number ? { number: v.number } : {}),
      ...(v.issuedOn ? { issuedOn: v.issuedOn.format('YYYY-MM-DD') } : {}),
      ...(v.signerTitle || v.signerName
        ? {
            signer: {
              ...(v.signerTitle ? { title: v.signerTitle } : {}),
              ...(v.signerName ? { name: v.signerName } : {}),
            },
          }
        : {}),
    };
  };
  const showPreview = useMutation({
    mutationFn: () => call(api.POST('/api/v1/reports/documents/preview', { body: documentBody() })),
    onSuccess: setPreview,
  });
  const download = useMutation({
    mutationFn: async () => {
      const response = await authorizedFetch('/api/v1/reports/documents', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(documentBody()),
      });
      saveBlob(await response.blob(), `bao-cao-tuyen-truyen-cchc-${year}.docx`);
    },
  });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={12}>
        <Card title="Nội dung viết tay" size="small">
          {texts.source === 'lastYear' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={`Năm ${year} chưa lưu nội dung: đã chép từ báo cáo năm ${year - 1} (các năm đã được tăng thêm một) để bắt đầu.`}
            />
          )}
          {texts.source === 'saved' && texts.updatedAt && (
            <Typography.Paragraph type="secondary">
              Lưu lần cuối {formatDateTime(texts.updatedAt)}
              {texts.updatedByName ? ` bởi ${texts.updatedByName}` : ''}.
            </Typography.Paragraph>
          )}
          <ErrorNotice message={notice} />
          <Form<TextValues>
            form={form}
            layout="vertical"
            disabled={!canWrite}
            onFinish={(v) => save.mutate(v)}
          >
            {SECTIONS.map((s) => (
              <Form.Item key={s.key} name={['sections', s.key]} label={s.label} extra={s.help || undefined}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
              </Form.Item>
            ))}
            <Form.Item name="recipients" label="Nơi nhận (mỗi dòng một nơi)">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
            </Form.Item>
            <Typography.Text strong>Số liệu điều chỉnh tay</Typography.Text>
            <Typography.Paragraph type="secondary">
              Chỉ dùng khi số liệu thật khác số hệ thống đếm được (ví dụ số của sổ cũ). Báo cáo sẽ đánh dấu
              (*) và ghi rõ lý do cùng số hệ thống đếm được.
            </Typography.Paragraph>
            <Form.List name="overrides">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, i) => (
                    <Row gutter={8} key={field.key}>
                      <Col xs={24} md={9}>
                        <Form.Item
                          name={[field.name, 'figure']}
                          label={`Số liệu ${i + 1}`}
                          rules={[{ required: true, message: 'Hãy chọn số liệu' }]}
                        >
                          <Select
                            showSearch
                            optionFilterProp="label"
                            options={(figures.data ?? []).map((f) => ({ value: f.path, label: f.label }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={8} md={4}>
                        <Form.Item
                          name={[field.name, 'value']}
                          label="Giá trị"
                          rules={[{ required: true, message: 'Hãy nhập giá trị' }]}
                        >
                          <NumberInput min={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={14} md={10}>
                        <Form.Item
                          name={[field.name, 'note']}
                          label="Lý do"
                          rules={[{ required: true, message: 'Hãy ghi lý do' }]}
                        >
                          <Input maxLength={1000} />
                        </Form.Item>
                      </Col>
                      <Col xs={2} md={1} style={{ paddingTop: 30 }}>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined aria-hidden />}
                          aria-label={`Bỏ số liệu điều chỉnh ${i + 1}`}
                          onClick={() => remove(field.name)}
                        />
                      </Col>
                    </Row>
                  ))}
                  <Button
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => add({ value: 0, note: '' })}
                    style={{ marginBottom: 16 }}
                  >
                    Điều chỉnh một số liệu
                  </Button>
                </>
              )}
            </Form.List>
            {canWrite && (
              <div>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<SaveOutlined aria-hidden />}
                  loading={save.isPending}
                >
                  Lưu nội dung
                </Button>
              </div>
            )}
          </Form>
        </Card>
      </Col>
      <Col xs={24} xxl={12}>
        <Card title="Xuất báo cáo" size="small">
          <Form<DocumentValues> form={docForm} layout="vertical" initialValues={{ issuedOn: dayjs() }}>
            <Row gutter={8}>
              <Col xs={12} md={6}>
                <Form.Item name="number" label="Số báo cáo" extra="Để trống nếu chưa vào sổ">
                  <Input maxLength={20} placeholder="125" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="issuedOn" label="Ngày báo cáo">
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="signerTitle" label="Chức vụ người ký" extra="Mặc định theo thiết lập đơn vị">
                  <Input maxLength={100} placeholder="PHÓ CHỦ TỊCH" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="signerName" label="Họ tên người ký">
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          <Space wrap style={{ marginBottom: 16 }}>
            <Button
              icon={<EyeOutlined aria-hidden />}
              loading={showPreview.isPending}
              onClick={() => showPreview.mutate()}
            >
              Xem trước
            </Button>
            <Button
              type="primary"
              icon={<DownloadOutlined aria-hidden />}
              loading={download.isPending}
              onClick={() => download.mutate()}
            >
              Tải báo cáo (.docx)
            </Button>
          </Space>
          <ErrorNotice
            message={
              showPreview.isError
                ? errorMessage(showPreview.error)
                : download.isError
                  ? errorMessage(download.error)
                  : null
            }
          />
          {preview && <Preview model={preview} />}
        </Card>
      </Col>
    </Row>
  );
}

/** The report's blocks as they will read in Word (the .docx is laid out from the same blocks). */
function Preview({ model }: { model: Model }) {
  return (
    <article className="report-preview" aria-label="Xem trước báo cáo">
      <div className="heading">
        <div>
          {model.issuer.map((line, i) => (
            <div key={line} style={{ fontWeight: i === model.issuer.length - 1 ? 700 : 400 }}>
              {line}
            </div>
          ))}
          <div>{model.number}</div>
        </div>
        <div>
          <div style={{ fontWeight: 700 }}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div style={{ fontWeight: 700, textDecoration: 'underline' }}>Độc lập - Tự do - Hạnh phúc</div>
          <div style={{ fontStyle: 'italic' }}>{model.placeAndDate}</div>
        </div>
      </div>
      <p className="center" style={{ fontWeight: 700, marginTop: 16 }}>
        {model.kind}
        <br />
        {model.title}
      </p>
      {model.body.map((b, i) => (
        <p
          key={i}
          style={{
            fontWeight: b.kind === 'heading' || b.kind === 'subheading' ? 700 : 400,
            fontStyle: b.kind === 'note' ? 'italic' : 'normal',
          }}
        >
          {b.text}
        </p>
      ))}
      <div className="heading" style={{ marginTop: 16, textAlign: 'left' }}>
        <div>
          <strong>
            <em>Nơi nhận:</em>
          </strong>
          {model.recipients.map((r) => (
            <div key={r}>- {r}</div>
          ))}
        </div>
        <div style={{ textAlign: 'center' }}>
          {model.signer.lines.map((line) => (
            <div key={line} style={{ fontWeight: 700 }}>
              {line}
            </div>
          ))}
          <div style={{ height: 64 }} />
          <div style={{ fontWeight: 700 }}>{model.signer.name}</div>
        </div>
      </div>
      <hr />
      {model.annex.title.map((line) => (
        <p key={line} className="center" style={{ fontWeight: 700 }}>
          {line}
        </p>
      ))}
      <p className="center" style={{ fontStyle: 'italic' }}>
        {model.annex.caption}
      </p>
      <table>
        <thead>
          <tr>
            {model.annex.header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.annex.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
