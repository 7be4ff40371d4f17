import { Select } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../lib/api.ts';

import type { CampaignViewT } from '../../shared/views/campaigns.ts';

export type CampaignOption = CampaignViewT;

/** Campaigns the user takes part in, newest first. */
export function useCampaigns() {
  return useQuery({
    queryKey: ['campaigns', 'options'],
    queryFn: () => api<Page<CampaignOption>>('/campaigns', { query: { pageSize: 100 } }),
  });
}

/** The campaign a page shows when none was picked: the running one, else the newest. */
export function defaultCampaign(items: CampaignOption[] | undefined): CampaignOption | undefined {
  return items?.find((c) => c.status === 'active') ?? items?.[0];
}

/** The campaign a page shows: the one the user picked, else the default; hooks run in the same order every render. */
export function usePickedCampaign(): [number | undefined, (id: number) => void] {
  const campaigns = useCampaigns();
  const [picked, setPicked] = useState<number>();
  return [picked ?? defaultCampaign(campaigns.data?.items)?.id, setPicked];
}

/** A campaign picker. */
export function CampaignSelect({ value, onChange }: { value?: number; onChange: (id: number) => void }) {
  const campaigns = useCampaigns();
  return (
    <Select
      value={value}
      onChange={onChange}
      style={{ width: 320 }}
      loading={campaigns.isLoading}
      options={(campaigns.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.name}${c.status === 'finished' ? '（已结束）' : ''}`,
      }))}
    />
  );
}
