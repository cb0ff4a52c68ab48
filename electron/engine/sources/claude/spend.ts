/**
 * A Claude Code session's spend. Claude Code writes one API response as several lines (one per
 * content block) that share `(message.id, requestId)` and carry usage that only grows, so each
 * response is counted once, at each field's largest value, across all of the session's files.
 */
import type { Tokens } from '../../../../shared/session';
import type { PricedTokens } from '../../models/prices';
import type { Usage } from './records';

interface KeptResponse {
  requestId: string;
  /** The model of the response's first line: its spend stays with that model. */
  model: string;
  usage: Usage;
}

const ZERO: Usage = { input: 0, cacheCreation: 0, cacheCreation1h: 0, cacheRead: 0, output: 0 };

/**
 * Where a map keyed by message id keeps the response `(messageId, requestId)`, given the request id
 * of the response it already holds under that message id. Keying by the message id alone uses a
 * string every line already has (a key built per line would be allocated and hashed per line); the
 * rare message id seen with a second request id is keyed `id\0requestId`.
 */
export function responseKey(heldRequestId: string | undefined, messageId: string, requestId: string): string {
  return heldRequestId === undefined || heldRequestId === requestId ? messageId : `${messageId}\u0000${requestId}`;
}

export class ClaudeSpend {
  private readonly responses = new Map<string, KeptResponse>();
  private readonly byModel = new Map<string, Usage>();

  /** One line's usage; `messageId` undefined for a line that names no response (counted as is). */
  add(messageId: string | undefined, requestId: string, model: string, usage: Usage): void {
    if (messageId === undefined) {
      addInto(this.totalsOf(model), usage);
      return;
    }
    const held = this.responses.get(messageId);
    const key = responseKey(held?.requestId, messageId, requestId);
    const kept = key === messageId ? held : this.responses.get(key);
    if (kept) {
      raiseTo(kept.usage, usage, this.totalsOf(kept.model));
      return;
    }
    addInto(this.totalsOf(model), usage);
    // A copy: the kept figures are raised in place by later lines, and the record is not ours to change.
    this.responses.set(key, { requestId, model, usage: { ...usage } });
  }

  get empty(): boolean {
    return this.byModel.size === 0;
  }

  tokens(): Tokens {
    const sum = { ...ZERO };
    for (const usage of this.byModel.values()) addInto(sum, usage);
    return {
      input: sum.input,
      output: sum.output,
      cacheCreation: sum.cacheCreation,
      cacheRead: sum.cacheRead,
      reasoning: 0,
      total: sum.input + sum.cacheCreation + sum.cacheRead + sum.output,
    };
  }

  pricedByModel(): Map<string, PricedTokens> {
    const priced = new Map<string, PricedTokens>();
    for (const [model, usage] of this.byModel) {
      priced.set(model, {
        input: usage.input,
        cacheWrite5m: usage.cacheCreation - usage.cacheCreation1h,
        cacheWrite1h: usage.cacheCreation1h,
        cacheRead: usage.cacheRead,
        output: usage.output,
      });
    }
    return priced;
  }

  private totalsOf(model: string): Usage {
    let totals = this.byModel.get(model);
    if (!totals) {
      totals = { ...ZERO };
      this.byModel.set(model, totals);
    }
    return totals;
  }
}

/** Raises each of `kept`'s fields to `usage`'s when larger, adding the increase to `totals`. */
function raiseTo(kept: Usage, usage: Usage, totals: Usage): void {
  if (usage.input > kept.input) {
    totals.input += usage.input - kept.input;
    kept.input = usage.input;
  }
  if (usage.cacheCreation > kept.cacheCreation) {
    totals.cacheCreation += usage.cacheCreation - kept.cacheCreation;
    kept.cacheCreation = usage.cacheCreation;
  }
  if (usage.cacheCreation1h > kept.cacheCreation1h) {
    totals.cacheCreation1h += usage.cacheCreation1h - kept.cacheCreation1h;
    kept.cacheCreation1h = usage.cacheCreation1h;
  }
  if (usage.cacheRead > kept.cacheRead) {
    totals.cacheRead += usage.cacheRead - kept.cacheRead;
    kept.cacheRead = usage.cacheRead;
  }
  if (usage.output > kept.output) {
    totals.output += usage.output - kept.output;
    kept.output = usage.output;
  }
}

function addInto(target: Usage, usage: Usage): void {
  target.input += usage.input;
  target.cacheCreation += usage.cacheCreation;
  target.cacheCreation1h += usage.cacheCreation1h;
  target.cacheRead += usage.cacheRead;
  target.output += usage.output;
}
