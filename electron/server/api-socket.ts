/**
 * The dashboard's JSON protocol over one WebSocket, as pure functions of the host's handlers.
 *
 * A request `{id, channel, request}` is answered `{id, ok: true, response}` or `{id, ok: false, error}`;
 * pushes go out as `{push, payload}`. Every payload is parsed with the channel's schema from
 * shared/api.ts before a handler sees it, and every failure — bad JSON, unknown channel, invalid
 * payload, a handler that throws — comes back as a message: the connection and the server live on.
 */
import { z } from 'zod';
import { RequestSchemas, type Channel, type Handlers, type PushChannel, type Pushes } from '../../shared/api';

const EnvelopeSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  request: z.unknown().optional(),
});

export type Reply = { id: number | null; ok: true; response: unknown } | { id: number | null; ok: false; error: string };

function isChannel(name: string): name is Channel {
  return Object.hasOwn(RequestSchemas, name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Answers one raw message. Never throws. */
export async function answer(handlers: Handlers, raw: string): Promise<Reply> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { id: null, ok: false, error: 'The message is not JSON.' };
  }
  const envelope = EnvelopeSchema.safeParse(parsed);
  if (!envelope.success) return { id: null, ok: false, error: `Malformed request: ${describeIssues(envelope.error)}` };
  const { id, channel, request } = envelope.data;
  if (!isChannel(channel)) return { id, ok: false, error: `Unknown channel "${channel}".` };
  const payload = RequestSchemas[channel].safeParse(request);
  if (!payload.success) return { id, ok: false, error: `Invalid ${channel} request: ${describeIssues(payload.error)}` };
  try {
    // The schema for `channel` just produced this payload, so it is that channel's request type;
    // TypeScript cannot follow the correlation through the union, hence the one cast.
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { id, ok: true, response: await handler(payload.data) };
  } catch (error) {
    return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function pushMessage<P extends PushChannel>(channel: P, payload: Pushes[P]): string {
  return JSON.stringify({ push: channel, payload });
}
