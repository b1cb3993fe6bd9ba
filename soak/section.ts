/**
 * A soak section: one kind of abuse, run short inside `npm test` and long by `npm run soak`.
 * Add a section by dropping a file in `soak/` that default-exports one; the runner
 * (`scripts/soak.ts`) finds it by its file name and prints its figures.
 */
export interface SoakSection {
  /** Shown in the report, e.g. "fuzz". */
  name: string;
  /** Runs the section; `long` is the `npm run soak` size. Returns figures to print, by label. */
  run(options: { long: boolean; log: (line: string) => void }): Promise<Record<string, number | string>>;
}
