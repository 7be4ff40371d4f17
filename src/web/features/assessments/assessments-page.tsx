import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Empty, List, Space, Table, Tabs, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { showError } from '../../lib/form-errors.ts';
import { inGroup, useAuth } from '../../lib/auth.tsx';
import { AssessmentForm } from './assessment-form.tsx';
import { ScoresPanel } from './scores-panel.tsx';
import { ChainPanel } from './chain-panel.tsx';
import { ObjectionsTable, OpenPublicityButton } from './publicity-panel.tsx';
import {
  transition,
  useAssessment,
  useAssessmentMutation,
  useAssessments,
  type Assessment,
  type AssessmentAction,
  type Indicator,
} from './api/assessments.ts';

const PHASE_COLORS: Record<Assessment['phase'], string> = {
  draft: 'gold',
  final: 'green',
  publicity: 'blue',
  publicity_ended: 'cyan',
  confirmed: 'purple',
};

const ruleText = (i: Indicator) => {
  const r = i.rule as Record<string, number | string | Array<{ at: number; points: number }>> | null;
  if (!r) return i.kind === 'veto' ? '人工认定' : '人工录入';
  if (r.type === 'linear') return `${r.from} 得0分，${r.to} 得满分，之间按比例`;
  if (r.type === 'deduct') return `每1项扣${r.per}分，扣完为止`;
  if (r.type === 'steps')
    return (r.steps as Array<{ at: number; points: number }>)
      .map((s) => `${r.better === 'higher' ? '≥' : '≤'}${s.at}得${s.points}分`)
      .join('；');
  return `达到 ${r.atLeast ?? ''} 即否决`;
};

