/** The level in words, coloured; `ok` shows nothing so trouble stands out in a long table. */
import type { Level } from '../../shared/policy';
import { LEVEL_LABEL } from '../model/levels';

export function LevelBadge({ level, always = false }: { level: Level; always?: boolean }) {
  if (level === 'ok' && !always) return null;
  return (
    <span class={`badge level-badge level-${level}`} data-level={level}>
      {LEVEL_LABEL[level]}
    </span>
  );
}
