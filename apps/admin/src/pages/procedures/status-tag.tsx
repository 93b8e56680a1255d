import { Tag } from 'antd';
import type { ProcedureStatus } from '../../api/procedures';
import { PROCEDURE_STATUS } from '../../lib/labels';

export function StatusTag({ status }: { status: ProcedureStatus | undefined }) {
  const s = PROCEDURE_STATUS[status ?? 'active'];
  return <Tag color={s.color}>{s.label}</Tag>;
}
