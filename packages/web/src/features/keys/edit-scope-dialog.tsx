import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../shared/error-notice';
import { Modal, ModalActions } from '../../shared/ui/modal';
import { AccountPicker, type PickedAccount } from './account-picker';
import { useUpdateApiKeyScope } from './use-key-mutations';

export function EditScopeDialog({
  apiKey,
  onClose,
}: {
  apiKey: { id: string; name: string; accounts: readonly PickedAccount[] };
  onClose: () => void;
}) {
  const { updateScope, loading, error } = useUpdateApiKeyScope();
  const [accounts, setAccounts] = useState<PickedAccount[]>(() => [...apiKey.accounts]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    try {
      await updateScope(
        apiKey.id,
        apiKey.name,
        accounts.map((a) => a.id),
      );
      onClose();
    } catch {
      // shown below from the mutation state
    }
  }

  return (
    <Modal
      title={`Accounts of “${apiKey.name}”`}
      description="The partner sees and acts on exactly these accounts from its next request."
      onClose={onClose}
      wide
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
        <AccountPicker value={accounts} onChange={setAccounts} />
        {error ? <ErrorNotice error={error} compact /> : null}
        <ModalActions onCancel={onClose} busy={loading} label="Save accounts" busyLabel="Saving…" />
      </form>
    </Modal>
  );
}
