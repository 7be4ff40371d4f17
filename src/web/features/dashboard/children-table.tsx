import { Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { percent } from '../../lib/format.ts';
import { problemsHref } from '../../lib/problem-links.ts';
import { closingRate } from './balance.ts';
import { RED } from './palette.ts';
import type { Dashboard, UnitFigures } from './use-dashboard.ts';

/** The direct child units' figures; a row opens that unit's board, a number opens the problems it counts. */
export function ChildrenTable({
  data,
  lagging,
  onPick,
}: {
  data: Dashboard;
  lagging: Map<number, string[]>;
  onPick: (orgId: number) => void;
}) {
  const link = (row: UnitFigures, value: number, filter: Record<string, string | boolean> = {}, danger = false) => (
    <Link
      to={problemsHref({ campaignId: data.campaignId, orgId: row.orgId, ...filter })}
      onClick={(e) => e.stopPropagation()}
      style={danger && value > 0 ? { color: RED } : undefined}
    >
      {value}
    </Link>
  );
  return (
    <Table<UnitFigures>
      rowKey="orgId"
      size="small"
      pagination={false}
      dataSource={data.children}
      locale={{ emptyText: '本单位没有直属下级单位' }}
      onRow={(row) => ({
        onClick: () => onPick(row.orgId),
        style: { cursor: 'pointer' },
        title: `查看${row.orgName}的工作看板`,
      })}
      columns={[
        {
          title: '单位',
          dataIndex: 'orgName',
          render: (name: string, row) => (
            <>
              <Typography.Link>{name}</Typography.Link>
              {lagging.has(row.orgId) && (
                <Tooltip title={lagging.get(row.orgId)!.join('；')}>
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    落后
                  </Tag>
                </Tooltip>
              )}
            </>
          ),
        },
        {
          title: '问题总数',
          align: 'right',
          sorter: (a, b) => a.problems.total - b.problems.total,
          render: (_, row) => link(row, row.problems.total),
        },
        {
          title: '已销号',
          align: 'right',
          sorter: (a, b) => a.problems.closed - b.problems.closed,
          render: (_, row) => link(row, row.problems.closed, { status: 'closed' }),
        },
        {
          title: '逾期',
          align: 'right',
          sorter: (a, b) => a.problems.overdue - b.problems.overdue,
          render: (_, row) => link(row, row.problems.overdue, { overdue: true }, true),
        },
        {
          title: '销号率',
          align: 'right',
          sorter: (a, b) => closingRate(a) - closingRate(b),
          render: (_, row) => (row.problems.total ? `${percent(closingRate(row))}%` : '—'),
        },
        {
          title: '全覆盖率',
          align: 'right',
          sorter: (a, b) => a.study.coverage - b.study.coverage,
          render: (_, row) => (row.study.sessions ? `${percent(row.study.coverage)}%` : '—'),
        },
        {
          title: '待补学',
          align: 'right',
          sorter: (a, b) => a.study.openMakeups - b.study.openMakeups,
          render: (_, row) => `${row.study.openMakeups} 人次`,
        },
        {
          title: '诉求满意率',
          align: 'right',
          sorter: (a, b) => (a.demands.satisfactionRate ?? -1) - (b.demands.satisfactionRate ?? -1),
          render: (_, row) =>
            row.demands.satisfactionRate === null ? (
              '无数据'
            ) : (
              <Link to={row.demands.links.satisfied} onClick={(e) => e.stopPropagation()}>
                {percent(row.demands.satisfactionRate)}%
              </Link>
            ),
        },
      ]}
    />
  );
}
