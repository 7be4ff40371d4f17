import { queryOf, type WarningKind, type WarningScope } from '../../lib/warning-kind.ts';
import { leadersWithoutReportQuery } from './repository.ts';

const minReports = (s: WarningScope) => s.thresholds['research.minReports'] ?? 1;
const filter = (s: WarningScope) => ({ campaignId: s.campaignId, orgId: s.orgId, minReports: minReports(s) });

/** 预警 kind of 调查研究: leaders of the subtree without a research report (003: each leader writes at least one). */
export const researchWarningKinds: WarningKind[] = [
  {
    kind: 'research_leaders_without_report',
    label: '尚未形成调研报告的领导干部',
    line: '调查研究',
    thresholds: [{ key: 'research.minReports', label: '每位领导应形成调研报告（篇）', default: 1, min: 1, max: 20 }],
    count: async (db, actor, s) =>
      Number(
        (
          await leadersWithoutReportQuery(db, actor, { ...filter(s), orgPath: s.orgPath })
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    link: (s) => `/warnings?${queryOf({ ...filter(s), kind: 'research_leaders_without_report' })}`,
    api: (s) => `/api/v1/research/leaders-without-report?${queryOf(filter(s))}`,
  },
];
