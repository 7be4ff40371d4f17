/** What other modules may use from 简报. */
export { onBulletinPublished, type BulletinPublished } from './events.ts';
export { bulletinVisible } from './repository.ts';
/** The GB/T 9704 .docx writer bulletins are printed with, for other modules' official documents (e.g. 考核通报). */
export { renderOfficialDocument, type OfficialDocument, type TableBlock } from '../../io/docx-writer.ts';
export { cnDate } from './compile.ts';
