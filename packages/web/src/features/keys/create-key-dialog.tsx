import { useState, type FormEvent } from 'react';
import type { Role } from '../../gql/graphql';
import { ErrorNotice } from '../../shared/error-notice';
import { roleLabel, roleScope } from '../../shared/labels';
import { Field } from '../../shared/ui/field';
import { Modal, ModalActions } from '../../shared/ui/modal';
import { AccountPicker, type PickedAccount } from './account-picker';
import { SecretOnce } from './secret-once';
import { useCreateApiKey } from './use-key-mutations';

const ROLES: Role[] = ['PARTNER', 'SPECIALIST', 'ANALYST', 'ADMIN'];

export function CreateKeyDialog({ onClose }: { onClose: () => void }) {
  const { createApiKey, loading, error } = useCreateApiKey();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('PARTNER');
  const [accounts, setAccounts] = useState<PickedAccount[]>([]);
  const [touched, setTouched] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const nameError = touched && !name.trim() ? 'Name the key after who will use it.' : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    try {
      setSecret(
        await createApiKey({
          name: name.trim(),
          role,
          accountIds: role === 'PARTNER' ? accounts.map((a) => a.id) : null,
        }),
      );
    } catch {
      // shown below from the mutation state
    }
  }

  if (secret) {
    return (
      <Modal
        title="API key created"
        description={`${name.trim()} · ${roleLabel(role)}`}
        onClose={onClose}
      >
        <SecretOnce secret={secret} onDone={onClose} />
      </Modal>
    );
  }
  return (
    <Modal
      title="Create API key"
      description="A bearer secret for a person or a program; shown once after creation."
      onClose={onClose}
      wide
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
        <Field label="Name" hint="Who or what uses it, e.g. “Reseller Nordshop”." error={nameError}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Role" hint={roleScope(role)}>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </Field>
        {role === 'PARTNER' ? <AccountPicker value={accounts} onChange={setAccounts} /> : null}
        {error ? <ErrorNotice error={error} compact /> : null}
        <ModalActions onCancel={onClose} busy={loading} label="Create key" busyLabel="Creating…" />
      </form>
    </Modal>
  );
}
