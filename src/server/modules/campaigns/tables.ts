import type { Generated } from 'kysely';

export interface CampaignTable {
  id: Generated<number>;
  name: string;
  batch: string | null;
  startDate: string;
  endDate: string;
  generalRequirement: Generated<string>;
  /** JSON arrays of strings. */
  targets: Generated<string>;
  workLines: Generated<string>;
  focusAreas: Generated<string>;
  minStudyHours: Generated<number>;
  /** Days before a deadline at which an item turns yellow. */
  warningDays: Generated<number>;
  status: Generated<string>;
  /** The unit whose office runs the campaign. */
  orgId: number;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignReadingTable {
  id: Generated<number>;
  campaignId: number;
  title: string;
  source: Generated<string>;
  sortOrder: Generated<number>;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignTables {
  campaigns: CampaignTable;
  campaignReadings: CampaignReadingTable;
}
