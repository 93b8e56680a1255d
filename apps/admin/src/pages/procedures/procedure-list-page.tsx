import { CloudUploadOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Empty, Input, Select, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call, downloadFile } from '../../api/client';
import {
  exportUrl,
  filterQuery,
  type OnlineLevel,
  type Procedure,
  type ProcedureListQuery,
  type ProcedureStatus,
} from '../../api/procedures';
import { PageHeader } from '../../components/common';
import { FIRST_PAGE, PagedTable, type PageState } from '../../components/paged-table';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { ONLINE_LEVEL_LABELS, PROCEDURE_STATUS } from '../../lib/labels';
import { useSession } from '../../session/session';
import { StatusTag } from './status-tag';

type Filters = Omit<ProcedureListQuery, 'page' | 'pageSize'>;

export default function ProcedureListPage() {
  const session = useSession();
  const unitId = session.unitId;
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  // The home screen's to-dos open this list filtered: ?published=false.
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => {
    const published = params.get('published');
    return published === 'true' || published === 'false' ? { published } : {};
  });
  const [fieldText, setFieldText] = useState('');
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const procedures = useQuery({
    queryKey: ['procedures', 'list', unitId, filters, page],
    queryFn: () =>
      call(
        api.GET('/api/v1/units/{unitId}/procedures', {
          params: { path: { unitId: unitId ?? '' }, query: { ...filters, ...page } },
        }),
      ),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
  // Lĩnh vực of the lists of this unit loaded so far, offered while typing the field filter.
  const knownFields = [
    ...new Set(
      queryClient
        .getQueriesData<{ items: Procedure[] }>({ queryKey: ['procedures', 'list', unitId] })
        .flatMap(([, loaded]) => loaded?.items.map((p) => p.field) ?? []),
    ),
  ].sort((x, y) => x.localeCompare(y, 'vi'));

  const filter = (next: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setPage(FIRST_PAGE);
  };

  // Typed text becomes the filter on Enter or on leaving the box, only when it changed (the page stays).
  const applyField = () => {
    const field = fieldText.trim() || undefined;
    if (field !== filters.field) {
      filter({ field });
    }
  };

  const publishAll = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/units/{unitId}/procedures/publish-all', {
          params: { path: { unitId: unitId ?? '' } },
        }),
      ),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['procedures'] });
      void message.success(
        result.published === 0
          ? 'Không có thủ tục nào chờ đăng'
          : `Đã đăng ${result.published} thủ tục lên cổng thông tin`,
      );
    },
    onError: (error) => void modal.error({ title: 'Không đăng được', content: errorMessage(error) }),
  });

  const exportFile = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') =>
      downloadFile(exportUrl(unitId ?? '', format, filterQuery(filters)), `thu-tuc-hanh-chinh.${format}`),
    onSuccess: (name) => void message.success(`Đã tải về ${name}`),
    onError: (error) => void modal.error({ title: 'Không xuất được tệp', content: errorMessage(error) }),
  });

  const columns: TableColumnsType<Procedure> = [
    { title: 'Mã TTHC', key: 'code', render: (_, p) => p.code },
    {
      title: 'Tên thủ tục',
      key: 'name',
      render: (_, p) => <Link to={`/thu-tuc/${p.id}`}>{p.name}</Link>,
    },
    { title: 'Lĩnh vực', key: 'field', responsive: ['md'], render: (_, p) => p.field },
    { title: 'Trạng thái', key: 'status', render: (_, p) => <StatusTag status={p.status} /> },
    {
      title: 'Dịch vụ công trực tuyến',
      key: 'onlineLevel',
      responsive: ['lg'],
      render: (_, p) => ONLINE_LEVEL_LABELS[p.onlineLevel ?? 'none'],
    },
    {
      title: 'Ngày đăng',
      key: 'publishedAt',
      responsive: ['md'],
      render: (_, p) => (p.publishedAt ? formatDate(p.publishedAt) : 'Chưa đăng'),
    },
  ];

  const canWrite = session.can('procedures.create');
  const canPublish = session.can('procedures.publish');

  return (
    <>
      <PageHeader
        title="Thủ tục hành chính"
        extra={
          <>
            {canWrite && (
              <Link to="/thu-tuc/them-moi">
                <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                  Thêm thủ tục
                </Button>
              </Link>
            )}
            {canWrite && (
              <Link to="/thu-tuc/nhap-tu-tep">
                <Button icon={<CloudUploadOutlined aria-hidden />}>Nhập từ tệp</Button>
              </Link>
            )}
            {canPublish && (
              <Button
                loading={publishAll.isPending}
                disabled={!unitId}
                onClick={() =>
                  void modal.confirm({
                    title: 'Đăng tất cả thủ tục?',
                    content:
                      'Mọi thủ tục còn hiệu lực (kể cả sửa đổi, bổ sung) chưa đăng sẽ được đăng lên cổng thông tin của đơn vị.',
                    okText: 'Đăng tất cả',
                    cancelText: 'Hủy',
                    onOk: () => publishAll.mutateAsync().catch(() => undefined),
                  })
                }
              >
                Đăng tất cả
              </Button>
            )}
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={!unitId}
              loading={exportFile.isPending && exportFile.variables === 'xlsx'}
              onClick={() => exportFile.mutate('xlsx')}
            >
              Xuất Excel
            </Button>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={!unitId}
              loading={exportFile.isPending && exportFile.variables === 'csv'}
              onClick={() => exportFile.mutate('csv')}
            >
              Xuất CSV
            </Button>
          </>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          enterButton="Tìm"
          aria-label="Tìm thủ tục"
          placeholder="Tìm theo mã, tên, lĩnh vực (không dấu cũng được)"
          allowClear
          onSearch={(value) => filter({ q: value.trim() || undefined })}
          style={{ width: 320 }}
        />
        <AutoComplete
          aria-label="Lĩnh vực"
          placeholder="Mọi lĩnh vực"
          allowClear
          value={fieldText}
          options={knownFields
            .filter((f) => f.toLowerCase().includes(fieldText.toLowerCase()))
            .map((f) => ({ value: f }))}
          onChange={(value: string | undefined) => {
            setFieldText(value ?? '');
            if (!value) {
              filter({ field: undefined });
            }
          }}
          onSelect={(value?: string) => filter({ field: value })}
          onBlur={() => applyField()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              applyField();
            }
          }}
          style={{ width: 200 }}
        />
        <Select
          aria-label="Trạng thái"
          allowClear
          placeholder="Mọi trạng thái"
          style={{ width: 180 }}
          value={filters.status}
          onChange={(v?: ProcedureStatus) => filter({ status: v })}
          options={Object.entries(PROCEDURE_STATUS).map(([value, s]) => ({ value, label: s.label }))}
        />
        <Select
          aria-label="Mức độ dịch vụ công trực tuyến"
          allowClear
          placeholder="Mọi mức độ trực tuyến"
          style={{ width: 200 }}
          value={filters.onlineLevel}
          onChange={(v?: OnlineLevel) => filter({ onlineLevel: v })}
          options={Object.entries(ONLINE_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          aria-label="Đăng trên cổng thông tin"
          allowClear
          placeholder="Đã đăng hay chưa"
          style={{ width: 180 }}
          value={filters.published}
          onChange={(v?: 'true' | 'false') => filter({ published: v })}
          options={[
            { value: 'true', label: 'Đã đăng' },
            { value: 'false', label: 'Chưa đăng' },
          ]}
        />
      </Space>
      {!unitId ? (
        <Empty description="Hãy chọn đơn vị" />
      ) : (
        <PagedTable<Procedure>
          query={procedures}
          columns={columns}
          page={page}
          onPage={setPage}
          noun="thủ tục"
          empty="Chưa có thủ tục nào"
        />
      )}
    </>
  );
}
