import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';
import { Button } from './button';

/** A destructive action asks first; focus is trapped in the dialog and returns to the trigger. */
export const ConfirmDialog = ({ trigger, title, description, confirmLabel, onConfirm, disabled }: { trigger: ReactNode; title: string; description: ReactNode; confirmLabel: string; onConfirm: () => void; disabled?: boolean }) => (
  <AlertDialog.Root>
    <AlertDialog.Trigger asChild disabled={disabled}>{trigger}</AlertDialog.Trigger>
    <AlertDialog.Portal>
      <AlertDialog.Overlay className="dialog-overlay" />
      <AlertDialog.Content className="dialog">
        <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
        <AlertDialog.Description className="dialog-description">{description}</AlertDialog.Description>
        <div className="dialog-actions">
          <AlertDialog.Cancel asChild><Button>Cancel</Button></AlertDialog.Cancel>
          <AlertDialog.Action asChild><Button variant="danger" onClick={onConfirm}>{confirmLabel}</Button></AlertDialog.Action>
        </div>
      </AlertDialog.Content>
    </AlertDialog.Portal>
  </AlertDialog.Root>
);
