/** Kinds of unit in the org tree. */
export const ORG_TYPES = {
  party_committee: '党委',
  party_group: '党组',
  general_branch: '党总支',
  branch: '党支部',
  department: '机关科室',
  affiliated_unit: '局属单位',
  township: '乡镇街道',
  community: '村社区',
  other: '其他',
} as const;
export type OrgType = keyof typeof ORG_TYPES;
export const ORG_TYPE_KEYS = Object.keys(ORG_TYPES) as OrgType[];
