import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Descriptions, Modal, Result, Space, Table, Tag, Typography } from 'antd';
import { useAuth, inGroup } from '../../lib/auth.tsx';
import { showError } from '../../lib/form-errors.ts';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import {
  useChecks,
  useDraws,
  usePublishDraw,
  verifyDraw,
  type CheckView,
  type DrawView,
  type VerifyView,
} from './api/checks.ts';
import { CheckDrawer } from './check-drawer.tsx';
import { DrawModal } from './draw-modal.tsx';
import { checkDraw } from './recompute-draw.ts';

type LocalCheck = Awaited<ReturnType<typeof checkDraw>>;

const PART_LABELS: Record<string, string> = {
  commitment: '种子承诺',
  poolHash: '抽取池哈希',
  seed: '抽取种子',
  drawnOrgIds: '抽中单位',
  assignments: '检查人员',
};

const mono = { fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' as const };

/** 督促指导: 双随机 draws anyone can 验证, the checks they plan (不打招呼) and the findings they turn into problems. */
export function ChecksPage() {
  const { me } = useAuth();
  const [campaignId, setPicked] = usePickedCampaign();
  const draws = useDraws(campaignId);
  const checks = useChecks(campaignId);
  const publish = usePublishDraw();
  const [drawing, setDrawing] = useState(false);
  const [params] = useSearchParams();
  // ?open=ID (from 我的待办) opens that check's drawer, with the form that records it while it is planned.
  const [openId, setOpenId] = useState<number | null>(() => Number(params.get('open')) || null);
  const [verified, setVerified] = useState<{ draw: DrawView; result: VerifyView; local: LocalCheck | null } | null>(
    null,
  );
  const organises = inGroup(me, 'organisers');
  const verify = async (d: DrawView) => {
    try {
      const result = await verifyDraw(d.id);
      // Recomputed here, in the browser, from the published inputs: the verdict does not rest on the server's.
      // (Browsers offer SHA-256 only on HTTPS or localhost; elsewhere the server's recomputation is all there is.)
      const local =
        result.inputs && globalThis.crypto?.subtle
          ? await checkDraw(result.inputs, {
              commitment: d.commitment,
              seed: d.seed,
              poolHash: d.poolHash,
              drawnOrgIds: d.drawnOrgIds,
              assignments: d.drawn.map((a) => ({ orgId: a.orgId, inspectorIds: a.inspectors.map((p) => p.personId) })),
            })
          : null;
      setVerified({ draw: d, result, local });
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="随机抽查"
        extra={
          <Space>
            <CampaignSelect value={campaignId} onChange={setPicked} />
            {organises && (
              <Button type="primary" onClick={() => setDrawing(true)} disabled={!campaignId}>
                双随机抽取
              </Button>
            )}
          </Space>
        }
      >
        <Table<DrawView>
          rowKey="id"
          size="small"
          loading={draws.isLoading}
          dataSource={draws.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '暂无抽查记录' }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 70 },
            { title: '抽中单位', render: (_, d) => d.drawn.map((u) => <Tag key={u.orgId}>{u.name}</Tag>) },
            { title: '抽取池', width: 90, render: (_, d) => `${d.poolOrgIds.length} 个单位` },
            { title: '状态', dataIndex: 'statusLabel', width: 90 },
            {
              title: '操作',
              width: 160,
              render: (_, d) => (
                <Space>
                  <Button size="small" onClick={() => verify(d)} disabled={d.status === 'committed'}>
                    验证
                  </Button>
                  {d.abilities.publish && (
                    <Button
                      size="small"
                      onClick={() => publish.mutateAsync({ id: d.id, version: d.version }).catch((e) => showError(e))}
                    >
                      公开结果
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title="检查记录">
        <Table<CheckView>
          rowKey="id"
          size="small"
          loading={checks.isLoading}
          dataSource={checks.data?.items ?? []}
          pagination={false}
          onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: '暂无检查记录' }}
          columns={[
            { title: '检查日期', dataIndex: 'date', width: 110 },
            { title: '被检查单位', dataIndex: 'orgName' },
            { title: '方式', dataIndex: 'methodLabel', width: 100 },
            { title: '检查人员', render: (_, c) => c.inspectors.map((i) => i.name).join('、'), width: 180 },
            {
              title: '发现问题',
              width: 90,
              render: (_, c) => (c.status === 'recorded' ? `${c.findings.length} 个` : '—'),
            },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              width: 90,
              render: (s: string, c) => <Tag color={c.status === 'planned' ? 'orange' : 'green'}>{s}</Tag>,
            },
          ]}
        />
      </Card>
      {campaignId && (
        <DrawModal
          campaignId={campaignId}
          open={drawing}
          onClose={() => setDrawing(false)}
          onDrawn={(d) => {
            setDrawing(false);
            void verify(d);
          }}
        />
      )}
      <CheckDrawer id={openId} onClose={() => setOpenId(null)} />
      <Modal open={verified !== null} onCancel={() => setVerified(null)} footer={null} title="抽取验证" width={680}>
        {verified && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Result
              status={(verified.local?.valid ?? true) && verified.result.valid ? 'success' : 'error'}
              title={
                (verified.local?.valid ?? true) && verified.result.valid
                  ? '验证通过：按公开输入重新计算，结果一致'
                  : '验证未通过：结果与公开输入不符'
              }
              subTitle={
                <Space wrap size={4}>
                  {verified.local ? (
                    <Tag color={verified.local.valid ? 'green' : 'red'}>
                      本机重新计算：{verified.local.valid ? '一致' : '不一致'}
                    </Tag>
                  ) : (
                    <Tag>本机未重新计算（浏览器仅在 HTTPS 或本机地址下提供 SHA-256）</Tag>
                  )}
                  <Tag color={verified.result.valid ? 'green' : 'red'}>
                    服务器重新计算：{verified.result.valid ? '一致' : '不一致'}
                  </Tag>
                  {verified.local &&
                    Object.entries(verified.local.parts)
                      .filter(([, ok]) => !ok)
                      .map(([part]) => (
                        <Tag key={part} color="red">
                          {PART_LABELS[part] ?? part}不符
                        </Tag>
                      ))}
                </Space>
              }
              style={{ padding: 8 }}
            />
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="抽中单位">
                {verified.draw.drawn.map((u) => u.name).join('、')}
              </Descriptions.Item>
              <Descriptions.Item label="种子承诺（哈希）">
                <span style={mono}>{verified.draw.commitment}</span>
              </Descriptions.Item>
              <Descriptions.Item label="公开随机数">{verified.draw.publicValue || '（无）'}</Descriptions.Item>
              <Descriptions.Item label="抽取种子">
                <span style={mono}>{verified.draw.seed}</span>
              </Descriptions.Item>
              <Descriptions.Item label="抽取池哈希">
                <span style={mono}>{verified.draw.poolHash}</span>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              算法：{verified.result.protocol}
            </Typography.Paragraph>
          </Space>
        )}
      </Modal>
    </Space>
  );
}