/** 考核: the assessments of a campaign; for one, its ranking, indicator tree and 责任链. */
export function AssessmentsPage() {
  const { modal } = App.useApp();
  const [campaignId, setPicked] = usePickedCampaign();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const list = useAssessments(campaignId);
  const picked = Number(params.get('id')) || undefined;
  const id = picked ?? list.data?.items[0]?.id;
  const one = useAssessment(id);
  const a = one.data;
  const move = useAssessmentMutation(({ a, action }: { a: Assessment; action: AssessmentAction }) =>
    transition(a, action),
  );
  useEffect(() => {
    if (!picked && list.data?.items[0]) setParams({ id: String(list.data.items[0].id) }, { replace: true });
  }, [picked, list.data, setParams]);
  const confirm = (action: AssessmentAction, label: string, content: string) =>
    modal.confirm({
      title: label,
      content,
      okText: '确定',
      cancelText: '取消',
      onOk: () => move.mutateAsync({ a: a!, action }).catch(showError),
    });
  const { me } = useAuth();
  const canCreate = inGroup(me, 'managers');
  return (
    <Card
      title="考核评价"
      extra={
        <Space>
          <CampaignSelect value={campaignId} onChange={setPicked} />
          {canCreate && (
            <Button type="primary" onClick={() => setCreating(true)} disabled={!campaignId}>
              新建考核
            </Button>
          )}
        </Space>
      }
    >
      <div style={{ display: 'flex', gap: 16 }}>
        <List
          style={{ width: 240, flex: 'none' }}
          bordered
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '暂无考核' }}
          renderItem={(x) => (
            <List.Item
              onClick={() => setParams({ id: String(x.id) })}
              style={{ cursor: 'pointer', background: x.id === id ? '#e6f4ff' : undefined }}
            >
              <List.Item.Meta title={x.name} description={`${x.period} · ${x.statusLabel}`} />
            </List.Item>
          )}
        />
        <div style={{ flex: 1, minWidth: 0 }}>
          {!a ? (
            <Empty description="请选择或新建考核" />
          ) : (
            <>
              <Descriptions
                size="small"
                column={4}
                title={a.name}
                extra={
                  <Space>
                    <Tag color={PHASE_COLORS[a.phase]}>{a.statusLabel}</Tag>
                    {a.published && <Tag color="blue">已公布</Tag>}
                    {a.openObjections > 0 && <Tag color="orange">{`待答复异议 ${a.openObjections}`}</Tag>}
                    {a.abilities.finalise && (
                      <Button
                        onClick={() =>
                          confirm(
                            'finalise',
                            '定稿',
                            '定稿后得分、排名、星级和单位名称将冻结，不再随台账变化。确定定稿吗？',
                          )
                        }
                      >
                        定稿
                      </Button>
                    )}
                    {a.abilities.publish && (
                      <Button
                        onClick={() =>
                          confirm('publish', '公布排名', '公布后各参评单位可查看全部单位的得分和排名。确定公布吗？')
                        }
                      >
                        公布排名
                      </Button>
                    )}
                    {a.abilities.open_publicity && <OpenPublicityButton assessment={a} />}
                    {a.abilities.confirm && (
                      <Button
                        onClick={() =>
                          confirm(
                            'confirm',
                            '确认最终结果',
                            '公示期已满，异议须已全部答复。确认后考核结果为最终结果，不再受理异议。确定吗？',
                          )
                        }
                      >
                        确认最终结果
                      </Button>
                    )}
                    <Button href={`/api/v1/exports/assessment.xlsx?assessmentId=${a.id}`}>导出排名表</Button>
                    <Button href={`/api/v1/exports/assessment-indicators.xlsx?assessmentId=${a.id}`}>
                      导出分项明细
                    </Button>
                    <Button href={`/api/v1/exports/assessment-bulletin.docx?assessmentId=${a.id}`}>导出通报</Button>
                  </Space>
                }
              >
                <Descriptions.Item label="周期">{a.period}</Descriptions.Item>
                <Descriptions.Item label="统计时段">{`${a.periodFrom} 至 ${a.periodTo}`}</Descriptions.Item>
                <Descriptions.Item label="范围">{a.orgName}及下级</Descriptions.Item>
                <Descriptions.Item label="分组">{a.groups.map((g) => g.label).join('、')}</Descriptions.Item>
                {a.publicityUntil && (
                  <Descriptions.Item label="公示期">{`${a.publicityFrom} 至 ${a.publicityUntil}`}</Descriptions.Item>
                )}
              </Descriptions>
              <Tabs
                key={a.id}
                defaultActiveKey={params.get('objection') ? 'objections' : 'scores'}
                items={[
                  { key: 'scores', label: '得分排名', children: <ScoresPanel key={a.id} assessment={a} /> },
                  {
                    key: 'tree',
                    label: '指标体系',
                    children: (
                      <Table
                        rowKey="id"
                        size="small"
                        pagination={false}
                        dataSource={a.areas.flatMap((ar) => ar.indicators.map((i) => ({ ...i, area: ar.name })))}
                        columns={[
                          { title: '领域', dataIndex: 'area', width: 110 },
                          { title: '指标', dataIndex: 'name' },
                          { title: '类型', dataIndex: 'kindLabel', width: 90 },
                          { title: '分值', dataIndex: 'maxPoints', width: 60 },
                          { title: '数据来源', dataIndex: 'sourceLabel', render: (s: string | null) => s ?? '—' },
                          { title: '评分细则', render: (_v, i) => ruleText(i) },
                        ]}
                      />
                    ),
                  },
                  ...(a.publicityUntil
                    ? [{ key: 'objections', label: '公示异议', children: <ObjectionsTable assessment={a} /> }]
                    : []),
                  { key: 'chain', label: '责任链', children: <ChainPanel campaignId={a.campaignId} /> },
                ]}
              />
            </>
          )}
        </div>
      </div>
      {campaignId && (
        <AssessmentForm
          campaignId={campaignId}
          open={creating}
          onClose={(newId) => {
            setCreating(false);
            if (newId) setParams({ id: String(newId) });
          }}
        />
      )}
    </Card>
  );
}
