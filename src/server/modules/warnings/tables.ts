export interface WarningTables {
  warningThresholds: { campaignId: number; key: string; value: number; updatedAt: string };
}
