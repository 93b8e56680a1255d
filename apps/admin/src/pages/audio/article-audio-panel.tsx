import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, List, Row, Select, Slider, Typography } from 'antd';
import { useState } from 'react';
import { isRunning, requestArticleAudio, useAudio } from '../../api/audio';
import { api, call } from '../../api/client';
import type { Article } from '../../api/articles';
import { ErrorNotice } from '../../components/common';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { AudioDetails } from './audio-parts';
import { voiceChoices, voiceWords } from './audio-words';

/** "Tạo âm thanh" for an approved or published article: speak it, watch the job, hear and check it. */
export function ArticleAudioPanel({ article }: { article: Article }) {
  const queryClient = useQueryClient();
  const [voice, setVoice] = useState('');
  const [rate, setRate] = useState(1);
  const [audioId, setAudioId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The configured engine's voices (Google's own list, or eSpeak's), named in plain words.
  const voices = useQuery({
    queryKey: ['audio', 'voices'],
    queryFn: () => call(api.GET('/api/v1/audio/voices')),
    staleTime: 10 * 60_000,
    select: voiceChoices,
  });
  const earlier = useQuery({
    queryKey: ['audio', 'list', article.unitId, article.id],
    queryFn: () =>
      call(
        api.GET('/api/v1/audio', {
          params: { query: { unitId: article.unitId, articleId: article.id, page: 1, pageSize: 20 } },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.items.some((a) => isRunning(a)) ? 2000 : false),
  });
  // The one just asked for, else (after a reload) the article's newest: shown whole, and polled while the
  // worker has it. The others are listed below it, each with its own player and words.
  const shownId = audioId ?? earlier.data?.items[0]?.id ?? null;
  const audio = useAudio(shownId);
  const others = (earlier.data?.items ?? []).filter((a) => a.id !== shownId);
  const request = useMutation({
    mutationFn: () => requestArticleAudio(article.id, { ...(voice ? { voice } : {}), speakingRate: rate }),
    onSuccess: async (accepted) => {
      setAudioId(accepted.audioId);
      await queryClient.invalidateQueries({ queryKey: ['audio'] });
    },
    onError: (error) => setNotice(errorMessage(error)),
  });
  return (
    <Card title="Tạo âm thanh" style={{ marginBottom: 16 }}>
      <ErrorNotice message={notice} />
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="Giọng đọc" htmlFor="audio-voice">
              <Select
                id="audio-voice"
                value={voice}
                onChange={setVoice}
                loading={voices.isLoading}
                options={voices.data ?? [{ value: '', label: 'Mặc định' }]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={`Tốc độ đọc: ${rate.toFixed(1).replace('.', ',')}`}>
              <Slider
                min={0.5}
                max={2}
                step={0.1}
                value={rate}
                onChange={setRate}
                ariaLabelForHandle="Tốc độ đọc"
              />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          loading={request.isPending}
          onClick={() => {
            setNotice(null);
            request.mutate();
          }}
        >
          Tạo âm thanh
        </Button>
      </Form>
      {audio.data && (
        <div style={{ marginTop: 16 }}>
          <AudioDetails audio={audio.data} />
        </div>
      )}
      {others.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Âm thanh đã tạo trước đó
          </Typography.Title>
          <List
            size="small"
            dataSource={others}
            renderItem={(a) => (
              // A block, not a wrapping row: the player needs the item's width.
              <List.Item key={a.id} style={{ display: 'block' }}>
                <Typography.Text type="secondary">
                  {[
                    formatDateTime(a.createdAt),
                    voiceWords(a.provider, a.voice),
                    a.speakingRate !== null ? `tốc độ ${String(a.speakingRate).replace('.', ',')}` : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
                <AudioDetails audio={a} textOpen={false} />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
