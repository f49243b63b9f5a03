/**
 * The ids of the commands the extension contributes (package.json contributes.commands).
 * Kept free of the vscode module so unit tests can compare it with package.json.
 */

/** Every command the extension contributes; commands.ts must give each one a handler. */
export const COMMAND_IDS = [
  'factcheck.checkWorkspace',
  'factcheck.reloadFacts',
  'factcheck.openSource',
  'factcheck.showReport',
] as const;

/** One contributed command id. */
export type CommandId = (typeof COMMAND_IDS)[number];

/** The built-in command the status bar item runs: focus the Problems view. */
export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';
