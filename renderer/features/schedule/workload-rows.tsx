import { useDroppable } from '@dnd-kit/core';
import { memo, useState } from 'react';
import type { ScheduleWindow } from '../../../shared/schedule/schedule-window';
import { joinBy, loadLevel, sumBy, type DayLoads, type PersonLoad } from '../../../shared/schedule/technician-load';
import { defaultWorkOrderHours } from '../../../shared/schedule/work-order-booking';
import { countOf } from '../../ui/format';
import { formatDayMonth, formatDecimal, formatHours } from './schedule-format';
import type { ScheduleModel } from './schedule-model';

/** A workload cell: a team's, or (with `personId`) one of its technicians', in a column of the window. */
export interface CellKey {
  teamId: string;
  personId: string | null;
  column: number;
}

/** What a workload cell says: whose it is, its dates, hours booked and available, and what books it. */
export interface LoadCell {
  /** The team's name (with its plant's when several are shown) or the technician's. */
  who: string;
  connectionId: string;
  start: Date;
  end: Date;
  hours: number;
  capacity: number;
  entries: string[];
}

/** A cell's figures as the rows draw them, from the current loads; null once it is gone. */
export function loadCell(loads: ScheduleModel['loads'], key: CellKey, window: ScheduleWindow, plantNames: ReadonlyMap<string, string> | null): LoadCell | null {
  const team = loads.find((load) => load.teamId === key.teamId);
  const person = key.personId === null ? null : team?.people.find((candidate) => candidate.personId === key.personId);
  const column = window.columns[key.column];
  if (!team || person === undefined || !column) return null;
  const perColumn = window.unit === 'day' ? 1 : 7;
  const figures = person ?? team;
  return {
    who: person ? person.labor.name : teamName(team, plantNames),
    connectionId: team.connectionId,
    start: column.start,
    end: column.end,
    hours: sumBy(figures.hours, perColumn)[key.column] ?? 0,
    capacity: sumBy(figures.capacity, perColumn)[key.column] ?? 0,
    entries: joinBy(figures.entries, perColumn)[key.column] ?? [],
  };
}

const teamName = (team: ScheduleModel['loads'][number], plantNames: ReadonlyMap<string, string> | null) => `${team.name}${plantNames ? ` (${plantNames.get(team.connectionId) ?? ''})` : ''}`;

/** A technician's row, as a drop target for work-order bars (shared with the page's drag handling). */
export interface PersonDropData {
  kind: 'person';
  person: PersonLoad;
}

/** Where a dragged bar would land: a technician, and the column under the pointer. */
export interface DropTarget {
  personId: string;
  column: number;
}

interface WorkloadRowsProps {
  loads: ScheduleModel['loads'];
  window: ScheduleWindow;
  /** Plant names by connection, when teams of several plants are shown. */
  plantNames: ReadonlyMap<string, string> | null;
  dropTarget: DropTarget | null;
  onOpenCell: (cell: CellKey) => void;
  onEditCalendars: () => void;
}

const describeLevel = (hours: number, capacity: number) => {
  if (capacity === 0) return hours > 0 ? 'booked on a day off' : 'day off';
  const level = loadLevel(hours, capacity);
  return level === 'over' ? `over by ${formatHours(hours - capacity)}` : level === 'high' ? 'nearly full' : `${formatHours(capacity - hours)} free`;
};

/**
 * Hours booked per team and, under each team, per technician, a day (or week) at a time, against
 * the hours they work on their site's calendar. A cell opens what books it; a work-order bar
 * dropped on a technician's row is theirs, from the day it is dropped on.
 */
export function WorkloadRows({ loads, window, plantNames, dropTarget, onOpenCell, onEditCalendars }: WorkloadRowsProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const perColumn = window.unit === 'day' ? 1 : 7;
  const unit = perColumn === 1 ? 'day' : 'week';
  const toggle = (teamId: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(teamId)) next.add(teamId);
      return next;
    });

  return (
    <div className="schedule-load" role="rowgroup" aria-label="Workload per team and technician">
      <div className="schedule-row load-head" role="row">
        <div className="row-label" role="rowheader">
          Workload
          <span
            className="muted"
            title={`Open work orders book their own estimate, their PM plan's, or ${defaultWorkOrderHours} h, on their scheduled day: for their team, and for the technician they are assigned to. Projected PMs book their team on their due day. Hours available: each active technician's working hours on their site's calendar.`}
          >
            h a {unit}
          </span>
          <button type="button" className="link-button load-calendar" onClick={onEditCalendars}>
            Working hours…
          </button>
        </div>
        <div className="row-track" role="cell" />
      </div>
      {loads.length === 0 && (
        <div className="schedule-row" role="row">
          <div className="row-label muted" role="rowheader">
            No teams or technicians synced yet.
          </div>
        </div>
      )}
      {loads.map((load) => {
        const plant = plantNames ? (plantNames.get(load.connectionId) ?? '') : null;
        const open = !collapsed.has(load.teamId);
        const who = teamName(load, plantNames);
        return (
          <div key={load.teamId} role="presentation">
            <div className="schedule-row load-row team-load-row" role="row" aria-label={`${who} load`}>
              <div className="row-label" role="rowheader">
                <button type="button" className="load-toggle" aria-expanded={open} onClick={() => toggle(load.teamId)} title={open ? 'Hide its technicians' : 'Show its technicians'}>
                  <span aria-hidden>{open ? '▾' : '▸'}</span>
                  <span className="row-name">{load.name}</span>
                </button>
                <span className="row-sub muted">
                  {plant && `${plant} · `}
                  {load.people.length === 0 ? 'no technicians' : countOf(load.people.filter((person) => person.labor.isActive).length, 'technician')}
                </span>
              </div>
              <LoadCells who={who} loads={load} window={window} perColumn={perColumn} teamId={load.teamId} personId={null} onOpenCell={onOpenCell} />
            </div>
            {open &&
              load.people.map((person) => (
                <PersonRow
                  key={person.personId}
                  person={person}
                  teamId={load.teamId}
                  window={window}
                  perColumn={perColumn}
                  dropColumn={dropTarget?.personId === person.personId ? dropTarget.column : null}
                  onOpenCell={onOpenCell}
                />
              ))}
          </div>
        );
      })}
    </div>
  );
}

