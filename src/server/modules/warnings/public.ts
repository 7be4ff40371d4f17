/** What other modules may use from 预警: open warnings per unit as a 考核 figure, counted in one batch. */
export { openWarningsByUnit, warningFigureSources } from './figures.ts';
