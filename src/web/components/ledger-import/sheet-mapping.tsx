import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useIsPhone } from '../../lib/responsive.ts';
import type { ImportPreview } from './api/imports.ts';
import { columnLetter, mappedTwice, missingRequired } from './wizard-state.ts';

type Sheet = ImportPreview['sheets'][number];
type Field = ImportPreview['fields'][number];

/** The Select's value for 忽略 (antd's Select cannot carry `null` as an option value). */
const IGNORE = '__ignore__';

/**
 * One sheet as the server read it: where its header is, what each column's header says and which field it
 * was taken for — each a Select the user can change or set to 忽略.
 */
export function SheetMapping({
  sheet,
  fields,
  disabled,
  onChange,
}: {
  sheet: Sheet;
  fields: Field[];
  disabled: boolean;
  onChange: (column: number, field: string | null) => void;
}) {
  const phone = useIsPhone();
  const missing = missingRequired(fields, sheet);
  const twice = mappedTwice(fields, sheet);
  const options = [
    ...fields.map((f) => ({ value: f.key, label: f.required ? `${f.label}（必填）` : f.label })),
    { value: IGNORE, label: '忽略（不导入此列）' },
  ];
  return (
    <Card
      size="small"
      title={`工作表：${sheet.name}`}
      extra={sheet.unitHint ? <Tag>填报单位：{sheet.unitHint}</Tag> : null}
      data-testid={`sheet-${sheet.name}`}
    >
      {sheet.problem ? (
        <Alert type="warning" showIcon title={sheet.problem} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {sheet.headerRows && (
            <Typography.Text type="secondary">
              表头在第 {sheet.headerRows[0]}
              {sheet.headerRows[1] !== sheet.headerRows[0] ? `–${sheet.headerRows[1]}` : ''} 行，其下各行为数据
            </Typography.Text>
          )}
          {missing.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={`缺少必填列：${missing.map((f) => f.label).join('、')}。请把对应的列改为这些字段，或在原文件中补上后重新上传。`}
            />
          )}
          {twice.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`${twice.map((f) => `“${f.label}”`).join('、')}对应了不止一列，请只保留一列，其余改为忽略。`}
            />
          )}
          <Table
            rowKey="column"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={sheet.columns}
            columns={[
              ...(phone ? [] : [{ title: '列', dataIndex: 'column', width: 48, render: columnLetter }]),
              {
                title: '文件中的表头',
                dataIndex: 'header',
                render: (h: string, c) => (
                  <>
                    {phone && <Typography.Text type="secondary">{columnLetter(c.column)} </Typography.Text>}
                    {h || <Typography.Text type="secondary">（无表头）</Typography.Text>}
                  </>
                ),
              },
              {
                title: '对应字段',
                dataIndex: 'field',
                width: phone ? 150 : 190,
                render: (field: string | null, c) => (
                  <Select
                    aria-label={`“${c.header || columnLetter(c.column)}”列对应的字段`}
                    style={{ width: phone ? 140 : 180 }}
                    disabled={disabled}
                    value={field ?? IGNORE}
                    options={options}
                    onChange={(v: string) => onChange(c.column, v === IGNORE ? null : v)}
                  />
                ),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
