import { useCallback, useState } from 'react';
import { KindChart } from './kind-chart.tsx';
import { Button, Card, Col, Popconfirm, Progress, Row, Space, Statistic, Table, Tabs, Tag, Tooltip } from 'antd';
import { useAuth } from '../../lib/auth.tsx';
import { CampaignSelect, useCampaigns, usePickedCampaign } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { SessionForm } from './session-form.tsx';
import { LedgerImport } from '../../components/ledger-import/ledger-import.tsx';
import { MakeupDialog } from './makeup-dialog.tsx';
import { SESSION_KINDS, type SessionKind } from '../../../shared/study-enums.ts';
import { percent as pct } from '../../lib/format.ts';
import {
  useReopenMakeup,
  useMakeups,
  useMyHours,
  useSessions,
  studyKeys,
  useStudyFigures,
  type Makeup,
  type Session,
} from './api/study.ts';

/** 理论学习: figures of the subtree, the session ledger, and the make-up items absences created. */
export function StudyPage() {
  const { me } = useAuth();
  // A 考核 point's evidence opens this page on its campaign, unit and period (?campaignId&orgId&from&to).
  const [linked] = useState(() => new URLSearchParams(window.location.search));
  const [picked, setPickedCampaign] = usePickedCampaign();
  const [linkedCampaign, setLinkedCampaign] = useState(() => Number(linked.get('campaignId')) || undefined);
  const campaignId = linkedCampaign ?? picked;
  const setPicked = (id: number) => {
    setLinkedCampaign(undefined);
    setPickedCampaign(id);
  };
  const campaigns = useCampaigns();
  const [orgId, setOrgId] = useState<number | null>(() => Number(linked.get('orgId')) || null);
  const [period, setPeriod] = useState(() => {
    const [from, to] = [linked.get('from'), linked.get('to')];
    return from && to ? { from, to } : undefined;
  });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Session | undefined>();
  const [completing, setCompleting] = useState<Makeup | undefined>();
  // ?tab=makeups (from 我的待办) opens the make-up list.
  const [tab, setTab] = useState(() => new URLSearchParams(window.location.search).get('tab') ?? 'sessions');
  const [kind, setKind] = useState<string | undefined>();
  const [makeupStatus, setMakeupStatus] = useState<string | undefined>(() => linked.get('status') ?? undefined);
  const query = { campaignId, orgId: orgId ?? undefined };
  const figures = useStudyFigures(query, !!campaignId && !me?.roles.every((r) => r === 'member'));
  const sessions = useSessions({ ...query, kind, ...period }, !!campaignId);
  const makeups = useMakeups({
    orgId: orgId ?? undefined,
    status: makeupStatus,
    ...(period && { campaignId, ...period }),
  });
  // Each figure opens the list it counts.
  const openSessions = useCallback((k?: string) => {
    setKind(k);
    setTab('sessions');
  }, []);
  const openMakeups = () => {
    setMakeupStatus('open');
    setTab('makeups');
  };
  const my = useMyHours(campaignId, !!campaignId && !!me?.personId);
  const reopen = useReopenMakeup();
  const close = () => {
    setCreating(false);
    setEditing(undefined);
  };
  const f = figures.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="理论学习"
        extra={
          <Space>
            <CampaignSelect value={campaignId} onChange={setPicked} />
            <div style={{ width: 220 }}>
              <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder="单位（含下级）" />
            </div>
            <Button
              disabled={!campaignId}
              href={`/api/v1/exports/study.xlsx?campaignId=${campaignId}${orgId ? `&orgId=${orgId}` : ''}`}
            >
              导出学习台账
            </Button>
            <Button type="primary" disabled={!campaignId} onClick={() => setCreating(true)}>
              记录集中学习
            </Button>
          </Space>
        }
      >
        {f && (
          <Row gutter={16}>
            <Col span={4}>
              <a onClick={() => openSessions()}>
                <Statistic title="集中学习场次" value={f.sessions} />
              </a>
            </Col>
            <Col span={5}>
              <Statistic title="出勤率" value={pct(f.attendanceRate)} suffix="%" />
            </Col>
            <Col span={5}>
              <Statistic title="全覆盖场次占比" value={pct(f.coverage)} suffix="%" />
            </Col>
            <Col span={4}>
              <a onClick={openMakeups}>
                <Statistic title="待补学" value={f.openMakeups} suffix="人次" />
              </a>
            </Col>
            <Col span={6}>
              <Statistic
                title={`人均学时（最低 ${f.hoursPerMember.minimum}）`}
                value={f.hoursPerMember.average}
                suffix={`学时，${f.hoursPerMember.belowMinimum} 人未达标`}
              />
            </Col>
          </Row>
        )}
        {f && f.sessions > 0 && <KindChart counts={f.sessionsByKind} onPick={openSessions} />}
        {f && f.threeMeetingsOneLesson.length > 0 && (
          <Table
            style={{ marginTop: 16 }}
            size="small"
            pagination={false}
            rowKey={(r) => `${r.quarter}-${r.kind}`}
            title={() => '“三会一课”落实情况（应召开 / 已召开）'}
            dataSource={f.threeMeetingsOneLesson.filter(
              (r) => r.quarter === f.threeMeetingsOneLesson[f.threeMeetingsOneLesson.length - 1].quarter,
            )}
            columns={[
              { title: '季度', dataIndex: 'quarter', width: 100 },
              { title: '会议', dataIndex: 'kind', render: (k: string) => SESSION_KINDS[k as SessionKind] ?? k },
              { title: '应召开', dataIndex: 'required', width: 90 },
              {
                title: '已召开',
                dataIndex: 'held',
                width: 90,
                render: (h: number, r) => <Tag color={h >= r.required ? 'green' : 'red'}>{h}</Tag>,
              },
            ]}
          />
        )}
        {my.data && (
          <div style={{ marginTop: 16 }}>
            本人学时：{my.data.hours} / {my.data.minimum}
            <Progress
              percent={my.data.minimum ? Math.min(100, Math.round((my.data.hours / my.data.minimum) * 100)) : 100}
            />
          </div>
        )}
      </Card>
      <Card>
        {(kind || makeupStatus || period) && (
          <Space style={{ marginBottom: 8 }}>
            {period && (
              <Tag closable onClose={() => setPeriod(undefined)}>
                期间：{period.from} 至 {period.to}
              </Tag>
            )}
            {kind && (
              <Tag closable onClose={() => setKind(undefined)}>
                形式：{SESSION_KINDS[kind as SessionKind]}
              </Tag>
            )}
            {makeupStatus && (
              <Tag closable onClose={() => setMakeupStatus(undefined)}>
                仅待补学
              </Tag>
            )}
          </Space>
        )}
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'sessions',
              label: '学习台账',
              children: (
                <Table<Session>
                  rowKey="id"
                  size="small"
                  loading={sessions.isLoading}
                  dataSource={sessions.data?.items ?? []}
                  pagination={false}
                  expandable={{
                    expandedRowRender: (s) =>
                      s.attendance
                        .filter((a) => a.status === 'absent')
                        .map((a) => (
                          <Tag key={a.personId} color={a.makeupStatus === 'done' ? 'green' : 'gold'}>
                            {a.name}：{a.reason}（{a.makeupStatus === 'done' ? '已补学' : '待补学'}）
                          </Tag>
                        )),
                    rowExpandable: (s) => s.present < s.expected,
                  }}
                  columns={[
                    { title: '日期', dataIndex: 'date', width: 110 },
                    { title: '单位', dataIndex: 'orgName', width: 180 },
                    { title: '形式', dataIndex: 'kindLabel', width: 120 },
                    { title: '主题', dataIndex: 'topic' },
                    { title: '主讲人', dataIndex: 'speaker', width: 90 },
                    { title: '学时', dataIndex: 'hours', width: 60 },
                    { title: '应到/实到', width: 100, render: (_v, s) => `${s.expected} / ${s.present}` },
                    {
                      title: '操作',
                      width: 150,
                      render: (_v, s) =>
                        s.abilities.record && (
                          <Space size={0}>
                            <a onClick={() => setEditing(s)}>修改</a>
                            <LedgerImport
                              ledger="attendance"
                              compact
                              label="导入签到表"
                              campaignId={campaignId}
                              fields={{ sessionId: String(s.id) }}
                              resume={false}
                              listLabel="学习台账"
                              invalidates={[studyKeys.all]}
                            />
                          </Space>
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'makeups',
              label: '补课补学',
              children: (
                <Table<Makeup>
                  rowKey="id"
                  size="small"
                  loading={makeups.isLoading}
                  dataSource={makeups.data?.items ?? []}
                  pagination={false}
                  columns={[
                    { title: '姓名', dataIndex: 'personName', width: 100 },
                    { title: '缺席的学习', dataIndex: 'topic' },
                    { title: '日期', dataIndex: 'date', width: 110 },
                    {
                      title: '状态',
                      dataIndex: 'status',
                      width: 100,
                      render: (s: string, m) =>
                        s === 'done' ? (
                          <Tooltip title={m.note || undefined}>
                            <Tag color="green">已补学 {m.madeUpDate}</Tag>
                          </Tooltip>
                        ) : (
                          <Tag color="gold">待补学</Tag>
                        ),
                    },
                    { title: '补学方式', dataIndex: 'note', ellipsis: true },
                    {
                      title: '操作',
                      width: 110,
                      render: (_v, m) =>
                        m.abilities.completeMakeup &&
                        (m.status === 'open' ? (
                          <a onClick={() => setCompleting(m)}>补学完成</a>
                        ) : (
                          <Popconfirm
                            title="撤销补学？"
                            description="该人员将重新列为待补学，本次补学的日期和方式记入变更记录。"
                            okText="撤销补学"
                            cancelText="取消"
                            onConfirm={() => reopen.run(m)}
                          >
                            <a>撤销补学</a>
                          </Popconfirm>
                        )),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      {campaignId && (creating || editing) && (
        <SessionForm
          key={editing?.id ?? 'new'}
          open
          campaignId={editing?.campaignId ?? campaignId}
          session={editing}
          onClose={close}
          campaign={campaigns.data?.items.find((c) => c.id === (editing?.campaignId ?? campaignId))}
          onSaved={close}
        />
      )}
      {completing && <MakeupDialog makeup={completing} onClose={() => setCompleting(undefined)} />}
    </Space>
  );
}
