import { describe, expect, it } from 'vitest';
import { localInputToIso, toLocalInput } from './local-datetime';

describe('datetime-local values', () => {
  it('round-trips a local time through the input value to the same instant', () => {
    const date = new Date(2026, 4, 9, 7, 5, 0);
    expect(toLocalInput(date)).toBe('2026-05-09T07:05');
    expect(localInputToIso(toLocalInput(date))).toBe(date.toISOString());
  });

  it('treats an empty or malformed value as no value', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('2026-05-09')).toBeNull();
    expect(localInputToIso('2026-13-45T99:99')).toBeNull();
  });
});
