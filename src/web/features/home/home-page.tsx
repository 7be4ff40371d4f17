import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, type Page } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useHomeSlots } from '../../lib/home-slots.tsx';
import type { CampaignViewT } from '../../../shared/views/campaigns.ts';

/** 工作台: who I am, the running campaign and where to go next. */
export function HomePage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const { links, cards, lead } = useHomeSlots();
  const campaigns = useQuery({
    queryKey: ['campaigns', 'home'],
    queryFn: () => api<Page<CampaignViewT>>('/campaigns', { query: { pageSize: 50 } }),
  });
  const active = campaigns.data?.items.filter((c) => c.status === 'active') ?? [];
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {lead}
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {me?.displayName}，您好
        </Typography.Title>
        <Typography.Text type="secondary">身份：{me?.roleLabels.join('、') || '无'}</Typography.Text>
      </Card>
      {active.map((c) => (
        <Card key={c.id} title={c.name} extra={<a onClick={() => navigate('/campaigns')}>查看配置</a>}>
          <Row gutter={16}>
            <Col xs={24} sm={10}>
              <Statistic title="总要求" value={c.generalRequirement || '—'} styles={{ content: { fontSize: 18 } }} />
            </Col>
            <Col xs={12} sm={7}>
              <Statistic title="开始日期" value={c.startDate} styles={{ content: { fontSize: 18 } }} />
            </Col>
            <Col xs={12} sm={7}>
              <Statistic title="结束日期" value={c.endDate} styles={{ content: { fontSize: 18 } }} />
            </Col>
          </Row>
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
            重点工作（不划阶段、不分环节，统筹推进）：{c.workLines.map((w) => w.label).join('、')}
          </Typography.Paragraph>
        </Card>
      ))}
      {cards.length > 0 && (
        <Row gutter={[16, 16]}>
          {cards.map((c) => (
            <Col key={c.key} xs={24} lg={c.span ?? 12}>
              {c.element}
            </Col>
          ))}
        </Row>
      )}
      <Card title="常用功能">
        <Row gutter={[12, 12]}>
          {links.map((l) => (
            <Col key={l.key} xs={12} sm={8} md={6} lg={4}>
              <Link to={l.path}>
                <Card size="small" hoverable styles={{ body: { textAlign: 'center' } }}>
                  <div style={{ fontSize: 22, color: '#c8161d' }}>{l.icon}</div>
                  <div style={{ marginTop: 4 }}>{l.label}</div>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </div>
  );
}
