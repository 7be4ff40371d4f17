import { useState } from 'react';
import { Button, Card, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { useAuth, inGroup } from '../../lib/auth.tsx';
import { useIsPhone } from '../../lib/responsive.ts';
import { CampaignSelect, defaultCampaign, useCampaigns } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { PROBLEM_KINDS, PROBLEM_SOURCES, PROBLEM_STATUSES } from '../../../shared/problem-enums.ts';
import { ProblemDrawer } from './problem-drawer.tsx';
import { ProblemForm } from './problem-form.tsx';
import { LedgerButtons } from './ledger-buttons.tsx';
import { COLOUR_TAGS } from './colour-tags.ts';
import { useProblems, type Problem } from './api/problems.ts';
import { ProblemCards } from './problem-cards.tsx';

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));
const FILTER_KEYS = [
  'campaignId',
  'orgId',
  'unitOnly',
  'source',
  'category',
  'kind',
  'status',
  'colour',
  'overdue',
  'escalated',
  'onTime',
  'submittedBefore',
  'createdFrom',
  'createdTo',
  'q',
] as const;

/** 问题清单: every filter in the address bar, so a figure elsewhere can open exactly its rows here. */
export function ProblemsPage() {
  const { me } = useAuth();
  const phone = useIsPhone();
  // The server refuses a member's new problem anyway; the button is shown only to roles that record problems.
  const mayRecord = inGroup(me, 'rectifiers');
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  // ?open=ID (from 我的待办 or a message) opens that problem's drawer with its actions.
  const [openId, setOpenId] = useState<number | null>(() => Number(params.get('open')) || null);
  const [creating, setCreating] = useState(false);
  const campaigns = useCampaigns();
  const filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Record<
    (typeof FILTER_KEYS)[number],
    string | undefined
  >;
  filter.campaignId ??= defaultCampaign(campaigns.data?.items)?.id.toString();
  const set = (key: string, value: unknown) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '' || value === false) next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
    setPage((p) => ({ ...p, page: 1 }));
  };
  const campaign = campaigns.data?.items.find((c) => String(c.id) === filter.campaignId);
  const query = { ...filter, ...page };
  const list = useProblems(query, !!filter.campaignId);
  const pagination = {
    current: page.page,
    pageSize: page.pageSize,
    total: list.data?.total ?? 0,
    showTotal: (t: number) => `共 ${t} 个问题`,
    onChange: (p: number, s: number) => setPage({ page: p, pageSize: s }),
  };

  return (
    <Card
      title="问题清单"
      extra={
        <Space>
          <LedgerButtons filter={filter} />
          {mayRecord && (
            <Button type="primary" disabled={!campaign} onClick={() => setCreating(true)}>
              记录问题
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }} className="tz-filters">
        <CampaignSelect
          value={filter.campaignId ? Number(filter.campaignId) : undefined}
          onChange={(id) => set('campaignId', id)}
        />
        <div style={{ width: 220 }}>
          <OrgTreeSelect
            value={filter.orgId ? Number(filter.orgId) : null}
            onChange={(v) => set('orgId', v)}
            placeholder="单位（含下级）"
          />
        </div>
        <Select
          placeholder="问题来源"
          allowClear
          style={{ width: 130 }}
          value={filter.source}
          onChange={(v) => set('source', v)}
          options={options(PROBLEM_SOURCES)}
        />
        <Select
          placeholder="问题领域"
          allowClear
          style={{ width: 120 }}
          value={filter.category}
          onChange={(v) => set('category', v)}
          options={(campaign?.focusAreas ?? []).map((f) => ({ value: f, label: f }))}
        />
        <Select
          placeholder="整改类型"
          allowClear
          style={{ width: 120 }}
          value={filter.kind}
          onChange={(v) => set('kind', v)}
          options={options(PROBLEM_KINDS)}
        />
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 110 }}
          value={filter.status}
          onChange={(v) => set('status', v)}
          options={options(PROBLEM_STATUSES)}
        />
        <Select
          placeholder="红黄绿蓝"
          allowClear
          style={{ width: 150 }}
          value={filter.colour}
          onChange={(v) => set('colour', v)}
          options={Object.entries(COLOUR_TAGS).map(([value, t]) => ({ value, label: t.label }))}
        />
        <span>
          只看逾期 <Switch size="small" checked={filter.overdue === 'true'} onChange={(v) => set('overdue', v)} />
        </span>
        <span>
          上报件 <Switch size="small" checked={filter.escalated === 'true'} onChange={(v) => set('escalated', v)} />
        </span>
        <Input.Search
          placeholder="标题或描述关键词"
          allowClear
          defaultValue={filter.q}
          onSearch={(v) => set('q', v)}
          style={{ width: 200 }}
        />
        {filter.onTime && (
          <Tag closable onClose={() => set('onTime', undefined)}>
            按期完成
          </Tag>
        )}
        {filter.unitOnly && (
          <Tag closable onClose={() => set('unitOnly', undefined)}>
            仅本级
          </Tag>
        )}
      </Space>
      {phone ? (
        <ProblemCards
          loading={list.isLoading}
          items={list.data?.items ?? []}
          pagination={pagination}
          onOpen={setOpenId}
        />
      ) : (
        <Table<Problem>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          onRow={(p) => ({ onClick: () => setOpenId(p.id), style: { cursor: 'pointer' } })}
          pagination={pagination}
          columns={[
            {
              title: '',
              dataIndex: 'colour',
              width: 130,
              render: (c: Problem['colour']) => <Tag color={COLOUR_TAGS[c].color}>{COLOUR_TAGS[c].label}</Tag>,
            },
            { title: '问题', dataIndex: 'title' },
            { title: '单位', dataIndex: 'orgName', width: 180 },
            { title: '来源', dataIndex: 'sourceLabel', width: 100 },
            { title: '领域', dataIndex: 'category', width: 90 },
            { title: '类型', dataIndex: 'kindLabel', width: 90 },
            {
              title: '整改时限',
              dataIndex: 'dueDate',
              width: 110,
              render: (d: string | null, p) => (p.overdue ? <span style={{ color: '#cf1322' }}>{d}</span> : (d ?? '—')),
            },
            { title: '状态', dataIndex: 'statusLabel', width: 90 },
          ]}
        />
      )}
      <ProblemDrawer problemId={openId} onClose={() => setOpenId(null)} />
      {campaign && (
        <ProblemForm
          open={creating}
          campaignId={campaign.id}
          focusAreas={campaign.focusAreas}
          defaultOrgId={filter.orgId ? Number(filter.orgId) : undefined}
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            setOpenId(p.id);
          }}
        />
      )}
    </Card>
  );
}
