import {
  PROBLEM_COLOURS,
  PROBLEM_STATUSES,
  type ProblemColour,
  type ProblemStatus,
} from '../../../shared/problem-enums.ts';

/** 红黄绿蓝 as drawn on the charts, with the name a legend shows. */
export const COLOURS = (Object.keys(PROBLEM_COLOURS) as ProblemColour[]).map((key) => ({
  key,
  name:
    { red: '红', yellow: '黄', green: '绿', blue: '蓝', none: '' }[key] +
    (key === 'none' ? '' : '·') +
    PROBLEM_COLOURS[key],
  hex: { red: '#cf1322', yellow: '#faad14', green: '#389e0d', blue: '#1677ff', none: '#bfbfbf' }[key],
}));

/** The four statuses in lifecycle order, each with its bar colour. */
export const STATUSES = (Object.keys(PROBLEM_STATUSES) as ProblemStatus[]).map((key) => ({
  key,
  name: PROBLEM_STATUSES[key],
  hex: { draft: '#8c8c8c', in_progress: '#faad14', submitted: '#1677ff', closed: '#389e0d' }[key],
}));

export const RED = '#cf1322';
