/** The preview's types as the server's schemas give them (ledger-flow's src/shared/views/imports.ts). */
export type {
  AmbiguityT as Ambiguity,
  ImportPreviewSummaryViewT as ImportPreviewSummary,
  ImportPreviewViewT as ImportPreview,
  ImportStatus,
  ResolutionT as Resolution,
} from '../../../../shared/views/imports.ts';
