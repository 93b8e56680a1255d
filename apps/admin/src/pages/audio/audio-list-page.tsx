import { CloudUploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import {
  Button,
  Card,
  Collapse,
  Empty,
  Grid,
  List,
  Select,
  Space,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Audio, type AudioStatus } from '../../api/audio';
import { api, call } from '../../api/client';
import { LoadError, PageHeader } from '../../components/common';
import { FIRST_PAGE, namedPagerItems, PagedTable, type PageState } from '../../components/paged-table';
import { formatDateTime } from '../../lib/format';
import { AUDIO_KIND_LABELS, AUDIO_STATUS } from '../../lib/labels';
import { useSession } from '../../session/session';
import { AudioPlayer, AudioStatusTag, audioFileName, DownloadButton, LoudnessTag } from './audio-parts';
import { durationWords, voiceWords } from './audio-words';

/** Title, kind, the article it came from, and once ready the player, "Tải về" and the spoken words. */
function AudioHeading({ audio: a }: { audio: Audio }) {
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-audio-row={a.id}>
      <Typography.Text strong>{a.title}</Typography.Text>
      <Space wrap size={[12, 0]}>
        <Typography.Text type="secondary">{AUDIO_KIND_LABELS[a.kind]}</Typography.Text>
        {a.articleId && <Link to={`/tin-bai/${a.articleId}`}>Xem tin bài</Link>}
      </Space>
      {a.status === 'ready' && (
        <>
          <AudioPlayer audio={a} />
          <DownloadButton url={a.url} name={audioFileName(a)} label={a.title} />
        </>
      )}
      {a.status === 'failed' && a.error && <Typography.Text type="danger">{a.error}</Typography.Text>}
      {a.normalizedText && (
        <Collapse
          size="small"
          items={[
            {
              key: 'text',
              label: 'Lời máy đọc',
              children: (
                <Typography.Paragraph
                  className="normalized-text"
                  style={{ whiteSpace: 'pre-wrap', maxHeight: 200, overflowY: 'auto', marginBottom: 0 }}
                >
                  {a.normalizedText}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

/** The list as cards on a phone: everything the table says, one audio under another. */
function AudioCards({
  query,
  page,
  onPage,
}: {
  query: UseQueryResult<{ items: Audio[]; total: number }>;
  page: PageState;
  onPage: (page: PageState) => void;
}) {
  if (query.isError) {
    return <LoadError error={query.error} retry={() => void query.refetch()} />;
  }
  return (
    <List<Audio>
      loading={query.isFetching}
      dataSource={query.data?.items}
      locale={{ emptyText: <Empty description="Chưa có bản tin âm thanh" /> }}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: query.data?.total ?? 0,
        size: 'small',
        showTotal: (total) => `${total} bản tin`,
        itemRender: namedPagerItems,
        onChange: (p, pageSize) => onPage({ page: p, pageSize }),
      }}
      renderItem={(a) => (
        <List.Item key={a.id} style={{ display: 'block', padding: '8px 0' }}>
          <Card size="small">
            <AudioHeading audio={a} />
            <Space wrap size={[12, 4]} style={{ marginTop: 8 }}>
              <AudioStatusTag status={a.status} />
              {a.durationMs !== null && <span>{durationWords(a.durationMs)}</span>}
              {a.loudnessLufs !== null && (
                <span>
                  Độ to: <LoudnessTag audio={a} />
                </span>
              )}
              <Typography.Text type="secondary">{formatDateTime(a.createdAt)}</Typography.Text>
            </Space>
          </Card>
        </List.Item>
      )}
    />
  );
}

export default function AudioListPage() {
  const session = useSession();
  const unitId = session.unitId;
  const [status, setStatus] = useState<AudioStatus | undefined>();
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const audio = useQuery({
    queryKey: ['audio', 'list', unitId, status, page],
    queryFn: () =>
      call(api.GET('/api/v1/audio', { params: { query: { unitId: unitId ?? '', status, ...page } } })),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
    // Rows the worker still has are refreshed until they are done.
    refetchInterval: (query) =>
      query.state.data?.items.some((a) => a.status === 'queued' || a.status === 'processing') ? 2000 : false,
  });
  const screens = Grid.useBreakpoint();
  // Phones get cards: a table there hides the player off to the right.
  const narrow = screens.md === false;
  const columns: TableColumnsType<Audio> = [
    {
      title: 'Bản tin',
      key: 'title',
      // Wide enough for the player, which sits under the title rather than in a last column off screen.
      width: 420,
      render: (_, a) => <AudioHeading audio={a} />,
    },
    { title: 'Trạng thái', key: 'status', render: (_, a) => <AudioStatusTag status={a.status} /> },
    {
      title: 'Thời lượng',
      key: 'duration',
      render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{durationWords(a.durationMs)}</span>,
    },
    { title: 'Độ to', key: 'loudness', responsive: ['lg'], render: (_, a) => <LoudnessTag audio={a} /> },
    {
      title: 'Giọng đọc',
      key: 'voice',
      // Only on wide screens: at 1366 px the columns above already fill the width beside the menu.
      responsive: ['xxl'],
      render: (_, a) => voiceWords(a.provider, a.voice),
    },
    {
      title: 'Ngày tạo',
      key: 'createdAt',
      render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.createdAt)}</span>,
    },
  ];
  return (
    <>
      <PageHeader
        title="Bản tin âm thanh"
        extra={
          session.can('audio.upload') && (
            <Link to="/am-thanh/tai-len">
              <Button icon={<CloudUploadOutlined aria-hidden />}>Tải chương trình lên</Button>
            </Link>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<AudioStatus>
          aria-label="Lọc theo trạng thái"
          allowClear
          placeholder="Mọi trạng thái"
          style={{ minWidth: 180 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(FIRST_PAGE);
          }}
          options={Object.entries(AUDIO_STATUS).map(([value, s]) => ({
            value: value as AudioStatus,
            label: s.label,
          }))}
        />
      </Space>
      {narrow ? (
        <AudioCards query={audio} page={page} onPage={setPage} />
      ) : (
        <PagedTable<Audio>
          query={audio}
          columns={columns}
          page={page}
          onPage={setPage}
          noun="bản tin"
          empty="Chưa có bản tin âm thanh"
        />
      )}
    </>
  );
}
