import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

export const FormDialog = ({ open, onOpenChange, title, description, children }: { open: boolean; onOpenChange: (open: boolean) => void; title: string; description?: string; children: ReactNode }) => (
  <Dialog.Root open={open} onOpenChange={onOpenChange}>
    <Dialog.Portal>
      <Dialog.Overlay className="dialog-overlay" />
      <Dialog.Content className="dialog dialog-wide" aria-describedby={description ? undefined : undefined}>
        <Dialog.Title className="dialog-title">{title}</Dialog.Title>
        {description ? <Dialog.Description className="dialog-description">{description}</Dialog.Description> : <Dialog.Description className="sr-only">{title}</Dialog.Description>}
        {children}
      </Dialog.Content>
    </Dialog.Portal>
  </Dialog.Root>
);
