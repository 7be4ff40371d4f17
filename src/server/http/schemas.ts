/** Schema pieces reused by every module's routes. Titles are the Chinese field names shown in errors. */
import type { Readable } from 'node:stream';
import { Type, type TSchema } from 'typebox';
import { XLSX } from './xlsx-reply.ts';

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, title: '编号' }) });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1, title: '页码' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20, title: '每页条数' })),
};

export const Version = Type.Integer({ minimum: 1, title: '版本号' });

/** A body carrying only the version the caller saw (activate, deactivate and similar actions). */
export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });

export const DateString = (title: string) => Type.String({ format: 'date', title });

/** A required, trimmed-length-limited text field. */
export const Text = (title: string, maxLength: number, minLength = 1) => Type.String({ title, minLength, maxLength });

export { Abilities } from '../../shared/views/common.ts';

/** `{items, total, page, pageSize}` around an item schema. */
export function PageOf(item: TSchema) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  errors: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
});

/** Standard error responses to document on a route. */
export const ErrorResponses = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** The response of a route that answers 204 (documented, so every route states what it returns). */
export const NoContent = { description: '无内容' } as const;

/** A file download of the given media type (its bytes are sent as they are, never serialized). */
export const FileResponse = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: Type.Unsafe<Uint8Array | Readable>({ type: 'string', format: 'binary' }) } },
});

/** An .xlsx ledger, template or export. */
export const XlsxFile = (description: string) => FileResponse(XLSX, description);
