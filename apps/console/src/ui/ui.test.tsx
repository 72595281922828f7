// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkOrigin } from '../views/keys';
import { ConfirmDialog } from './confirm-dialog';
import { Button } from './button';
import { TextField } from './field';
import { ScopePicker, type ScopeGroupOption } from './scope-picker';
import { SecretReveal } from './secret-reveal';
import { QueryView } from './states';

afterEach(cleanup);

const GROUPS: ScopeGroupOption[] = [
  { resource: 'customers', description: 'Customer profiles', read: { scope: 'customers:read', description: 'List and read customers' }, write: { scope: 'customers:write', description: 'Create and update customers' } },
  { resource: 'attribution', description: 'Attribution', read: { scope: 'attribution:read', description: 'Read attribution' }, write: null },
];

const Picker = ({ onChange }: { onChange: (v: string[]) => void }) => {
  const [value, setValue] = useState<string[]>([]);
  return <ScopePicker groups={GROUPS} value={value} onChange={(v) => { setValue(v); onChange(v); }} />;
};

describe('ScopePicker', () => {
  it('groups scopes by resource with labelled checkboxes; write implies read', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Picker onChange={onChange} />);
    expect(screen.getByRole('group', { name: 'customers' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'attribution' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'customers:read' }));
    expect(onChange).toHaveBeenLastCalledWith(['customers:read']);
    await user.click(screen.getByRole('checkbox', { name: 'customers:write' }));
    // Write replaces read (the server implies it); read shows as included and cannot be unticked.
    expect(onChange).toHaveBeenLastCalledWith(['customers:write']);
    const read = screen.getByRole('checkbox', { name: 'customers:read' });
    expect(read.getAttribute('aria-checked')).toBe('true');
    expect((read as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Included with write')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'attribution:read' }));
    expect(onChange).toHaveBeenLastCalledWith(['customers:write', 'attribution:read']);
    await user.click(screen.getByRole('checkbox', { name: 'customers:write' }));
    expect(onChange).toHaveBeenLastCalledWith(['attribution:read']);
  });
});

describe('SecretReveal', () => {
  it('shows the secret once with a copy button that writes it to the clipboard', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<SecretReveal secret="copt_live_secret123" what="token" />);
    expect(screen.getByRole('region', { name: 'New token' }).textContent).toContain('shown only once');
    expect(screen.getByTestId('secret-value').textContent).toBe('copt_live_secret123');
    await user.click(screen.getByRole('button', { name: 'Copy token' }));
    expect(writeText).toHaveBeenCalledWith('copt_live_secret123');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy());
    expect(await navigator.clipboard.readText()).toBe('copt_live_secret123');
  });
});

describe('ConfirmDialog', () => {
  it('runs the action only after confirmation, and not on cancel', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<ConfirmDialog trigger={<Button>Revoke</Button>} title="Revoke token?" description="Requests are refused from now on." confirmLabel="Revoke token" onConfirm={onConfirm} />);
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke token?' });
    expect(dialog.textContent).toContain('refused from now on');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // Focus returns to the trigger.
    expect(document.activeElement?.textContent).toBe('Revoke');
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(screen.getByRole('button', { name: 'Revoke token' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});

describe('QueryView and fields', () => {
  const query = <T,>(over: Partial<{ data: T; error: unknown; isPending: boolean }>) => ({ data: undefined, error: null, isPending: false, refetch: vi.fn(), ...over });

  it('renders loading, error with retry, empty and data states', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<QueryView query={query<string[]>({ isPending: true })}>{() => 'data'}</QueryView>);
    expect(screen.getByRole('status').textContent).toContain('Loading');
    const failing = query<string[]>({ error: new Error('boom') });
    rerender(<QueryView query={failing}>{() => 'data'}</QueryView>);
    expect(screen.getByRole('alert').textContent).toContain('boom');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(failing.refetch).toHaveBeenCalled();
    rerender(<QueryView query={query<string[]>({ data: [] })} isEmpty={(d) => d.length === 0}>{() => 'data'}</QueryView>);
    expect(screen.getByText('Nothing here yet.')).toBeTruthy();
    rerender(<QueryView query={query<string[]>({ data: ['a'] })} isEmpty={(d) => d.length === 0}>{(d) => `rows: ${d.join()}`}</QueryView>);
    expect(screen.getByText('rows: a')).toBeTruthy();
  });

  it('labels inputs and ties hints and errors to them', () => {
    render(<TextField label="Name" hint="Shown to operators" error="Required" />);
    const input = screen.getByLabelText('Name');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Shown to operators', 'Required']);
  });
});

describe('checkOrigin', () => {
  it('accepts origins only, https or local http', () => {
    expect(checkOrigin('https://shop.example.com')).toBeNull();
    expect(checkOrigin('http://localhost:3000')).toBeNull();
    expect(checkOrigin('http://shop.example.com')).toMatch(/https/);
    expect(checkOrigin('https://shop.example.com/path')).toMatch(/origin only/);
    expect(checkOrigin('nope')).toMatch(/not a URL/);
  });
});
