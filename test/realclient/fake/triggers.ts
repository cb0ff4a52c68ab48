/**
 * Prompt words that make a fake model answer with a tool call, so scenarios can make the real clients
 * run tools without a real model: `TOOL:BASH <command>`, `TOOL:WRITE <absolute path> <content>`,
 * `TOOL:AGENT <prompt>` (Claude Code) and `TOOL:SHELL <command>` (Codex, Gemini CLI). The argument runs
 * to the end of the line.
 */
export type TriggerName = 'BASH' | 'WRITE' | 'AGENT' | 'SHELL';

export interface Trigger {
  name: TriggerName;
  argument: string;
}

const TRIGGER = /TOOL:(BASH|WRITE|AGENT|SHELL)[ \t]+([^\n]*)/;

/** The trigger in the newest user text, if any. */
export function findTrigger(text: string): Trigger | null {
  const match = TRIGGER.exec(text);
  if (match === null) return null;
  return { name: match[1] as TriggerName, argument: (match[2] ?? '').trim() };
}

/** Splits `TOOL:WRITE` arguments: the first word is the path, the rest the file content. */
export function splitWriteArgument(argument: string): { path: string; content: string } {
  const space = argument.indexOf(' ');
  if (space < 0) return { path: argument, content: '' };
  return { path: argument.slice(0, space), content: argument.slice(space + 1) };
}

/** The canned answers; scenarios match on them to know which branch the fake took. */
export const cannedText = (turn: number): string => `Hello from the fake model (turn ${turn}).`;
export const toolFinishedText = (result: string): string => `Tool finished. Result was: ${result.slice(0, 200)}`;
export const SUMMARY_TEXT = 'The user greeted the fake model, ran a harmless command and wrote one file.';
