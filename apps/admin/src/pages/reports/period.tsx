import { DatePicker, Segmented, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_FORMAT } from '../../lib/format';
import { vietnamDay } from '../broadcast/time';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** A report period: inclusive Vietnamese days (YYYY-MM-DD), as the api takes them. */
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${lastDay(year, month)}`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(first + 2)}-${lastDay(year, first + 2)}`,
  };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
}

/** This year, in Vietnam. */
export function thisYear(): number {
  return Number(vietnamDay().slice(0, 4));
}

const KINDS: { value: PeriodKind; label: string }[] = [
  { value: 'month', label: 'Tháng' },
  { value: 'quarter', label: 'Quý' },
  { value: 'year', label: 'Năm' },
  { value: 'custom', label: 'Tùy chọn' },
];

const parse = (date: string): Dayjs => dayjs(date, 'YYYY-MM-DD');

/** Month, quarter, year or any two days; the days shown dd/mm/yyyy. */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (next: Period) => void }) {
  const year = Number(value.from.slice(0, 4));
  const month = Number(value.from.slice(5, 7));
  const years = Array.from({ length: 8 }, (_, i) => thisYear() + 1 - i);
  return (
    <Space wrap>
      <Segmented<PeriodKind>
        aria-label="Loại kỳ báo cáo"
        options={KINDS}
        value={value.kind}
        onChange={(kind) => {
          if (kind === 'month') onChange(monthPeriod(year, month));
          else if (kind === 'quarter') onChange(quarterPeriod(year, Math.ceil(month / 3)));
          else if (kind === 'year') onChange(yearPeriod(year));
          else onChange({ ...value, kind: 'custom' });
        }}
      />
      {value.kind === 'month' && (
        <DatePicker
          aria-label="Tháng"
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          value={parse(value.from)}
          onChange={(d) => d && onChange(monthPeriod(d.year(), d.month() + 1))}
        />
      )}
      {value.kind === 'quarter' && (
        <>
          <Select
            aria-label="Quý"
            style={{ width: 110 }}
            value={Math.ceil(month / 3)}
            onChange={(q: number) => onChange(quarterPeriod(year, q))}
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}` }))}
          />
          <Select
            aria-label="Năm"
            style={{ width: 100 }}
            value={year}
            onChange={(y: number) => onChange(quarterPeriod(y, Math.ceil(month / 3)))}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </>
      )}
      {value.kind === 'year' && (
        <Select
          aria-label="Năm"
          style={{ width: 100 }}
          value={year}
          onChange={(y: number) => onChange(yearPeriod(y))}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      )}
      {value.kind === 'custom' && (
        <DatePicker.RangePicker
          aria-label="Từ ngày – đến ngày"
          format={DATE_FORMAT}
          allowClear={false}
          value={[parse(value.from), parse(value.to)]}
          onChange={(range) => {
            if (range?.[0] && range[1]) {
              onChange({
                kind: 'custom',
                from: range[0].format('YYYY-MM-DD'),
                to: range[1].format('YYYY-MM-DD'),
              });
            }
          }}
        />
      )}
    </Space>
  );
}

/** A year to work on: next year down to five years back. */
export function YearSelect({
  value,
  onChange,
  label = 'Năm',
}: {
  value: number;
  onChange: (year: number) => void;
  label?: string;
}) {
  return (
    <Select
      aria-label={label}
      style={{ width: 100 }}
      value={value}
      onChange={onChange}
      options={Array.from({ length: 7 }, (_, i) => thisYear() + 1 - i).map((y) => ({
        value: y,
        label: String(y),
      }))}
    />
  );
}
