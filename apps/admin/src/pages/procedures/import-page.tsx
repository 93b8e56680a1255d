import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Progress,
  Result,
  Segmented,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
  type UploadFile,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call, downloadFile, saveBlob } from '../../api/client';
import {
  confirmImport,
  getImportJob,
  IMPORT_EXTENSIONS,
  IMPORT_MAX_BYTES,
  isRunning,
  startImport,
  TEMPLATE_URLS,
  type ImportError,
  type ImportResult,
  type ImportRow,
  type ProcedureImportJob,
} from '../../api/procedures';
import { ErrorNotice, LoadError, PageHeader, PageLoading } from '../../components/common';
import { applyFieldErrors, errorMessage } from '../../lib/errors';
import { oneFileItem } from '../../lib/files';
import { IMPORT_ROW_ACTION, procedureFieldLabel } from '../../lib/labels';
import { useSession } from '../../session/session';
import { errorsByRow, errorText, reportCsv } from './import-report';

// The wizard: choose a file → check it (a dry-run job) → look at what each row would do → confirm (a
// second job on the same file) → watch it run → the result and its report. The job's id is in the
// address, so a reload (or coming back later) shows the same step.

const STEP_ITEMS = [{ title: 'Chọn tệp' }, { title: 'Xem trước' }, { title: 'Nhập' }, { title: 'Kết quả' }];

function percent(job: ProcedureImportJob): number {
  if (job.status === 'done') {
    return 100;
  }
  return job.total > 0 ? Math.min(99, Math.floor((job.processed / job.total) * 100)) : 0;
}

export default function ProcedureImportPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['procedure-imports', jobId],
    queryFn: () => getImportJob(jobId ?? ''),
    enabled: !!jobId,
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
  const data = job.data;
  const finishedImport = data && !data.dryRun && data.status === 'done';
  useEffect(() => {
    if (finishedImport) {
      void queryClient.invalidateQueries({ queryKey: ['procedures'] });
    }
  }, [finishedImport, queryClient]);

  const show = (next: ProcedureImportJob | null) => {
    if (next) {
      queryClient.setQueryData(['procedure-imports', next.id], next);
      setParams({ job: next.id });
    } else {
      setParams({});
    }
  };

  let step = 0;
  let body;
  if (!jobId) {
    body = <ChooseFile unitId={session.unitId} onStarted={show} />;
  } else if (job.isLoading) {
    body = <PageLoading />;
  } else if (job.isError || !data) {
    body = <LoadError error={job.error} retry={() => void job.refetch()} />;
  } else if (data.status === 'failed') {
    step = data.dryRun ? 1 : 2;
    body = (
      <Result
        status="error"
        title={data.dryRun ? 'Không kiểm tra được tệp' : 'Không nhập được tệp'}
        subTitle={data.error ?? 'Công việc nhập gặp lỗi.'}
        extra={<Button onClick={() => show(null)}>Chọn tệp khác</Button>}
      />
    );
  } else if (isRunning(data)) {
    step = data.dryRun ? 1 : 2;
    body = <Running job={data} />;
  } else if (data.dryRun) {
    step = 1;
    body = <Preview job={data} onConfirmed={show} onRestart={() => show(null)} />;
  } else {
    step = 3;
    body = <Done job={data} onRestart={() => show(null)} />;
  }

  return (
    <>
      <PageHeader title="Nhập thủ tục từ tệp" />
      <Steps current={step} items={STEP_ITEMS} style={{ marginBottom: 24 }} />
      {body}
    </>
  );
}

