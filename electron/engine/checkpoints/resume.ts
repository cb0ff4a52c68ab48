/**
 * How to continue a session after a checkpoint: the agent's own resume command, and a prompt for a
 * fresh session that points at the handoff file. Commands are POSIX shell lines the user pastes.
 */
import type { Agent } from '../../../shared/session';
import { shellQuote } from './git-snapshot';

export const AGENT_LABELS: Readonly<Record<Agent, string>> = {
  'claude-code': 'Claude Code',
  codex: 'Codex CLI',
  'gemini-cli': 'Gemini CLI',
};

/**
 * The exact resume command. Each agent looks sessions up relative to the working directory (Claude
 * searches the current project first, Gemini keeps sessions per project), so it starts with a `cd`.
 */
export function resumeCommand(agent: Agent, sessionId: string, project: string | null): string {
  const id = shellQuote(sessionId);
  const command = agent === 'claude-code' ? `claude --resume ${id}` : agent === 'codex' ? `codex resume ${id}` : `gemini --resume ${id}`;
  return project ? `cd ${shellQuote(project)} && ${command}` : command;
}

export interface PromptInput {
  agent: Agent;
  markdownPath: string;
  project: string | null;
  restoreCommand: string | null;
}

/** A ready-to-paste first message for a fresh session that continues the checkpointed work. */
export function continuationPrompt(input: PromptInput): string {
  const lines = [
    `Continue the work of an earlier ${AGENT_LABELS[input.agent]} session${input.project ? ` in ${input.project}` : ''}.`,
    `First read the handoff at ${input.markdownPath}: it has the goal, the recent requests, the latest todo list, the files changed and where things stood.`,
  ];
  if (input.restoreCommand) {
    lines.push(`Uncommitted work was saved when the checkpoint was made; if it is missing from the working tree, restore it with: ${input.restoreCommand}`);
  }
  lines.push('Then summarise the state in a few lines and confirm the next step before changing any file.');
  return lines.join('\n');
}
