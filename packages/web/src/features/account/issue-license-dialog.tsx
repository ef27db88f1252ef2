import { useState, type FormEvent } from 'react';
import type { Edition, GrantPreviewInput, HostingPlan } from '../../gql/graphql';
import { Modal, ModalActions } from '../../shared/ui/modal';
import { Field } from '../../shared/ui/field';
import { ErrorNotice } from '../../shared/error-notice';
import { dateInputToIso, parseCents, todayInput } from '../../shared/format';
import { EDITIONS, HOSTING_PLANS, editionLabel, planLabel } from '../../shared/labels';
import { GrantPreview } from './grant-preview';
import { useIssueLicense } from './use-account-mutations';

export interface LicenseFormState {
  edition: Edition | '';
  hostingPlan: HostingPlan | '';
  domain: string;
  orderDate: string;
  listPrice: string;
  paidPrice: string;
}

/** The grant preview's input, or null until the form has what the rule needs. */
export function previewInput(f: LicenseFormState): GrantPreviewInput | null {
  if (!f.edition) return null;
  if (f.edition === 'SAAS' && !f.hostingPlan) return null;
  const list = parseCents(f.listPrice);
  const paid = parseCents(f.paidPrice);
  if (list === null || paid === null) return null;
  return {
    edition: f.edition,
    hostingPlan: f.edition === 'SAAS' ? (f.hostingPlan as HostingPlan) : null,
    listPriceCents: list,
    paidPriceCents: paid,
  };
}

/**
 * The order date as the API takes it: UTC midnight of the picked day, or now if
 * that midnight is still ahead. East of UTC the local "today" starts before the
 * UTC one does, and the server refuses an order date in the future.
 */
export function orderDateToIso(value: string, now: Date = new Date()): string | null {
  const midnight = dateInputToIso(value);
  if (!midnight) return null;
  return Date.parse(midnight) > now.getTime() ? now.toISOString() : midnight;
}

export function validateLicense(
  f: LicenseFormState,
  today: string = todayInput(),
): Partial<Record<keyof LicenseFormState, string>> {
  const errors: Partial<Record<keyof LicenseFormState, string>> = {};
  if (!f.edition) errors.edition = 'Choose the edition.';
  if (f.edition === 'SAAS' && !f.hostingPlan)
    errors.hostingPlan = 'A SaaS license needs its hosting plan.';
  if (!f.domain.trim()) errors.domain = 'Enter the licensed domain, e.g. shop.example.com.';
  if (!dateInputToIso(f.orderDate)) errors.orderDate = 'Enter the order date.';
  // The form is noValidate, so the input's max alone would not stop a typed date.
  else if (f.orderDate > today) errors.orderDate = 'The order date cannot be in the future.';
  const list = parseCents(f.listPrice);
  const paid = parseCents(f.paidPrice);
  if (list === null) errors.listPrice = 'Enter an amount such as 1200 or 1200.00.';
  if (paid === null) errors.paidPrice = 'Enter an amount such as 960 or 960.00.';
  else if (list !== null && paid > list)
    errors.paidPrice = 'The paid price cannot be above the list price.';
  return errors;
}

export function IssueLicenseDialog({
  accountId,
  onClose,
}: {
  accountId: string;
  onClose: () => void;
}) {
  const { issueLicense, loading, error } = useIssueLicense();
  const [form, setForm] = useState<LicenseFormState>({
    edition: '',
    hostingPlan: '',
    domain: '',
    orderDate: todayInput(),
    listPrice: '',
    paidPrice: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const errors = validateLicense(form);
  const shownErrors = submitted ? errors : {};
  const set = <K extends keyof LicenseFormState>(k: K, v: LicenseFormState[K]) =>
    setForm((f) => ({ ...f, [k]: v }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    const input = previewInput(form);
    const orderDate = orderDateToIso(form.orderDate);
    if (!input || !orderDate) return;
    try {
      await issueLicense({
        accountId,
        edition: input.edition,
        hostingPlan: input.hostingPlan ?? null,
        domain: form.domain.trim(),
        orderDate,
        listPriceCents: input.listPriceCents,
        paidPriceCents: input.paidPriceCents,
      });
      onClose();
    } catch {
      // shown from the mutation state
    }
  }

  return (
    <Modal
      title="Issue license"
      description="Registers a license to this account and grants its credits."
      onClose={onClose}
      wide
    >
      <form onSubmit={onSubmit} noValidate className="form form-with-aside">
        <div className="form-main">
          <div className="form-row">
            <Field label="Edition" error={shownErrors.edition}>
              <select
                name="edition"
                value={form.edition}
                onChange={(e) => {
                  const edition = e.target.value as Edition | '';
                  setForm((f) => ({
                    ...f,
                    edition,
                    hostingPlan: edition === 'SAAS' ? f.hostingPlan : '',
                    listPrice: edition === 'FREE' && !f.listPrice ? '0' : f.listPrice,
                    paidPrice: edition === 'FREE' && !f.paidPrice ? '0' : f.paidPrice,
                  }));
                }}
              >
                <option value="">Choose…</option>
                {EDITIONS.map((ed) => (
                  <option key={ed} value={ed}>
                    {editionLabel(ed)}
                  </option>
                ))}
              </select>
            </Field>
            {form.edition === 'SAAS' ? (
              <Field label="Hosting plan" error={shownErrors.hostingPlan}>
                <select
                  name="hostingPlan"
                  value={form.hostingPlan}
                  onChange={(e) => set('hostingPlan', e.target.value as HostingPlan | '')}
                >
                  <option value="">Choose…</option>
                  {HOSTING_PLANS.map((p) => (
                    <option key={p} value={p}>
                      {planLabel(p)}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
          </div>
          <Field label="Domain" error={shownErrors.domain}>
            <input
              name="domain"
              value={form.domain}
              onChange={(e) => set('domain', e.target.value)}
              placeholder="shop.example.com"
              autoComplete="off"
            />
          </Field>
          <Field
            label="Order date"
            hint="Granted credits expire 12 months after this date."
            error={shownErrors.orderDate}
          >
            <input
              name="orderDate"
              type="date"
              value={form.orderDate}
              max={todayInput()}
              onChange={(e) => set('orderDate', e.target.value)}
            />
          </Field>
          <div className="form-row">
            <Field label="List price ($)" error={shownErrors.listPrice}>
              <input
                name="listPrice"
                inputMode="decimal"
                value={form.listPrice}
                onChange={(e) => set('listPrice', e.target.value)}
                placeholder="0.00"
                autoComplete="off"
              />
            </Field>
            <Field label="Paid price ($)" error={shownErrors.paidPrice}>
              <input
                name="paidPrice"
                inputMode="decimal"
                value={form.paidPrice}
                onChange={(e) => set('paidPrice', e.target.value)}
                placeholder="0.00"
                autoComplete="off"
              />
            </Field>
          </div>
          {error ? <ErrorNotice error={error} compact /> : null}
        </div>
        <GrantPreview input={previewInput(form)} orderDate={orderDateToIso(form.orderDate)} />
        <ModalActions
          onCancel={onClose}
          busy={loading}
          label="Issue license"
          busyLabel="Issuing…"
        />
      </form>
    </Modal>
  );
}
