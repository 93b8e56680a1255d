import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Descriptions, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { useUnits } from '../api/queries';
import { LoadError, PageHeader, PageLoading } from '../components/common';
import { ROLE_LABELS, UNIT_KIND_LABELS } from '../lib/labels';
import { useSession } from '../session/session';
import { thisYear } from './reports/period';
import './reports/reports.css';

const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
const n = (v: number) => v.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** The home screen: each person's work today, and the unit's year at a glance. */
export default function HomePage() {
  const session = useSession();
  const units = useUnits();
  const unitId = session.unitId;
  const unit = units.data?.find((u) => u.id === unitId);
  return (
    <>
      <PageHeader title={`Xin chào, ${session.user.fullName}`} />
      <Row gutter={[16, 16]}>
        {unitId && (
          <Col xs={24} lg={12}>
            <Todos unitId={unitId} />
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title="Đơn vị đang làm việc" size="small">
            {units.isLoading ? (
              <PageLoading />
            ) : units.isError ? (
              <LoadError error={units.error} retry={() => void units.refetch()} />
            ) : unit ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label="Tên">{unit.name}</Descriptions.Item>
                <Descriptions.Item label="Loại">{UNIT_KIND_LABELS[unit.kind]}</Descriptions.Item>
                <Descriptions.Item label="Vai trò của bạn">
                  {session.isSystemAdmin ? (
                    <Tag color="red">Quản trị hệ thống</Tag>
                  ) : (
                    session.roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>)
                  )}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty
                description={
                  session.isSystemAdmin ? (
                    <>
                      Chưa có đơn vị nào. <Link to="/quan-tri/don-vi/tao-moi">Thêm đơn vị đầu tiên</Link>
                    </>
                  ) : (
                    'Tài khoản chưa thuộc đơn vị nào. Hãy liên hệ quản trị.'
                  )
                }
              />
            )}
          </Card>
        </Col>
        {unitId && (
          <Col xs={24}>
            <YearAtAGlance unitId={unitId} />
          </Col>
        )}
      </Row>
    </>
  );
}

