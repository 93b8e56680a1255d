import { Tag } from 'antd';
import { AIRING_STATUS, type PlanSlot } from './broadcast-api';
import { spokenDuration } from './time';

/**
 * How full a slot is (LibreTime's under/over-booked bar): the share of the slot its items and gaps take,
 * green when it is nearly full, amber when much is left, red past the end.
 */
export function SlotFillBar({ slot }: { slot: PlanSlot }) {
  const total = slot.durationMinutes * 60;
  const used = slot.usedSec;
  const share = total > 0 ? used / total : 0;
  const over = used > total;
  const free = total - used;
  const color = over ? '#cf1322' : share >= 0.8 ? '#389e0d' : '#d48806';
  const text = over
    ? `Quá ${spokenDuration(-free)} so với khung ${slot.durationMinutes} phút`
    : `Đã xếp ${spokenDuration(used)} / ${slot.durationMinutes} phút, còn trống ${spokenDuration(free)}`;
  return (
    <div className="slot-fill" data-slot-fill={Math.round(share * 100)}>
      <div
        role="meter"
        aria-label={`Độ đầy khung ${slot.name}`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={Math.min(used, total)}
        aria-valuetext={text}
        style={{ height: 10, background: '#f0f0f0', borderRadius: 5, overflow: 'hidden' }}
      >
        <div style={{ width: `${Math.min(share, 1) * 100}%`, height: '100%', background: color }} />
      </div>
      <div style={{ fontSize: 12, color: over ? '#cf1322' : '#666', marginTop: 4 }}>{text}</div>
    </div>
  );
}

export function AiringTag({ status }: { status: string | null | undefined }) {
  if (!status) {
    return null;
  }
  const s = AIRING_STATUS[status];
  return <Tag color={s?.color}>{s?.label ?? status}</Tag>;
}
