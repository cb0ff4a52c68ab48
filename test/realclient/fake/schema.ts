/**
 * Fills a JSON schema with the plainest valid value. Gemini CLI asks the model for structured output
 * on its side requests (model routing, next-speaker checks); the fake must satisfy the schema or the
 * client retries. Handles JSON Schema (`responseJsonSchema`) and Gemini's OpenAPI subset
 * (`responseSchema`, upper-case type names).
 */
import type { Json } from './json';

export function fillSchema(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return null;
  const node = schema as Json;
  if (Array.isArray(node['enum']) && node['enum'].length > 0) return node['enum'][0];
  const variants = node['anyOf'] ?? node['oneOf'];
  if (Array.isArray(variants) && variants.length > 0) return fillSchema(variants[0]);
  const type = String(Array.isArray(node['type']) ? node['type'][0] : (node['type'] ?? 'object')).toLowerCase();
  switch (type) {
    case 'string':
      return 'fake';
    case 'integer':
    case 'number':
      // Gemini CLI's router rejects a complexity score below its minimum of 1.
      return typeof node['minimum'] === 'number' ? Math.max(1, node['minimum']) : 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'null':
      return null;
    default: {
      const properties = (node['properties'] ?? {}) as Json;
      return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fillSchema(value)]));
    }
  }
}
