/** The work lines a campaign may run (a campaign picks its own and names them). */
export const WORK_LINES = {
  study: '理论学习',
  research: '调查研究',
  development: '推动发展',
  inspection: '检视问题',
  rectification: '检视整改',
  institutions: '建章立制',
} as const;
export type WorkLineKey = keyof typeof WORK_LINES;
export const WORK_LINE_KEYS = Object.keys(WORK_LINES) as WorkLineKey[];
