import { countOf, formatCount } from '../../ui/format';

interface ScheduleBadgesProps {
  overdue: number;
  overduePm: number;
  conflicts: number;
  /** Where the counts are, as the badges' titles say it: "on this asset", "at this site". */
  where: string;
}

/** What needs attention on an asset's row or in a site's chip: overdue work, PM plans past due with no work order, overlaps. */
export function ScheduleBadges({ overdue, overduePm, conflicts, where }: ScheduleBadgesProps) {
  return (
    <>
      {overdue > 0 && (
        <span className="badge badge-overdue" title={`${countOf(overdue, 'work order')} ${where} past due`}>
          {formatCount(overdue)} overdue
        </span>
      )}
      {overduePm > 0 && (
        <span className="badge badge-pm-overdue" title={`${countOf(overduePm, 'PM plan')} past due ${where} with no work order raised for it yet (projected from the plan)`}>
          {formatCount(overduePm)} PM overdue
        </span>
      )}
      {conflicts > 0 && (
        <span className="badge badge-conflict" title={`Work orders ${where} overlap`}>
          {conflicts} overlapping
        </span>
      )}
    </>
  );
}
