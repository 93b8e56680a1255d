import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, call, downloadFile, type Schemas } from '../../api/client';
import { useUnits } from '../../api/queries';
import { ErrorNotice, LoadError, PageHeader, PageLoading } from '../../components/common';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../session/session';
import { FigureRowsDrawer } from './figure-rows';
import { PeriodPicker, thisYear, yearPeriod, type Period } from './period';
import './reports.css';

type Summary = Schemas['SummaryResponse'];
type UnitSummary = Schemas['UnitSummaryResponse'];
export type Figure = Schemas['FigureResponse'];

/** A figure's value in a summary: `radio.airings` → summary.radio.airings. */
export function valueOf(summary: UnitSummary, path: string): number {
  const [group, name] = path.split('.');
  return (summary as unknown as Record<string, Record<string, number>>)[group][name];
}

export const formatNumber = (n: number): string => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

export function useFigures() {
  return useQuery({
    queryKey: ['report-figures'],
    queryFn: () => call(api.GET('/api/v1/reports/figures')),
    staleTime: Infinity,
  });
}

const GROUPS = [
  { key: 'portal', title: 'Trang thông tin điện tử' },
  { key: 'radio', title: 'Đài truyền thanh' },
  { key: 'activities', title: 'Hoạt động khác (nhập tay)' },
] as const;

/** The figures of one group as a list of buttons: the number, its name, and a click opens its rows. */
function FigureList({
  figures,
  summary,
  onOpen,
}: {
  figures: Figure[];
  summary: UnitSummary;
  onOpen: (figure: Figure) => void;
}) {
  return (
    <ul className="report-figures">
      {figures.map((f) => (
        <li key={f.path}>
          {/* Named by what it shows (label, then number; the number is drawn first): a screen reader says
              "Lượt phát sóng: 3. Xem các dòng chứng cứ", and a voice user can say what they see. */}
          <Button type="link" onClick={() => onOpen(f)}>
            <span className="report-figure-label">
              {f.label}
              <span className="visually-hidden">: </span>
            </span>
            <span className="report-figure-value">{formatNumber(valueOf(summary, f.path))}</span>
            <span className="visually-hidden">. Xem các dòng chứng cứ</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

export default function SummaryPage() {
  const session = useSession();
  const units = useUnits();
  const figures = useFigures();
  const [unitId, setUnitId] = useState<string | undefined>(session.unitId ?? undefined);
  const [period, setPeriod] = useState<Period>(() => yearPeriod(thisYear()));
  const [includeChildren, setIncludeChildren] = useState(false);
  const [open, setOpen] = useState<Figure | null>(null);
  const query = { unitId: unitId ?? '', from: period.from, to: period.to, includeChildren };
  const summary = useQuery({
    queryKey: ['report-summary', query],
    queryFn: () =>
      call(
        api.GET('/api/v1/reports/summary', {
          params: { query: { ...query, includeChildren: includeChildren ? 'true' : 'false' } },
        }),
      ),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
  const download = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') =>
      downloadFile(
        `/api/v1/reports/summary.${format}?unitId=${unitId}&from=${period.from}&to=${period.to}&includeChildren=${includeChildren}`,
        `so-lieu.${format}`,
      ),
  });
  const hasChildren = (units.data ?? []).some((u) => u.parentId === unitId);

  return (
    <>
      <PageHeader
        title="Số liệu báo cáo"
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={!summary.data}
              onClick={() => download.mutate('xlsx')}
            >
              Tải Excel
            </Button>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={!summary.data}
              onClick={() => download.mutate('csv')}
            >
              Tải CSV
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        Mọi số liệu được đếm từ nhật ký chứng cứ: tin bài tính theo lần đăng đầu tiên, lượt phát sóng chỉ tính
        lượt đã phát trọn. Bấm vào một số để xem các dòng chứng cứ tạo nên số đó.
      </Typography.Paragraph>
      <ErrorNotice message={download.isError ? errorMessage(download.error) : null} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="Đơn vị"
          style={{ width: 280 }}
          value={unitId}
          onChange={(v: string) => setUnitId(v)}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          showSearch
          optionFilterProp="label"
          placeholder="Chọn đơn vị"
        />
        <PeriodPicker value={period} onChange={setPeriod} />
        {hasChildren && (
          <label>
            <Switch checked={includeChildren} onChange={setIncludeChildren} /> Gồm các đơn vị cấp dưới
          </label>
        )}
      </Space>
      {!unitId ? (
        <Empty description="Hãy chọn đơn vị" />
      ) : summary.isError ? (
        <LoadError error={summary.error} retry={() => void summary.refetch()} />
      ) : !summary.data || !figures.data ? (
        <PageLoading />
      ) : (
        <SummaryView summary={summary.data} figures={figures.data} onOpen={setOpen} />
      )}
      {unitId && <FigureRowsDrawer query={query} figure={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function SummaryView({
  summary,
  figures,
  onOpen,
}: {
  summary: Summary;
  figures: Figure[];
  onOpen: (f: Figure) => void;
}) {
  const keyFigures = [
    'portal.articlesPublished',
    'portal.cchcArticlesPublished',
    'radio.airings',
    'portal.visits',
  ];
  return (
    <>
      <Row gutter={[16, 16]}>
        {GROUPS.map((g) => (
          <Col xs={24} lg={8} key={g.key}>
            <Card title={g.title} size="small">
              <FigureList
                figures={figures.filter((f) => f.path.startsWith(`${g.key}.`))}
                summary={summary}
                onOpen={onOpen}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title="Tin bài theo chuyên mục" size="small">
            <Table
              rowKey={(c) => `${c.categoryId ?? ''}${c.name}`}
              size="small"
              pagination={false}
              dataSource={summary.portal.byCategory}
              locale={{ emptyText: 'Chưa có tin bài nào được đăng trong kỳ' }}
              columns={[
                { title: 'Chuyên mục', dataIndex: 'name', key: 'name' },
                { title: 'Tin bài', dataIndex: 'count', key: 'count', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        {summary.children && (
          <Col xs={24} lg={12}>
            <Card title="Các đơn vị cấp dưới" size="small">
              <Table<UnitSummary>
                rowKey="unitId"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={summary.children}
                locale={{ emptyText: 'Không có đơn vị cấp dưới' }}
                columns={[
                  { title: 'Đơn vị', dataIndex: 'unitName', key: 'unitName' },
                  ...keyFigures.map((path) => ({
                    title: figures.find((f) => f.path === path)?.label ?? path,
                    key: path,
                    align: 'right' as const,
                    render: (_: unknown, child: UnitSummary) => formatNumber(valueOf(child, path)),
                  })),
                ]}
              />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
