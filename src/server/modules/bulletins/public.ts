/** What other modules may use from 简报. */
export { onBulletinPublished, type BulletinPublished } from './events.ts';
export { bulletinVisible } from './repository.ts';
