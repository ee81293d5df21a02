/**
 * Makini list query parameters, as the EAM spec documents them:
 *   filter[field]=v, filter[field:op]=v (op: gt, gteq, lt, lteq — the spec also spells it "lted" —,
 *   contains, startsWith), filterMatch=all|any, sort[field]=0 (ascending) | 1 (descending),
 *   page (from 1) and per_page.
 */
export type FilterOperator = 'eq' | 'gt' | 'gteq' | 'lt' | 'lteq' | 'contains' | 'startsWith';

export interface FieldFilter {
  field: string;
  op: FilterOperator;
  value: string;
}

export interface ListQuery {
  filters: FieldFilter[];
  filterMatch: 'all' | 'any';
  sort: { field: string; descending: boolean } | null;
  page: number;
  perPage: number;
}

export const defaultPerPage = 50;
export const maxPerPage = 1000;

const operatorAliases: Record<string, FilterOperator> = {
  gt: 'gt',
  gteq: 'gteq',
  lt: 'lt',
  lteq: 'lteq',
  lted: 'lteq',
  contains: 'contains',
  startsWith: 'startsWith',
};

/** A list query the plant refuses (400): INVALID_REQUEST for its syntax, VALIDATION_ERROR for a value, naming the parameter. */
export class ListQueryError extends Error {
  constructor(
    message: string,
    readonly code: 'INVALID_REQUEST' | 'VALIDATION_ERROR' = 'INVALID_REQUEST',
    /** Per parameter (e.g. "filter[updatedAt:gt]"), what is wrong with it. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Fields compared as points in time (the rest as text): their comparison filters take ISO-8601 date-times. */
export const isTimeField = (field: string) => field.endsWith('At') || field === 'orderDate';
const comparisons = new Set<FilterOperator>(['gt', 'gteq', 'lt', 'lteq']);

function positiveInt(raw: string | null, name: string, fallback: number): number {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new ListQueryError(`${name} must be a whole number of at least 1.`);
  return Number(raw);
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  const filters: FieldFilter[] = [];
  let sort: ListQuery['sort'] = null;
  for (const [name, value] of params) {
    const filter = /^filter\[([A-Za-z0-9_.]+)(?::([A-Za-z]+))?\]$/.exec(name);
    if (filter) {
      const op = filter[2] === undefined ? 'eq' : operatorAliases[filter[2]];
      if (!op) throw new ListQueryError(`Unknown filter operator "${filter[2]}".`);
      if (comparisons.has(op) && isTimeField(filter[1]!) && Number.isNaN(Date.parse(value))) {
        const message = 'must be an ISO-8601 date-time, e.g. 2026-03-04T09:24:28Z';
        throw new ListQueryError(`The filter ${name} ${message}.`, 'VALIDATION_ERROR', { [name]: message });
      }
      filters.push({ field: filter[1]!, op, value });
      continue;
    }
    const sortMatch = /^sort\[([A-Za-z0-9_.]+)\]$/.exec(name);
    if (sortMatch) {
      if (value !== '0' && value !== '1') throw new ListQueryError('sort takes 0 (ascending) or 1 (descending).');
      sort = { field: sortMatch[1]!, descending: value === '1' };
    }
  }
  const filterMatch = params.get('filterMatch') ?? 'all';
  if (filterMatch !== 'all' && filterMatch !== 'any') throw new ListQueryError('filterMatch takes "all" or "any".');
  return {
    filters,
    filterMatch,
    sort,
    page: positiveInt(params.get('page'), 'page', 1),
    perPage: Math.min(positiveInt(params.get('per_page'), 'per_page', defaultPerPage), maxPerPage),
  };
}
