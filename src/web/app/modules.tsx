/**
 * The feature registry: every page in the menu is one entry here. A new feature adds one line; the menu
 * shows only entries that exist and that the user's roles may use.
 */
import type { ReactNode } from 'react';
import { AuditOutlined, ApartmentOutlined, BarChartOutlined, BookOutlined, CommentOutlined, CompassOutlined, ReadOutlined, TrophyOutlined, ClusterOutlined, ExceptionOutlined, FlagOutlined, HomeOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { hasRole, type Me } from '../lib/auth.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { PeoplePage } from '../features/people/people-page.tsx';
import { CampaignsPage } from '../features/campaigns/campaigns-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { UsersPage } from '../features/users/users-page.tsx';
import { GroupsPage } from '../features/users/groups-page.tsx';
import { OrgWorkbench } from './pages/org-workbench.tsx';
import { ProblemsPage } from '../features/problems/problems-page.tsx';
import { ProblemFiguresPage } from '../features/problems/figures-page.tsx';
import { ResultsPage } from '../features/problems/results-page.tsx';
import { InstitutionsPage } from '../features/institutions/institutions-page.tsx';
import { StudyPage } from '../features/study/study-page.tsx';
import { ResearchPage } from '../features/research/research-page.tsx';
import { MeetingsPage } from '../features/meetings/meetings-page.tsx';

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
  { key: 'study', path: '/study', label: '理论学习', icon: <ReadOutlined />, element: <StudyPage />, visible: () => true },
  { key: 'research', path: '/research', label: '调查研究', icon: <CompassOutlined />, element: <ResearchPage />, visible: (me) => !me.roles.every((r) => r === 'member') },
  { key: 'meetings', path: '/meetings', label: '民主生活会', icon: <CommentOutlined />, element: <MeetingsPage />, visible: (me) => !me.roles.every((r) => r === 'member') },
  { key: 'problems', path: '/problems', label: '问题清单', icon: <ExceptionOutlined />, element: <ProblemsPage />, visible: () => true },
  { key: 'problem-figures', path: '/problem-figures', label: '整改统计', icon: <BarChartOutlined />, element: <ProblemFiguresPage />, visible: managesOrg },
  { key: 'results', path: '/results', label: '成果清单', icon: <TrophyOutlined />, element: <ResultsPage />, visible: () => true },
  { key: 'institutions', path: '/institutions', label: '建章立制', icon: <BookOutlined />, element: <InstitutionsPage />, visible: () => true },
  { key: 'orgs', path: '/orgs', label: '组织机构', icon: <ApartmentOutlined />, element: <OrgWorkbench />, visible: managesOrg },
  { key: 'people', path: '/people', label: '人员查询', icon: <TeamOutlined />, element: <PeoplePage />, visible: managesOrg },
  { key: 'campaigns', path: '/campaigns', label: '主题教育配置', icon: <FlagOutlined />, element: <CampaignsPage />, visible: () => true },
  { key: 'users', path: '/users', label: '账号与权限', icon: <SafetyCertificateOutlined />, element: <UsersPage />, visible: (me) => hasRole(me, 'admin') },
  { key: 'groups', path: '/groups', label: '督导组与分管', icon: <ClusterOutlined />, element: <GroupsPage />, visible: (me) => hasRole(me, 'admin', 'office') },
  { key: 'audit', path: '/audit', label: '审计日志', icon: <AuditOutlined />, element: <AuditPage />, visible: (me) => hasRole(me, 'admin', 'office', 'secretary') },
];
