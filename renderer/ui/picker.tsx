import { useCombobox } from 'downshift';
import { useMemo, useState } from 'react';
import { formatCount } from './format';

/** A choice in a picker: its name, and where it sits (site › location › parent), which typing also finds. */
export interface PickerOption {
  id: string;
  label: string;
  path?: string;
}

interface PickerProps {
  /** What is picked ("Asset"); read by screen readers, shown when `showLabel`. */
  label: string;
  options: readonly PickerOption[];
  value: string | null;
  onChange: (id: string | null) => void;
  /** The choice of none ("All assets", "Nobody"); without it something must be picked. */
  noneLabel?: string;
  showLabel?: boolean;
  className?: string;
  /** In a form's Field: the input's and its label's ids (the Field shows the label), and its hint and error. */
  field?: { inputId: string; labelId: string; describedBy: string | undefined; invalid: boolean; required?: boolean; disabled?: boolean; autoFocus?: boolean; placeholder?: string };
}

/** Choices listed at once; typing narrows the rest. */
const shownMax = 100;

/** Every typed word in the choice's name or path, in any order and case. */
export function pickerMatches(options: readonly PickerOption[], typed: string): PickerOption[] {
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => {
    const text = `${option.label}\n${option.path ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/**
 * A searchable list (an ARIA combobox, by downshift): type to find by name or by where it sits,
 * ↑ ↓ and Enter to pick, Escape to leave it as it was. For lists too long to scroll (hundreds of
 * assets, every technician of two plants).
 */
export function Picker({ label, options, value, onChange, noneLabel, showLabel = false, className, field }: PickerProps) {
  const none = useMemo<PickerOption | null>(() => (noneLabel === undefined ? null : { id: '', label: noneLabel }), [noneLabel]);
  const selected = options.find((option) => option.id === value) ?? none;
  const [typed, setTyped] = useState<string | null>(null);
  const matches = useMemo(() => (typed === null ? [...options] : pickerMatches(options, typed)), [options, typed]);
  const items = useMemo(() => [...(none && typed === null ? [none] : []), ...matches.slice(0, shownMax)], [none, typed, matches]);
  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getToggleButtonProps, getMenuProps, getItemProps } = useCombobox<PickerOption>({
    items,
    selectedItem: selected,
    // Controlled, so the text follows the choice's name when it changes under the same key (a name read
    // from the cache after the picker opened with only the key); typing owns it while the list is open.
    inputValue: typed ?? selected?.label ?? '',
    itemToString: (item) => item?.label ?? '',
    itemToKey: (item) => item?.id,
    ...(field ? { inputId: field.inputId, labelId: field.labelId } : {}),
    onInputValueChange: ({ inputValue, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setTyped(inputValue);
    },
    onIsOpenChange: ({ isOpen: open }) => {
      if (!open) setTyped(null);
    },
    onSelectedItemChange: ({ selectedItem }) => onChange(selectedItem && selectedItem.id !== '' ? selectedItem.id : null),
  });
  const more = matches.length - Math.min(matches.length, shownMax);
  return (
    <span className={`picker${className ? ` ${className}` : ''}${value !== null && none ? ' set' : ''}`}>
      {!field && (
        <label {...getLabelProps()} className={showLabel ? 'picker-label' : 'visually-hidden'}>
          {label}
        </label>
      )}
      <span className="picker-field">
        <input
          {...getInputProps({
            'aria-invalid': field?.invalid || undefined,
            'aria-describedby': field?.describedBy,
            'aria-required': field?.required || undefined,
            disabled: field?.disabled,
            autoFocus: field?.autoFocus,
            placeholder: field?.placeholder,
          })}
          className="picker-input"
          title={selected?.path ? `${selected.label} — ${selected.path}` : selected?.label}
        />
        <button type="button" {...getToggleButtonProps()} className="picker-toggle" aria-label={`${isOpen ? 'Hide' : 'Show'} the ${label.toLowerCase()} list`} tabIndex={-1}>
          <span aria-hidden>▾</span>
        </button>
      </span>
      <div className="picker-popup" hidden={!isOpen}>
        <ul {...getMenuProps()} className="picker-menu">
          {isOpen &&
            items.map((item, index) => (
              <li
                key={item.id || '\u0000none'}
                {...getItemProps({ item, index })}
                className={`picker-option${highlightedIndex === index ? ' is-highlighted' : ''}${item.id === (selected?.id ?? null) ? ' is-selected' : ''}`}
              >
                <span className="picker-option-label">{item.label}</span>
                {item.path && <span className="picker-option-path">{item.path}</span>}
              </li>
            ))}
        </ul>
        {isOpen && matches.length === 0 && <p className="picker-note">Nothing matches “{typed}”.</p>}
        {isOpen && more > 0 && <p className="picker-note">{formatCount(more)} more: type to narrow the list.</p>}
      </div>
    </span>
  );
}
