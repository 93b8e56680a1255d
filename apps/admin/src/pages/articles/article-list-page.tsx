import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCategories, type Article } from '../../api/articles';
import { api, call, type Operations } from '../../api/client';
import { PageHeader } from '../../components/common';
import { FIRST_PAGE, PagedTable, type PageState } from '../../components/paged-table';
import { formatDateTime } from '../../lib/format';
import { ARTICLE_STATUS } from '../../lib/labels';
import { useSession } from '../../session/session';

type Status = Operations['ArticlesController_list']['parameters']['query']['status'];

export default function ArticleListPage() {
  const session = useSession();
  const unitId = session.unitId;
  const categories = useCategories(unitId);
  // The home screen's to-dos open this list filtered: ?status=submitted.
  const [params] = useSearchParams();
  const [status, setStatus] = useState<Status>(() => (params.get('status') as Status | null) ?? undefined);
  const [categoryId, setCategoryId] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const articles = useQuery({
    queryKey: ['articles', unitId, status, categoryId, q, page],
    queryFn: () =>
      call(
        api.GET('/api/v1/articles', {
          params: { query: { unitId: unitId ?? '', status, categoryId, q: q || undefined, ...page } },
        }),
      ),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
  const categoryName = (id: string): string => categories.data?.find((c) => c.id === id)?.name ?? '';

  const columns: TableColumnsType<Article> = [
    {
      title: 'Tiêu đề',
      key: 'title',
      render: (_, a) => <Link to={`/tin-bai/${a.id}`}>{a.title}</Link>,
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, a) => <Tag color={ARTICLE_STATUS[a.status].color}>{ARTICLE_STATUS[a.status].label}</Tag>,
    },
    {
      title: 'Chuyên mục',
      key: 'categories',
      responsive: ['md'],
      render: (_, a) => a.categoryIds.map(categoryName).join(', '),
    },
    {
      title: 'Cập nhật',
      key: 'updatedAt',
      responsive: ['lg'],
      render: (_, a) => formatDateTime(a.updatedAt),
    },
    {
      title: 'Ngày đăng',
      key: 'publishedAt',
      responsive: ['lg'],
      render: (_, a) => formatDateTime(a.publishedAt),
    },
  ];

  return (
    <>
      <PageHeader
        title="Tin bài"
        extra={
          session.can('articles.create') && (
            <Link to="/tin-bai/viet-bai">
              <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                Viết tin bài
              </Button>
            </Link>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          enterButton="Tìm"
          aria-label="Tìm tin bài"
          placeholder="Tìm (có dấu hay không dấu đều được)"
          allowClear
          onSearch={(value) => {
            setQ(value.trim());
            setPage(FIRST_PAGE);
          }}
          style={{ width: 280 }}
        />
        <Select
          aria-label="Trạng thái"
          allowClear
          placeholder="Mọi trạng thái"
          style={{ width: 180 }}
          value={status}
          onChange={(v?: Status) => {
            setStatus(v);
            setPage(FIRST_PAGE);
          }}
          options={Object.entries(ARTICLE_STATUS).map(([value, s]) => ({ value, label: s.label }))}
        />
        <Select
          aria-label="Chuyên mục"
          allowClear
          placeholder="Mọi chuyên mục"
          style={{ width: 240 }}
          value={categoryId}
          onChange={(v?: string) => {
            setCategoryId(v);
            setPage(FIRST_PAGE);
          }}
          options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Space>
      {!unitId ? (
        <Empty description="Hãy chọn đơn vị" />
      ) : (
        <PagedTable<Article>
          query={articles}
          columns={columns}
          page={page}
          onPage={setPage}
          noun="tin bài"
          empty="Chưa có tin bài nào"
        />
      )}
    </>
  );
}