function ChooseFile({
  unitId,
  onStarted,
}: {
  unitId: string | null;
  onStarted: (job: ProcedureImportJob) => void;
}) {
  const [form] = Form.useForm<{ file: UploadFile[] }>();
  const [notice, setNotice] = useState<string | null>(null);
  const { message } = App.useApp();
  const start = useMutation({
    mutationFn: (file: File) => startImport(unitId ?? '', file, true),
    onSuccess: onStarted,
    onError: (error) => setNotice(applyFieldErrors(form, error)),
  });
  const template = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') => downloadFile(TEMPLATE_URLS[format], `mau-nhap-thu-tuc.${format}`),
    onSuccess: (name) => void message.success(`Đã tải về ${name}`),
    onError: (error) => setNotice(errorMessage(error)),
  });
  if (!unitId) {
    return <Empty description="Hãy chọn đơn vị" />;
  }
  return (
    <Card>
      <Typography.Paragraph>
        Nhận tệp <b>.xlsx</b>, <b>.csv</b> (UTF-8) hoặc <b>.json</b> theo cấu trúc Cơ sở dữ liệu quốc gia, tối
        đa 10 MB. Dòng đầu của tệp CSV/Excel là tiêu đề cột; bắt buộc có Mã TTHC, Tên thủ tục, Lĩnh vực. Thủ
        tục trùng mã với thủ tục đã có sẽ được cập nhật. Trước khi nhập, hệ thống kiểm tra tệp và cho bạn xem
        từng dòng sẽ được xử lý thế nào.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={template.isPending && template.variables === 'xlsx'}
          onClick={() => template.mutate('xlsx')}
        >
          Tải tệp mẫu Excel
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={template.isPending && template.variables === 'csv'}
          onClick={() => template.mutate('csv')}
        >
          Tải tệp mẫu CSV
        </Button>
      </Space>
      <ErrorNotice message={notice} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ file: [] }}
        onFinish={(values) => {
          setNotice(null);
          const file = values.file[0]?.originFileObj;
          if (file) {
            start.mutate(file);
          }
        }}
      >
        <Form.Item
          name="file"
          label="Tệp thủ tục"
          {...oneFileItem({
            missing: 'Hãy chọn một tệp',
            maxBytes: IMPORT_MAX_BYTES,
            check: (file) => {
              const name = file.name.toLowerCase();
              if (IMPORT_EXTENSIONS.some((ext) => name.endsWith(ext))) {
                return undefined;
              }
              return name.endsWith('.xls')
                ? 'Tệp .xls (Excel cũ) không đọc được: hãy mở bằng Excel và lưu lại dạng .xlsx'
                : 'Chỉ nhận tệp .csv, .xlsx hoặc .json';
            },
          })}
        >
          <Upload.Dragger
            accept={IMPORT_EXTENSIONS.join(',')}
            maxCount={1}
            beforeUpload={() => false}
            aria-label="Chọn tệp thủ tục"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">Bấm để chọn tệp, hoặc kéo tệp thả vào đây</p>
            <p className="ant-upload-hint">.xlsx, .csv hoặc .json, tối đa 10 MB và 10.000 dòng thủ tục</p>
          </Upload.Dragger>
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={start.isPending}>
            Kiểm tra tệp
          </Button>
          <Link to="/thu-tuc">Về danh sách thủ tục</Link>
        </Space>
      </Form>
    </Card>
  );
}

function Running({ job }: { job: ProcedureImportJob }) {
  const value = percent(job);
  return (
    <Card>
      <Typography.Paragraph>
        {job.dryRun ? 'Đang kiểm tra' : 'Đang nhập'} tệp <b>{job.fileName}</b>
        {job.status === 'queued' ? ' (đang chờ đến lượt)' : ''}…
      </Typography.Paragraph>
      <Progress
        percent={value}
        status="active"
        aria-label={job.dryRun ? 'Tiến độ kiểm tra' : 'Tiến độ nhập'}
        aria-valuenow={value}
      />
      <Typography.Text type="secondary" role="status">
        {job.total > 0 ? `${job.processed}/${job.total} dòng` : 'Đang đọc tệp'}
      </Typography.Text>
    </Card>
  );
}

