import type { DemoSeeder } from './demo-seeder.ts';
import { problemsSeeder } from './problems-seeder.ts';
import { studySeeder } from './study-seeder.ts';
import { researchSeeder } from './research-seeder.ts';
import { tasksSeeder } from './tasks-seeder.ts';
import { demandsSeeder } from './demands-seeder.ts';
import { assessmentsSeeder } from './assessments-seeder.ts';

// One seeder per line, in the order they run (assessments last: it scores what the others recorded).
export const demoSeeders: DemoSeeder[] = [
  problemsSeeder,
  studySeeder,
  researchSeeder,
  tasksSeeder,
  demandsSeeder,
  assessmentsSeeder,
];
