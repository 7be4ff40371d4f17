/**
 * What the imports routes answer (issue 15): an import preview — how the file was read and mapped, its
 * records with their errors, the names to resolve, progress and the result. The server serialises with these
 * schemas; the web wizard takes `ImportPreviewViewT`.
 */
import { Type, type Static } from 'typebox';

export const IMPORT_STATUSES = ['reading', 'checking', 'ready', 'invalid', 'writing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Chinese labels of the statuses, for the wizard and the list of previews. */
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  reading: '读取中',
  checking: '核对中',
  ready: '待确认',
  invalid: '有错误',
  writing: '写入中',
  done: '已导入',
  failed: '失败',
};

/** The statuses as a schema (literals spelled out so the Static type keeps them). */
export const ImportStatusView = Type.Union([
  Type.Literal('reading'),
  Type.Literal('checking'),
  Type.Literal('ready'),
  Type.Literal('invalid'),
  Type.Literal('writing'),
  Type.Literal('done'),
  Type.Literal('failed'),
]);

export const ImportCellErrorView = Type.Object({
  sheet: Type.Optional(Type.String()),
  row: Type.Integer(),
  column: Type.String(),
  message: Type.String(),
});

export const AmbiguityView = Type.Object({
  field: Type.String(),
  column: Type.String(),
  text: Type.String(),
  rows: Type.Array(Type.Integer()),
  candidates: Type.Array(Type.Object({ id: Type.Integer(), label: Type.String() })),
});

export const ResolutionView = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 40, title: '字段' }),
    text: Type.String({ minLength: 1, maxLength: 200, title: '名称' }),
    id: Type.Integer({ minimum: 1, maximum: 2147483647, title: '所选记录' }),
  },
  { additionalProperties: false },
);

export const ImportResultView = Type.Object({ created: Type.Integer(), updated: Type.Integer() });

export const ImportSheetView = Type.Object({
  name: Type.String(),
  headerRows: Type.Union([Type.Tuple([Type.Integer(), Type.Integer()]), Type.Null()]),
  problem: Type.Union([Type.String(), Type.Null()]),
  unitHint: Type.Union([Type.String(), Type.Null()]),
  columns: Type.Array(
    Type.Object({ column: Type.Integer(), header: Type.String(), field: Type.Union([Type.String(), Type.Null()]) }),
  ),
});

export const ImportRecordView = Type.Object({
  sheet: Type.String(),
  row: Type.Integer(),
  values: Type.Record(Type.String(), Type.String()),
  errors: Type.Array(Type.Object({ column: Type.String(), message: Type.String() })),
});

export const ImportPreview = Type.Object({
  id: Type.Integer(),
  ledger: Type.String(),
  campaignId: Type.Union([Type.Integer(), Type.Null()]),
  fileName: Type.String(),
  status: ImportStatusView,
  progress: Type.Object({
    rowsRead: Type.Integer(),
    rowsChecked: Type.Integer(),
    rowsTotal: Type.Union([Type.Integer(), Type.Null()]),
  }),
  fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), required: Type.Boolean() })),
  sheets: Type.Array(ImportSheetView),
  recordCount: Type.Integer(),
  skipped: Type.Object({ blank: Type.Integer(), total: Type.Integer() }),
  /** One page of the records (`?offset=&limit=` on GET; the first page elsewhere). */
  records: Type.Array(ImportRecordView),
  errors: Type.Array(ImportCellErrorView),
  /** May exceed errors.length: the list is bounded. */
  errorCount: Type.Integer(),
  ambiguities: Type.Array(AmbiguityView),
  result: Type.Union([ImportResultView, Type.Null()]),
  /** A whole-file problem in Chinese (unreadable, no header row…). */
  message: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** The caller's recent previews (to come back to one), without records. */
export const ImportPreviewSummary = Type.Object({
  id: Type.Integer(),
  ledger: Type.String(),
  campaignId: Type.Union([Type.Integer(), Type.Null()]),
  fileName: Type.String(),
  status: ImportStatusView,
  recordCount: Type.Integer(),
  errorCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ImportPreviewPatch = Type.Object(
  {
    mapping: Type.Optional(
      Type.Array(
        Type.Object(
          {
            sheet: Type.String({ maxLength: 100, title: '工作表' }),
            column: Type.Integer({ minimum: 1, maximum: 64, title: '列' }),
            field: Type.Union([Type.String({ maxLength: 40 }), Type.Null()], { title: '字段' }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 640 },
      ),
    ),
    resolutions: Type.Optional(Type.Array(ResolutionView, { maxItems: 2000 })),
  },
  { additionalProperties: false },
);

export type ImportPreviewViewT = Static<typeof ImportPreview>;
export type ImportPreviewSummaryViewT = Static<typeof ImportPreviewSummary>;
export type ImportPreviewPatchT = Static<typeof ImportPreviewPatch>;
export type ImportCellErrorT = Static<typeof ImportCellErrorView>;
export type AmbiguityT = Static<typeof AmbiguityView>;
export type ResolutionT = Static<typeof ResolutionView>;

export const ImportPreviewList = Type.Object({ items: Type.Array(ImportPreviewSummary) });
export type ImportPreviewListViewT = Static<typeof ImportPreviewList>;
