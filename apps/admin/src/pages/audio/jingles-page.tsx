import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import {
  chooseJingle,
  JINGLE_MAX_BYTES,
  uploadJingle,
  useJingles,
  type Jingle,
  type JingleKind,
} from '../../api/audio';
import { LoadError, PageHeader, PageLoading } from '../../components/common';
import { errorMessage } from '../../lib/errors';
import { tooLarge } from '../../lib/files';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/session';
import { DownloadButton } from './audio-parts';
import { downloadName, durationWords } from './audio-words';

const TITLE: Record<JingleKind, string> = { intro: 'Nhạc mở đầu', outro: 'Nhạc kết thúc' };
const SOURCE: Record<Jingle['source'], { label: string; color: string }> = {
  default: { label: 'Mặc định (tự tạo)', color: 'default' },
  custom: { label: 'Tệp của đơn vị', color: 'blue' },
  none: { label: 'Không dùng', color: 'orange' },
};

type Change = { kind: 'file'; file: File } | { kind: 'source'; source: 'default' | 'none' };

function JingleCard({ unitId, jingle, canChange }: { unitId: string; jingle: Jingle; canChange: boolean }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const title = TITLE[jingle.kind];
  const change = useMutation({
    mutationFn: (c: Change) =>
      c.kind === 'file'
        ? uploadJingle(unitId, jingle.kind, c.file)
        : chooseJingle(unitId, jingle.kind, c.source),
    onSuccess: async (saved) => {
      setError(null);
      void message.success(`Đã lưu ${title.toLowerCase()}: ${SOURCE[saved.source].label.toLowerCase()}`);
      await queryClient.invalidateQueries({ queryKey: ['audio-jingles', unitId] });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const source = SOURCE[jingle.source];
  return (
    <Card title={title} data-jingle={jingle.kind}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <div role="status" aria-live="polite">
          <Space wrap>
            <span>Đang dùng:</span>
            <Tag color={source.color}>{source.label}</Tag>
          </Space>
        </div>
        {jingle.url ? (
          <>
            <audio
              controls
              preload="metadata"
              src={jingle.url}
              aria-label={`Nghe thử ${title.toLowerCase()}`}
              className="audio-player"
              style={{ display: 'block', width: '100%', minWidth: 240, maxWidth: 420 }}
            />
            <DownloadButton
              url={jingle.url}
              name={downloadName(
                jingle.source === 'default' ? `${title} mặc định` : title,
                jingle.updatedAt,
                jingle.url,
              )}
              label={title.toLowerCase()}
            />
          </>
        ) : (
          <Typography.Text type="secondary">Bản tin đọc không có {title.toLowerCase()}.</Typography.Text>
        )}
        {jingle.source !== 'default' && (
          <Descriptions
            size="small"
            column={1}
            items={[
              ...(jingle.fileName ? [{ key: 'file', label: 'Tệp', children: jingle.fileName }] : []),
              ...(jingle.durationMs !== null
                ? [{ key: 'duration', label: 'Thời lượng', children: durationWords(jingle.durationMs) }]
                : []),
              { key: 'updated', label: 'Cập nhật', children: formatDateTime(jingle.updatedAt) },
            ]}
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            message={`Không lưu được ${title.toLowerCase()}`}
            description={error}
          />
        )}
        {canChange && (
          <Space wrap>
            <Upload
              accept="audio/*,.mp3,.wav,.m4a"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => {
                const refused = tooLarge(file.size, JINGLE_MAX_BYTES);
                if (refused) {
                  setError(refused);
                } else {
                  change.mutate({ kind: 'file', file });
                }
                return false;
              }}
            >
              <Button icon={<UploadOutlined aria-hidden />} loading={change.isPending}>
                Tải {title.toLowerCase()} lên
              </Button>
            </Upload>
            <Button
              disabled={jingle.source === 'default' || change.isPending}
              onClick={() => change.mutate({ kind: 'source', source: 'default' })}
            >
              Dùng nhạc mặc định
            </Button>
            <Button
              disabled={jingle.source === 'none' || change.isPending}
              onClick={() => change.mutate({ kind: 'source', source: 'none' })}
            >
              Không dùng
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}

/** The unit's intro and outro (nhạc hiệu), heard here, replaced by the radio's people. */
export default function JinglesPage() {
  const session = useSession();
  const unitId = session.unitId;
  const jingles = useJingles(unitId);
  if (!unitId) {
    return <Empty description="Hãy chọn đơn vị" />;
  }
  if (jingles.isLoading) {
    return <PageLoading />;
  }
  if (jingles.isError || !jingles.data) {
    return <LoadError error={jingles.error} retry={() => void jingles.refetch()} />;
  }
  const canChange = session.can('audio.jingles');
  return (
    <>
      <PageHeader title="Nhạc hiệu" />
      <Typography.Paragraph>
        Nhạc mở đầu và nhạc kết thúc được ghép vào mỗi bản tin đọc từ tin bài; độ to được chỉnh tự động, nhỏ
        hơn lời đọc một chút. Tệp riêng của đơn vị: mp3, wav hoặc m4a, dài từ 0,3 giây đến 1 phút, tối đa 10
        MB. Thay đổi chỉ áp dụng cho bản tin tạo sau đó; bản tin đã có giữ nguyên.
      </Typography.Paragraph>
      {!canChange && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="Chỉ người vận hành đài và quản trị đơn vị được thay nhạc hiệu"
        />
      )}
      <Row gutter={[16, 16]}>
        {(['intro', 'outro'] as const).map((kind) => (
          <Col key={kind} xs={24} lg={12}>
            <JingleCard unitId={unitId} jingle={jingles.data[kind]} canChange={canChange} />
          </Col>
        ))}
      </Row>
    </>
  );
}
