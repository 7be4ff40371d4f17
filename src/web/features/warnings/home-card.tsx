import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { usePickedCampaign } from '../../components/campaign-select.tsx';
import { useWarnings } from './api/warnings.ts';

/** The 工作台 card: the warnings raised in the caller's scope, each opening its list. */
export function WarningsHomeCard() {
  const [campaignId] = usePickedCampaign();
  const q = useWarnings({ campaignId }, campaignId !== undefined);
  const raised = (q.data?.items ?? []).filter((i) => i.count > 0);
  return (
    <Card title="预警" extra={<Link to="/warnings">全部预警</Link>} loading={q.isLoading}>
      {raised.length ? (
        <List
          size="small"
          dataSource={raised}
          renderItem={(i) => (
            <List.Item>
              <Link to={i.link}>{i.label}</Link>
              <Typography.Text type="danger" strong>
                {i.count}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">暂无预警</Typography.Text>
      )}
    </Card>
  );
}
