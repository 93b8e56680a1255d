import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { useProcedure } from '../../api/procedures';

interface Props {
  unitId: string;
  /** The procedure being edited: it cannot replace itself. */
  excludeId?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  disabled?: boolean;
}

/** Chooses another procedure of the unit by code or name (searched by the api, accents optional). */
export function ProcedurePicker({ unitId, excludeId, value, onChange, id, disabled }: Props) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['procedures', 'picker', unitId, q],
    queryFn: () =>
      call(
        api.GET('/api/v1/units/{unitId}/procedures', {
          params: { path: { unitId }, query: { q: q || undefined, page: 1, pageSize: 20 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  // The chosen one may not be among the search results: its own label.
  const chosen = useProcedure(value);
  const options = (found.data?.items ?? [])
    .filter((p) => p.id !== excludeId)
    .map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id)) {
    options.unshift({ value: chosen.data.id, label: `${chosen.data.code} — ${chosen.data.name}` });
  }
  return (
    <Select
      id={id}
      aria-label="Thủ tục thay thế"
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      allowClear
      disabled={disabled}
      placeholder="Gõ mã hoặc tên thủ tục để tìm"
      loading={found.isFetching}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      notFoundContent="Không tìm thấy thủ tục"
    />
  );
}
