import { PeopleTable } from './people-table.tsx';

/** 人员查询: everyone in the caller's scope, searchable. */
export function PeoplePage() {
  return <PeopleTable title="人员查询（数据范围内全部人员）" />;
}
