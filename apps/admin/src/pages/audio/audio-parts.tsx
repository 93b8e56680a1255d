import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { formatDecibels, formatDuration, type Audio } from '../../api/audio';
import { AUDIO_PROVIDER_LABELS, AUDIO_STATUS } from '../../lib/labels';

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

export function providerLabel(provider: string | null | undefined): string {
  return provider ? (AUDIO_PROVIDER_LABELS[provider] ?? provider) : '';
}

/** A plain player: the file is served with Range support, so it plays and seeks. */
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
      style={{ width: '100%', maxWidth: 480 }}
    />
  );
}

/** An audio's state, and once ready its player, measures, engine and the words it said. */
export function AudioDetails({ audio }: { audio: Audio }) {
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
      {audio.status === 'ready' && (
        <>
          <AudioPlayer audio={audio} />
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'duration', label: 'Thời lượng', children: formatDuration(audio.durationMs) },
              {
                key: 'loudness',
                label: 'Độ to',
                children: `${formatDecibels(audio.loudnessLufs)} LUFS${
                  audio.targetLufs !== null ? ` (mục tiêu ${formatDecibels(audio.targetLufs)})` : ''
                }`,
              },
              { key: 'peak', label: 'Đỉnh thực', children: `${formatDecibels(audio.truePeakDb)} dBTP` },
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
                key: 'provider',
                label: audio.kind === 'upload' ? 'Nguồn' : 'Máy đọc',
                children: [providerLabel(audio.provider), audio.voice ? `giọng ${audio.voice}` : '']
                  .filter(Boolean)
                  .join(', '),
              },
            ]}
          />
          {audio.fallbackReason && (
            <Alert
              type="warning"
              showIcon
              message={`Máy đọc dự phòng đã đọc thay ${providerLabel(audio.requestedProvider)}`}
              description={audio.fallbackReason}
            />
          )}
        </>
      )}
      {audio.normalizedText && (
        <div>
          <Typography.Text strong>Lời máy đọc</Typography.Text>
          <Typography.Paragraph
            className="normalized-text"
            style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflowY: 'auto', marginTop: 4 }}
          >
            {audio.normalizedText}
          </Typography.Paragraph>
        </div>
      )}
    </Space>
  );
}
