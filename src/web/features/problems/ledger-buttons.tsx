import { Button, Dropdown, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { LedgerImport } from '../../components/ledger-import/ledger-import.tsx';
import { problemKeys } from './api/problems.ts';

/**
 * Export the three ledgers for exactly the list's filters (the server names them in the title row), and bring
 * an office's own 整改台账 in through the import wizard (mapping preview, then one all-or-nothing write).
 */
export function LedgerButtons({ filter }: { filter: Record<string, string | undefined> }) {
  const campaignId = filter.campaignId;
  const qs = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();
  const items = [
    { key: 'rectification', label: '整改台账' },
    { key: 'problems', label: '问题清单' },
    { key: 'results', label: '成果清单' },
  ];
  return (
    <Space wrap>
      <Dropdown
        disabled={!campaignId}
        menu={{ items, onClick: ({ key }) => window.open(`/api/v1/exports/${key}.xlsx?${qs}`, '_blank') }}
      >
        <Button icon={<DownloadOutlined />}>导出</Button>
      </Dropdown>
      <LedgerImport
        ledger="rectification"
        campaignId={campaignId ? Number(campaignId) : undefined}
        disabledReason={campaignId ? undefined : '请先选择主题教育'}
        listLabel="问题清单"
        invalidates={[problemKeys.all]}
      />
    </Space>
  );
}