function Summary({ result, dryRun }: { result: ImportResult; dryRun: boolean }) {
  const failed = result.rows.filter((r) => r.action === 'error').length;
  return (
    <Space wrap size={32} style={{ display: 'flex', marginBottom: 16 }}>
      <Statistic title={dryRun ? 'Sẽ thêm mới' : 'Đã thêm mới'} value={result.created} />
      <Statistic title={dryRun ? 'Sẽ cập nhật' : 'Đã cập nhật'} value={result.updated} />
      <Statistic title="Không đổi" value={result.unchanged} />
      <Statistic
        title="Dòng lỗi (bỏ qua)"
        value={failed}
        valueStyle={failed > 0 ? { color: '#cf1322' } : undefined}
      />
      {result.errorsOmitted > 0 && (
        <Typography.Text type="warning" role="status">
          Chỉ liệt kê {result.errors.length.toLocaleString('vi-VN')} lỗi đầu; còn{' '}
          {result.errorsOmitted.toLocaleString('vi-VN')} lỗi nữa. Hãy sửa các lỗi này rồi xem trước lại.
        </Typography.Text>
      )}
    </Space>
  );
}

function ErrorList({ errors }: { errors: ImportError[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {errors.map((e, i) => (
        <li key={i}>
          {e.field ? <b>{procedureFieldLabel(e.field)}</b> : null}
          {e.field ? ': ' : null}
          {errorText(e)}
        </li>
      ))}
    </ul>
  );
}

type Filter = 'all' | ImportRow['action'];

function RowsTable({ result }: { result: ImportResult }) {
  const [filter, setFilter] = useState<Filter>('all');
  const errorsOf = errorsByRow(result);
  const count = (action: ImportRow['action']) => result.rows.filter((r) => r.action === action).length;
  const rows = filter === 'all' ? result.rows : result.rows.filter((r) => r.action === filter);
  const columns: TableColumnsType<ImportRow> = [
    { title: 'Dòng', key: 'row', width: 64, render: (_, r) => r.row },
    { title: 'Mã TTHC', key: 'code', render: (_, r) => r.code ?? '' },
    { title: 'Tên thủ tục', key: 'name', render: (_, r) => r.name ?? '' },
    {
      title: 'Xử lý',
      key: 'action',
      render: (_, r) => (
        <Tag color={IMPORT_ROW_ACTION[r.action].color}>{IMPORT_ROW_ACTION[r.action].label}</Tag>
      ),
    },
    {
      title: 'Chi tiết',
      key: 'detail',
      width: '45%',
      render: (_, r) =>
        r.action === 'error' ? (
          <ErrorList errors={errorsOf(r)} />
        ) : r.changed.length > 0 ? (
          `Thay đổi: ${[...new Set(r.changed.map(procedureFieldLabel))].join(', ')}`
        ) : (
          ''
        ),
    },
  ];
  return (
    <>
      {/* Its own line; on a phone it scrolls sideways rather than widening the page. */}
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented<Filter>
          aria-label="Lọc theo cách xử lý"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `Tất cả (${result.rows.length})` },
            ...(['create', 'update', 'unchanged', 'error'] as const).map((a) => ({
              value: a,
              label: `${IMPORT_ROW_ACTION[a].label} (${count(a)})`,
            })),
          ]}
        />
      </div>
      <Table<ImportRow>
        rowKey="row"
        size="small"
        columns={columns}
        dataSource={rows}
        // Long error messages wrap inside the table; a phone scrolls it sideways.
        scroll={{ x: 760 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description="Không có dòng nào" /> }}
      />
    </>
  );
}

function ReportButton({ job }: { job: ProcedureImportJob }) {
  if (!job.result) {
    return null;
  }
  const result = job.result;
  const base = job.fileName.replace(/\.[^.]+$/, '');
  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      onClick={() =>
        saveBlob(
          new Blob([reportCsv(result)], { type: 'text/csv;charset=utf-8' }),
          `bao-cao-nhap-${base}.csv`,
        )
      }
    >
      Tải báo cáo (CSV)
    </Button>
  );
}

