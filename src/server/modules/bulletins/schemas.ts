import { Type } from 'typebox';
import { DateString, PageQuery, Text, Version } from '../../http/schemas.ts';
import { BULLETIN_KINDS, BULLETIN_STATUSES, HIGHLIGHT_ENTITIES, HIGHLIGHT_KINDS } from '../../../shared/check-enums.ts';
export { BulletinView, HighlightView } from '../../../shared/views/bulletins.ts';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const Kind = Type.String({ enum: Object.keys(BULLETIN_KINDS), title: '类别' });

export const CompileBody = Type.Object(
  {
    campaignId: Id('主题教育'),
    orgId: Type.Optional(Id('编发单位')),
    kind: Type.Optional(Kind),
    periodFrom: DateString('起始日期'),
    periodTo: DateString('截止日期'),
    title: Type.Optional(Type.String({ maxLength: 100, title: '标题' })),
  },
  { additionalProperties: false },
);

const Section = Type.Object(
  {
    heading: Text('小标题', 60),
    items: Type.Array(
      Type.Object(
        {
          subtitle: Type.String({ maxLength: 100, title: '条目标题' }),
          text: Type.String({ maxLength: 5000, title: '正文' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100, title: '条目' },
    ),
  },
  { additionalProperties: false },
);

export const EditBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Text('标题', 100)),
    masthead: Type.Optional(Text('报头名称', 30)),
    issuer: Type.Optional(Text('编发单位', 60)),
    editorNote: Type.Optional(Type.String({ maxLength: 2000, title: '编者按' })),
    sections: Type.Optional(Type.Array(Section, { maxItems: 20, title: '栏目' })),
    distribution: Type.Optional(
      Type.Object(
        {
          report: Type.Optional(Type.String({ maxLength: 200, title: '报' })),
          send: Type.Optional(Type.String({ maxLength: 200, title: '送' })),
          distribute: Type.Optional(Type.String({ maxLength: 200, title: '发' })),
          copies: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, title: '印数' })),
        },
        { additionalProperties: false },
      ),
    ),
    reportOrgId: Type.Optional(Type.Union([Id('上报单位'), Type.Null()])),
    recompile: Type.Optional(Type.Boolean({ title: '重新汇总' })),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    campaignId: Type.Optional(Id('主题教育')),
    status: Type.Optional(Type.String({ enum: Object.keys(BULLETIN_STATUSES), title: '状态' })),
    kind: Type.Optional(Kind),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const HighlightBody = Type.Object(
  {
    entityType: Type.String({ enum: Object.keys(HIGHLIGHT_ENTITIES), title: '记录类型' }),
    entityId: Id('记录'),
    kind: Type.String({ enum: Object.keys(HIGHLIGHT_KINDS), title: '类别' }),
    text: Text('亮点', 200),
  },
  { additionalProperties: false },
);

export const HighlightQuery = Type.Object(
  {
    campaignId: Type.Optional(Id('主题教育')),
    orgId: Type.Optional(Id('单位')),
    from: Type.Optional(DateString('起始日期')),
    to: Type.Optional(DateString('截止日期')),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const HighlightCreated = Type.Object(
  { id: Type.Integer({ description: '亮点编号' }) },
  { additionalProperties: false, description: '已标记的亮点' },
);
