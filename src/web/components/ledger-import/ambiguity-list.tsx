import { Card, List, Select, Space, Typography } from 'antd';
import type { ImportPreview, Resolution } from './api/imports.ts';
import { rowsText } from './wizard-state.ts';

type Ambiguity = ImportPreview['ambiguities'][number];

/**
 * 重名待确认: a name that fits more than one unit or person in the caller's scope (two 王芳). The user picks
 * which one is meant; the choice applies to every cell with that name, and the server checks again.
 */
export function AmbiguityList({
  ambiguities,
  disabled,
  onResolve,
}: {
  ambiguities: Ambiguity[];
  disabled: boolean;
  onResolve: (resolution: Resolution) => void;
}) {
  if (!ambiguities.length) return null;
  return (
    <Card size="small" title={`重名待确认（${ambiguities.length}）`} data-testid="ambiguities">
      <Typography.Paragraph type="secondary">
        以下名称在您的数据范围内对应不止一个，请逐一选定；选定后同名的各行都按所选导入。
      </Typography.Paragraph>
      <List<Ambiguity>
        dataSource={ambiguities}
        rowKey={(a) => `${a.field}-${a.text}`}
        renderItem={(a) => (
          <List.Item>
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <span>
                <Typography.Text strong>{a.text}</Typography.Text>
                <Typography.Text type="secondary">
                  （“{a.column}”列，{rowsText(a.rows)}）
                </Typography.Text>
              </span>
              <Select
                aria-label={`选择“${a.text}”是哪一位`}
                placeholder="请选择是哪一个"
                disabled={disabled}
                style={{ width: 260, maxWidth: '100%' }}
                options={a.candidates.map((c) => ({ value: c.id, label: c.label }))}
                onChange={(id: number) => onResolve({ field: a.field, text: a.text, id })}
              />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
