import type { Generated } from 'kysely';

export interface BulletinTables {
  bulletins: {
    id: Generated<number>;
    campaignId: number;
    /** 编发单位. */
    orgId: number;
    orgPath: string;
    /** regular 简报 · supplement 增刊 (numbered apart) */
    kind: string;
    /** 第N期, given at 签发 (null while a draft). */
    number: number | null;
    title: string;
    periodFrom: string;
    periodTo: string;
    /** draft → issued (frozen) */
    status: string;
    masthead: string;
    issuer: string;
    editorNote: Generated<string>;
    /** JSON [{heading, items: [{subtitle, text}]}] */
    sections: Generated<string>;
    /** JSON snapshot of the dashboard figures the draft was compiled from. */
    figures: Generated<string>;
    /** JSON {report, send, distribute, copies}: the 报尾. */
    distribution: Generated<string>;
    /** 上报: the upper unit that also receives it. */
    reportOrgId: number | null;
    reportOrgPath: string | null;
    issuedAt: string | null;
    issuedBy: number | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  /** 亮点 / 示范点 / 优秀做法 flags on other modules' records, with a one-line text. */
  highlights: {
    id: Generated<number>;
    campaignId: number;
    orgId: number;
    orgPath: string;
    entityType: string;
    entityId: number;
    entityLabel: string;
    kind: string;
    text: string;
    date: string;
    createdBy: number | null;
    createdAt: string;
  };
}
