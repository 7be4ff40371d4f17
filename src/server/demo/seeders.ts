import type { DemoSeeder } from './demo-seeder.ts';
import { problemsSeeder } from './problems-seeder.ts';
import { studySeeder } from './study-seeder.ts';
import { researchSeeder } from './research-seeder.ts';
import { assessmentsSeeder } from './assessments-seeder.ts';

export const demoSeeders: DemoSeeder[] = [problemsSeeder, studySeeder, researchSeeder, assessmentsSeeder];
