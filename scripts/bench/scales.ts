/** How big a synthetic city is. `tiny` exists for the CI smoke test, `small` for a quick look, `city` for the targets. */
export interface Scale {
  name: string;
  /** Children per level below the root; the last level are the branches (leaf units). */
  fanout: number[];
  people: number;
  problems: number;
  /** Collective study sessions per branch; every member has an attendance row for each. */
  sessionsPerBranch: number;
  /** In-progress problems with every measure done and evidence on file: the pool the transition figure cycles. */
  readyProblems: number;
  /** Rows of the generated 整改台账 the import figure uploads. */
  importRows: number;
  /** Seconds each load phase runs unless --seconds says otherwise. */
  seconds: number;
}

export const SCALES: Record<string, Scale> = {
  tiny: {
    name: 'tiny',
    fanout: [2, 2, 2],
    people: 200,
    problems: 300,
    sessionsPerBranch: 4,
    readyProblems: 20,
    importRows: 300,
    seconds: 0.3,
  },
  small: {
    name: 'small',
    fanout: [5, 6, 6],
    people: 5_000,
    problems: 5_000,
    sessionsPerBranch: 20,
    readyProblems: 200,
    importRows: 50_000,
    seconds: 3,
  },
  city: {
    name: 'city',
    fanout: [10, 12, 10, 4],
    people: 100_000,
    problems: 100_000,
    sessionsPerBranch: 20,
    readyProblems: 1_000,
    importRows: 50_000,
    seconds: 10,
  },
};

/** Bumped whenever the generator's output changes, so a cached database of an older shape is not reused. */
export const GENERATOR_VERSION = 3;
