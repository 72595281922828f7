import * as Checkbox from '@radix-ui/react-checkbox';
import * as Label from '@radix-ui/react-label';
import { useId } from 'react';

export type ScopeOption = { scope: string; description: string };
export type ScopeGroupOption = { resource: string; description: string; read: ScopeOption | null; write: ScopeOption | null };

const Check = ({ option, checked, disabled, onChange, note }: { option: ScopeOption; checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void; note?: string }) => {
  const id = useId();
  return (
    <div className="scope-check">
      <Checkbox.Root id={id} className="checkbox" checked={checked} disabled={disabled} onCheckedChange={(value) => onChange(value === true)} aria-describedby={`${id}-d`}>
        <Checkbox.Indicator className="checkbox-indicator">✓</Checkbox.Indicator>
      </Checkbox.Root>
      <Label.Root htmlFor={id} className="scope-label"><code>{option.scope}</code></Label.Root>
      <span id={`${id}-d`} className="hint">{note ?? option.description}</span>
    </div>
  );
};

/**
 * Scopes grouped by resource, read and write side by side. Write implies read on the server, so
 * choosing write shows read as included rather than sending both.
 */
export const ScopePicker = ({ groups, value, onChange }: { groups: readonly ScopeGroupOption[]; value: readonly string[]; onChange: (next: string[]) => void }) => {
  const selected = new Set(value);
  const set = (scope: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(scope);
    else next.delete(scope);
    onChange([...next]);
  };
  return (
    <fieldset className="scope-picker">
      <legend>Scopes</legend>
      {groups.map((group) => {
        const writeOn = group.write ? selected.has(group.write.scope) : false;
        return (
          <div key={group.resource} className="scope-group" role="group" aria-label={group.resource}>
            <div className="scope-resource">
              <strong>{group.resource}</strong>
              <span className="hint">{group.description}</span>
            </div>
            {group.read ? <Check option={group.read} checked={writeOn || selected.has(group.read.scope)} disabled={writeOn} onChange={(on) => set(group.read!.scope, on)} {...(writeOn ? { note: 'Included with write' } : {})} /> : <span />}
            {group.write ? (
              <Check
                option={group.write}
                checked={writeOn}
                onChange={(on) => {
                  const next = new Set(selected);
                  if (on) {
                    next.add(group.write!.scope);
                    if (group.read) next.delete(group.read.scope);
                  } else next.delete(group.write!.scope);
                  onChange([...next]);
                }}
              />
            ) : <span />}
          </div>
        );
      })}
    </fieldset>
  );
};
