import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Flex } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadError, PageHeader, PageLoading } from '../../components/common';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/session';
import { DEVIATION_LABELS, usePlan, useUnit, type PlanSlot } from './broadcast-api';
import './plan-print.css';
import { clockDuration, clockTime, dayText, vietnamDay } from './time';

/** "Hà Kỳ, ngày 03 tháng 12 năm 2026". */
function placeDate(place: string | undefined, date: string): string {
  const [y, m, d] = date.split('-');
  return `${place ? `${place}, ` : ''}ngày ${d} tháng ${m} năm ${y}`;
}

/** The plan of a day as a paper for the leader to sign (A4, no menus when printed). */
export default function PlanPrintPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const stationId = params.get('station');
  const date = params.get('date') ?? vietnamDay();
  const plan = usePlan(stationId, date);
  const unit = useUnit(session.unitId);

  useEffect(() => {
    document.title = `Lịch phát sóng ngày ${dayText(date)}`;
  }, [date]);

  if (plan.isError || unit.isError) {
    return <LoadError error={plan.error ?? unit.error} />;
  }
  if (plan.isLoading || unit.isLoading) {
    return <PageLoading />;
  }
  const current = plan.data;
  if (!current) {
    return (
      <>
        <PageHeader title="Bản in lịch phát sóng" />
        <Empty description={`Chưa có lịch phát sóng ngày ${dayText(date)}`} />
      </>
    );
  }
  const settings = unit.data?.settings ?? {};
  const firsts = current.slots.map((_, k) =>
    current.slots.slice(0, k).reduce((sum, s) => sum + s.items.length, 1),
  );
  return (
    <>
      <Flex gap={8} wrap className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          In
        </Button>
        <Link to={`/phat-song/lich?station=${current.stationId}&date=${date}`}>
          <Button>Quay lại lịch</Button>
        </Link>
      </Flex>
      <article className="plan-print" aria-label="Bản in lịch phát sóng">
        <div className="doc-head">
          <div>
            <div className="upper">{unit.data?.name}</div>
            <div>{current.stationName}</div>
          </div>
          <div>
            <div className="upper">Cộng hòa xã hội chủ nghĩa Việt Nam</div>
            <div style={{ fontWeight: 'bold' }}>Độc lập - Tự do - Hạnh phúc</div>
          </div>
        </div>
        <h1>LỊCH PHÁT SÓNG NGÀY {dayText(date)}</h1>
        <div className="subtitle">
          Đài: {current.stationName}
          {current.status === 'approved'
            ? ` — đã duyệt${current.approvedAt ? ` lúc ${formatDateTime(current.approvedAt)}` : ''}${current.approvedByName ? ` (${current.approvedByName})` : ''}`
            : ' — bản nháp, chưa duyệt'}
        </div>
        <table>
          <thead>
            <tr>
              <th className="num">STT</th>
              <th className="num">Giờ phát</th>
              <th>Nội dung</th>
              <th className="num">Thời lượng</th>
            </tr>
          </thead>
          <tbody>
            {current.slots.map((slot, k) => (
              <SlotRows key={slot.slotId} slot={slot} first={firsts[k]} />
            ))}
          </tbody>
        </table>
        {current.deviations.length > 0 && (
          <>
            <h2>Thay đổi so với lịch đã duyệt</h2>
            <table>
              <thead>
                <tr>
                  <th className="num">Lúc</th>
                  <th>Thay đổi</th>
                  <th>Lý do</th>
                  <th>Người sửa</th>
                </tr>
              </thead>
              <tbody>
                {current.deviations.map((d) => (
                  <tr key={d.id}>
                    <td className="num">{formatDateTime(d.createdAt)}</td>
                    <td>
                      {DEVIATION_LABELS[d.kind] ?? d.kind}: {d.title}
                    </td>
                    <td>{d.reason}</td>
                    <td>{d.actorName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <div className="place-date">{placeDate(settings.placeName, vietnamDay())}</div>
        <div className="signatures">
          <div>
            <div className="upper">Người lập</div>
            <div className="hint">(Ký, ghi rõ họ tên)</div>
            <div className="sign-space" />
            <div style={{ fontWeight: 'bold' }}>{session.user.fullName}</div>
          </div>
          <div>
            <div className="upper">{settings.signerTitle ?? 'Chủ tịch'}</div>
            <div className="hint">(Ký, ghi rõ họ tên, đóng dấu)</div>
            <div className="sign-space" />
            <div style={{ fontWeight: 'bold' }}>{settings.signerName ?? ''}</div>
          </div>
        </div>
      </article>
    </>
  );
}

function SlotRows({ slot, first }: { slot: PlanSlot; first: number }) {
  return (
    <>
      <tr className="slot-row">
        <td colSpan={4}>
          {slot.start}–{slot.end} · {slot.name}
          {slot.kind === 'relay' ? ' (tiếp âm)' : ''}
        </td>
      </tr>
      {slot.items.length === 0 ? (
        <tr>
          <td colSpan={4}>
            <i>Không có mục nào</i>
          </td>
        </tr>
      ) : (
        slot.items.map((item, k) => (
          <tr key={item.id}>
            <td className="num">{first + k}</td>
            <td className="num">{clockTime(item.plannedStart, true)}</td>
            <td>
              {item.title}
              {item.priority === 'priority' ? ' (ưu tiên)' : ''}
            </td>
            <td className="num">{clockDuration(item.durationSec)}</td>
          </tr>
        ))
      )}
    </>
  );
}
