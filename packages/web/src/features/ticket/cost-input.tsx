import { useId } from 'react';
import { formatNumber } from '../../shared/format';

export interface Range {
  min: number;
  max: number;
}

export type CostCheck = { ok: true; credits: number } | { ok: false; message: string };

/** The specialist's final cost: a whole number inside the range, both ends included (P10). */
export function validateCost(value: string, range: Range): CostCheck {
  const s = value.trim();
  if (s === '') return { ok: false, message: 'Enter the cost in credits.' };
  if (/^-/.test(s)) return { ok: false, message: 'The cost cannot be negative.' };
  if (!/^\d+$/.test(s))
    return { ok: false, message: 'Use a whole number of credits: no decimals, no letters.' };
  const n = Number(s);
  if (n < range.min || n > range.max) {
    return {
      ok: false,
      message:
        range.min === range.max
          ? `This category has a fixed price of ${formatNumber(range.min)} credits.`
          : `The cost must be between ${formatNumber(range.min)} and ${formatNumber(range.max)} credits.`,
    };
  }
  return { ok: true, credits: n };
}

interface CostInputProps {
  range: Range;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** Show the error only once the user has had a go. */
  showError?: boolean;
}

export function CostInput({ range, value, onChange, disabled, showError = true }: CostInputProps) {
  const id = useId();
  const check = validateCost(value, range);
  const fixed = range.min === range.max;
  const invalid = showError && !check.ok;
  return (
    <div className={`field cost-input${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>Final cost (credits)</label>
      <div className="cost-row">
        <input
          id={id}
          name="credits"
          type="number"
          inputMode="numeric"
          min={range.min}
          max={range.max}
          step={1}
          value={value}
          readOnly={fixed}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        />
        {!fixed ? (
          <div className="cost-presets" role="group" aria-label="Quick values">
            <button
              type="button"
              className="button button-small"
              disabled={disabled}
              onClick={() => onChange(String(range.min))}
            >
              Min {formatNumber(range.min)}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={disabled}
              onClick={() => onChange(String(range.max))}
            >
              Max {formatNumber(range.max)}
            </button>
          </div>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {fixed
          ? `Fixed price: ${formatNumber(range.min)} credits.`
          : `Allowed: ${formatNumber(range.min)} to ${formatNumber(range.max)} credits, whole numbers.`}
      </p>
      {invalid && !check.ok ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {check.message}
        </p>
      ) : null}
    </div>
  );
}
