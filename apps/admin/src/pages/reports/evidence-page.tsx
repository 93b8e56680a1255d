import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Empty,
  Select,
  Space,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, call, type Operations, type Schemas } from '../../api/client';
import { useUnits } from '../../api/queries';
import { ErrorNotice, PageHeader } from '../../components/common';
import { FIRST_PAGE, PagedTable, type PageState } from '../../components/paged-table';
import { errorMessage } from '../../lib/errors';
import { DATE_FORMAT, formatDateTime } from '../../lib/format';
import { Link } from 'react-router';
import { subjectLink } from './figure-rows';
import { useSession } from '../../session/session';

type Row = Schemas['EvidenceResponse'];
type EvidenceType = Operations['EvidenceController_list']['parameters']['query']['type'];

/** The row's technical side, for the one who checks the chain: method, place in the chain, hashes. */
function Details({ row }: { row: Row }) {
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="Cách ghi nhận">
        {row.methodLabel}
        {row.method === 'import' ? ' (dữ liệu cũ được nhập lại, ghi theo thời điểm gốc)' : ''}
      </Descriptions.Item>
      <Descriptions.Item label="Thời điểm ghi vào nhật ký">
        {formatDateTime(row.recordedAt)}
      </Descriptions.Item>
      <Descriptions.Item label="Số thứ tự trong chuỗi">{row.seq ?? 'đang nối (vài giây)'}</Descriptions.Item>
      <Descriptions.Item label="Mã băm nội dung">
        <Typography.Text code copyable>
          {row.contentHash}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label="Mã băm chuỗi">
        {row.hash ? (
          <Typography.Text code copyable>
            {row.hash}
          </Typography.Text>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="Ý nghĩa">
        Mã băm nội dung là “dấu vân tay” của dòng này; mã băm chuỗi gộp cả dấu vân tay của dòng trước. Sửa hay
        xóa bất kỳ dòng nào cũng làm các mã này không khớp, và nút “Kiểm tra tính toàn vẹn” sẽ chỉ ra dòng đó.
      </Descriptions.Item>
    </Descriptions>
  );
}

export default function EvidencePage() {
  const session = useSession();
  const units = useUnits();
  const [unitId, setUnitId] = useState<string | undefined>(session.unitId ?? undefined);
  const [type, setType] = useState<EvidenceType>();
  // The kinds' Vietnamese names come from the api, as the rows' own labels do.
  const kinds = useQuery({
    queryKey: ['evidence-types'],
    queryFn: () => call(api.GET('/api/v1/evidence/types')),
    staleTime: Infinity,
  });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const rows = useQuery({
    queryKey: ['evidence', unitId, type, from, to, page],
    queryFn: () =>
      call(api.GET('/api/v1/evidence', { params: { query: { unitId: unitId!, type, from, to, ...page } } })),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({
    mutationFn: () => call(api.GET('/api/v1/evidence/verify', { params: { query: { unitId: unitId! } } })),
  });

  const columns: TableColumnsType<Row> = [
    { title: 'Thời điểm', key: 'occurredAt', render: (_, r) => formatDateTime(r.occurredAt) },
    { title: 'Sự kiện', dataIndex: 'typeLabel', key: 'type' },
    {
      title: 'Nội dung',
      key: 'title',
      render: (_, r) => {
        const to = subjectLink({
          subjectType: r.subject.type,
          subjectId: r.subject.id,
          snapshot: r.snapshot,
        });
        const text = r.title || 'Không có tiêu đề';
        return to ? <Link to={to}>{text}</Link> : text;
      },
    },
    {
      title: 'Người thực hiện',
      key: 'actor',
      responsive: ['md'],
      render: (_, r) => r.actorName ?? (r.method === 'system' ? 'Hệ thống' : '—'),
    },
  ];

  return (
    <>
      <PageHeader
        title="Nhật ký chứng cứ"
        extra={
          <Button
            icon={<SafetyCertificateOutlined aria-hidden />}
            disabled={!unitId}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            Kiểm tra tính toàn vẹn
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        Mỗi lần đăng tin, phát sóng… được ghi một dòng không sửa, không xóa được; các dòng nối với nhau bằng
        mã băm SHA-256 nên mọi can thiệp đều bị phát hiện.
      </Typography.Paragraph>
      {verify.isError && <ErrorNotice message={errorMessage(verify.error)} />}
      {verify.data && (
        <Alert
          role="status"
          style={{ marginBottom: 16 }}
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          message={
            verify.data.ok
              ? `Chuỗi chứng cứ toàn vẹn: đã kiểm tra ${verify.data.checked} dòng.`
              : `Chuỗi chứng cứ bị sai lệch${verify.data.firstBrokenSeq ? ` từ dòng số ${verify.data.firstBrokenSeq}` : ''}.`
          }
          description={[
            verify.data.reason,
            verify.data.pending ? `${verify.data.pending} dòng đang chờ nối vào chuỗi.` : '',
          ]
            .filter(Boolean)
            .join(' ')}
        />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="Đơn vị"
          style={{ width: 260 }}
          value={unitId}
          onChange={(v: string) => {
            setUnitId(v);
            verify.reset();
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          showSearch
          optionFilterProp="label"
          placeholder="Chọn đơn vị"
        />
        <Select
          aria-label="Loại sự kiện"
          style={{ width: 220 }}
          allowClear
          placeholder="Mọi loại sự kiện"
          value={type}
          onChange={(v?: EvidenceType) => {
            setType(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          loading={kinds.isLoading}
          options={kinds.data?.types ?? []}
        />
        <DatePicker.RangePicker
          aria-label="Khoảng thời gian"
          format={DATE_FORMAT}
          value={range}
          onChange={(v) => {
            setRange(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
      </Space>
      {!unitId ? (
        <Empty description="Hãy chọn đơn vị" />
      ) : (
        <PagedTable<Row>
          query={rows}
          columns={columns}
          expandable={{
            expandedRowRender: (row) => <Details row={row} />,
            expandIcon: ({ expanded, onExpand, record }) => (
              <Button size="small" type="link" onClick={(e) => onExpand(record, e)} aria-expanded={expanded}>
                {expanded ? 'Ẩn' : 'Chi tiết'}
              </Button>
            ),
          }}
          page={page}
          onPage={setPage}
          noun="dòng"
          empty="Chưa có dòng chứng cứ nào trong khoảng này"
        />
      )}
    </>
  );
}
