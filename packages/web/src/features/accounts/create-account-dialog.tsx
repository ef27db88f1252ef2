import { useState, type FormEvent } from 'react';
import { Modal, ModalActions } from '../../shared/ui/modal';
import { Field } from '../../shared/ui/field';
import { ErrorNotice } from '../../shared/error-notice';
import { useCreateAccount } from './use-create-account';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function CreateAccountDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { createAccount, loading, error } = useCreateAccount();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const nameError = touched && !name.trim() ? 'Enter the customer’s name.' : null;
  const emailError =
    touched && !EMAIL.test(email.trim())
      ? 'Enter an email address such as billing@example.com.'
      : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!name.trim() || !EMAIL.test(email.trim())) return;
    try {
      const account = await createAccount({ name: name.trim(), email: email.trim() });
      onCreated(account.id);
    } catch {
      // shown below from the mutation state
    }
  }

  return (
    <Modal
      title="Create account"
      description="A customer: it will own licenses and one pool of credits."
      onClose={onClose}
    >
      <form onSubmit={onSubmit} noValidate className="form">
        <Field label="Name" error={nameError}>
          <input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="organization"
          />
        </Field>
        <Field
          label="Email"
          hint="Where statements are sent after every charge and refund."
          error={emailError}
        >
          <input
            name="email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
          />
        </Field>
        {error ? <ErrorNotice error={error} compact /> : null}
        <ModalActions
          onCancel={onClose}
          busy={loading}
          label="Create account"
          busyLabel="Creating…"
        />
      </form>
    </Modal>
  );
}
