import type { Generated } from 'kysely';

export interface NotificationTables {
  /** 站内消息: one row per recipient account; read_at null while unread. */
  notifications: {
    id: Generated<number>;
    userId: number;
    event: string;
    title: string;
    body: Generated<string>;
    link: Generated<string>;
    orgPath: string | null;
    createdAt: string;
    readAt: string | null;
  };
  /** A DingTalk or WeCom group robot: its address and signing secret are stored encrypted (AES-256-GCM). */
  webhooks: {
    id: Generated<number>;
    orgId: number;
    orgPath: string;
    kind: string;
    name: string;
    urlEnc: string;
    /** The host and the last characters of the key, so people can tell robots apart without the key. */
    urlHint: string;
    secretEnc: string | null;
    /** JSON array of event kinds the group wants. */
    events: string;
    status: Generated<string>;
    brokenReason: Generated<string>;
    /** Which node drains this robot's outbox until when (so the per-robot minute limit is counted in one place). */
    leaseUntil: string | null;
    leaseBy: string | null;
    createdBy: number | null;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
  /** The outbox and delivery log of a robot: pending → sent | failed, or folded into a digest. */
  webhookDeliveries: {
    id: Generated<number>;
    webhookId: number;
    event: string;
    title: string;
    body: string;
    link: Generated<string>;
    status: string;
    attempts: Generated<number>;
    nextAttemptAt: string;
    digestId: number | null;
    errcode: number | null;
    error: Generated<string>;
    createdAt: string;
    sentAt: string | null;
  };
}
