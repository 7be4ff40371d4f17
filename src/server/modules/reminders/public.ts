/** What other parts of the server may use from reminders: the run (the scheduler calls it). */
export { runReminders, type RunResult } from './run.ts';
export { reminderSources } from './sources.ts';
