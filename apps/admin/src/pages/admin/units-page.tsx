import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Space, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { toTree, useUnits, type UnitNode } from '../../api/queries';
import { LoadError, PageHeader } from '../../components/common';
import { useListFit } from '../../components/paged-table';
import { slugify } from '../../lib/format';
import { UNIT_KIND_LABELS } from '../../lib/labels';
import { useSession } from '../../session/session';

export default function UnitsPage() {
  const session = useSession();
  const units = useUnits();
  const [filter, setFilter] = useState('');
  const canEdit = (id: string): boolean => session.can('units.edit', id);

  const tree = useMemo(() => {
    const all = units.data ?? [];
    const needle = slugify(filter);
    const shown = needle ? all.filter((u) => slugify(`${u.name} ${u.code}`).includes(needle)) : all;
    return toTree(shown);
  }, [units.data, filter]);

  const fit = useListFit();
  const columns: TableColumnsType<UnitNode> = [
    { title: 'Tên đơn vị', dataIndex: 'name', key: 'name' },
    { title: 'Mã', dataIndex: 'code', key: 'code', responsive: ['md'] },
    { title: 'Loại', key: 'kind', render: (_, u) => UNIT_KIND_LABELS[u.kind], responsive: ['md'] },
    { title: 'Đường dẫn cổng', dataIndex: 'slug', key: 'slug', responsive: ['lg'] },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, u) => (
        <Space wrap size="small">
          {canEdit(u.id) && <Link to={`/quan-tri/don-vi/${u.id}`}>Sửa</Link>}
          <a
            href={`/site/${u.slug}/`}
            target="_blank"
            rel="noreferrer"
            aria-label={`Xem cổng thông tin của ${u.name}`}
          >
            Xem cổng thông tin
          </a>
          {session.isSystemAdmin && (
            <Link to={`/quan-tri/don-vi/tao-moi?parentId=${u.id}`}>Thêm đơn vị con</Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Đơn vị"
        extra={
          session.isSystemAdmin && (
            <Link to="/quan-tri/don-vi/tao-moi">
              <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                Thêm đơn vị
              </Button>
            </Link>
          )
        }
      />
      <Input.Search
        enterButton="Tìm"
        aria-label="Tìm đơn vị"
        placeholder="Tìm theo tên hoặc mã (gõ có dấu hay không dấu đều được)"
        allowClear
        onChange={(e) => setFilter(e.target.value)}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      {units.isError ? (
        <LoadError error={units.error} retry={() => void units.refetch()} />
      ) : (
        <Table<UnitNode>
          rowKey="id"
          columns={columns}
          dataSource={tree}
          loading={units.isLoading}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          key={tree.length === 0 ? 'empty' : 'tree'}
          {...fit}
          locale={{
            emptyText: <Empty description={filter ? 'Không có đơn vị nào khớp' : 'Chưa có đơn vị nào'} />,
          }}
        />
      )}
    </>
  );
}
