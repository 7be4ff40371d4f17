import type { DemoSeeder } from './demo-seeder.ts';
import { problemsSeeder } from './problems-seeder.ts';
import { studySeeder } from './study-seeder.ts';
import { researchSeeder } from './research-seeder.ts';
import { tasksSeeder } from './tasks-seeder.ts';
import { demandsSeeder } from './demands-seeder.ts';
import { checksSeeder } from './checks-seeder.ts';
import { assessmentsSeeder } from './assessments-seeder.ts';
import { notificationsSeeder } from './notifications-seeder.ts';

// One seeder per line, in the order they run: assessments score what the others recorded; messages and
// reminders follow from every other module's records.
export const demoSeeders: DemoSeeder[] = [
  problemsSeeder,
  studySeeder,
  researchSeeder,
  tasksSeeder,
  demandsSeeder,
  checksSeeder,
  assessmentsSeeder,
  notificationsSeeder,
];