/** What waits for this person in the unit: each line a link to the list that holds it. */
function Todos({ unitId }: { unitId: string }) {
  const session = useSession();
  const todos = useQuery({
    queryKey: ['todos', unitId],
    queryFn: () => call(api.GET('/api/v1/reports/todos', { params: { query: { unitId } } })),
  });
  if (todos.isError) {
    return <LoadError error={todos.error} retry={() => void todos.refetch()} />;
  }
  const t = todos.data;
  const items = t
    ? [
        session.can('articles.approve') && {
          key: 'approve',
          label: 'Tin bài chờ duyệt',
          count: t.articlesToApprove,
          to: '/tin-bai?status=submitted',
        },
        session.can('articles.create') && {
          key: 'returned',
          label: 'Tin bài của tôi bị trả lại',
          count: t.articlesReturnedToMe,
          to: '/tin-bai?status=rejected',
        },
        session.can('audio.request') && {
          key: 'audio',
          label: 'Tin bài đã duyệt chưa có bản tin âm thanh',
          count: t.approvedWithoutAudio,
          to: '/tin-bai?status=approved',
        },
        session.can('procedures.publish') && {
          key: 'procedures',
          label: 'Thủ tục hành chính chưa công khai',
          count: t.proceduresUnpublished,
          to: '/thu-tuc?published=false',
        },
        session.can('broadcast.read') && {
          key: 'plans',
          label:
            t.plansNotApproved.length === 0
              ? 'Lịch phát sóng hôm nay đã duyệt'
              : `Lịch phát sóng hôm nay chưa duyệt: ${t.plansNotApproved
                  .map((p) => `${p.stationName} (${p.plan === 'missing' ? 'chưa lập' : 'chưa duyệt'})`)
                  .join(', ')}`,
          count: t.plansNotApproved.length,
          to: '/phat-song/lich',
        },
      ].filter((x): x is { key: string; label: string; count: number; to: string } => !!x)
    : [];
  return (
    <Card title="Việc cần làm" size="small">
      {!t ? (
        <PageLoading />
      ) : items.length === 0 ? (
        <Empty description="Không có việc nào đang chờ bạn" />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <Link to={item.to}>
                <Badge
                  count={item.count}
                  showZero
                  overflowCount={999}
                  color={item.count > 0 ? '#d4380d' : '#389e0d'}
                  style={{ marginRight: 8 }}
                />{' '}
                {item.label}
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** This year's counts (the same per-day counts as the report) and tin bài and lượt phát sóng by month. */
function YearAtAGlance({ unitId }: { unitId: string }) {
  const session = useSession();
  const year = thisYear();
  const summary = useQuery({
    queryKey: [
      'report-summary',
      { unitId, from: `${year}-01-01`, to: `${year}-12-31`, includeChildren: false },
    ],
    queryFn: () =>
      call(
        api.GET('/api/v1/reports/summary', {
          params: { query: { unitId, from: `${year}-01-01`, to: `${year}-12-31`, includeChildren: 'false' } },
        }),
      ),
  });
  const months = useQuery({
    queryKey: ['report-months', unitId, year],
    queryFn: () => call(api.GET('/api/v1/reports/months', { params: { query: { unitId, year } } })),
  });
  if (summary.isError || months.isError) {
    return <LoadError error={summary.error ?? months.error} retry={() => void summary.refetch()} />;
  }
  if (!summary.data || !months.data) {
    return (
      <Card title={`Năm ${year}`} size="small">
        <PageLoading />
      </Card>
    );
  }
  const s = summary.data;
  const reports = session.can('reports.read');
  const figure = (title: string, value: number, to: string, suffix?: string) => (
    <Col xs={12} md={8} xl={4} key={title}>
      {/* Named by what it shows ("Tin bài đã đăng: 12"), so a voice user can say what they see. */}
      <Link to={to}>
        <Statistic
          title={
            <>
              {title}
              <span className="visually-hidden">: </span>
            </>
          }
          value={n(value)}
          suffix={suffix}
        />
      </Link>
    </Col>
  );
  const max = Math.max(1, ...months.data.months.flatMap((m) => [m.articlesPublished, m.airings]));
  return (
    <Card title={`Năm ${year} tại ${s.unitName}`} size="small">
      <Row gutter={[16, 16]} className="year-figures">
        {figure(
          'Tin bài đã đăng',
          s.portal.articlesPublished,
          reports ? '/bao-cao/so-lieu' : '/tin-bai?status=published',
        )}
        {figure(
          'Tin bài CCHC',
          s.portal.cchcArticlesPublished,
          reports ? '/bao-cao/so-lieu' : '/tin-bai?status=published',
        )}
        {figure('Bài trên đài', s.radio.piecesProduced, reports ? '/bao-cao/so-lieu' : '/am-thanh')}
        {figure('Lượt phát sóng', s.radio.airings, reports ? '/bao-cao/so-lieu' : '/phat-song/so-nhat-ky')}
        {figure(
          'Thủ tục đã công khai',
          s.portal.proceduresPublished,
          reports ? '/bao-cao/so-lieu' : '/thu-tuc',
        )}
        {figure('Lượt truy cập', s.portal.visits, reports ? '/bao-cao/so-lieu' : '/')}
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Tin bài và lượt phát sóng theo tháng
      </Typography.Title>
      <div className="chart-legend" aria-hidden="true" style={{ marginBottom: 8 }}>
        <span className="articles">Tin bài đã đăng</span>{' '}
        <span className="airings" style={{ marginLeft: 16 }}>
          Lượt phát sóng
        </span>
      </div>
      <div className="month-chart" aria-hidden="true">
        {months.data.months.map((m) => (
          <div
            className="bars"
            key={m.month}
            title={`Tháng ${m.month}: ${m.articlesPublished} tin bài, ${m.airings} lượt phát sóng`}
          >
            <div className="bar articles" style={{ height: `${(m.articlesPublished / max) * 100}%` }} />
            <div className="bar airings" style={{ height: `${(m.airings / max) * 100}%` }} />
          </div>
        ))}
      </div>
      <div className="month-chart-axis" aria-hidden="true">
        {MONTHS.map((m) => (
          <span key={m}>T{m}</span>
        ))}
      </div>
      <table className="visually-hidden">
        <caption>Tin bài và lượt phát sóng theo tháng năm {year}</caption>
        <thead>
          <tr>
            <th scope="col">Tháng</th>
            <th scope="col">Tin bài đã đăng</th>
            <th scope="col">Lượt phát sóng</th>
          </tr>
        </thead>
        <tbody>
          {months.data.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">Tháng {m.month}</th>
              <td>{m.articlesPublished}</td>
              <td>{m.airings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