interface PersonRowProps {
  person: PersonLoad;
  teamId: string;
  window: ScheduleWindow;
  perColumn: number;
  dropColumn: number | null;
  onOpenCell: (cell: CellKey) => void;
}

function PersonRow({ person, teamId, window, perColumn, dropColumn, onOpenCell }: PersonRowProps) {
  const { setNodeRef, isOver } = useDroppable({ id: `person\u0000${person.personId}`, data: { kind: 'person', person } satisfies PersonDropData });
  const { labor } = person;
  return (
    <div className={`schedule-row load-row person-load-row${isOver ? ' is-drop-row' : ''}`} role="row" aria-label={`${labor.name} load`} data-labor-key={labor.key}>
      <div className="row-label" role="rowheader">
        <span className="row-name" title={labor.name}>
          {labor.name}
        </span>
        <span className="row-sub muted">{[labor.roleName, labor.isActive ? null : 'inactive'].filter(Boolean).join(' · ')}</span>
      </div>
      <LoadCells who={labor.name} loads={person} window={window} perColumn={perColumn} dropColumn={dropColumn} trackRef={setNodeRef} teamId={teamId} personId={person.personId} onOpenCell={onOpenCell} />
    </div>
  );
}

interface LoadCellsProps {
  who: string;
  loads: DayLoads;
  window: ScheduleWindow;
  perColumn: number;
  dropColumn?: number | null;
  trackRef?: (node: HTMLElement | null) => void;
  /** Whose cells these are, for `onOpenCell`. */
  teamId: string;
  personId: string | null;
  onOpenCell: (cell: CellKey) => void;
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((value, index) => value === b[index]);
const sameEntries = (a: readonly string[][], b: readonly string[][]) => a.length === b.length && a.every((day, index) => day.length === b[index]!.length && day.every((id, at) => id === b[index]![at]));
/** The loads are worked out anew with every change to the cache: a row whose figures stay the same is not drawn again. */
const sameCells = (a: LoadCellsProps, b: LoadCellsProps) =>
  a.who === b.who &&
  a.window === b.window &&
  a.perColumn === b.perColumn &&
  a.dropColumn === b.dropColumn &&
  a.trackRef === b.trackRef &&
  a.teamId === b.teamId &&
  a.personId === b.personId &&
  a.onOpenCell === b.onOpenCell &&
  sameNumbers(a.loads.hours, b.loads.hours) &&
  sameNumbers(a.loads.capacity, b.loads.capacity) &&
  sameEntries(a.loads.entries, b.loads.entries);

const LoadCells = memo(function LoadCells({ who, loads, window, perColumn, dropColumn = null, trackRef, teamId, personId, onOpenCell }: LoadCellsProps) {
  const hours = sumBy(loads.hours, perColumn);
  const capacity = sumBy(loads.capacity, perColumn);
  const entries = joinBy(loads.entries, perColumn);
  return (
    <div className="row-track load-track" role="cell" ref={trackRef}>
      {window.columns.map((column, i) => {
        const booked = hours[i] ?? 0;
        const available = capacity[i] ?? 0;
        const share = available > 0 ? booked / available : booked > 0 ? 1 : 0;
        const when = `${formatDayMonth(column.start)}${perColumn > 1 ? ' week' : ''}`;
        const label = `${who}, ${when}: ${formatHours(booked)} booked of ${formatHours(available)}, ${describeLevel(booked, available)}`;
        return (
          <button
            key={column.start.getTime()}
            type="button"
            className={`load-cell load-${loadLevel(booked, available)}${available === 0 ? ' is-off' : ''}${dropColumn === i ? ' is-drop-target' : ''}`}
            title={`${label}${entries[i]!.length > 0 ? ' — click to see and reassign' : ''}`}
            aria-label={label}
            onClick={() => onOpenCell({ teamId, personId, column: i })}
          >
            <span className="load-fill" style={{ height: `${Math.min(1, share) * 100}%` }} />
            <span className="load-value">{booked > 0 ? formatDecimal(booked) : ''}</span>
          </button>
        );
      })}
    </div>
  );
}, sameCells);