function Preview({
  job,
  onConfirmed,
  onRestart,
}: {
  job: ProcedureImportJob;
  onConfirmed: (job: ProcedureImportJob) => void;
  onRestart: () => void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const confirm = useMutation({
    mutationFn: () => confirmImport(job.id),
    onSuccess: onConfirmed,
    onError: (error) => setNotice(errorMessage(error)),
  });
  const result = job.result;
  if (!result) {
    return <Alert type="error" showIcon message="Công việc kiểm tra không trả về kết quả." />;
  }
  const writes = result.created + result.updated;
  const failed = result.rows.filter((r) => r.action === 'error').length;
  return (
    <Card title={`Xem trước: ${job.fileName}`}>
      <Summary result={result} dryRun />
      {failed > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${failed} dòng có lỗi sẽ bị bỏ qua; các dòng khác vẫn được nhập.`}
          description="Sửa các dòng lỗi trong tệp rồi chọn lại tệp, hoặc nhập các dòng đúng trước."
        />
      )}
      <ErrorNotice message={notice} />
      <RowsTable result={result} />
      <Space wrap style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={writes === 0}
          loading={confirm.isPending}
          onClick={() => {
            setNotice(null);
            confirm.mutate();
          }}
        >
          {writes === 0 ? 'Không có gì để nhập' : `Xác nhận nhập ${writes} thủ tục`}
        </Button>
        <Button onClick={onRestart}>Chọn tệp khác</Button>
        <ReportButton job={job} />
      </Space>
    </Card>
  );
}

function Done({ job, onRestart }: { job: ProcedureImportJob; onRestart: () => void }) {
  const result = job.result;
  if (!result) {
    return <Alert type="error" showIcon message="Công việc nhập không trả về kết quả." />;
  }
  const failed = result.rows.filter((r) => r.action === 'error').length;
  return (
    <Card>
      <Result
        status={failed > 0 ? 'warning' : 'success'}
        title={`Đã nhập xong tệp ${job.fileName}`}
        subTitle={
          failed > 0
            ? `${failed} dòng có lỗi đã bị bỏ qua; xem chi tiết bên dưới hoặc tải báo cáo.`
            : 'Mọi dòng của tệp đã được xử lý.'
        }
        style={{ paddingBlock: 16 }}
      />
      <Summary result={result} dryRun={false} />
      <NotYetPublic unitId={job.unitId} />
      <RowsTable result={result} />
      <Space wrap style={{ marginTop: 16 }}>
        <Link to="/thu-tuc">
          <Button type="primary">Xem danh sách thủ tục</Button>
        </Link>
        <Button onClick={onRestart}>Nhập tệp khác</Button>
        <ReportButton job={job} />
      </Space>
    </Card>
  );
}

/**
 * Imported procedures are not public until someone publishes them: say how many citizens cannot see yet, and
 * offer "Đăng tất cả" to those who may publish.
 */
function NotYetPublic({ unitId }: { unitId: string }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const waiting = useQuery({
    queryKey: ['procedures', unitId, 'not-public'],
    queryFn: () =>
      call(
        api.GET('/api/v1/units/{unitId}/procedures', {
          params: { path: { unitId }, query: { published: 'false', pageSize: 1 } },
        }),
      ),
  });
  const publishAll = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/units/{unitId}/procedures/publish-all', { params: { path: { unitId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['procedures'] }),
  });
  const count = waiting.data?.total ?? 0;
  if (publishAll.data) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBlock: 16 }}
        message={`Đã đăng ${publishAll.data.published} thủ tục lên cổng thông tin.`}
      />
    );
  }
  if (count === 0) {
    return null;
  }
  const canPublish = session.can('procedures.publish', unitId);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBlock: 16 }}
      message={`${count.toLocaleString('vi-VN')} thủ tục chưa công khai: người dân chưa thấy trên cổng thông tin.`}
      description={
        canPublish
          ? 'Kiểm tra lại rồi đăng tất cả, hoặc đăng từng thủ tục trong danh sách.'
          : 'Người có quyền đăng (lãnh đạo hoặc quản trị đơn vị) cần đăng các thủ tục này.'
      }
      action={
        canPublish && (
          <Button type="primary" loading={publishAll.isPending} onClick={() => publishAll.mutate()}>
            Đăng tất cả
          </Button>
        )
      }
    />
  );
}
