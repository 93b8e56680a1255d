import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Collapse, Descriptions, Space, Tag, Typography } from 'antd';
import { formatDecibels, type Audio } from '../../api/audio';
import { formatDateTime } from '../../lib/format';
import { AUDIO_STATUS } from '../../lib/labels';
import {
  downloadName,
  downloadUrl,
  durationWords,
  loudnessVerdict,
  providerWords,
  sizeWords,
  voiceWords,
} from './audio-words';

/** How each side's jingle is named on an audio. */
const JINGLE_USED: Record<NonNullable<Audio['jingles']>['intro'], string> = {
  default: 'mặc định',
  custom: 'của đơn vị',
  none: 'không',
};

export function AudioStatusTag({ status }: { status: Audio['status'] }) {
  const { label, color } = AUDIO_STATUS[status];
  return <Tag color={color}>{label}</Tag>;
}

/**
 * A plain player: the file is served with Range support, so it plays and seeks. It is a block with a
 * minimum width: a percentage width alone collapses to 0 px inside anything that sizes to its content
 * (a wrapping Space, a table cell), which is how the player vanished from lists.
 */
export function AudioPlayer({ audio }: { audio: Audio }) {
  if (!audio.url) {
    return null;
  }
  return (
    <audio
      controls
      preload="metadata"
      src={audio.url}
      aria-label={`Nghe: ${audio.title}`}
      className="audio-player"
      style={{ display: 'block', width: '100%', minWidth: 240, maxWidth: 480 }}
    />
  );
}

/**
 * "Tải về": the file under a readable name (title + day). The `download` attribute names it for a
 * same-origin file; `?download=` makes the server say the same (Content-Disposition), for browsers and
 * storages where the attribute does not apply.
 */
export function DownloadButton({
  url,
  name,
  label,
}: {
  url: string | null | undefined;
  name: string;
  /** What is downloaded, for screen readers: "Tải về: <label>". */
  label: string;
}) {
  if (!url) {
    return null;
  }
  return (
    <Button
      href={downloadUrl(url, name)}
      download={name}
      icon={<DownloadOutlined aria-hidden />}
      aria-label={`Tải về: ${label}`}
      className="audio-download"
    >
      Tải về
    </Button>
  );
}

/** The file name "Tải về" gives an audio: its title and the day it was made (or produced). */
export function audioFileName(audio: Audio): string {
  return downloadName(audio.title, audio.producedAt ?? audio.readyAt ?? audio.createdAt, audio.url ?? '');
}

/** "Độ to: đạt chuẩn" as a tag: green when within ±1 LU of the unit's target, orange otherwise. */
export function LoudnessTag({ audio }: { audio: Audio }) {
  const loudness = loudnessVerdict(audio.loudnessLufs, audio.targetLufs);
  if (!loudness) {
    return null;
  }
  return <Tag color={loudness.verdict === 'ok' ? 'green' : 'orange'}>{loudness.words}</Tag>;
}

/** The file's size, asked of the media server when the technical details are opened. */
function useFileSize(url: string | null) {
  return useQuery({
    queryKey: ['media-size', url],
    enabled: !!url,
    staleTime: Infinity,
    queryFn: async () => {
      const res = await fetch(url ?? '', { method: 'HEAD' });
      const length = res.headers.get('content-length');
      return res.ok && length ? Number(length) : null;
    },
  });
}

