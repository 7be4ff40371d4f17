import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../lib/api.ts';
import type { PersonViewT } from '../../shared/views/people.ts';

/** Pick people by name, full pinyin or initials, optionally within one unit's subtree. */
export function PersonSelect(props: {
  value?: number | number[] | null;
  onChange?: (v: number | number[] | null) => void;
  orgId?: number;
  multiple?: boolean;
  placeholder?: string;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['people', 'select', props.orgId, q],
    queryFn: () =>
      api<Page<PersonViewT>>('/people', { query: { orgId: props.orgId, q: q || undefined, pageSize: 30 } }),
  });
  return (
    <Select
      id={props.id}
      mode={props.multiple ? 'multiple' : undefined}
      value={props.value ?? undefined}
      onChange={props.onChange}
      showSearch
      filterOption={false}
      onSearch={setQ}
      allowClear
      loading={list.isLoading}
      placeholder={props.placeholder ?? '输入姓名、拼音或首字母'}
      options={(list.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.orgName} ${p.position}）` }))}
      style={{ width: '100%' }}
    />
  );
}
