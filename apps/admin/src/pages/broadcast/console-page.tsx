import {
  AlertOutlined,
  CheckOutlined,
  CloseOutlined,
  PauseCircleFilled,
  PlayCircleFilled,
  SoundOutlined,
  StepForwardOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Progress,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { api, ApiError, call } from '../../api/client';
import { LoadError, PageHeader, PageLoading } from '../../components/common';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../session/session';
import { localAudio, pruneAudio } from './audio-store';
import {
  AIRING_STATUS,
  PLAN_STATUS,
  usePlan,
  useReadyAudio,
  useStations,
  type AiringInput,
  type PlanItem,
} from './broadcast-api';
import { ConsoleEngine, type ConsoleItem } from './console-engine';
import { LevelMeter } from './level-meter';
import {
  dropRecord,
  enqueueAiring,
  flushOutbox,
  newKey,
  onOutboxChange,
  outboxRecords,
  retryRecord,
  type OutboxRecord,
} from './outbox';
import { atVietnamTime, clockDuration, clockTime, dayLabel, vietnamDay } from './time';

const STATION_KEY = 'xa-portal.console-station';
/** How often waiting records are tried again while the network is down. */
const RETRY_MS = 10_000;

interface LocalState {
  status: string;
  /** Recorded here, not yet received by the api. */
  waiting: boolean;
  refused?: string;
}

type Manual = { item: ConsoleItem; mode: 'aired' | 'missed' };
/** What an emergency needs of an audio, from the ready list or from the speech just made. */
type EmergencyAudio = { id: string; title: string; url: string | null; durationMs: number | null };
/** How long the console waits for typed text to be spoken before it gives up. */
const SPEECH_WAIT_MS = 120_000;

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = (): void => setOnline(true);
    const down = (): void => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

function useOutbox(userId: string): OutboxRecord[] {
  const [records, setRecords] = useState(() => outboxRecords(userId));
  useEffect(() => onOutboxChange(() => setRecords(outboxRecords(userId))), [userId]);
  return records;
}

/** The Vietnamese day, read again each half minute (a console left open past midnight moves on). */
function useToday(): string {
  const [today, setToday] = useState(() => vietnamDay());
  useEffect(() => {
    const timer = setInterval(() => setToday(vietnamDay()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/**
 * The day's audio on this computer: each file of the plan downloaded once at load (kept in IndexedDB) and
 * played from there, so a network drop during the day does not stop the broadcast.
 */
function useLocalCopies(urls: string[]): { sources: Map<string, string>; failed: Set<string> } {
  const [sources, setSources] = useState(() => new Map<string, string>());
  const [failed, setFailed] = useState(() => new Set<string>());
  const made = useRef(new Map<string, string>());
  const key = [...new Set(urls)].sort().join('\n');
  useEffect(() => {
    let stopped = false;
    const wanted = key ? key.split('\n') : [];
    void pruneAudio(new Set(wanted));
    void (async () => {
      for (const url of wanted) {
        if (stopped || made.current.has(url)) {
          continue;
        }
        const blob = await localAudio(url);
        if (stopped) {
          return;
        }
        if (blob) {
          const objectUrl = URL.createObjectURL(blob);
          made.current.set(url, objectUrl);
          setSources(new Map(made.current));
          setFailed((f) => {
            const next = new Set(f);
            next.delete(url);
            return next;
          });
        } else {
          setFailed((f) => new Set(f).add(url));
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, [key]);
  useEffect(() => {
    const all = made.current;
    return () => all.forEach((u) => URL.revokeObjectURL(u));
  }, []);
  return { sources, failed };
}

function statusTag(local: LocalState | null) {
  if (!local) {
    return <Tag>Chưa phát</Tag>;
  }
  const s = AIRING_STATUS[local.status];
  return (
    <Space size={4} wrap>
      <Tag color={s?.color}>{s?.label ?? local.status}</Tag>
      {local.waiting && <Tag color="gold">Chờ gửi</Tag>}
      {local.refused && <Tag color="red">Bị từ chối</Tag>}
    </Space>
  );
}

/** "Điều khiển phát": today's plan of a station played on this computer, each play recorded as an airing. */
export default function ConsolePage() {
  const session = useSession();
  const userId = session.user.id;
  const unitId = session.unitId;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const stations = useStations(unitId);
  const [chosenStation, setChosenStation] = useState<string | null>(() => localStorage.getItem(STATION_KEY));
  const stationId =
    stations.data?.find((s) => s.id === chosenStation)?.id ?? stations.data?.[0]?.id ?? undefined;
  const today = useToday();
  const plan = usePlan(stationId, today, 60_000);
  const online = useOnline();
  const records = useOutbox(userId);
  const [sendFailed, setSendFailed] = useState(false);
  const [sentHere, setSentHere] = useState(() => new Map<string, string>());
  const [manual, setManual] = useState<Manual | null>(null);
  const [manualForm] = Form.useForm<{ start?: string; end?: string; note?: string }>();
  const [emergencyOpen, setEmergencyOpen] = useState(false);
  const [emergencyAudio, setEmergencyAudio] = useState<string | undefined>();
  const [emergencyBusy, setEmergencyBusy] = useState(false);
  const [emergencyMode, setEmergencyMode] = useState<'ready' | 'text'>('ready');
  const [emergencyText, setEmergencyText] = useState('');
  const [emergencyStep, setEmergencyStep] = useState<string | null>(null);
  const canEmergency = session.can('broadcast.emergency');
  const readyAudio = useReadyAudio(unitId, canEmergency);

  const items: ConsoleItem[] = useMemo(
    () => (plan.data?.slots ?? []).flatMap((slot) => slot.items.map((i) => ({ ...i, slot }))),
    [plan.data],
  );
  const audioUrls = useMemo(() => items.flatMap((i) => (i.audioUrl ? [i.audioUrl] : [])), [items]);
  const { sources, failed } = useLocalCopies(audioUrls);

  const localState = useCallback(
    (item: PlanItem): LocalState | null => {
      const mine = records.filter((r) => r.itemId === item.id);
      const last = mine[mine.length - 1];
      if (last) {
        return { status: last.body.status, waiting: !last.refused, refused: last.refused };
      }
      const sent = sentHere.get(item.id);
      if (sent) {
        return { status: sent, waiting: false };
      }
      return item.airing ? { status: item.airing.status, waiting: false } : null;
    },
    [records, sentHere],
  );

  // Sending: at once after each record, when the network comes back, and every few seconds meanwhile.
  const flush = useCallback(async () => {
    const before = new Map(outboxRecords(userId).map((r) => [r.key, r]));
    const result = await flushOutbox(userId);
    setSendFailed(result.offline);
    if (result.sent > 0) {
      const left = new Set(outboxRecords(userId).map((r) => r.key));
      setSentHere((m) => {
        const next = new Map(m);
        for (const [key, r] of before) {
          if (!left.has(key) && r.itemId) {
            next.set(r.itemId, r.body.status);
          }
        }
        return next;
      });
      await queryClient.invalidateQueries({ queryKey: ['plan', stationId] });
    }
  }, [userId, queryClient, stationId]);
  useEffect(() => {
    const first = setTimeout(() => void flush(), 0);
    const up = (): void => void flush();
    window.addEventListener('online', up);
    const timer = setInterval(() => {
      if (outboxRecords(userId).some((r) => !r.refused)) {
        void flush();
      }
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', up);
      clearInterval(timer);
      clearTimeout(first);
    };
  }, [flush, userId]);

  const record = useCallback(
    (body: AiringInput, itemId: string | null) => {
      enqueueAiring(userId, body, itemId);
      void flush();
    },
    [userId, flush],
  );

  // The players live outside React (console-engine.ts); the screen reads their state and calls them.
  const [engine] = useState(() => new ConsoleEngine());
  const snap = useSyncExternalStore(engine.subscribe, engine.snapshot);
  useEffect(() => {
    engine.setContext({
      stationId: stationId ?? null,
      items,
      done: (item) => !!localState(item),
      src: (url) => sources.get(url) ?? url,
      record,
    });
  }, [engine, stationId, items, localState, sources, record]);
  useEffect(() => () => engine.dispose(), [engine]);
  const attachMain = useCallback((el: HTMLAudioElement | null) => engine.attach('main', el), [engine]);
  const attachRelay = useCallback((el: HTMLAudioElement | null) => engine.attach('relay', el), [engine]);
  const attachEmergency = useCallback(
    (el: HTMLAudioElement | null) => engine.attach('emergency', el),
    [engine],
  );

  const loadedId = snap.main.itemId ?? snap.relay.itemId;
  const current =
    items.find((i) => i.id === (loadedId ?? snap.chosenId)) ?? items.find((i) => !localState(i)) ?? null;
  const approved = plan.data?.status === 'approved';
  const waiting = records.filter((r) => !r.refused);
  const refused = records.filter((r) => r.refused);
  const offline = !online || sendFailed;
  const cachedCount = [...new Set(audioUrls)].filter((u) => sources.has(u)).length;
  const totalAudio = new Set(audioUrls).size;

  const emergency = snap.emergency;
  const failedToPlay = (error: unknown): void => {
    void message.error(`Không phát được: ${error instanceof Error ? error.message : String(error)}`);
  };
  const play = (): void => {
    if (current) {
      engine.play(current).catch(failedToPlay);
    }
  };
  const startRelay = (): void => {
    if (current) {
      engine.startRelay(current).catch((error: unknown) => {
        void message.error(
          `Không mở được luồng tiếp âm: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
  };

  /** Airs a ready audio now: logged by the api at once, or queued with the other records when offline. */
  const airEmergency = async (audio: EmergencyAudio): Promise<void> => {
    if (!stationId) {
      return;
    }
    let logged = false;
    try {
      await call(
        api.POST('/api/v1/stations/{id}/emergency', {
          params: { path: { id: stationId }, header: { 'Idempotency-Key': newKey() } },
          body: { audioId: audio.id },
        }),
      );
      logged = true;
    } catch (error) {
      // Without the network it airs all the same and is recorded when the network returns.
      if (!(error instanceof ApiError && error.status === 0)) {
        throw error;
      }
    }
    setEmergencyOpen(false);
    const src = audio.url ? (sources.get(audio.url) ?? audio.url) : '';
    engine
      .startEmergency({ audioId: audio.id, title: audio.title, logged }, src, (audio.durationMs ?? 0) / 1000)
      .catch(failedToPlay);
  };

  /** Typed text: the server reads it (before any queued article), the console waits for it and airs it. */
  const speakText = async (): Promise<EmergencyAudio> => {
    if (!stationId) {
      throw new Error('Chưa chọn đài.');
    }
    setEmergencyStep('Máy đang đọc văn bản thành tiếng…');
    const accepted = await call(
      api.POST('/api/v1/stations/{id}/emergency/speech', {
        params: { path: { id: stationId } },
        body: { text: emergencyText.trim() },
      }),
    );
    const deadline = Date.now() + SPEECH_WAIT_MS;
    while (Date.now() < deadline) {
      const audio = await call(api.GET('/api/v1/audio/{id}', { params: { path: { id: accepted.audioId } } }));
      if (audio.status === 'ready') {
        return audio;
      }
      if (audio.status === 'failed') {
        throw new Error(`Máy không đọc được văn bản: ${audio.error ?? 'không rõ lý do'}.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error('Máy đọc chưa xong sau 2 phút; bản đọc sẽ có trong danh sách âm thanh khi xong.');
  };

  const startEmergency = async (): Promise<void> => {
    engine.armEmergency();
    setEmergencyBusy(true);
    try {
      const audio =
        emergencyMode === 'text' ? await speakText() : readyAudio.data?.find((a) => a.id === emergencyAudio);
      if (audio) {
        await airEmergency(audio);
        if (emergencyMode === 'text') {
          setEmergencyText('');
        }
      }
    } catch (error) {
      void message.error(error instanceof ApiError ? errorMessage(error) : (error as Error).message);
    } finally {
      setEmergencyBusy(false);
      setEmergencyStep(null);
    }
  };

  const openManual = (item: ConsoleItem, mode: Manual['mode']): void => {
    manualForm.resetFields();
    const start = new Date(item.plannedStart);
    const end = new Date(start.getTime() + item.durationSec * 1000);
    manualForm.setFieldsValue({ start: clockTime(start, true), end: clockTime(end, true), note: '' });
    setManual({ item, mode });
  };
  const saveManual = (values: { start?: string; end?: string; note?: string }): void => {
    if (!manual || !stationId) {
      return;
    }
    const { item, mode } = manual;
    let startedAt: Date;
    let endedAt: Date;
    if (mode === 'aired') {
      const s = atVietnamTime(today, values.start ?? '');
      const e = atVietnamTime(today, values.end ?? '');
      const problems: { name: 'start' | 'end'; errors: string[] }[] = [];
      if (!s) {
        problems.push({ name: 'start', errors: ['Giờ dạng HH:mm hoặc HH:mm:ss'] });
      } else if (s.getTime() > Date.now()) {
        problems.push({ name: 'start', errors: ['Giờ bắt đầu chưa tới'] });
      }
      if (!e) {
        problems.push({ name: 'end', errors: ['Giờ dạng HH:mm hoặc HH:mm:ss'] });
      } else if (e.getTime() > Date.now()) {
        problems.push({ name: 'end', errors: ['Giờ kết thúc chưa tới'] });
      } else if (s && e < s) {
        problems.push({ name: 'end', errors: ['Kết thúc phải sau giờ bắt đầu'] });
      }
      if (problems.length > 0 || !s || !e) {
        manualForm.setFields(problems);
        return;
      }
      startedAt = s;
      endedAt = e;
    } else {
      startedAt = new Date(Math.min(Date.parse(item.plannedStart), Date.now()));
      endedAt = startedAt;
    }
    record(
      {
        stationId,
        planItemId: item.id,
        ...(item.kind === 'audio' && item.audioId ? { audioId: item.audioId } : {}),
        kind: item.kind === 'relay' ? 'relay' : 'programme',
        startedAt: startedAt.toISOString(),
        endedAt: endedAt.toISOString(),
        status: mode,
        method: 'operator',
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      },
      item.id,
    );
    engine.recordedByHand(item);
    setManual(null);
    void message.success(
      mode === 'aired' ? `Đã ghi: "${item.title}" đã phát` : `Đã ghi: "${item.title}" không phát`,
    );
  };

  const mainPlaying = snap.main.playing;
  const mainLoaded = !!current && snap.main.itemId === current.id;
  const relayOn = !!current && snap.relay.itemId === current.id;
  const position = mainLoaded ? snap.main.position : 0;
  const length = mainLoaded ? snap.main.duration : (current?.durationSec ?? 0);

  return (
    <div className="broadcast-console">
      <PageHeader
        title="Điều khiển phát"
        extra={
          <Select
            aria-label="Đài"
            style={{ minWidth: 200 }}
            loading={stations.isLoading}
            value={stationId}
            onChange={(v: string) => {
              localStorage.setItem(STATION_KEY, v);
              setChosenStation(v);
            }}
            options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        }
      />
      <audio ref={attachMain} data-deck="main" preload="auto" />
      <audio ref={attachRelay} data-deck="relay" preload="none" />
      <audio ref={attachEmergency} data-deck="emergency" preload="auto" />
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center">
          <Typography.Text strong>Hôm nay: {dayLabel(today)}</Typography.Text>
          {plan.data && (
            <Tag color={PLAN_STATUS[plan.data.status]?.color}>{PLAN_STATUS[plan.data.status]?.label}</Tag>
          )}
          {totalAudio > 0 && (
            <Typography.Text type="secondary" data-testid="prefetch">
              Đã tải sẵn {cachedCount}/{totalAudio} bản tin
              {failed.size > 0 ? ` (${failed.size} chưa tải được)` : ''}
            </Typography.Text>
          )}
        </Flex>
        <div role="status" aria-live="polite">
          {offline ? (
            <Alert
              type="error"
              showIcon
              message={`Mất mạng — ${waiting.length} lượt phát chờ gửi`}
              description="Bản tin đã tải sẵn vẫn phát được. Các lượt phát được giữ trên máy này và tự gửi khi có mạng lại."
            />
          ) : waiting.length > 0 ? (
            <Alert type="info" showIcon message={`Đang gửi ${waiting.length} lượt phát…`} />
          ) : null}
        </div>
        {refused.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message="Lượt phát bị máy chủ từ chối"
            description={
              <List
                size="small"
                dataSource={refused}
                renderItem={(r) => (
                  <List.Item
                    actions={[
                      <Button key="retry" size="small" onClick={() => retryRecord(userId, r)}>
                        Gửi lại
                      </Button>,
                      <Popconfirm
                        key="drop"
                        title="Bỏ lượt phát này? Nó sẽ không được ghi."
                        okText="Bỏ"
                        cancelText="Không"
                        onConfirm={() => dropRecord(userId, r)}
                      >
                        <Button size="small" danger>
                          Bỏ
                        </Button>
                      </Popconfirm>,
                    ]}
                  >
                    {items.find((i) => i.id === r.itemId)?.title ?? r.body.title ?? 'Lượt phát'}: {r.refused}
                  </List.Item>
                )}
              />
            }
          />
        )}
        {emergency && (
          <Alert
            type="error"
            showIcon
            icon={<AlertOutlined aria-hidden />}
            message={`Đang phát khẩn cấp: ${emergency.title}`}
            action={
              <Button danger icon={<StopOutlined aria-hidden />} onClick={() => engine.stopEmergency()}>
                Dừng phát khẩn cấp
              </Button>
            }
          />
        )}
        {canEmergency && (
          <Button
            danger
            type="primary"
            size="large"
            icon={<AlertOutlined aria-hidden />}
            onClick={() => {
              setEmergencyAudio(undefined);
              setEmergencyOpen(true);
            }}
          >
            Phát khẩn cấp
          </Button>
        )}
        {stations.isError ? (
          <LoadError error={stations.error} retry={() => void stations.refetch()} />
        ) : plan.isError && !plan.data ? (
          <LoadError error={plan.error} retry={() => void plan.refetch()} />
        ) : plan.isLoading || !stationId ? (
          stations.data?.length === 0 ? (
            <Empty description="Đơn vị chưa có đài truyền thanh" />
          ) : (
            <PageLoading />
          )
        ) : !plan.data ? (
          <Empty description="Chưa có lịch phát sóng hôm nay">
            <Link to={`/phat-song/lich?station=${stationId}&date=${today}`}>Mở lịch phát sóng hôm nay</Link>
          </Empty>
        ) : (
          <>
            {!approved && (
              <Alert
                type="warning"
                showIcon
                message="Lịch hôm nay chưa được duyệt: chưa phát theo lịch này được."
                description="Lãnh đạo duyệt lịch ở màn hình Lịch phát sóng."
              />
            )}
            <Card
              className="console-now"
              aria-label={mainPlaying || relayOn ? 'Đang phát' : 'Mục tiếp theo'}
              title={mainPlaying || relayOn ? 'Đang phát' : 'Mục tiếp theo'}
              styles={{ body: { paddingTop: 8 } }}
            >
              {!current ? (
                <Typography.Text>Đã hết các mục của lịch hôm nay.</Typography.Text>
              ) : (
                <Space
                  direction="vertical"
                  size={10}
                  style={{ width: '100%' }}
                  data-current-item={current.id}
                >
                  <div style={{ fontSize: 26, fontWeight: 700, lineHeight: 1.25, wordBreak: 'break-word' }}>
                    {current.title}
                  </div>
                  <Flex wrap gap={16} style={{ fontSize: 18 }}>
                    <span>Giờ phát: {clockTime(current.plannedStart, true)}</span>
                    <span>Thời lượng: {clockDuration(current.durationSec)}</span>
                    {current.kind === 'relay' && <Tag color="purple">Tiếp âm</Tag>}
                    {statusTag(localState(current))}
                  </Flex>
                  {current.kind === 'audio' ? (
                    <>
                      <Progress
                        aria-label="Tiến độ phát"
                        percent={length > 0 ? Math.min(100, (position / length) * 100) : 0}
                        showInfo={false}
                        strokeColor="#b71c1c"
                      />
                      <Typography.Text>
                        {clockDuration(position)} / {clockDuration(length)}
                      </Typography.Text>
                      <LevelMeter meter={engine.meter} active={mainPlaying || !!emergency?.playing} />
                      <Flex wrap gap={8}>
                        {mainPlaying ? (
                          <Button
                            size="large"
                            icon={<PauseCircleFilled aria-hidden />}
                            onClick={() => engine.pause()}
                          >
                            Tạm dừng
                          </Button>
                        ) : (
                          <Button
                            size="large"
                            type="primary"
                            icon={<PlayCircleFilled aria-hidden />}
                            disabled={!approved || !current.audioUrl || !!emergency}
                            onClick={play}
                          >
                            Phát
                          </Button>
                        )}
                        <Button
                          size="large"
                          icon={<StepForwardOutlined aria-hidden />}
                          onClick={() => current && engine.skip(current)}
                        >
                          Bỏ qua
                        </Button>
                      </Flex>
                    </>
                  ) : (
                    <Flex wrap gap={8}>
                      {relayOn ? (
                        <Button
                          size="large"
                          danger
                          icon={<StopOutlined aria-hidden />}
                          onClick={() => engine.stopRelay()}
                        >
                          Dừng
                        </Button>
                      ) : (
                        <Button
                          size="large"
                          type="primary"
                          icon={<SoundOutlined aria-hidden />}
                          disabled={!approved || !current.relayUrl || !!emergency}
                          onClick={startRelay}
                        >
                          Bắt đầu tiếp âm
                        </Button>
                      )}
                      <Button
                        size="large"
                        icon={<StepForwardOutlined aria-hidden />}
                        disabled={relayOn}
                        onClick={() => current && engine.skip(current)}
                      >
                        Bỏ qua
                      </Button>
                    </Flex>
                  )}
                </Space>
              )}
            </Card>
            <Card title="Lịch hôm nay" size="small">
              <List
                dataSource={items}
                locale={{ emptyText: 'Lịch hôm nay không có mục nào' }}
                renderItem={(item) => {
                  const local = localState(item);
                  return (
                    <List.Item
                      data-item-id={item.id}
                      data-local-status={local ? `${local.status}${local.waiting ? ':waiting' : ''}` : 'none'}
                      style={{
                        flexWrap: 'wrap',
                        gap: 8,
                        background: item.id === current?.id ? '#fff1f0' : undefined,
                      }}
                    >
                      <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                        <div>
                          <Typography.Text strong>{clockTime(item.plannedStart, true)}</Typography.Text>{' '}
                          <Typography.Text type="secondary">
                            {item.slot.name} · {clockDuration(item.durationSec)}
                          </Typography.Text>
                        </div>
                        <div style={{ wordBreak: 'break-word' }}>{item.title}</div>
                        <div style={{ marginTop: 4 }}>{statusTag(local)}</div>
                        {item.audioUrl && !sources.has(item.audioUrl) && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {failed.has(item.audioUrl) ? 'Chưa tải được về máy' : 'Đang tải về máy…'}
                          </Typography.Text>
                        )}
                      </div>
                      <Flex wrap gap={4}>
                        <Button
                          size="small"
                          aria-label={`Chọn phát: ${item.title}`}
                          disabled={item.id === current?.id || mainPlaying || relayOn}
                          onClick={() => engine.choose(item)}
                        >
                          Chọn
                        </Button>
                        <Button
                          size="small"
                          icon={<CheckOutlined aria-hidden />}
                          aria-label={`Xác nhận đã phát: ${item.title}`}
                          disabled={!!local && !local.refused}
                          onClick={() => openManual(item, 'aired')}
                        >
                          Xác nhận đã phát
                        </Button>
                        <Button
                          size="small"
                          icon={<CloseOutlined aria-hidden />}
                          aria-label={`Không phát: ${item.title}`}
                          disabled={!!local && !local.refused}
                          onClick={() => openManual(item, 'missed')}
                        >
                          Không phát
                        </Button>
                      </Flex>
                    </List.Item>
                  );
                }}
              />
            </Card>
          </>
        )}
      </Space>
      <Modal
        open={!!manual}
        title={manual?.mode === 'aired' ? 'Xác nhận đã phát' : 'Ghi không phát'}
        okText="Ghi"
        cancelText="Hủy"
        onCancel={() => setManual(null)}
        onOk={() => manualForm.submit()}
        forceRender
      >
        <p>{manual?.item.title}</p>
        <Form name="manual-airing" form={manualForm} layout="vertical" onFinish={saveManual}>
          {manual?.mode === 'aired' && (
            <Space wrap>
              <Form.Item
                label="Bắt đầu (giờ Việt Nam)"
                name="start"
                rules={[{ required: true, message: 'Hãy nhập giờ' }]}
              >
                <Input style={{ width: 140 }} inputMode="numeric" />
              </Form.Item>
              <Form.Item
                label="Kết thúc (giờ Việt Nam)"
                name="end"
                rules={[{ required: true, message: 'Hãy nhập giờ' }]}
              >
                <Input style={{ width: 140 }} inputMode="numeric" />
              </Form.Item>
            </Space>
          )}
          <Form.Item
            label={manual?.mode === 'missed' ? 'Lý do không phát' : 'Ghi chú'}
            name="note"
            rules={
              manual?.mode === 'missed'
                ? [{ required: true, whitespace: true, message: 'Hãy ghi lý do không phát' }, { max: 2000 }]
                : [{ max: 2000 }]
            }
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={emergencyOpen}
        title="Phát khẩn cấp"
        okText="Phát ngay"
        cancelText="Hủy"
        okButtonProps={{
          danger: true,
          disabled: emergencyMode === 'ready' ? !emergencyAudio : !emergencyText.trim() || !online,
          loading: emergencyBusy,
        }}
        onCancel={() => setEmergencyOpen(false)}
        onOk={() => void startEmergency()}
      >
        <p>Bản tin phát ngay, ngoài lịch; mục đang phát tạm dừng. Lượt phát khẩn cấp được ghi lại.</p>
        <Radio.Group
          aria-label="Chọn cách phát"
          value={emergencyMode}
          onChange={(e) => setEmergencyMode(e.target.value as 'ready' | 'text')}
          optionType="button"
          style={{ marginBottom: 12 }}
          options={[
            { value: 'ready', label: 'Bản tin có sẵn' },
            { value: 'text', label: 'Nhập chữ để đọc ngay' },
          ]}
        />
        {emergencyMode === 'ready' ? (
          <Select
            aria-label="Bản tin khẩn cấp"
            showSearch
            optionFilterProp="label"
            style={{ width: '100%' }}
            placeholder="Chọn bản tin đã sẵn sàng"
            loading={readyAudio.isLoading}
            value={emergencyAudio}
            onChange={setEmergencyAudio}
            options={(readyAudio.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.title} (${clockDuration((a.durationMs ?? 0) / 1000)})`,
            }))}
          />
        ) : (
          <>
            <Input.TextArea
              rows={4}
              maxLength={5000}
              showCount
              aria-label="Nội dung đọc ngay"
              placeholder="Ví dụ: Bão số 3 sắp đổ bộ, đề nghị bà con chằng chống nhà cửa."
              value={emergencyText}
              onChange={(e) => setEmergencyText(e.target.value)}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {emergencyStep ??
                (online
                  ? 'Máy đọc ngay (trước mọi bài đang chờ), xong là phát; thường mất vài giây.'
                  : 'Cần mạng để máy đọc văn bản; khi mất mạng hãy chọn bản tin có sẵn.')}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </div>
  );
}
