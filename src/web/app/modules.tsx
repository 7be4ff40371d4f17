/**
 * The feature registry: every page in the menu is one entry here. A new feature adds one line; the menu
 * shows only entries that exist and that the user's roles may use. Pages load on first visit:
 *   { key: 'x', path: '/x', label: '中文名', icon: <XOutlined />, element: lazyPage(() => import('../features/x/x-page.tsx'), 'XPage'), visible: (me) => hasRole(me, 'office') },
 * A page composed from several features (like 组织机构) lives in app/pages/ — features never import each other.
 */
import type { ReactNode } from 'react';
import {
  ApiOutlined,
  AuditOutlined,
  AlertOutlined,
  RocketOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  BookOutlined,
  CommentOutlined,
  CompassOutlined,
  ReadOutlined,
  TrophyOutlined,
  StarOutlined,
  ClusterOutlined,
  ExceptionOutlined,
  FlagOutlined,
  HomeOutlined,
  MessageOutlined,
  RobotOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  CustomerServiceOutlined,
  HeartOutlined,
  FileSearchOutlined,
  FileWordOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { DashboardOutlined } from '@ant-design/icons';
import { hasRole, inGroup, type Me } from '../lib/auth.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { lazyPage } from './lazy-page.tsx';

export interface FeatureEntry {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  element: ReactNode;
  visible: (me: Me) => boolean;
}

const managesOrg = (me: Me) => !me.roles.every((r) => r === 'member');

export const features: FeatureEntry[] = [
  { key: 'home', path: '/', label: '工作台', icon: <HomeOutlined />, element: <HomePage />, visible: () => true },
  {
    key: 'dashboard',
    path: '/dashboard',
    label: '工作看板',
    icon: <DashboardOutlined />,
    element: lazyPage(() => import('../features/dashboard/dashboard-page.tsx'), 'DashboardPage'),
    visible: managesOrg,
  },
  {
    key: 'study',
    path: '/study',
    label: '理论学习',
    icon: <ReadOutlined />,
    element: lazyPage(() => import('../features/study/study-page.tsx'), 'StudyPage'),
    visible: () => true,
  },
  {
    key: 'research',
    path: '/research',
    label: '调查研究',
    icon: <CompassOutlined />,
    element: lazyPage(() => import('../features/research/research-page.tsx'), 'ResearchPage'),
    visible: managesOrg,
  },
  {
    key: 'meetings',
    path: '/meetings',
    label: '民主生活会',
    icon: <CommentOutlined />,
    element: lazyPage(() => import('../features/meetings/meetings-page.tsx'), 'MeetingsPage'),
    visible: managesOrg,
  },
  {
    key: 'tasks',
    path: '/tasks',
    label: '推动发展',
    icon: <RocketOutlined />,
    element: lazyPage(() => import('../features/tasks/tasks-page.tsx'), 'TasksPage'),
    visible: () => true,
  },
  {
    key: 'warnings',
    path: '/warnings',
    label: '预警',
    icon: <AlertOutlined />,
    element: lazyPage(() => import('../features/warnings/warnings-page.tsx'), 'WarningsPage'),
    visible: managesOrg,
  },
  {
    key: 'problems',
    path: '/problems',
    label: '问题清单',
    icon: <ExceptionOutlined />,
    element: lazyPage(() => import('../features/problems/problems-page.tsx'), 'ProblemsPage'),
    visible: () => true,
  },
  {
    key: 'problem-figures',
    path: '/problem-figures',
    label: '整改统计',
    icon: <BarChartOutlined />,
    element: lazyPage(() => import('../features/problems/figures-page.tsx'), 'ProblemFiguresPage'),
    visible: managesOrg,
  },
  {
    key: 'results',
    path: '/results',
    label: '成果清单',
    icon: <TrophyOutlined />,
    element: lazyPage(() => import('../features/problems/results-page.tsx'), 'ResultsPage'),
    visible: () => true,
  },
  {
    key: 'institutions',
    path: '/institutions',
    label: '建章立制',
    icon: <BookOutlined />,
    element: lazyPage(() => import('../features/institutions/institutions-page.tsx'), 'InstitutionsPage'),
    visible: () => true,
  },
  {
    key: 'demands',
    path: '/demands',
    label: '接诉即办',
    icon: <CustomerServiceOutlined />,
    element: lazyPage(() => import('../features/demands/demands-page.tsx'), 'DemandsPage'),
    visible: managesOrg,
  },
  {
    key: 'matters',
    path: '/matters',
    label: '民生实事',
    icon: <HeartOutlined />,
    element: lazyPage(() => import('../features/matters/matters-page.tsx'), 'MattersPage'),
    visible: managesOrg,
  },
  {
    key: 'checks',
    path: '/checks',
    label: '督导检查',
    icon: <FileSearchOutlined />,
    element: lazyPage(() => import('../features/checks/checks-page.tsx'), 'ChecksPage'),
    visible: managesOrg,
  },
  {
    key: 'bulletins',
    path: '/bulletins',
    label: '工作简报',
    icon: <FileWordOutlined />,
    element: lazyPage(() => import('../features/bulletins/bulletins-page.tsx'), 'BulletinsPage'),
    visible: () => true,
  },
  {
    key: 'exemplars',
    path: '/exemplars',
    label: '先进典型',
    icon: <StarOutlined />,
    element: lazyPage(() => import('../features/exemplars/exemplars-page.tsx'), 'ExemplarsPage'),
    visible: () => true,
  },
  {
    key: 'assessments',
    path: '/assessments',
    label: '考核评价',
    icon: <SolutionOutlined />,
    element: lazyPage(() => import('../features/assessments/assessments-page.tsx'), 'AssessmentsPage'),
    visible: managesOrg,
  },
  {
    key: 'orgs',
    path: '/orgs',
    label: '组织机构',
    icon: <ApartmentOutlined />,
    element: lazyPage(() => import('./pages/org-workbench.tsx'), 'OrgWorkbench'),
    visible: managesOrg,
  },
  {
    key: 'people',
    path: '/people',
    label: '人员查询',
    icon: <TeamOutlined />,
    element: lazyPage(() => import('../features/people/people-page.tsx'), 'PeoplePage'),
    visible: managesOrg,
  },
  {
    key: 'campaigns',
    path: '/campaigns',
    label: '主题教育配置',
    icon: <FlagOutlined />,
    element: lazyPage(() => import('../features/campaigns/campaigns-page.tsx'), 'CampaignsPage'),
    visible: () => true,
  },
  {
    key: 'users',
    path: '/users',
    label: '账号与权限',
    icon: <SafetyCertificateOutlined />,
    element: lazyPage(() => import('../features/users/users-page.tsx'), 'UsersPage'),
    visible: (me) => hasRole(me, 'admin'),
  },
  {
    key: 'open311-keys',
    path: '/open311-keys',
    label: 'Open311 接入密钥',
    icon: <ApiOutlined />,
    element: lazyPage(() => import('../features/open311/keys-page.tsx'), 'Open311KeysPage'),
    visible: (me) => hasRole(me, 'admin'),
  },
  {
    key: 'groups',
    path: '/groups',
    label: '督导组与分管',
    icon: <ClusterOutlined />,
    element: lazyPage(() => import('../features/users/groups-page.tsx'), 'GroupsPage'),
    visible: (me) => inGroup(me, 'managers'),
  },
  {
    key: 'notifications',
    path: '/notifications',
    label: '站内消息',
    icon: <MessageOutlined />,
    element: lazyPage(() => import('../features/notifications/messages-page.tsx'), 'MessagesPage'),
    visible: () => true,
  },
  {
    key: 'webhooks',
    path: '/webhooks',
    label: '群机器人',
    icon: <RobotOutlined />,
    element: lazyPage(() => import('../features/notifications/webhooks-page.tsx'), 'WebhooksPage'),
    visible: (me) => inGroup(me, 'managers'),
  },
  {
    key: 'audit',
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    element: lazyPage(() => import('../features/audit/audit-page.tsx'), 'AuditPage'),
    visible: (me) => inGroup(me, 'reviewers'),
  },
];
