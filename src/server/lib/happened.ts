import { invalidField } from '../errors.ts';
import { today } from '../clock.ts';

/**
 * A record of something that happened (a study session held, a progress made) cannot be dated after today:
 * a future date would count hours and progress that do not exist yet.
 */
export function requireHappened(date: string, path: string, label: string): void {
  const t = today();
  if (date > t) throw invalidField(path, `“${label}”不能晚于今天（${t}）：记录的是已经发生的事`);
}
