import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Drawer, Statistic, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { FIRST_PAGE, PagedTable, type PageState } from '../../components/paged-table';
import { formatDate, formatDateTime } from '../../lib/format';

type Row = Schemas['FigureRowResponse'];

/** Where a row of the log leads in the admin app: its article, procedure, audio or the station's logbook. */
export function subjectLink(row: {
  subjectType: string | null;
  subjectId: string | null;
  snapshot?: Record<string, unknown> | null;
}): string | null {
  const articleId = typeof row.snapshot?.articleId === 'string' ? row.snapshot.articleId : null;
  switch (row.subjectType ?? '') {
    case 'article':
      return `/tin-bai/${row.subjectId}`;
    case 'procedure':
      return `/thu-tuc/${row.subjectId}`;
    case 'audio':
      return articleId ? `/tin-bai/${articleId}` : '/am-thanh';
    case 'airing':
    case 'plan':
      return '/phat-song/so-nhat-ky';
    default:
      return null;
  }
}

/** The rows behind one figure of the summary, in a drawer: what a person opens to check a number. */
export function FigureRowsDrawer({
  query,
  figure,
  onClose,
}: {
  query: { unitId: string; from: string; to: string; includeChildren: boolean };
  figure: { path: string; label: string } | null;
  onClose: () => void;
}) {
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const rows = useQuery({
    queryKey: ['figure-rows', query, figure?.path, page],
    queryFn: () =>
      call(
        api.GET('/api/v1/reports/figure-rows', {
          params: {
            query: {
              unitId: query.unitId,
              from: query.from,
              to: query.to,
              includeChildren: query.includeChildren ? 'true' : 'false',
              figure: figure!.path as never,
              ...page,
            },
          },
        }),
      ),
    enabled: !!figure,
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Row> = [
    {
      title: 'Thời điểm',
      key: 'occurredAt',
      render: (_, r) => (r.source === 'evidence' ? formatDateTime(r.occurredAt) : formatDate(r.occurredAt)),
    },
    {
      title: 'Nội dung',
      key: 'title',
      render: (_, r) => {
        const to = subjectLink(r);
        return to ? <Link to={to}>{r.title}</Link> : r.title;
      },
    },
    { title: 'Sự kiện', dataIndex: 'typeLabel', key: 'typeLabel', responsive: ['md'] },
    ...(query.includeChildren ? [{ title: 'Đơn vị', dataIndex: 'unitName', key: 'unitName' }] : []),
    {
      title: 'Số lượng',
      key: 'quantity',
      align: 'right',
      render: (_, r) =>
        r.minutes !== null ? `${r.minutes.toLocaleString('vi-VN')} phút` : r.quantity.toLocaleString('vi-VN'),
    },
    {
      title: 'Người thực hiện',
      dataIndex: 'actorName',
      key: 'actorName',
      responsive: ['lg'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: 'Cách ghi',
      key: 'method',
      responsive: ['lg'],
      render: (_, r) => r.methodLabel ?? '—',
    },
  ];
  return (
    <Drawer
      open={!!figure}
      onClose={onClose}
      width={Math.min(960, typeof window === 'undefined' ? 960 : window.innerWidth)}
      title={figure?.label}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Mỗi dòng dưới đây là một bằng chứng được tính vào số liệu, từ{' '}
        {formatDate(`${query.from}T12:00:00+07:00`)} đến {formatDate(`${query.to}T12:00:00+07:00`)}.
      </Typography.Paragraph>
      {rows.data && (
        <Statistic
          title="Giá trị trong báo cáo"
          value={rows.data.value}
          groupSeparator="."
          decimalSeparator=","
        />
      )}
      <PagedTable<Row>
        query={rows}
        columns={columns}
        page={page}
        onPage={setPage}
        noun="dòng"
        empty="Không có dòng nào trong kỳ này"
      />
    </Drawer>
  );
}
