import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { topicPolicy } from './policy.ts';
import type { TopicRow } from './repository.ts';
import { STATUS_LABELS } from './schemas.ts';

/** A topic as the API shows it: its status in words, the report's four parts together, what the caller may do. */
export function presentTopic(actor: Actor, t: TopicRow) {
  const { orgPath, recommended, ...rest } = t;
  return {
    ...rest,
    recommended: recommended === 1,
    statusLabel: STATUS_LABELS[t.status] ?? t.status,
    report: { situation: t.situation, problems: t.problems, analysis: t.analysis, measures: t.measures },
    abilities: abilitiesOf(topicPolicy, actor, t),
  };
}
