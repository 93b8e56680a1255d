import { CloudUploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDecibels, formatDuration, type Audio, type AudioStatus } from '../../api/audio';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/common';
import { FIRST_PAGE, PagedTable, type PageState } from '../../components/paged-table';
import { formatDateTime } from '../../lib/format';
import { AUDIO_KIND_LABELS, AUDIO_STATUS } from '../../lib/labels';
import { useSession } from '../../session/session';
import { AudioPlayer, AudioStatusTag, providerLabel } from './audio-parts';

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
  const columns: TableColumnsType<Audio> = [
    {
      title: 'Tên',
      key: 'title',
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <span>{a.title}</span>
          {a.articleId && <Link to={`/tin-bai/${a.articleId}`}>Xem tin bài</Link>}
        </Space>
      ),
    },
    { title: 'Loại', key: 'kind', render: (_, a) => AUDIO_KIND_LABELS[a.kind] },
    { title: 'Trạng thái', key: 'status', render: (_, a) => <AudioStatusTag status={a.status} /> },
    { title: 'Máy đọc', key: 'provider', responsive: ['md'], render: (_, a) => providerLabel(a.provider) },
    { title: 'Thời lượng', key: 'duration', render: (_, a) => formatDuration(a.durationMs) },
    {
      title: 'Độ to (LUFS)',
      key: 'loudness',
      responsive: ['lg'],
      render: (_, a) => formatDecibels(a.loudnessLufs),
    },
    { title: 'Ngày tạo', key: 'createdAt', render: (_, a) => formatDateTime(a.createdAt) },
    {
      title: 'Nghe',
      key: 'player',
      render: (_, a) => (a.status === 'ready' ? <AudioPlayer audio={a} /> : null),
    },
  ];
  return (
    <>
      <PageHeader
        title="Bản tin âm thanh"
        extra={
          session.can('audio.upload') && (
            <Link to="/am-thanh/tai-len">
              <Button icon={<CloudUploadOutlined />}>Tải chương trình lên</Button>
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
      <PagedTable<Audio>
        query={audio}
        columns={columns}
        page={page}
        onPage={setPage}
        noun="bản tin"
        empty="Chưa có bản tin âm thanh"
      />
    </>
  );
}
