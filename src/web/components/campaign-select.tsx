import { useEffect } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../lib/api.ts';

export interface CampaignOption {
  id: number;
  name: string;
  status: string;
  focusAreas: string[];
  warningDays: number;
}

/** Campaigns the user takes part in, newest first. */
export function useCampaigns() {
  return useQuery({ queryKey: ['campaigns', 'options'], queryFn: () => api<Page<CampaignOption>>('/campaigns', { query: { pageSize: 100 } }) });
}

/** A campaign picker that starts on the running campaign. */
export function CampaignSelect({ value, onChange }: { value?: number; onChange: (id: number) => void }) {
  const campaigns = useCampaigns();
  useEffect(() => {
    const items = campaigns.data?.items ?? [];
    if (value === undefined && items.length) onChange((items.find((c) => c.status === 'active') ?? items[0]).id);
  }, [campaigns.data, value, onChange]);
  return (
    <Select
      value={value}
      onChange={onChange}
      style={{ width: 320 }}
      loading={campaigns.isLoading}
      options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}${c.status === 'finished' ? '（已结束）' : ''}` }))}
    />
  );
}
