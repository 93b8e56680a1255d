import { DownloadOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api, authorizedFetch, call, downloadFile, type Schemas } from '../../api/client';
import { LoadError, PageHeader, PageLoading } from '../../components/common';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../session/session';
import './logbook.css';
import { namedPagerItems } from '../../components/paged-table';

type Logbook = Schemas['LogbookResponse'];
type LogbookRow = Schemas['LogbookRowResponse'];
type ImportResult = Schemas['AiringImportResponse'];

const RESULT_COLOR: Record<LogbookRow['result'], string> = {
  aired: 'green',
  partial: 'orange',
  missed: 'red',
  unrecorded: 'default',
};

/** "ngày 05 tháng 01 năm 2027" of today, in Vietnam. */
function signingDate(): string {
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  })
    .formatToParts(new Date())
    .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  return `ngày ${parts.day} tháng ${parts.month} năm ${parts.year}`;
}

/**
 * Sổ nhật ký phát sóng: a station's month, planned beside aired, read on screen, printed for signature
 * (print CSS: A4, no menus) or taken as XLSX; and the import of an old paper logbook (check first, then import).
 */
export default function LogbookPage() {
  const session = useSession();
  const unitId = session.unitId;
  const queryClient = useQueryClient();
  const [stationId, setStationId] = useState<string | null>(null);
  const [month, setMonth] = useState<Dayjs>(() =>
    dayjs(`${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7)}-01`),
  );
  const monthText = month.format('YYYY-MM');

  const stations = useQuery({
    queryKey: ['stations', unitId],
    enabled: Boolean(unitId),
    queryFn: () =>
      call(api.GET('/api/v1/units/{unitId}/stations', { params: { path: { unitId: unitId ?? '' } } })),
  });
  const unit = useQuery({
    queryKey: ['unit', unitId],
    enabled: Boolean(unitId),
    queryFn: () => call(api.GET('/api/v1/units/{id}', { params: { path: { id: unitId ?? '' } } })),
  });
  const station = stationId ?? stations.data?.[0]?.id ?? null;
  const logbook = useQuery({
    queryKey: ['logbook', station, monthText],
    enabled: Boolean(station),
    queryFn: () =>
      call(
        api.GET('/api/v1/stations/{id}/logbook', {
          params: { path: { id: station ?? '' }, query: { month: monthText } },
        }),
      ) as Promise<Logbook>,
  });

  if (!unitId) {
    return <Empty description="Hãy chọn đơn vị" />;
  }
  if (stations.isLoading) {
    return <PageLoading />;
  }
  if (stations.isError) {
    return <LoadError error={stations.error} retry={() => void stations.refetch()} />;
  }
  if (!stations.data?.length) {
    return <Empty description="Đơn vị chưa có đài" />;
  }
  const settings = (unit.data?.settings ?? {}) as {
    signerTitle?: string;
    signerName?: string;
    placeName?: string;
  };

  return (
    <div className="logbook-page">
      <PageHeader
        title="Sổ nhật ký phát sóng"
        extra={
          <Space wrap className="no-print">
            <Button
              icon={<PrinterOutlined aria-hidden />}
              onClick={() => window.print()}
              disabled={!logbook.data}
            >
              In sổ
            </Button>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              onClick={() =>
                void downloadFile(
                  `/api/v1/stations/${station}/logbook.xlsx?month=${monthText}`,
                  `so-nhat-ky-phat-song-${monthText}.xlsx`,
                )
              }
            >
              Tải XLSX
            </Button>
          </Space>
        }
      />
      <Space wrap className="no-print" style={{ marginBottom: 16 }}>
        <Select
          aria-label="Đài"
          style={{ minWidth: 220 }}
          value={station}
          onChange={setStationId}
          options={stations.data.map((s) => ({ value: s.id, label: s.name }))}
        />
        <DatePicker
          aria-label="Tháng"
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={month}
          onChange={(value) => value && setMonth(value.startOf('month'))}
        />
      </Space>

      {logbook.isLoading && <PageLoading />}
      {logbook.isError && <LoadError error={logbook.error} retry={() => void logbook.refetch()} />}
      {logbook.data && (
        <LogbookSheet
          logbook={logbook.data}
          signerTitle={settings.signerTitle}
          signerName={settings.signerName}
          placeName={settings.placeName}
        />
      )}

      {session.can('broadcast.air') && station && (
        <ImportCard
          stationId={station}
          onImported={() => void queryClient.invalidateQueries({ queryKey: ['logbook', station] })}
        />
      )}
    </div>
  );
}

