"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { registerFlusher } from "./pending-writes";

/** Typing pause after which the text is saved: one mutation per pause, not per keystroke. */
export const TEXT_COMMIT_DELAY_MS = 600;

/**
 * A text field bound to a stored value: shows what is typed at once and saves it when the typist
 * pauses, leaves the field, or the page is hidden or reloaded for an update. A new stored value
 * (another tab, a pull) replaces the text only while nothing typed is waiting.
 */
export function useDraftText(stored: string, commit: (text: string) => void) {
  const [text, setText] = useState(stored);
  const waiting = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  }, [commit]);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const value = waiting.current;
    waiting.current = null;
    if (value !== null) commitRef.current(value);
  }, []);

  useEffect(() => {
    const unregister = registerFlusher(flush);
    return () => {
      unregister();
      flush();
    };
  }, [flush]);

  const [lastStored, setLastStored] = useState(stored);
  if (stored !== lastStored) {
    setLastStored(stored);
    if (waiting.current === null) setText(stored);
  }

  const onChange = useCallback(
    (value: string) => {
      setText(value);
      waiting.current = value;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, TEXT_COMMIT_DELAY_MS);
    },
    [flush],
  );

  return { text, onChange, onBlur: flush };
}
