import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { defaultCampaign, useCampaigns } from '../../components/campaign-select.tsx';
import { percent } from '../../lib/format.ts';
import { RED } from './palette.ts';
import { useDashboard } from './use-dashboard.ts';

/** The 工作台 card: the caller's whole scope in three figures, and the way into the 工作看板. */
export function DashboardHomeCard() {
  const campaigns = useCampaigns();
  const q = useDashboard(defaultCampaign(campaigns.data?.items)?.id, undefined, !campaigns.isPending);
  const d = q.data;
  return (
    <Card
      title={d ? `工作看板 · ${d.unit.name}` : '工作看板'}
      extra={<Link to="/dashboard">进入工作看板</Link>}
      loading={!d && !q.isError}
    >
      {q.isError ? (
        <Typography.Text type="secondary">暂时无法加载看板数字</Typography.Text>
      ) : (
        d && (
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title="问题总数" value={d.problems.total} />
            </Col>
            <Col span={8}>
              <Statistic
                title="逾期"
                value={d.problems.overdue}
                styles={{ content: d.problems.overdue ? { color: RED } : undefined }}
              />
            </Col>
            <Col span={8}>
              <Statistic title="学习全覆盖率" value={percent(d.study.coverage)} suffix="%" />
            </Col>
          </Row>
        )
      )}
    </Card>
  );
}
