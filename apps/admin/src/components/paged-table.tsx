import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Table, type TableColumnsType, type TableProps } from 'antd';
import { LoadError } from './common';

export interface PageState {
  page: number;
  pageSize: number;
}

export const FIRST_PAGE: PageState = { page: 1, pageSize: 20 };

interface Props<T> {
  /** A paged list query of the api: `{items, total, page, pageSize}`. */
  query: UseQueryResult<{ items: T[]; total: number }>;
  columns: TableColumnsType<T>;
  page: PageState;
  onPage: (page: PageState) => void;
  /** What is counted: "12 người dùng". */
  noun: string;
  empty: string;
  /** Details shown under a row when it is opened ("Chi tiết"). */
  expandable?: TableProps<T>['expandable'];
}

/** A server-paged table with its loading, empty and error states, the same on every list screen. */
export function PagedTable<T extends { id: string }>({
  query,
  columns,
  page,
  onPage,
  noun,
  empty,
  expandable,
}: Props<T>) {
  if (query.isError) {
    return <LoadError error={query.error} retry={() => void query.refetch()} />;
  }
  return (
    <Table<T>
      rowKey="id"
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isFetching}
      scroll={{ x: 'max-content' }}
      expandable={expandable}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => `${total} ${noun}`,
        onChange: (p, pageSize) => onPage({ page: p, pageSize }),
      }}
      locale={{ emptyText: <Empty description={empty} /> }}
    />
  );
}
