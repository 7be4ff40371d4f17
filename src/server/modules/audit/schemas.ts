import { Type } from 'typebox';
import { DateString, PageQuery } from '../../http/schemas.ts';

export const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorName: Type.String(),
  actorUserId: Type.Union([Type.Integer(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Integer(),
  entityLabel: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export const AuditTimeline = Type.Object({ items: Type.Array(AuditEvent) });

export const AuditListQuery = Type.Object(
  {
    entityType: Type.Optional(Type.String({ maxLength: 40, title: '记录类型' })),
    entityId: Type.Optional(Type.Integer({ minimum: 1, title: '记录编号' })),
    actorUserId: Type.Optional(Type.Integer({ minimum: 1, title: '操作人' })),
    action: Type.Optional(Type.String({ maxLength: 40, title: '操作' })),
    q: Type.Optional(Type.String({ maxLength: 50, title: '关键词' })),
    from: Type.Optional(DateString('起始日期')),
    to: Type.Optional(DateString('截止日期')),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const EntityParams = Type.Object({
  entityType: Type.String({ maxLength: 40, pattern: '^[a-z_]+$', title: '记录类型', description: '小写英文与下划线' }),
  entityId: Type.Integer({ minimum: 1, title: '记录编号' }),
});
