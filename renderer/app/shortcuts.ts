/**
 * One keydown listener for the whole window, and a stack of handlers: the innermost view (or an open
 * overlay) sees a shortcut first and says whether it used it; otherwise the app's fallback runs.
 */
import { createContext } from 'preact';
import { useContext, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { keyAction, type KeyAction } from '../model/keys';

export type KeyHandler = (action: KeyAction) => boolean;

interface KeyHub {
  register(handler: KeyHandler): () => void;
}

export const KeyHubContext = createContext<KeyHub | null>(null);

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

/** Installs the window listener; `fallback` handles what no registered handler took. */
export function useKeyHub(fallback: KeyHandler): KeyHub {
  const handlers = useRef<KeyHandler[]>([]);
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;

  // Layout effects run before the first paint, so a shortcut works as soon as anything is visible.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const action = keyAction({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inTextField: inTextField(event.target),
      });
      if (action === null) return;
      // Esc in a field first leaves the field (saving what was typed); the next Esc goes back.
      if (action === 'back' && inTextField(event.target) && event.target instanceof HTMLElement) {
        event.target.blur();
        event.preventDefault();
        return;
      }
      const stack = [...handlers.current].reverse();
      if (stack.some((handler) => handler(action)) || fallbackRef.current(action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return useMemo(
    () => ({
      register(handler: KeyHandler) {
        handlers.current.push(handler);
        return () => {
          handlers.current = handlers.current.filter((entry) => entry !== handler);
        };
      },
    }),
    [],
  );
}

/** Lets a view handle shortcuts while it is mounted; the latest `handler` is always the one called. */
export function useKeys(handler: KeyHandler): void {
  const hub = useContext(KeyHubContext);
  const latest = useRef(handler);
  latest.current = handler;
  useLayoutEffect(() => hub?.register((action) => latest.current(action)), [hub]);
}
