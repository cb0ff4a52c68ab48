/** Finds a copied transcript by its session id anywhere under an agent's folder. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function findTranscript(dir: string, sessionId: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true });
  const match = entries.find((entry) => entry.endsWith(`${sessionId}.jsonl`));
  if (!match) throw new Error(`no transcript for ${sessionId} under ${dir}`);
  return join(dir, match);
}
