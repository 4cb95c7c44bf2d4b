import { useFlowContext } from '@nocobase/flow-engine';
import { useRequest } from 'ahooks';
import { Select, Spin } from 'antd';
import React, { useMemo, useState } from 'react';
import type { Body } from '../resources';

type Key = number | string;
type RecordOf = Record<string, unknown>;

export interface RecordSelectProps {
  /** The collection the records are listed from (`users`, `roles`, …). */
  resource: string;
  /** The field stored in the value. */
  valueKey: string;
  /** Fields a typed text is looked for in. */
  searchFields: string[];
  /** What a person reads for a record; NocoBase titles may be `{{t(…)}}` templates, compiled by the caller. */
  labelOf: (record: RecordOf) => string;
  value?: Key[] | null;
  onChange?: (value: Key[]) => void;
  placeholder?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

/** Records listed per search: enough to pick from, without loading a large table. */
const PAGE_SIZE = 50;

/**
 * Picks several records of a collection by their key, searching on the server as one types. The
 * chosen records are read by key too, so a saved value shows its labels before any search.
 */
export function RecordSelect({
  resource,
  valueKey,
  searchFields,
  labelOf,
  value,
  onChange,
  ...props
}: RecordSelectProps) {
  const ctx = useFlowContext();
  const [search, setSearch] = useState('');
  const chosen = useMemo(() => (Array.isArray(value) ? value : []), [value]);

  const list = async (filter: Record<string, unknown> | undefined, paginate = true) =>
    (await ctx.api.resource(resource).list<Body<RecordOf[]>>({ filter, pageSize: PAGE_SIZE, paginate })).data.data ??
    [];

  const found = useRequest(
    () => list(search ? { $or: searchFields.map((field) => ({ [field]: { $includes: search } })) } : undefined),
    { refreshDeps: [resource, search], debounceWait: 300 },
  );
  // Read once per value: the labels of what is already chosen.
  const chosenRecords = useRequest(() => list({ [valueKey]: { $in: chosen } }, false), {
    ready: chosen.length > 0,
    refreshDeps: [resource, chosen.join('\n')],
  });

  const options = useMemo(() => {
    const byKey = new Map<string, { value: Key; label: string }>();
    for (const record of [...(chosenRecords.data ?? []), ...(found.data ?? [])]) {
      const key = record[valueKey] as Key;
      byKey.set(String(key), { value: key, label: labelOf(record) });
    }
    return Array.from(byKey.values());
  }, [chosenRecords.data, found.data, valueKey, labelOf]);

  return (
    <Select<Key[]>
      {...props}
      mode="multiple"
      allowClear
      showSearch
      filterOption={false}
      value={chosen}
      onChange={(next) => onChange?.(next)}
      onSearch={setSearch}
      onBlur={() => setSearch('')}
      options={options}
      notFoundContent={found.loading ? <Spin size="small" /> : undefined}
    />
  );
}
