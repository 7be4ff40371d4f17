import type { ReactNode } from 'react';
import { Card, Flex, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { percent, ratio } from '../../lib/format.ts';
import { problemsHref } from '../../lib/problem-links.ts';
import { RED } from './palette.ts';
import type { Dashboard } from './use-dashboard.ts';

interface Item {
  title: string;
  value: number;
  suffix?: string;
  note?: ReactNode;
  danger?: boolean;
  /** The 问题清单 filter that lists what the number counts. */
  filter?: Record<string, string | boolean>;
  /** Any other list the number opens (the 推动发展 list for key-task figures). */
  href?: string;
}

/** The row of headline figures; each problem figure opens the list of exactly the problems it counts. */
export function SummaryStats({ data }: { data: Dashboard }) {
  const { problems: p, study: s, tasks: t } = data;
  const tasksHref = (extra: string) =>
    `/tasks?campaignId=${data.campaignId ?? ''}&orgId=${data.unit.id}&topLevel=false${extra}`;
  const items: Item[] = [
    { title: '问题总数', value: p.total, suffix: '个', filter: {} },
    {
      title: '已销号',
      value: p.closed,
      suffix: '个',
      note: `销号率 ${percent(ratio(p.closed, p.total))}%`,
      filter: { status: 'closed' },
    },
    { title: '逾期', value: p.overdue, suffix: '个', danger: p.overdue > 0, filter: { overdue: true } },
    { title: '承接下级上报', value: p.escalated, suffix: '个', filter: { escalated: true } },
    {
      title: '学习全覆盖率',
      value: percent(s.coverage),
      suffix: '%',
      note: `集中学习 ${s.sessions} 场，${s.uncoveredSessions} 场未全覆盖`,
    },
    { title: '出勤率', value: percent(s.attendanceRate), suffix: '%' },
    { title: '待补学', value: s.openMakeups, suffix: '人次', danger: s.openMakeups > 0 },
    ...(t
      ? [
          {
            title: '重点任务',
            value: t.total,
            suffix: '项',
            note: `完成 ${t.done} 项，按序时推进 ${t.onTrack} 项`,
            href: tasksHref(''),
          },
          { title: '任务滞后', value: t.behind, suffix: '项', danger: t.behind > 0, href: tasksHref('&status=behind') },
          { title: '任务未更新', value: t.stale, suffix: '项', danger: t.stale > 0, href: tasksHref('&stale=true') },
        ]
      : []),
  ];
  return (
    <Flex wrap gap={12}>
      {items.map((it) => {
        const card = (
          <Card size="small" hoverable={!!it.filter || !!it.href} style={{ height: '100%' }}>
            <Statistic
              title={it.title}
              value={it.value}
              suffix={it.suffix}
              styles={{ content: it.danger ? { color: RED } : undefined }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {it.note ?? '\u00a0'}
            </Typography.Text>
          </Card>
        );
        return (
          <div key={it.title} style={{ flex: '1 1 150px' }}>
            {it.href ? (
              <Link to={it.href} title="打开重点任务清单">
                {card}
              </Link>
            ) : it.filter ? (
              <Link
                to={problemsHref({ campaignId: data.campaignId, orgId: data.unit.id, ...it.filter })}
                title="打开问题清单"
              >
                {card}
              </Link>
            ) : (
              card
            )}
          </div>
        );
      })}
    </Flex>
  );
}
