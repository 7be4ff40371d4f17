import { useState } from 'react';
import { Button, Card, Col, Input, Row, Select, Space, Switch, Table, Tag, Tree } from 'antd';
import { useSearchParams } from 'react-router';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { useScopeTree } from '../../components/org-tree-select.tsx';
import type { OrgNode } from '../../lib/org-types.ts';
import { useDemandCategories, useDemands, type Demand } from './api/demands-api.ts';
import { DemandDrawer, time } from './demand-drawer.tsx';
import { DemandForm } from './demand-form.tsx';
import { RateFigures } from './rate-figures.tsx';
import { Hotspots } from './hotspots.tsx';
import { LedgerImport } from '../../components/ledger-import/ledger-import.tsx';

const STATUSES = [
  { value: 'received', label: '已受理' },
  { value: 'dispatched', label: '已派单' },
  { value: 'accepted', label: '办理中' },
  { value: 'answered', label: '已答复' },
  { value: 'closed', label: '已办结' },
];
interface TreeNode {
  key: number;
  title: string;
  children: TreeNode[];
}
const toTree = (n: OrgNode): TreeNode => ({ key: n.id, title: n.name, children: n.children.map(toTree) });

/** 接诉即办: the org tree on the left; 三率, filters and the demand list on the right; a drawer per demand. */
export function DemandsPage() {
  const [params, setParams] = useSearchParams();
  const [picked, setPicked] = usePickedCampaign();
  const tree = useScopeTree();
  const categories = useDemandCategories();
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState(1);
  const filters = Object.fromEntries([...params.entries()].filter(([k]) => k !== 'open' && k !== 'action'));
  const campaignId = filters.campaignId ? Number(filters.campaignId) : picked;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
    next.delete('open');
    setPage(1);
    setParams(next);
  };
  const query = { ...filters, campaignId, page, pageSize: 20 };
  const list = useDemands(query, !!campaignId);
  const openId = params.get('open') ? Number(params.get('open')) : null;
  const figureQuery = { campaignId, orgId: filters.orgId };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={5}>
        <Card size="small" title="单位">
          <Tree
            treeData={(tree.data ?? []).map(toTree)}
            defaultExpandAll
            selectedKeys={filters.orgId ? [Number(filters.orgId)] : []}
            onSelect={(keys) => set('orgId', keys[0] === undefined ? undefined : String(keys[0]))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={19}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <RateFigures query={figureQuery} />
          <Hotspots query={figureQuery} />
          <Card
            size="small"
            title="群众诉求"
            extra={
              <Space>
                <CampaignSelect
                  value={campaignId}
                  onChange={(id) => {
                    setPicked(id);
                    set('campaignId', String(id));
                  }}
                />
                <LedgerImport
                  ledger="demands"
                  campaignId={campaignId}
                  disabledReason={campaignId ? undefined : '请先选择主题教育'}
                  listLabel="群众诉求"
                  invalidates={[['demands']]}
                />
                <Button type="primary" onClick={() => setCreating(true)}>
                  登记诉求
                </Button>
              </Space>
            }
          >
            <Space wrap style={{ marginBottom: 12 }}>
              <Select
                allowClear
                placeholder="状态"
                style={{ width: 120 }}
                value={filters.status}
                options={STATUSES}
                onChange={(v) => set('status', v)}
              />
              <Select
                allowClear
                placeholder="类别"
                style={{ width: 160 }}
                value={filters.category}
                options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
                onChange={(v) => set('category', v)}
              />
              <Space>
                超时{' '}
                <Switch checked={filters.overdue === 'true'} onChange={(v) => set('overdue', v ? 'true' : undefined)} />
              </Space>
              <Space>
                重复{' '}
                <Switch checked={filters.repeat === 'true'} onChange={(v) => set('repeat', v ? 'true' : undefined)} />
              </Space>
              <Input.Search
                allowClear
                placeholder="内容或地点"
                style={{ width: 200 }}
                defaultValue={filters.q}
                onSearch={(v) => set('q', v)}
              />
              {Object.keys(filters).some((k) => k !== 'campaignId') && (
                <a onClick={() => setParams(new URLSearchParams())}>清除筛选</a>
              )}
            </Space>
            <Table<Demand>
              rowKey="id"
              size="small"
              loading={list.isLoading}
              dataSource={list.data?.items ?? []}
              onRow={(d) => ({
                onClick: () => {
                  const next = new URLSearchParams(params);
                  next.set('open', String(d.id));
                  setParams(next);
                },
              })}
              pagination={{
                current: page,
                pageSize: 20,
                total: list.data?.total ?? 0,
                onChange: setPage,
                showTotal: (t) => `共 ${t} 件`,
              }}
              columns={[
                { title: '查询码', dataIndex: 'trackingCode', width: 130 },
                { title: '类别', dataIndex: 'categoryName', width: 110 },
                { title: '诉求内容', dataIndex: 'description', ellipsis: true },
                { title: '承办单位', dataIndex: 'orgName', width: 140, render: (n: string | null) => n ?? '待派单' },
                {
                  title: '状态',
                  width: 150,
                  render: (_v, d) => (
                    <Space size={4}>
                      <Tag color={d.status === 'closed' ? 'green' : 'blue'}>{d.statusLabel}</Tag>
                      {d.overdue && <Tag color="red">超时</Tag>}
                      {d.repeatFlag && <Tag color="orange">重复</Tag>}
                    </Space>
                  ),
                },
                { title: '受理时间', dataIndex: 'receivedAt', width: 160, render: time },
              ]}
            />
          </Card>
        </Space>
      </Col>
      <DemandDrawer id={openId} onClose={() => set('open', undefined)} />
      <DemandForm open={creating} campaignId={campaignId} onClose={() => setCreating(false)} />
    </Row>
  );
}
