import type { Generated } from 'kysely';

/** 督导组 / 指导组: a group of people assigned to units; its members' data scope covers those units. */
export interface SupervisionTables {
  supervisionGroups: {
    id: Generated<number>;
    name: string;
    kind: string;
    orgId: number;
    active: Generated<number>;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  supervisionGroupMembers: { groupId: number; personId: number };
  supervisionGroupUnits: { groupId: number; orgId: number };
}
