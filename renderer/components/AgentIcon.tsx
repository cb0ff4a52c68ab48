/**
 * A small monogram for each agent (not the vendors' logos): colour tells them apart at a glance, the
 * letter keeps it readable without colour, the title names it in full.
 */
import type { Agent } from '../../shared/session';

export const AGENT_NAME: Readonly<Record<Agent, string>> = {
  'claude-code': 'Claude Code',
  codex: 'Codex CLI',
  'gemini-cli': 'Gemini CLI',
};

const LETTER: Readonly<Record<Agent, string>> = { 'claude-code': 'C', codex: 'X', 'gemini-cli': 'G' };

export function AgentIcon({ agent }: { agent: Agent }) {
  return (
    <span class={`agent-icon agent-${agent}`} title={AGENT_NAME[agent]} aria-label={AGENT_NAME[agent]} role="img">
      {LETTER[agent]}
    </span>
  );
}
