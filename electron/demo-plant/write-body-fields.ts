import type { DemoPlantWriteRule } from './demo-plant-write-rules';
import type { CollectionName, PlantState } from './plant-state';
import { isoSeconds } from './plant-time';
import { plainObject } from './write-error';
import { live, type WriteRecord } from './write-records';

type Rec = WriteRecord;

/** Reads and checks a request body's fields, collecting what is wrong with each. */
export class BodyFields {
  /** Per field, what is wrong with it. No prototype: a body field named `__proto__` or `constructor` is a field like any other. */
  readonly errors: Record<string, string> = Object.create(null) as Record<string, string>;

  constructor(
    readonly body: Record<string, unknown>,
    private readonly prefix = '',
  ) {}

  has(name: string): boolean {
    return Object.hasOwn(this.body, name) && this.body[name] !== undefined;
  }

  fail(name: string, message: string): void {
    this.errors[this.prefix + name] ??= message;
  }

  ok(name: string): boolean {
    return !Object.hasOwn(this.errors, this.prefix + name);
  }

  /** Unknown fields, missing required ones and cleared ones that may not be. */
  checkShape(rule: Pick<DemoPlantWriteRule, 'fields' | 'required' | 'notClearable'>): void {
    for (const name of Object.keys(this.body)) {
      if (!rule.fields.includes(name)) this.fail(name, 'is not a field this request takes');
    }
    for (const name of rule.required) {
      const value = this.body[name];
      if (value === undefined || value === null || value === '') this.fail(name, 'is required');
    }
    for (const name of rule.notClearable) {
      if (this.has(name) && (this.body[name] === null || this.body[name] === '')) this.fail(name, 'cannot be cleared');
    }
  }

  /** undefined: absent; null: clear it ("" clears too); otherwise the string. */
  text(name: string): string | null | undefined {
    if (!this.has(name)) return undefined;
    const value = this.body[name];
    if (value === null || value === '') return null;
    if (typeof value === 'string') return value;
    this.fail(name, 'must be a string or null');
    return undefined;
  }

  /** A date-time Date.parse understands, as the plant writes them (ISO-8601, whole seconds, UTC). */
  date(name: string): string | null | undefined {
    if (!this.has(name)) return undefined;
    const value = this.body[name];
    if (value === null || value === '') return null;
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) {
      this.fail(name, 'must be an ISO-8601 date-time (e.g. "2026-03-04T09:24:28Z") or null');
      return undefined;
    }
    return isoSeconds(ms);
  }

  /** A number, or a string holding one (quantities and money travel as either). */
  number(name: string, options: { integer?: boolean; positive?: boolean; allowText?: boolean } = {}): number | null | undefined {
    if (!this.has(name)) return undefined;
    const value = this.body[name];
    if (value === null) return null;
    const number = typeof value === 'number' ? value : options.allowText && typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    if (!Number.isFinite(number)) {
      this.fail(name, options.allowText ? 'must be a number (or a string holding one) or null' : options.integer ? 'must be a whole number or null' : 'must be a number or null');
      return undefined;
    }
    if (options.integer && !Number.isInteger(number)) this.fail(name, 'must be a whole number');
    else if (options.positive && number <= 0) this.fail(name, 'must be more than 0');
    else if (number < 0) this.fail(name, 'must not be negative');
    else return number;
    return undefined;
  }

  /** A key that must name a live record of `collection`. */
  ref(name: string, collection: CollectionName, what: string, state: PlantState): Rec | null | undefined {
    const key = this.text(name);
    if (key === undefined || key === null) return key;
    const record = live(state, collection, key);
    if (!record) this.fail(name, `no ${what} with key "${key}"`);
    return record;
  }

  /** A key to a kind of record the demo plant does not keep: only null (or leaving it out) passes. */
  noneKept(name: string, what: string): void {
    const key = this.text(name);
    if (typeof key === 'string') this.fail(name, `no ${what} with key "${key}" (the demo plant keeps none)`);
  }

  /** An array of objects (the spec's tasks and documents), kept as sent. */
  objectList(name: string): Record<string, unknown>[] | null | undefined {
    if (!this.has(name)) return undefined;
    const value = this.body[name];
    if (value === null) return null;
    if (Array.isArray(value) && value.every(plainObject)) return value;
    this.fail(name, 'must be an array of objects or null');
    return undefined;
  }
}
