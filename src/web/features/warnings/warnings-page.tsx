import { useState } from 'react';
import { Badge, Card, Drawer, Select, Space, Switch, Table, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { useWarningList, useWarnings, type WarningItem } from './api/warnings.ts';

/** Rows of a list that has no page of its own (units without collective study), shown in place. */
function RowsDrawer({ item, onClose }: { item: WarningItem | null; onClose: () => void }) {
  const rows = useWarningList(item?.api ?? null);
  const r0 = rows.data?.items[0];
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      title={item ? `${item.label} · ${item.orgName}（${rows.data?.total ?? item.count}）` : ''}
      size="large"
    >
      <Table
        rowKey="id"
        size="small"
        loading={rows.isLoading}
        dataSource={rows.data?.items}
        pagination={false}
        columns={[
          {
            title: '名称',
            render: (_: unknown, r: Record<string, unknown>) => String(r.title ?? r.topic ?? r.name ?? ''),
          },
          { title: '单位', render: (_: unknown, r: Record<string, unknown>) => String(r.orgName ?? r.name ?? '') },
          // A list says what is behind in its own words (三会一课: due against held), else by its date.
          r0 && 'detail' in r0
            ? { title: '情况', render: (_: unknown, r: Record<string, unknown>) => String(r.detail ?? '') }
            : r0 && 'position' in r0
              ? { title: '职务', render: (_: unknown, r: Record<string, unknown>) => String(r.position ?? '') }
              : {
                  title: '日期',
                  render: (_: unknown, r: Record<string, unknown>) =>
                    String(r.lastSessionDate ?? r.date ?? r.endDate ?? r.dueDate ?? '') || '从未开展',
                },
        ]}
      />
    </Drawer>
  );
}

/** 预警: every warning of a unit's subtree, and of each direct child unit, each count opening the list it counts. */
export function WarningsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [picked, pick] = usePickedCampaign();
  const campaignId = params.get('campaignId') ? Number(params.get('campaignId')) : picked;
  const orgId = params.get('orgId') ? Number(params.get('orgId')) : undefined;
  const [line, setLine] = useState<string>();
  const [onlyRaised, setOnlyRaised] = useState(false);
  const q = useWarnings({ campaignId, orgId, children: true }, campaignId !== undefined);
  // `kind` in the address opens that list of the unit in place: a count elsewhere (the 工作台 card) links here.
  const linkedKind = params.get('kind');
  const [closed, setClosed] = useState<string | null>(null);
  const [picked0, setShown] = useState<WarningItem | null>(null);
  const linked =
    linkedKind && closed !== linkedKind
      ? (q.data?.items.find((i) => i.kind === linkedKind && (orgId === undefined || i.orgId === orgId)) ?? null)
      : null;
  const shown = picked0 ?? linked;
  const items = (q.data?.items ?? []).filter((i) => (!line || i.line === line) && (!onlyRaised || i.count > 0));
  const unitId = orgId ?? q.data?.items[0]?.orgId;
  const own = items.filter((i) => i.orgId === unitId);
  const children = [...new Set(items.filter((i) => i.orgId !== unitId).map((i) => i.orgId))];
  const kinds = [...new Map((q.data?.items ?? []).map((i) => [i.kind, i])).values()].filter(
    (k) => !line || k.line === line,
  );
  const open = (item: WarningItem) => (item.link.startsWith('/warnings') ? setShown(item) : navigate(item.link));
  const count = (item: WarningItem | undefined) =>
    item ? (
      item.count ? (
        <Typography.Link onClick={() => open(item)} data-testid={`warning-${item.kind}-${item.orgId}`}>
          <Badge count={item.count} overflowCount={9999} />
        </Typography.Link>
      ) : (
        <Typography.Text type="secondary">0</Typography.Text>
      )
    ) : null;
  const set = (key: string, value: unknown) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null) next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  return (
    <Card title={`预警${q.data ? `（截至 ${q.data.asOf}）` : ''}`}>
      <Space wrap style={{ marginBottom: 12 }}>
        <CampaignSelect
          value={campaignId}
          onChange={(id) => {
            pick(id);
            set('campaignId', id);
          }}
        />
        <div style={{ width: 240 }}>
          <OrgTreeSelect value={orgId ?? null} onChange={(v) => set('orgId', v)} placeholder="单位（含下级）" />
        </div>
        <Select
          allowClear
          placeholder="工作线"
          style={{ width: 130 }}
          value={line}
          onChange={setLine}
          options={[...new Set((q.data?.items ?? []).map((i) => i.line))].map((l) => ({ value: l, label: l }))}
        />
        <Space>
          只看有预警的
          <Switch checked={onlyRaised} onChange={setOnlyRaised} />
        </Space>
      </Space>
      <Table
        rowKey="kind"
        size="middle"
        loading={q.isLoading}
        pagination={false}
        dataSource={own}
        columns={[
          { title: '预警', dataIndex: 'label' },
          { title: '工作线', dataIndex: 'line', width: 120 },
          {
            title: `数量（${own[0]?.orgName ?? ''}含下级）`,
            width: 200,
            render: (_: unknown, i: WarningItem) => count(i),
          },
        ]}
      />
      {children.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            各直属单位
          </Typography.Title>
          <Table
            rowKey="orgId"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={children.map((id) => ({ orgId: id, orgName: items.find((i) => i.orgId === id)!.orgName }))}
            columns={[
              { title: '单位', dataIndex: 'orgName', fixed: 'left' as const, width: 180 },
              ...kinds.map((k) => ({
                title: k.label,
                width: 130,
                render: (_: unknown, r: { orgId: number }) =>
                  count(items.find((i) => i.orgId === r.orgId && i.kind === k.kind)),
              })),
            ]}
          />
        </>
      )}
      <RowsDrawer
        item={shown}
        onClose={() => {
          setShown(null);
          setClosed(linkedKind);
        }}
      />
    </Card>
  );
}
