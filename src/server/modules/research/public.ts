/** What other modules may use from 调查研究. */
export { researchFigureSources } from './assessment-figures.ts';
