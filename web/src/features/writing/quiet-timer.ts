import { useEffect, useState } from 'react';

/**
 * A quiet count-down: it starts when `running` first turns true and only ever shows the time
 * left. No sound, no pop-up; at zero it simply says the time is up.
 */
export function useQuietTimer(
  minutes: number,
  running: boolean,
): { left: string; over: boolean; started: boolean } {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (running && startedAt === null) setStartedAt(Date.now());
  }, [running, startedAt]);
  useEffect(() => {
    if (startedAt === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [startedAt]);
  const total = minutes * 60;
  const elapsed = startedAt === null ? 0 : Math.floor((now - startedAt) / 1000);
  const remaining = Math.max(0, total - elapsed);
  const left = `${Math.floor(remaining / 60)}:${String(remaining % 60).padStart(2, '0')}`;
  return { left, over: startedAt !== null && remaining === 0, started: startedAt !== null };
}
