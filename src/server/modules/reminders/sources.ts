/**
 * Every kind of item with a deadline that reminders watch. A module adds one by exporting a ReminderSource
 * (lib/todo-source.ts) from its public.ts and one line here.
 */
import type { ReminderSource } from '../../lib/todo-source.ts';
import { measureReminders } from '../problems/public.ts';

export const reminderSources: ReminderSource[] = [measureReminders];
