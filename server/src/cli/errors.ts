/** Errors the CLI reports with exit status 2 (usage, configuration, fact base). */

/** A problem with the command line, a configuration file or the fact base: exit 2 with this message. */
export class UsageError extends Error {}
