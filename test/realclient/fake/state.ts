/**
 * What a fake model server remembers: one turn counter per conversation, the replies and usage the test
 * queued, and a log of every answer it gave.
 *
 * The log is the point: a scenario computes the numbers Headroom must show from what the fake *sent*
 * (never from the transcript the client wrote), so a client that mis-records usage, or an engine that
 * mis-reads it, shows up as a mismatch.
 */

/** `main`: a turn of the conversation (counts toward context); `compaction`: the client's own summary request; `side`: titles, routing, probes. */
export type ExchangeKind = 'main' | 'compaction' | 'side';

export type Reply =
  | { type: 'text'; text: string }
  | { type: 'tool'; name: string; input: Record<string, unknown> };

export interface Exchange<U> {
  /** Order of arrival across all conversations, from 1. */
  seq: number;
  kind: ExchangeKind;
  conversation: string;
  /** Main turn number within the conversation (1, 2, …); 0 for side and compaction exchanges. */
  turn: number;
  reply: Reply | null;
  /** The exact usage object sent; null when the request was answered with an error. */
  usage: U | null;
  error: string | null;
  /** The id the API gave the response (Anthropic `msg_…`, OpenAI `resp_…`), which clients copy into their transcripts. */
  responseId: string | null;
}

export interface UsageModel<U> {
  /** Usage of main turn `turn` when the test queued nothing: a context of `growth × turn` tokens. */
  main(turn: number, growth: number): U;
  compaction(): U;
  side(): U;
}

export class FakeState<U> {
  readonly exchanges: Exchange<U>[] = [];
  growth = 20_000;
  private readonly turns = new Map<string, number>();
  private readonly queuedUsage: U[] = [];
  private readonly queuedReplies: Reply[] = [];
  private readonly queuedErrors: string[] = [];

  constructor(private readonly usage: UsageModel<U>) {}

  queueUsage(...usage: U[]): void {
    this.queuedUsage.push(...usage);
  }

  queueReply(...replies: Reply[]): void {
    this.queuedReplies.push(...replies);
  }

  /** The next main request is refused with this message instead of answered. */
  queueError(message: string): void {
    this.queuedErrors.push(message);
  }

  reset(): void {
    this.exchanges.length = 0;
    this.turns.clear();
    this.queuedUsage.length = 0;
    this.queuedReplies.length = 0;
    this.queuedErrors.length = 0;
  }

  /** Consumes a queued error for a main request, logging it; null when the request should be answered. */
  takeError(conversation: string): string | null {
    const error = this.queuedErrors.shift();
    if (error === undefined) return null;
    this.log({ kind: 'main', conversation, turn: 0, reply: null, usage: null, error });
    return error;
  }

  /** Answers a main turn: advances the conversation's counter and picks queued or default usage and reply. */
  main(conversation: string, defaultReply: (turn: number) => Reply): Exchange<U> {
    const turn = (this.turns.get(conversation) ?? 0) + 1;
    this.turns.set(conversation, turn);
    const usage = this.queuedUsage.shift() ?? this.usage.main(turn, this.growth);
    const reply = this.queuedReplies.shift() ?? defaultReply(turn);
    return this.log({ kind: 'main', conversation, turn, reply, usage, error: null });
  }

  /** Answers a compaction request; the conversation starts over, as the client's context does. */
  compaction(conversation: string, summary: string): Exchange<U> {
    this.turns.delete(conversation);
    return this.log({ kind: 'compaction', conversation, turn: 0, reply: { type: 'text', text: summary }, usage: this.usage.compaction(), error: null });
  }

  side(conversation: string, reply: Reply): Exchange<U> {
    return this.log({ kind: 'side', conversation, turn: 0, reply, usage: this.usage.side(), error: null });
  }

  /** Turn counters by conversation, for `GET /_control/state`. */
  counters(): Record<string, number> {
    return Object.fromEntries(this.turns);
  }

  private log(entry: Omit<Exchange<U>, 'seq' | 'responseId'>): Exchange<U> {
    const exchange = { seq: this.exchanges.length + 1, responseId: null, ...entry };
    this.exchanges.push(exchange);
    return exchange;
  }
}
