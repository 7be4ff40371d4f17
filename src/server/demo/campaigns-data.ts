/**
 * The two campaigns of the demo: the running one as seed 000 configures it (2023), dated around today so its
 * quarters, make-ups, deadlines and reminders are live whenever the demo is loaded; 2019 in the shape of seed 004.
 */
import { addDays } from '../clock.ts';

/** The running campaign's dates: five months, as the 2023 one ran, with about ten weeks behind it. */
export function runningCampaignDates(today: string): { startDate: string; endDate: string } {
  return { startDate: addDays(today, -75), endDate: addDays(today, 78) };
}

export const CAMPAIGN_2023 = {
  name: '学习贯彻习近平新时代中国特色社会主义思想主题教育',
  batch: '第二批',
  generalRequirement: '学思想、强党性、重实践、建新功',
  targets: ['凝心铸魂筑牢根本', '锤炼品格强化忠诚', '实干担当促进发展', '践行宗旨为民造福', '廉洁奉公树立新风'],
  workLines: [
    { key: 'study', label: '理论学习' },
    { key: 'research', label: '调查研究' },
    { key: 'development', label: '推动发展' },
    { key: 'rectification', label: '检视整改' },
    { key: 'institutions', label: '建章立制' },
  ],
  focusAreas: ['理论学习', '政治素质', '能力本领', '担当作为', '工作作风', '廉洁自律'],
  minStudyHours: 32,
  warningDays: 7,
  status: 'active',
  readings: [
    ['《习近平著作选读》第一卷', '人民出版社'],
    ['《习近平著作选读》第二卷', '人民出版社'],
    ['《习近平新时代中国特色社会主义思想专题摘编》', '中央文献出版社、党建读物出版社'],
    ['《习近平新时代中国特色社会主义思想学习纲要（2023年版）》', '学习出版社、人民出版社'],
    ['《习近平关于城市工作论述摘编》', '中央文献出版社'],
    ['习近平总书记在主题教育工作会议上的重要讲话', '中央主题教育工作会议'],
    ['习近平总书记视察我省重要讲话和重要指示批示精神', '省委印发'],
  ] as Array<[string, string]>,
};

export const CAMPAIGN_2019 = {
  name: '“不忘初心、牢记使命”主题教育',
  batch: '第一批',
  startDate: '2019-06-01',
  endDate: '2019-08-31',
  generalRequirement: '守初心、担使命，找差距、抓落实',
  targets: ['理论学习有收获', '思想政治受洗礼', '干事创业敢担当', '为民服务解难题', '清正廉洁作表率'],
  workLines: [
    { key: 'study', label: '学习教育' },
    { key: 'research', label: '调查研究' },
    { key: 'inspection', label: '检视问题' },
    { key: 'rectification', label: '整改落实' },
  ],
  focusAreas: ['理论学习', '政治素质', '担当作为', '为民服务', '廉洁自律'],
  minStudyHours: 0,
  warningDays: 7,
  status: 'finished',
  readings: [
    ['《习近平关于“不忘初心、牢记使命”重要论述选编》', '中央文献出版社、党建读物出版社'],
    ['《习近平新时代中国特色社会主义思想学习纲要》', '学习出版社、人民出版社'],
  ] as Array<[string, string]>,
};
