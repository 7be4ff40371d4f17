/** What other modules may use from 站内消息 and group robots. */
export { notify, enqueueForRobots as enqueueRobots, recipientUserIds, type Message, type Recipients } from './send.ts';
export { drainRobots, type DrainOptions } from './deliver.ts';
export { pruneMessages } from './repository.ts';
export { robotKey } from './robot-key.ts';
