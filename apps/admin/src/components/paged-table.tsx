import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Grid, Table, type PaginationProps, type TableColumnsType, type TableProps } from 'antd';
import { cloneElement, isValidElement, type ReactElement } from 'react';
import { LoadError } from './common';

export interface PageState {
  page: number;
  pageSize: number;
}

export const FIRST_PAGE: PageState = { page: 1, pageSize: 20 };

const PAGER_NAMES: Record<string, string> = {
  prev: 'Trang trước',
  next: 'Trang sau',
  'jump-prev': 'Lùi 5 trang',
  'jump-next': 'Tiến 5 trang',
};

/**
 * A pager's arrows named in Vietnamese: antd draws them as icons only (its locale names only the tooltip),
 * so without this a screen reader finds unnamed buttons. Every list's pagination uses it.
 */
export const namedPagerItems: PaginationProps['itemRender'] = (_page, type, original) =>
  PAGER_NAMES[type] && isValidElement(original)
    ? cloneElement(original as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': PAGER_NAMES[type] })
    : original;

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

/**
 * How a list fits its screen: on a phone the columns share the width and long titles wrap, so the key columns
 * (a title and its status; the others say `responsive`) stay in view; on a wider screen a long row may scroll.
 */
export function useListFit(): Pick<TableProps<unknown>, 'scroll' | 'tableLayout'> {
  const screens = Grid.useBreakpoint();
  return screens.md === false ? { tableLayout: 'fixed' } : { scroll: { x: 'max-content' } };
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
  const fit = useListFit();
  if (query.isError) {
    return <LoadError error={query.error} retry={() => void query.refetch()} />;
  }
  return (
    <Table<T>
      rowKey="id"
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isFetching}
      {...fit}
      expandable={expandable}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => `${total} ${noun}`,
        itemRender: namedPagerItems,
        onChange: (p, pageSize) => onPage({ page: p, pageSize }),
      }}
      locale={{ emptyText: <Empty description={empty} /> }}
    />
  );
}
