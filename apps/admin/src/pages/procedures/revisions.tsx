import { HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import type { ProcedureRevision } from '../../api/procedures';
import { LoadError } from '../../components/common';
import { formatDateTime } from '../../lib/format';
import { PROCEDURE_ACTION_LABELS, PROCEDURE_STATUS, procedureFieldLabel } from '../../lib/labels';

/** "Lịch sử thay đổi": every change of the procedure, newest first, with the components it changed. */
export function ProcedureHistory({ procedureId, version }: { procedureId: string; version: number }) {
  const [open, setOpen] = useState(false);
  const revisions = useQuery({
    queryKey: ['procedures', procedureId, 'revisions', version],
    queryFn: () =>
      call(api.GET('/api/v1/procedures/{id}/revisions', { params: { path: { id: procedureId } } })),
    enabled: open,
  });
  return (
    <>
      <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setOpen(true)}>
        Lịch sử thay đổi
      </Button>
      <Drawer
        title="Lịch sử thay đổi"
        open={open}
        onClose={() => setOpen(false)}
        width={Math.min(640, window.innerWidth)}
      >
        {revisions.isError ? (
          <LoadError error={revisions.error} retry={() => void revisions.refetch()} />
        ) : (
          <List<ProcedureRevision>
            loading={revisions.isLoading}
            dataSource={revisions.data ?? []}
            locale={{ emptyText: <Empty description="Chưa có thay đổi nào" /> }}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta
                  title={`Phiên bản ${r.version}: ${PROCEDURE_ACTION_LABELS[r.action] ?? r.action}`}
                  description={
                    <Space direction="vertical" size={2}>
                      <span>{formatDateTime(r.createdAt)}</span>
                      {r.changed.length > 0 && (
                        <span>
                          Đã thay đổi: {[...new Set(r.changed.map(procedureFieldLabel))].join(', ')}
                        </span>
                      )}
                      {r.reason && (
                        <span>
                          <Typography.Text strong>Lý do: </Typography.Text>
                          {r.reason}
                        </span>
                      )}
                    </Space>
                  }
                />
                <Tag color={PROCEDURE_STATUS[r.status].color}>{PROCEDURE_STATUS[r.status].label}</Tag>
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
