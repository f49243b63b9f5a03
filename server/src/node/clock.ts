/**
 * The one clock: the date a draft without one is checked as of. The CLI and the language
 * server both ask it, and hand the date to the core (which never reads the clock), so the
 * editor and `factcheck check` agree on an undated draft at any hour.
 */

/** The calendar day of `now` where the user is (the machine's time zone), YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
