/**
 * Bundled API list prices in USD per million tokens, dated 2026-11-21 (Anthropic, OpenAI and Google
 * pricing pages). Keys are exact ids or prefixes. A model that matches nothing has no cost: Headroom
 * reports `costUsd: null` rather than a silent 0.
 *
 * Claude cache writes cost 1.25× input (5-minute TTL) or 2× (1-hour TTL), cache reads 0.1×.
 */
import type { Price } from '../../../shared/settings';
import { lookupByModel } from './lookup';

export const PRICES_DATE = '2026-11-21';

export const BUNDLED_PRICES: Readonly<Record<string, Price>> = {
  'claude-opus-4-5': { input: 5, output: 25 },
  'claude-opus-4-6': { input: 5, output: 25 },
  'claude-opus-4-7': { input: 5, output: 25 },
  'claude-opus-4-8': { input: 5, output: 25 },
  'claude-opus-4-1': { input: 15, output: 75 },
  'claude-opus-4-20250514': { input: 15, output: 75 },
  'claude-sonnet-4': { input: 3, output: 15 },
  'claude-3-7-sonnet': { input: 3, output: 15 },
  'claude-3-5-sonnet': { input: 3, output: 15 },
  'claude-haiku-4-5': { input: 1, output: 5 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
  'gpt-5-codex': { input: 1.25, output: 10, cacheRead: 0.125 },
  'gpt-5.1-codex-mini': { input: 0.25, output: 2, cacheRead: 0.025 },
  'gpt-5.1': { input: 1.25, output: 10, cacheRead: 0.125 },
  'gpt-5.2': { input: 1.75, output: 14, cacheRead: 0.175 },
  'gpt-5.3-codex': { input: 1.75, output: 14, cacheRead: 0.175 },
  'gpt-5-mini': { input: 0.25, output: 2, cacheRead: 0.025 },
  'gpt-5-nano': { input: 0.05, output: 0.4, cacheRead: 0.005 },
  'gpt-5': { input: 1.25, output: 10, cacheRead: 0.125 },
  'gemini-2.5-pro': { input: 1.25, output: 10, cacheRead: 0.125 },
  'gemini-2.5-flash-lite': { input: 0.1, output: 0.4, cacheRead: 0.01 },
  'gemini-2.5-flash': { input: 0.3, output: 2.5, cacheRead: 0.03 },
  'gemini-3-pro': { input: 2, output: 12, cacheRead: 0.2 },
};

export function modelPrice(model: string, overrides: Readonly<Record<string, Price>>): Price | undefined {
  return lookupByModel(model, overrides, BUNDLED_PRICES);
}

/** Tokens by kind, as priced. `input` excludes cached and cache-written tokens. */
export interface PricedTokens {
  input: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  output: number;
}

export function costOf(tokens: PricedTokens, price: Price): number {
  const perToken = (usdPerMillion: number) => usdPerMillion / 1_000_000;
  return (
    tokens.input * perToken(price.input) +
    tokens.cacheWrite5m * perToken(price.cacheWrite ?? price.input * 1.25) +
    tokens.cacheWrite1h * perToken(price.cacheWrite ?? price.input * 2) +
    tokens.cacheRead * perToken(price.cacheRead ?? price.input * 0.1) +
    tokens.output * perToken(price.output)
  );
}

/**
 * Cost of per-model token totals; null as soon as one model with tokens has no known price, because a
 * partial sum would look like a real figure.
 */
export function totalCost(byModel: ReadonlyMap<string, PricedTokens>, overrides: Readonly<Record<string, Price>>): number | null {
  let sum = 0;
  for (const [model, tokens] of byModel) {
    const price = modelPrice(model, overrides);
    if (!price) return null;
    sum += costOf(tokens, price);
  }
  return sum;
}
