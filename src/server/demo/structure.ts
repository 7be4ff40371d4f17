/**
 * The demo bureau as data, modelled on seed 000 (a city 城管局): the bureau Party committee, the 机关党委
 * with one branch per 机关科室, and the 局属单位 with their own committees and branches.
 */
export interface UnitSpec {
  key: string;
  name: string;
  type: string;
  /** People besides the head, when this unit holds a roster. */
  staff?: number;
  children?: UnitSpec[];
}

const office = (key: string, name: string, staff: number): UnitSpec => ({
  key,
  name: `${name}党支部`,
  type: 'branch',
  staff,
});

export const BUREAU: UnitSpec = {
  key: 'bureau',
  name: '市城市管理局党委',
  type: 'party_committee',
  staff: 6,
  children: [
    {
      key: 'organs',
      name: '局机关党委',
      type: 'party_committee',
      staff: 2,
      children: [
        office('office', '办公室', 9),
        office('personnel', '组织人事科', 7),
        office('cityscape', '市容环境管理科', 9),
        office('facilities', '市政设施管理科', 8),
        office('law', '政策法规科', 6),
        office('finance', '计划财务科', 6),
        office('sanitation_dept', '环境卫生管理科', 7),
        office('digital_dept', '数字化城市管理科', 6),
        office('safety', '安全生产与应急科', 6),
        office('retirees', '离退休干部党支部', 8),
      ].map((b) => (b.key === 'retirees' ? { ...b, name: '离退休干部党支部' } : b)),
    },
    {
      key: 'enforcement',
      name: '城市管理综合行政执法支队党总支',
      type: 'general_branch',
      staff: 3,
      children: [
        office('brigade1', '执法一大队', 12),
        office('brigade2', '执法二大队', 12),
        office('brigade3', '执法三大队', 11),
        office('brigade4', '执法四大队', 11),
        office('brigade5', '执法五大队', 11),
        office('special_brigade', '直属特勤大队', 10),
      ],
    },
    {
      key: 'sanitation',
      name: '环境卫生服务中心党总支',
      type: 'general_branch',
      staff: 2,
      children: [
        office('sanitation_east', '东城环卫所', 11),
        office('sanitation_west', '西城环卫所', 11),
        office('sanitation_south', '南城环卫所', 10),
        office('waste', '垃圾处理场', 9),
      ],
    },
    {
      key: 'municipal',
      name: '市政设施管理处党总支',
      type: 'general_branch',
      staff: 2,
      children: [
        office('roads', '道路桥梁养护所', 10),
        office('drainage', '排水管理所', 10),
        office('lighting', '路灯管理所', 9),
        office('bridges', '桥梁检测所', 7),
      ],
    },
    {
      key: 'greening',
      name: '园林绿化中心党总支',
      type: 'general_branch',
      staff: 2,
      children: [office('parks', '公园管理所', 9), office('nursery', '苗圃与绿化养护所', 8)],
    },
    { key: 'digital', name: '数字城管指挥中心党支部', type: 'branch', staff: 10 },
    { key: 'parking', name: '城市停车管理中心党支部', type: 'branch', staff: 8 },
    { key: 'market', name: '市政工程质量监督站党支部', type: 'branch', staff: 7 },
  ],
};
