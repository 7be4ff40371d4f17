/** Vocabularies of 推动发展 (F5 key tasks), shared by server and web. */

/** Derived, never typed: 已完成 / 按序时推进 / 滞后 / 未启动. */
export const TASK_STATUSES = {
  done: '已完成',
  on_track: '按序时推进',
  behind: '滞后',
  not_started: '未启动',
} as const;
export type TaskStatus = keyof typeof TASK_STATUSES;
export const TASK_STATUS_KEYS = Object.keys(TASK_STATUSES) as TaskStatus[];

/** Lights: green at or above 序时进度 (within the tolerance), yellow some points below, red far below or a date missed. */
export const TASK_LIGHTS = { green: '绿灯', yellow: '黄灯', red: '红灯' } as const;
export type TaskLight = keyof typeof TASK_LIGHTS;

export const TASK_UNIT_ROLES = { responsible: '责任单位', cooperating: '配合单位' } as const;
export type TaskUnitRole = keyof typeof TASK_UNIT_ROLES;

/** Per-campaign thresholds (DOMAIN F5: configurable defaults, never constants). */
export interface TaskThresholds {
  /** 按序时推进 while actual ≥ planned − tolerance (0–1). */
  tolerance: number;
  /** Yellow once actual is more than this below planned (0–1). */
  yellowGap: number;
  /** Red once actual is more than this below planned (0–1), or a milestone date is missed. */
  redGap: number;
  /** 未更新 after this many days without an update. */
  staleDays: number;
}

export const DEFAULT_TASK_THRESHOLDS: TaskThresholds = { tolerance: 0.1, yellowGap: 0.1, redGap: 0.3, staleDays: 7 };
