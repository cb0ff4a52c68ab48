/**
 * The client versions the conformance suite pins. Bumping one here is how Headroom is checked against a
 * new agent release: the suite installs it into its cache and every scenario runs against the new files.
 */
export interface ClientSpec {
  /** npm package that ships the CLI. */
  package: string;
  version: string;
  /** Name of the executable in `node_modules/.bin`. */
  bin: string;
}

export const CLIENTS = {
  'claude-code': { package: '@anthropic-ai/claude-code', version: '2.1.197', bin: 'claude' },
  codex: { package: '@openai/codex', version: '0.169.0', bin: 'codex' },
  'gemini-cli': { package: '@google/gemini-cli', version: '0.61.0', bin: 'gemini' },
} as const satisfies Record<string, ClientSpec>;

export type ClientName = keyof typeof CLIENTS;
