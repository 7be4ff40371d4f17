import { Type } from 'typebox';
export { ExemplarView } from '../../../shared/views/exemplars.ts';

export const ObjectionCreated = Type.Object(
  { id: Type.Integer({ description: '异议编号' }) },
  { additionalProperties: false, description: '已受理的异议' },
);