function LogbookSheet({
  logbook,
  signerTitle,
  signerName,
  placeName,
}: {
  logbook: Logbook;
  signerTitle?: string;
  signerName?: string;
  placeName?: string;
}) {
  const t = logbook.totals;
  return (
    <div className="logbook-sheet">
      <div className="print-only logbook-heading">
        <div>{logbook.unitName.toUpperCase()}</div>
        <h1>{logbook.title}</h1>
      </div>
      <Table<LogbookRow>
        size="small"
        rowKey={(r) => `${r.planItemId ?? ''}:${r.airingId ?? ''}:${r.date}:${r.title}`}
        dataSource={logbook.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Tháng này chưa có lịch hay lượt phát nào' }}
        columns={[
          { title: 'Ngày', dataIndex: 'day' },
          { title: 'Khung giờ', dataIndex: 'slot' },
          { title: 'Dự kiến', dataIndex: 'plannedTime', render: (v: string | null) => v ?? '' },
          { title: 'Bắt đầu', dataIndex: 'startTime', render: (v: string | null) => v ?? '' },
          { title: 'Kết thúc', dataIndex: 'endTime', render: (v: string | null) => v ?? '' },
          {
            title: 'Phút',
            dataIndex: 'minutes',
            align: 'right',
            render: (v: number | null) => (v === null ? '' : v.toLocaleString('vi-VN')),
          },
          { title: 'Nội dung', dataIndex: 'title' },
          { title: 'Nguồn', dataIndex: 'source' },
          { title: 'Chuyên mục', dataIndex: 'category' },
          { title: 'Ưu tiên', dataIndex: 'priorityLabel' },
          {
            title: 'Kết quả',
            dataIndex: 'resultLabel',
            render: (label: string, row) => <Tag color={RESULT_COLOR[row.result]}>{label}</Tag>,
          },
          { title: 'Người ghi', dataIndex: 'operator' },
          { title: 'Ghi chú', dataIndex: 'note' },
        ]}
      />
      <Typography.Paragraph className="logbook-totals" style={{ marginTop: 12 }}>
        Tổng hợp: <strong>{t.aired}</strong> lượt đã phát, {t.partial} lượt phát một phần,{' '}
        <strong>{t.minutes.toLocaleString('vi-VN')}</strong> phút; {t.relays} lượt tiếp âm, {t.emergencies}{' '}
        lượt khẩn cấp, {t.missed} lượt không phát, {t.unrecorded} mục chưa ghi nhận.
      </Typography.Paragraph>
      <div className="print-only logbook-signature">
        <div>
          <div>
            <strong>Người ghi sổ</strong>
          </div>
          <div className="signature-space" />
        </div>
        <div>
          <div>
            <em>
              {placeName ? `${placeName}, ` : ''}
              {signingDate()}
            </em>
          </div>
          <div>
            <strong>{signerTitle ?? 'XÁC NHẬN CỦA LÃNH ĐẠO'}</strong>
          </div>
          <div className="signature-space" />
          <div>
            <strong>{signerName ?? ''}</strong>
          </div>
        </div>
      </div>
    </div>
  );
}

/** An old paper logbook typed into the template: checked first (nothing written), then imported. */
function ImportCard({ stationId, onImported }: { stationId: string; onImported: () => void }) {
  const [file, setFile] = useState<UploadFile | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file?.originFileObj) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file.originFileObj);
      const response = await authorizedFetch(
        `/api/v1/stations/${stationId}/airings/import?dryRun=${dryRun ? 'true' : 'false'}`,
        { method: 'POST', body: form },
      );
      const body = (await response.json()) as ImportResult;
      setResult(body);
      if (!dryRun) {
        onImported();
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const summary = useMemo(() => {
    if (!result) {
      return null;
    }
    const what = result.dryRun ? 'Kiểm tra xong (chưa ghi gì)' : 'Đã nhập';
    return `${what}: ${result.created} lượt phát ${result.dryRun ? 'sẽ được ghi' : 'được ghi'}, ${result.skipped} dòng đã nhập từ trước, ${result.errors.length} dòng lỗi.`;
  }, [result]);

  return (
    <Card className="no-print" title="Nhập sổ phát sóng cũ" style={{ marginTop: 24 }}>
      <Typography.Paragraph>
        Chép sổ giấy vào tệp mẫu (mỗi dòng một lượt phát), bấm "Kiểm tra" để xem lỗi từng dòng mà chưa ghi gì,
        rồi bấm "Nhập". Nhập lại cùng một tệp không tạo lượt phát trùng.
      </Typography.Paragraph>
      <Space wrap>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() =>
            void downloadFile(
              `/api/v1/stations/${stationId}/airings/import-template.xlsx`,
              'mau-so-phat-song.xlsx',
            )
          }
        >
          Tải tệp mẫu
        </Button>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={() => false}
          fileList={file ? [file] : []}
          onChange={(info) => {
            setFile(info.fileList[0] ?? null);
            setResult(null);
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />}>Chọn tệp sổ cũ</Button>
        </Upload>
        <Button disabled={!file} loading={busy} onClick={() => void send(true)}>
          Kiểm tra
        </Button>
        <Button
          type="primary"
          disabled={!file || !result?.dryRun}
          loading={busy}
          onClick={() => void send(false)}
        >
          Nhập
        </Button>
      </Space>
      {error && <Alert type="error" showIcon style={{ marginTop: 16 }} message={error} />}
      {summary && (
        <Alert
          type={result && result.errors.length > 0 ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 16 }}
          message={summary}
        />
      )}
      {result && result.errors.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(e) => `${e.row}:${e.field}`}
          dataSource={result.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true, itemRender: namedPagerItems }}
          columns={[
            { title: 'Dòng', dataIndex: 'row' },
            { title: 'Cột', dataIndex: 'field' },
            { title: 'Lỗi', dataIndex: 'message' },
          ]}
        />
      )}
    </Card>
  );
}
