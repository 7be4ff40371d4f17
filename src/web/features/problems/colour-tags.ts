import type { ProblemColour } from '../../../shared/problem-enums.ts';

/** The 红黄绿蓝 tag of a problem. */
export const COLOUR_TAGS: Record<ProblemColour, { color: string; label: string }> = {
  red: { color: 'red', label: '红·逾期' },
  yellow: { color: 'gold', label: '黄·临期/待验收' },
  green: { color: 'green', label: '绿·已完成' },
  blue: { color: 'blue', label: '蓝·长期坚持' },
  none: { color: 'default', label: '正常推进' },
};
