/** Response schemas of study routes added after the fact (kept apart from schemas.ts while it is being edited). */
import { Type } from 'typebox';

export { Roster } from '../../../shared/views/study.ts';

export const MyHours = Type.Object({ hours: Type.Number(), minimum: Type.Number() });

export const MakeupSet = Type.Object({ ok: Type.Boolean() });
