import type { CampaignViewT } from '../../../shared/views/campaigns.ts';

export type Campaign = CampaignViewT;

export interface Reading {
  id: number;
  campaignId: number;
  title: string;
  source: string;
  sortOrder: number;
  version: number;
}
