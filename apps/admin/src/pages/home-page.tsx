import { Card, Col, Descriptions, Empty, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useUnits } from '../api/queries';
import { LoadError, PageHeader, PageLoading } from '../components/common';
import { FEATURES } from '../features';
import { ROLE_LABELS, UNIT_KIND_LABELS } from '../lib/labels';
import { useSession } from '../session/session';

export default function HomePage() {
  const session = useSession();
  const units = useUnits();
  const unit = units.data?.find((u) => u.id === session.unitId);
  const shortcuts = FEATURES.filter((f) => f.inMenu && f.path !== '/' && f.allowed(session));

  return (
    <>
      <PageHeader title={`Xin chào, ${session.user.fullName}`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="Đơn vị đang làm việc">
            {units.isLoading ? (
              <PageLoading />
            ) : units.isError ? (
              <LoadError error={units.error} retry={() => void units.refetch()} />
            ) : unit ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label="Tên">{unit.name}</Descriptions.Item>
                <Descriptions.Item label="Mã">{unit.code}</Descriptions.Item>
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
        <Col xs={24} lg={12}>
          <Card title="Truy cập nhanh">
            {shortcuts.length === 0 ? (
              <Empty description="Chưa có chức năng nào cho vai trò của bạn" />
            ) : (
              <ul style={{ paddingLeft: 20, margin: 0 }}>
                {shortcuts.map((f) => (
                  <li key={f.path} style={{ padding: '4px 0' }}>
                    <Link to={f.path}>
                      {f.section ? <Typography.Text type="secondary">{f.section} › </Typography.Text> : null}
                      {f.label}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
