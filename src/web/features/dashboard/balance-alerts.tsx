import { Alert, Flex } from 'antd';
import { percent } from '../../lib/format.ts';
import { closingRate, LAG_POINTS, type Balance } from './balance.ts';

/** 上下不平衡 and 左右不平衡 in words, above the comparison of the direct child units. */
export function BalanceAlerts({ balance }: { balance: Balance }) {
  const { lagging, spread } = balance;
  if (!lagging.size && !spread) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      {lagging.size > 0 && (
        <Alert
          type="error"
          showIcon
          title={`上下不平衡：${lagging.size} 个直属单位的销号率或学习全覆盖率低于本单位 ${LAG_POINTS} 个百分点以上，已在下表标注“落后”`}
        />
      )}
      {spread && (
        <Alert
          type="warning"
          showIcon
          title={`左右不平衡：直属单位销号率最高为${spread.high.orgName}（${percent(closingRate(spread.high))}%），最低为${spread.low.orgName}（${percent(closingRate(spread.low))}%），相差 ${spread.points} 个百分点`}
        />
      )}
    </Flex>
  );
}
