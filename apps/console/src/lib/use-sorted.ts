import { useMemo, useState } from 'react';

export type SortState<K extends string> = { key: K; direction: 'asc' | 'desc' };

/**
 * Client-side search and sort for small tables (an agency's shops, a shop's tokens). Search
 * matches any of `searchKeys`, case-insensitively; sorting is stable and numbers compare as numbers.
 */
export const useSorted = <T extends Record<string, unknown>>(rows: readonly T[] | undefined, options: { initial: SortState<keyof T & string>; searchKeys: readonly (keyof T & string)[] }) => {
  type K = keyof T & string;
  const [sort, setSort] = useState<SortState<K>>(options.initial);
  const [search, setSearch] = useState('');
  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const filtered = (rows ?? []).filter((row) => !needle || options.searchKeys.some((key) => String(row[key] ?? '').toLowerCase().includes(needle)));
    const factor = sort.direction === 'asc' ? 1 : -1;
    return filtered
      .map((row, index) => ({ row, index }))
      .sort((a, b) => {
        const x = a.row[sort.key];
        const y = b.row[sort.key];
        const nx = typeof x === 'number' ? x : typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : null;
        const ny = typeof y === 'number' ? y : typeof y === 'string' && /^-?\d+(\.\d+)?$/.test(y) ? Number(y) : null;
        const cmp = nx !== null && ny !== null ? nx - ny : String(x ?? '').localeCompare(String(y ?? ''));
        return cmp === 0 ? a.index - b.index : cmp * factor;
      })
      .map(({ row }) => row);
  }, [rows, search, sort, options.searchKeys]);
  const toggle = (key: K) => setSort((current) => (current.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));
  return { visible, sort, toggle, search, setSearch };
};
