import { useState } from 'react';
import { Button } from './button';

/** Copies `value`; says so for screen readers too. Falls back to selecting when the clipboard is unavailable. */
export const CopyButton = ({ value, label = 'Copy' }: { value: string; label?: string }) => {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2500);
  };
  return (
    <Button onClick={() => void copy()} aria-live="polite">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed — select and copy' : label}
    </Button>
  );
};
