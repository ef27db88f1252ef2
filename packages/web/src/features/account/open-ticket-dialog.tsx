import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { TicketCategory } from '../../gql/graphql';
import { Modal, ModalActions } from '../../shared/ui/modal';
import { Field } from '../../shared/ui/field';
import { ErrorNotice } from '../../shared/error-notice';
import { levelLabel, licenseKindLabel } from '../../shared/labels';
import { QuotePanel } from './quote-panel';
import { useOpenTicket } from './use-account-mutations';

export const LicenseOptionFragment = graphql(`
  fragment LicenseOption on License {
    id
    domain
    edition
    hostingPlan
  }
`);

// The categories, their levels and titles as the gateway's price table states them (P8).
export const TicketCategoriesQuery = graphql(`
  query TicketCategories {
    pricing {
      categories {
        category
        level
        title
      }
    }
  }
`);

interface Props {
  licenses: readonly FragmentType<typeof LicenseOptionFragment>[];
  initialLicenseId?: string | null;
  onClose: () => void;
  onOpened: (ticketId: string) => void;
}

export function OpenTicketDialog({ licenses: raw, initialLicenseId, onClose, onOpened }: Props) {
  const licenses = raw.map((l) => getFragmentData(LicenseOptionFragment, l));
  const { openTicket, loading, error } = useOpenTicket();
  const categories = useQuery(TicketCategoriesQuery).data?.pricing.categories ?? [];
  const levels = [...new Set(categories.map((c) => c.level))];
  const [licenseId, setLicenseId] = useState(
    initialLicenseId && licenses.some((l) => l.id === initialLicenseId)
      ? initialLicenseId
      : licenses.length === 1
        ? licenses[0]!.id
        : '',
  );
  const [category, setCategory] = useState<TicketCategory | ''>('');
  const [subject, setSubject] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const errors = {
    licenseId: !licenseId ? 'Choose the license the request is about.' : null,
    category: !category ? 'Choose the category; it fixes the level and the price.' : null,
    subject: !subject.trim() ? 'Describe the request in a few words.' : null,
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (errors.licenseId || errors.category || errors.subject || !category) return;
    try {
      const t = await openTicket({ licenseId, category, subject: subject.trim() });
      onOpened(t.id);
    } catch {
      // shown from the mutation state
    }
  }

  return (
    <Modal
      title="Open ticket"
      description="A support request about one license of this account."
      onClose={onClose}
      wide
    >
      {licenses.length === 0 ? (
        <p className="muted">
          This account has no license yet: issue one first, a ticket is always about a license.
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="form form-with-aside">
          <div className="form-main">
            <Field label="License" error={submitted ? errors.licenseId : null}>
              <select
                name="licenseId"
                value={licenseId}
                onChange={(e) => setLicenseId(e.target.value)}
              >
                <option value="">Choose…</option>
                {licenses.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.domain} — {licenseKindLabel(l.edition, l.hostingPlan)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Category" error={submitted ? errors.category : null}>
              <select
                name="category"
                value={category}
                onChange={(e) => setCategory(e.target.value as TicketCategory | '')}
              >
                <option value="">Choose…</option>
                {levels.map((level) => (
                  <optgroup key={level} label={levelLabel(level)}>
                    {categories
                      .filter((c) => c.level === level)
                      .map((c) => (
                        <option key={c.category} value={c.category}>
                          {c.title}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </Field>
            <Field label="Subject" error={submitted ? errors.subject : null}>
              <input
                name="subject"
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
                autoComplete="off"
              />
            </Field>
            {error ? <ErrorNotice error={error} compact /> : null}
          </div>
          <QuotePanel licenseId={licenseId} category={category} />
          <ModalActions
            onCancel={onClose}
            busy={loading}
            label="Open ticket"
            busyLabel="Opening…"
          />
        </form>
      )}
    </Modal>
  );
}
