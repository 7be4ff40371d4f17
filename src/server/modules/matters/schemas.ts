/** Request schemas of 民生实事 shared by the list and its .xlsx export. */
import { Type } from 'typebox';
import { MATTER_STATUSES } from '../../../shared/demand-enums.ts';
// The answers live in src/shared so the web takes its types from the same schemas.
export { Matter, Progress, PublicMatterList, PUBLIC_PROGRESS_SHOWN } from '../../../shared/views/matters.ts';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });

/** The 民生实事清单's filters and paging. */
export const ListQuery = Type.Object(
  {
    campaignId: Type.Optional(Id('主题教育')),
    orgId: Type.Optional(Id('单位')),
    status: Type.Optional(Type.String({ enum: Object.keys(MATTER_STATUSES), title: '状态' })),
    overdue: Type.Optional(Type.Boolean({ title: '是否逾期' })),
    published: Type.Optional(Type.Boolean({ title: '是否公开' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, title: '页码' })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20, title: '每页条数' })),
  },
  { additionalProperties: false },
);

const { page: _page, pageSize: _pageSize, ...listFilters } = ListQuery.properties;
/** The list's filters, without paging: what the export takes. */
export const MatterExportQuery = Type.Object(listFilters, { additionalProperties: false });