/** The exact figures, for whoever checks the mastering or the engine. Rendered only once opened. */
function TechnicalDetails({ audio }: { audio: Audio }) {
  const size = useFileSize(audio.url);
  const items = [
    {
      key: 'lufs',
      label: 'Độ to đo được',
      children:
        audio.loudnessLufs !== null
          ? `${formatDecibels(audio.loudnessLufs)} LUFS${
              audio.targetLufs !== null ? ` (mục tiêu ${formatDecibels(audio.targetLufs)} LUFS)` : ''
            }`
          : '',
    },
    {
      key: 'peak',
      label: 'Đỉnh thực',
      children: audio.truePeakDb !== null ? `${formatDecibels(audio.truePeakDb)} dBTP` : '',
    },
    { key: 'provider', label: 'Máy đọc', children: audio.provider ?? '' },
    ...(audio.requestedProvider !== audio.provider
      ? [{ key: 'requested', label: 'Máy được yêu cầu', children: audio.requestedProvider }]
      : []),
    { key: 'voice', label: 'Mã giọng', children: audio.voice ?? '' },
    ...(audio.speakingRate !== null
      ? [{ key: 'rate', label: 'Tốc độ đọc', children: String(audio.speakingRate).replace('.', ',') }]
      : []),
    {
      key: 'sha256',
      label: 'SHA-256',
      children: audio.sha256 ? (
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
          {audio.sha256}
        </Typography.Text>
      ) : (
        ''
      ),
    },
    {
      key: 'bytes',
      label: 'Dung lượng',
      children:
        typeof size.data === 'number'
          ? `${size.data.toLocaleString('vi-VN')} byte (${sizeWords(size.data)})`
          : size.isLoading
            ? 'Đang đo…'
            : '',
    },
    { key: 'created', label: 'Tạo lúc', children: formatDateTime(audio.createdAt) },
    ...(audio.readyAt ? [{ key: 'ready', label: 'Xong lúc', children: formatDateTime(audio.readyAt) }] : []),
    ...(audio.producedAt
      ? [{ key: 'produced', label: 'Thời điểm sản xuất', children: formatDateTime(audio.producedAt) }]
      : []),
  ].filter((i) => i.children !== '');
  return <Descriptions size="small" column={1} items={items} className="technical-details" />;
}

/**
 * An audio's state, and once ready its player, "Tải về", its measures in plain words and the words the
 * engine said ("Lời máy đọc", open unless `textOpen` is false); the exact figures behind "Chi tiết kỹ
 * thuật", closed.
 */
export function AudioDetails({ audio, textOpen = true }: { audio: Audio; textOpen?: boolean }) {
  const ready = audio.status === 'ready';
  const sourceLabel = audio.kind === 'upload' ? 'Nguồn' : 'Giọng đọc';
  const sections = [
    ...(audio.normalizedText
      ? [
          {
            key: 'text',
            label: 'Lời máy đọc',
            children: (
              <Typography.Paragraph
                className="normalized-text"
                style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflowY: 'auto', marginBottom: 0 }}
              >
                {audio.normalizedText}
              </Typography.Paragraph>
            ),
          },
        ]
      : []),
    ...(ready
      ? [{ key: 'technical', label: 'Chi tiết kỹ thuật', children: <TechnicalDetails audio={audio} /> }]
      : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-audio-id={audio.id}>
      <div role="status" aria-live="polite">
        <Space wrap>
          <span>Trạng thái:</span>
          <AudioStatusTag status={audio.status} />
        </Space>
      </div>
      {audio.status === 'failed' && (
        <Alert type="error" showIcon message="Không tạo được âm thanh" description={audio.error ?? ''} />
      )}
      {ready && (
        <>
          <AudioPlayer audio={audio} />
          <DownloadButton url={audio.url} name={audioFileName(audio)} label={audio.title} />
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'duration', label: 'Thời lượng', children: durationWords(audio.durationMs) },
              ...(audio.loudnessLufs !== null
                ? [{ key: 'loudness', label: 'Độ to', children: <LoudnessTag audio={audio} /> }]
                : []),
              ...(audio.jingles
                ? [
                    {
                      key: 'jingles',
                      label: 'Nhạc hiệu',
                      children: `mở đầu: ${JINGLE_USED[audio.jingles.intro]}, kết thúc: ${JINGLE_USED[audio.jingles.outro]}`,
                    },
                  ]
                : []),
              {
                key: 'voice',
                label: sourceLabel,
                children: voiceWords(audio.provider, audio.voice),
              },
            ]}
          />
          {audio.fallbackReason && (
            <Alert
              type="warning"
              showIcon
              message={`Máy dự phòng đã đọc thay ${providerWords(audio.requestedProvider)}`}
              description={audio.fallbackReason}
            />
          )}
        </>
      )}
      {sections.length > 0 && (
        <Collapse
          size="small"
          items={sections}
          defaultActiveKey={textOpen && audio.normalizedText ? ['text'] : []}
        />
      )}
    </Space>
  );
}
