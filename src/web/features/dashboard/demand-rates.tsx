import { Card, Flex, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { percent } from '../../lib/format.ts';
import { RED } from './palette.ts';
import type { Dashboard } from './use-dashboard.ts';

interface Tile {
  title: string;
  value: number | string;
  suffix?: string;
  note: string;
  danger?: boolean;
  /** The key of the link (from the server's figures) to the 诉求清单 of what the number counts. */
  link: string;
}

const rate = (r: number | null) => (r === null ? { value: '无数据' } : { value: percent(r), suffix: '%' });

/**
 * 接诉即办 on the board: the subtree's 三率 for the campaign's current assessment month, as GET /demands/figures
 * answers them; each number opens the 诉求清单 of what it counts (a rate, the follow-ups in its numerator).
 */
export function DemandRates({ data }: { data: Dashboard }) {
  const d = data.demands;
  const of = (n: number) => `${n} / 有效回访 ${d.valid} 件`;
  const tiles: Tile[] = [
    { title: '诉求受理', value: d.received, suffix: '件', note: '本考核期受理', link: 'received' },
    { title: '响应率', ...rate(d.responseRate), note: `联系上 ${of(d.contacted)}`, link: 'contacted' },
    { title: '解决率', ...rate(d.resolutionRate), note: `已解决 ${of(d.solved)}`, link: 'solved' },
    {
      title: '满意率',
      ...rate(d.satisfactionRate),
      note: `满意 ${d.satisfied}、基本满意 ${d.basically} / ${d.valid} 件`,
      link: 'satisfied',
    },
    {
      title: '诉求超时',
      value: d.overdue,
      suffix: '件',
      note: '签收或办理超过时限',
      danger: d.overdue > 0,
      link: 'overdue',
    },
  ];
  return (
    <Card
      size="small"
      title={`接诉即办（${d.from} 至 ${d.to}）`}
      extra={<Typography.Text type="secondary">点击数字打开对应的诉求清单</Typography.Text>}
      data-testid="dashboard-demands"
    >
      <Flex wrap gap={12}>
        {tiles.map((t) => (
          <div key={t.title} style={{ flex: '1 1 150px' }}>
            <Link to={d.links[t.link]} title="打开诉求清单">
              <Card size="small" hoverable style={{ height: '100%' }}>
                <Statistic
                  title={t.title}
                  value={t.value}
                  suffix={t.suffix}
                  styles={{ content: t.danger ? { color: RED } : undefined }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t.note}
                </Typography.Text>
              </Card>
            </Link>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
