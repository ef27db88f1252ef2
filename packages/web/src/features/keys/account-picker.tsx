import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { Spinner } from '../../shared/ui/states';

export interface PickedAccount {
  id: string;
  name: string;
}

const AccountPickerQuery = graphql(`
  query AccountPicker($search: String) {
    accounts(search: $search, first: 8) {
      nodes {
        id
        name
        email
      }
    }
  }
`);

/** Chooses a partner key's accounts: search by name or email, add, remove. */
export function AccountPicker({
  value,
  onChange,
}: {
  value: readonly PickedAccount[];
  onChange: (next: PickedAccount[]) => void;
}) {
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const search = useDebouncedValue(draft.trim(), 250);
  const { data, loading } = useQuery(AccountPickerQuery, {
    variables: { search: search || null },
    skip: !search,
    fetchPolicy: 'cache-and-network',
  });
  const chosen = new Set(value.map((a) => a.id));
  const results = search ? (data?.accounts.nodes ?? []) : [];

  return (
    <div className="account-picker">
      <label htmlFor={inputId}>Accounts in scope</label>
      {value.length ? (
        <ul className="badge-list picked-accounts" aria-label="Chosen accounts">
          {value.map((a) => (
            <li key={a.id} className="badge badge-info">
              {a.name}
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${a.name}`}
                onClick={() => onChange(value.filter((x) => x.id !== a.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">
          None yet: the key will see only the accounts it creates itself.
        </p>
      )}
      <input
        id={inputId}
        type="search"
        placeholder="Search accounts by name or email"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          // Enter here means "add the match", never "submit the key with half its scope".
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const first = results.find((a) => !chosen.has(a.id));
          if (first) {
            onChange([...value, { id: first.id, name: first.name }]);
            setDraft('');
          }
        }}
      />
      {loading && !data && search ? <Spinner inline label="Searching…" /> : null}
      {results.length ? (
        <ul className="picker-results" aria-label="Matching accounts">
          {results.map((a) => (
            <li key={a.id}>
              <span>
                {a.name} <span className="muted small">{a.email}</span>
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={chosen.has(a.id)}
                aria-label={chosen.has(a.id) ? `${a.name} added` : `Add ${a.name}`}
                onClick={() => onChange([...value, { id: a.id, name: a.name }])}
              >
                {chosen.has(a.id) ? 'Added' : 'Add'}
              </button>
            </li>
          ))}
        </ul>
      ) : search && data && !loading ? (
        <p className="field-hint">No account matches “{search}”.</p>
      ) : null}
    </div>
  );
}
