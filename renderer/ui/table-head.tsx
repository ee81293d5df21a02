/** A column of a table's header: its label, and a class ('num' for figures) or title (what it counts) where it has one. */
export type TableColumn = string | { label: string; className?: string; title?: string };

/** The header row of a data table, every cell a column header. */
export function TableHead({ columns }: { columns: readonly TableColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const { label, className, title } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label} scope="col" className={className} title={title}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
