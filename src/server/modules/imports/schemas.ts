/** Request schemas of the imports routes (the responses are shared/views/imports.ts). */
import { Type } from 'typebox';
import { IdParams } from '../../http/schemas.ts';

export { IdParams };

export const LedgerParams = Type.Object({
  ledger: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$', title: '台账' }),
});

export const RecordsQuery = Type.Object(
  {
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, title: '起始行' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, title: '行数' })),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  { ledger: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$', title: '台账' })) },
  { additionalProperties: false },
);

/** Idempotency-Key: printable ASCII, as clients generate them (a UUID, a hash). */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$', title: 'Idempotency-Key' }),
  ),
});
