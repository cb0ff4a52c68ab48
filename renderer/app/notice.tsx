/**
 * One line of feedback at the bottom of the window ("Checkpoint saved", "Copied"), replaced by the
 * next and gone after a few seconds. Announced politely to screen readers.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';

export type NoticeTone = 'info' | 'success' | 'error';
type Notify = (text: string, tone?: NoticeTone) => void;

const NoticeContext = createContext<Notify>(() => undefined);

export function useNotify(): Notify {
  return useContext(NoticeContext);
}

export function NoticeProvider({ children }: { children: ComponentChildren }) {
  const [notice, setNotice] = useState<{ text: string; tone: NoticeTone; serial: number } | null>(null);
  const notify = useCallback<Notify>((text, tone = 'info') => {
    setNotice((previous) => ({ text, tone, serial: (previous?.serial ?? 0) + 1 }));
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), notice.tone === 'error' ? 8_000 : 4_000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div class="notice-region" role="status" aria-live="polite">
        {notice && (
          <div class={`notice notice-${notice.tone}`} key={notice.serial} data-testid="notice">
            {notice.text}
          </div>
        )}
      </div>
    </NoticeContext.Provider>
  );
}
