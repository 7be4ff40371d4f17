import { Type } from 'typebox';
import { DateString, PageOf, PageQuery, Text, Version } from '../../http/schemas.ts';
import { INSTITUTION_ACTIONS, INSTITUTION_STATUSES, INSTITUTION_TRANSITIONS } from './lifecycle.ts';
import { InstitutionView } from '../../../shared/views/institutions.ts';
export { InstitutionView } from '../../../shared/views/institutions.ts';

const ActionField = Type.String({ enum: Object.keys(INSTITUTION_ACTIONS), title: '类型（立/改/废）' });
const Ids = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200, title: '关联问题' });

export const InstitutionPage = PageOf(InstitutionView);

export const InstitutionListQuery = Type.Object(
  {
    campaignId: Type.Optional(Type.Integer({ minimum: 1, title: '主题教育' })),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
    problemOrgId: Type.Optional(Type.Integer({ minimum: 1, title: '问题所在单位' })),
    status: Type.Optional(Type.String({ enum: Object.keys(INSTITUTION_STATUSES), title: '状态' })),
    action: Type.Optional(ActionField),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateInstitutionBody = Type.Object(
  {
    campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
    orgId: Type.Integer({ minimum: 1, title: '单位' }),
    title: Text('制度名称', 200),
    action: ActionField,
    reason: Type.Optional(Type.String({ maxLength: 2000, title: '理由' })),
    attachmentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '制度文件' })),
    problemIds: Type.Optional(Ids),
  },
  { additionalProperties: false },
);

export const UpdateInstitutionBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Text('制度名称', 200)),
    action: Type.Optional(ActionField),
    reason: Type.Optional(Type.String({ maxLength: 2000, title: '理由' })),
    attachmentId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '制度文件' })),
    problemIds: Type.Optional(Ids),
  },
  { additionalProperties: false },
);

export const InstitutionTransitionBody = Type.Object(
  {
    action: Type.String({ enum: [...INSTITUTION_TRANSITIONS], title: '操作' }),
    version: Version,
    issuedDate: Type.Optional(DateString('印发日期')),
  },
  { additionalProperties: false },
);
