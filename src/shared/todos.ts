/** 我的待办 as the API returns it, shared by the server's sources and the web's list. */

/** One row of 我的待办: the record, why it waits, and the page that opens it with the action ready. */
export interface TodoItem {
  kind: string;
  id: number;
  title: string;
  orgName: string | null;
  /** The date it is due (or was submitted, for reviews). */
  date: string | null;
  overdue: boolean;
  /** A web path, e.g. "/problems?open=12&action=approve". */
  link: string;
}

/** How many rows of a kind wait, and the menu entry (a web feature key) whose badge counts them. */
export interface TodoCount {
  kind: string;
  label: string;
  menu: string;
  count: number;
}
