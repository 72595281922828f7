import type { SortState } from '../lib/use-sorted';

/** A column header that sorts; aria-sort tells assistive technology the current order. */
export const SortHeader = <K extends string>({ label, column, sort, onSort, numeric }: { label: string; column: K; sort: SortState<K>; onSort: (key: K) => void; numeric?: boolean }) => {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
};
