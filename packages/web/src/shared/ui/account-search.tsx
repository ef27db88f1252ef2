import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useDebouncedValue } from '../use-debounced-value';
import { Spinner } from './states';

const AccountSearchQuery = graphql(`
  query AccountSearch($search: String) {
    accounts(search: $search, first: 8) {
      nodes {
        id
        name
        email
      }
    }
  }
`);

const AccountNameQuery = graphql(`
  query AccountName($id: ID!) {
    account(id: $id) {
      id
      name
    }
  }
`);

/**
 * One account for a filter, picked by name or e-mail (never a raw id). Enter
 * picks the first match and never submits the form around it.
 */
export function AccountSearch({
  value,
  onChange,
  label = 'Account',
}: {
  /** The picked account's id, or ''. */
  value: string;
  onChange: (id: string) => void;
  label?: string;
}) {
  const inputId = useId();
  const listId = useId();
  const [draft, setDraft] = useState('');
  const search = useDebouncedValue(draft.trim(), 250);
  const { data, loading } = useQuery(AccountSearchQuery, {
    variables: { search: search || null },
    skip: !search,
    fetchPolicy: 'cache-and-network',
  });
  const picked = useQuery(AccountNameQuery, {
    variables: { id: value },
    skip: !value,
    errorPolicy: 'all',
  }).data?.account;
  const results = search ? (data?.accounts.nodes ?? []) : [];

  function pick(id: string) {
    onChange(id);
    setDraft('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      const first = results[0];
      if (first) pick(first.id);
    } else if (e.key === 'Escape' && draft) {
      e.stopPropagation();
      setDraft('');
    }
  }

  if (value) {
    return (
      <div className="field account-search">
        <span className="label">{label}</span>
        <span className="badge badge-info picked-account">
          {picked?.name ?? 'Account'}
          <button
            type="button"
            className="icon-button"
            aria-label={`Clear account ${picked?.name ?? ''}`.trim()}
            onClick={() => onChange('')}
          >
            ×
          </button>
        </span>
      </div>
    );
  }

  return (
    <div className="field account-search">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        placeholder="Search by name or email"
        value={draft}
        autoComplete="off"
        aria-controls={results.length ? listId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {loading && !data && search ? <Spinner inline label="Searching…" /> : null}
      {results.length ? (
        <ul id={listId} className="picker-results" aria-label="Matching accounts">
          {results.map((a) => (
            <li key={a.id}>
              <button type="button" className="link-button" onClick={() => pick(a.id)}>
                {a.name} <span className="muted small">{a.email}</span>
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
