/** Response schemas of study routes added after the fact (kept apart from schemas.ts while it is being edited). */
import { Type } from 'typebox';

export { MyHours, Roster } from '../../../shared/views/study.ts';

export const MakeupSet = Type.Object({ ok: Type.Boolean() });
