/**
 * What the 理论学习 routes answer, as TypeBox: the server serialises with these (so nothing else leaves it),
 * the web takes their Static types instead of copies typed by hand.
 */
import { Type, type Static } from 'typebox';

const Abilities = Type.Record(Type.String(), Type.Boolean());
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** One line of a session's attendance (the whole roster for the unit's officers, else the caller's own). */
export const AttendanceLine = Type.Object({
  personId: Type.Integer(),
  name: Type.String(),
  status: Type.String(),
  reason: Type.String(),
  makeupId: Type.Union([Type.Integer(), Type.Null()]),
  makeupStatus: NullableString,
});

/** A collective study session with its attendance (API.md: study session). */
export const SessionView = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  mode: Type.String(),
  modeLabel: Type.String(),
  online: Type.Boolean(),
  date: Type.String(),
  hours: Type.Number(),
  topic: Type.String(),
  speaker: Type.String(),
  readingIds: Type.Array(Type.Integer()),
  speakerIds: Type.Array(Type.Integer()),
  attendance: Type.Array(AttendanceLine),
  /** 应到 and 实到. */
  expected: Type.Integer(),
  present: Type.Integer(),
  version: Type.Integer(),
  abilities: Abilities,
});

/** A make-up item (补课补学) with the session it makes up for (API.md: make-up item). */
export const MakeupView = Type.Object({
  id: Type.Integer(),
  sessionId: Type.Integer(),
  personId: Type.Integer(),
  personName: Type.String(),
  status: Type.String(),
  madeUpDate: NullableString,
  /** How it was made up (观看录像、提交心得 …). */
  note: Type.String(),
  topic: Type.String(),
  date: Type.String(),
  hours: Type.Number(),
  version: Type.Integer(),
  abilities: Abilities,
});

/** The study figures of a subtree (rates 0–1; individuals are never ranked, only counted). */
export const StudyFiguresView = Type.Object({
  orgId: Type.Integer(),
  sessions: Type.Integer(),
  sessionsByKind: Type.Record(Type.String(), Type.Integer()),
  attendanceRate: Type.Number(),
  coverage: Type.Number(),
  uncoveredSessions: Type.Integer(),
  openMakeups: Type.Integer(),
  hoursPerMember: Type.Object({
    average: Type.Number(),
    belowMinimum: Type.Integer(),
    minimum: Type.Number(),
    members: Type.Integer(),
  }),
  /** 三会一课: per quarter and required kind, 应召开 against 已召开. */
  threeMeetingsOneLesson: Type.Array(
    Type.Object({
      quarter: Type.String(),
      orgType: Type.String(),
      kind: Type.String(),
      required: Type.Integer(),
      held: Type.Integer(),
    }),
  ),
});

/** Who is 应到 at a session of a kind in a unit's subtree (the form's roster). */
export const Roster = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), position: Type.String() })),
});

/** The caller's own study hours in a campaign against its minimum. */
export const MyHours = Type.Object({ hours: Type.Number(), minimum: Type.Number() });

export type RosterT = Static<typeof Roster>;
export type RosterPersonT = RosterT['items'][number];
export type MyHoursT = Static<typeof MyHours>;
export type SessionViewT = Static<typeof SessionView>;
export type MakeupViewT = Static<typeof MakeupView>;
export type StudyFiguresT = Static<typeof StudyFiguresView>;
