/** Problem wording for the demo, in the language of the seeds' 检视整改 (six focus areas). */
export const PROBLEM_TEXTS: Array<{
  category: string;
  title: string;
  description: string;
  measure: string;
  effect: string;
  cause: string;
}> = [
  {
    category: '理论学习',
    title: '理论学习不够深入系统，学用结合不紧',
    description: '部分党员干部满足于读原文、记笔记，结合城市管理实际思考不够，学习成果转化不明显。',
    measure: '制定支部专题学习计划，每月围绕城市管理重要论述开展一次研讨交流',
    effect: '专题学习常态化开展，形成学习心得与工作改进清单',
    cause: 'ideological',
  },
  {
    category: '理论学习',
    title: '青年干部理论学习主动性不强',
    description: '青年干部参加集中学习多、个人自学少，对党的创新理论理解停留在表面。',
    measure: '开展青年理论学习小组“微党课”轮讲',
    effect: '青年干部轮讲全覆盖，学习主动性明显提升',
    cause: 'ideological',
  },
  {
    category: '政治素质',
    title: '政治敏锐性不强，对苗头性问题警觉不够',
    description: '面对网络舆情和群众诉求中的苗头性问题，研判不及时，处置偏被动。',
    measure: '建立重大舆情和群众诉求每周会商研判机制',
    effect: '苗头性问题做到早发现、早研判、早处置',
    cause: 'political',
  },
  {
    category: '能力本领',
    title: '精细化管理能力不足，“绣花”功夫不够',
    description: '背街小巷环境卫生、占道经营治理存在反弹，长效管理手段不多。',
    measure: '推行网格化责任包保，建立背街小巷整治台账',
    effect: '重点路段占道经营反弹率明显下降',
    cause: 'ability',
  },
  {
    category: '能力本领',
    title: '数字城管平台运用不充分',
    description: '部分案件仍依赖电话和微信群派单，平台数据未充分用于分析研判。',
    measure: '全面推行平台派单、处置、核查闭环，按月分析高发问题',
    effect: '案件平台流转率达到 100%，按期处置率提升',
    cause: 'ability',
  },
  {
    category: '担当作为',
    title: '攻坚克难的劲头不足，遇到难题绕着走',
    description: '对老旧小区“蜘蛛网”缆线整治等难点问题，协调推动力度不够。',
    measure: '成立专班，联合通信运营商开展缆线“蜘蛛网”集中整治',
    effect: '试点片区架空缆线整治完成',
    cause: 'style',
  },
  {
    category: '担当作为',
    title: '执法过程中“一刀切”现象仍有发生',
    description: '个别执法队员对轻微违法行为处理方式简单，群众有意见。',
    measure: '推行首违不罚、轻微免罚清单和柔性执法指引',
    effect: '柔性执法指引印发执行，群众投诉下降',
    cause: 'style',
  },
  {
    category: '工作作风',
    title: '深入一线调查研究不够',
    description: '部分科室负责人习惯于听汇报、看材料，到基层一线了解情况少。',
    measure: '落实“四不两直”调研制度，班子成员每月下沉一线不少于两次',
    effect: '形成调研报告并推动解决一批群众急难愁盼问题',
    cause: 'style',
  },
  {
    category: '工作作风',
    title: '文山会海仍然存在，基层负担较重',
    description: '各类报表、台账重复报送，基层执法中队填报任务多。',
    measure: '清理合并各类报表，推行“一表通”数据共享',
    effect: '基层报表数量压减三分之一以上',
    cause: 'style',
  },
  {
    category: '工作作风',
    title: '群众诉求回应不够及时',
    description: '12345 热线转办件存在答复慢、回访满意率不高的情况。',
    measure: '建立诉求办理限时办结和回访制度',
    effect: '热线转办件按期办结率、满意率双提升',
    cause: 'style',
  },
  {
    category: '廉洁自律',
    title: '执法领域廉政风险防控存在薄弱环节',
    description: '行政处罚自由裁量、渣土运输审批等环节监督制约不够严密。',
    measure: '梳理执法权力清单和廉政风险点，完善内部监督制约',
    effect: '廉政风险点全部明确防控措施',
    cause: 'discipline',
  },
  {
    category: '廉洁自律',
    title: '公务用车管理不够规范',
    description: '执法车辆使用登记不完整，存在公车私用风险。',
    measure: '推行执法车辆 GPS 定位和电子化派车',
    effect: '车辆使用全程留痕',
    cause: 'discipline',
  },
];
