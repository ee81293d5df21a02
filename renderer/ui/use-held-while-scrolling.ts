import { useCallback, useEffect, useRef, useState } from 'react';

/** How long after the last scroll event a view counts as still being scrolled. */
const scrollQuietMs = 250;

/**
 * `value` as a scrolled view should draw it: while the user scrolls (a scroll event within the
 * last quarter second), the value from before the scrolling began, and the newest one as soon as
 * the scrolling pauses. A change that arrives mid-scroll (a plant's update rebuilding a schedule
 * of thousands of work orders) is then drawn between gestures instead of stalling one. Pass
 * `onScroll` to the view's `onScrollCapture`, which hears its scrollers inside.
 */
export function useHeldWhileScrolling<T>(value: T): { shown: T; onScroll: () => void } {
  const [scrolling, setScrolling] = useState(false);
  const [held, setHeld] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const isScrolling = useRef(false);
  if (!scrolling && held !== value) setHeld(value);
  const onScroll = useCallback(() => {
    if (!isScrolling.current) {
      isScrolling.current = true;
      setScrolling(true);
    }
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      isScrolling.current = false;
      timer.current = null;
      setScrolling(false);
    }, scrollQuietMs);
  }, []);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
  return { shown: scrolling ? held : value, onScroll };
}
