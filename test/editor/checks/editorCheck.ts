/**
 * Runs one named assertion against the page; a failure is reported with a screenshot of the
 * page at that moment, and the run goes on.
 */
export type EditorCheck = (name: string, assertion: () => Promise<void>) => Promise<boolean>;
