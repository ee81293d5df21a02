/**
 * How people at the plant report problems in service requests: in their words, not maintenance's
 * ("Oil leak under gearbox", not "Replace gearbox seal"). Keyed by the asset types of
 * plant-vocabulary.ts; every name here is fictional.
 */
import type { Severity } from './plant-vocabulary';

export interface ProblemReport {
  /** The request's title, as typed at the machine. */
  title: string;
  /** What the description adds after naming the machine and its area. */
  detail: string;
  /** The machine is stopped or unsafe: a breakdown, where the rest are repairs that can be planned. */
  stopped?: boolean;
}

/** Problems particular to each asset type, by its name. */
export const problemReportsByAssetType: Readonly<Record<string, readonly ProblemReport[]>> = {
  'Centrifugal Pump': [
    { title: 'Pump leaking at the shaft seal', detail: 'water dripping from the seal, puddle forming under the pump.' },
    { title: 'Pump not building pressure', detail: 'discharge gauge reads well below normal and the line is slow to fill.' },
    { title: 'Pump rattling like gravel inside', detail: 'loud rattling from the casing since the tank level dropped.' },
    { title: 'Pump tripped and will not restart', detail: 'tripped during the run, reset once, trips again straight away.', stopped: true },
  ],
  'Belt Conveyor': [
    { title: 'Conveyor belt slipping at infeed', detail: 'belt slipping on the drive drum at the infeed, cartons backing up.' },
    { title: 'Belt running off to one side', detail: 'belt tracking towards the guard on the operator side, edge starting to fray.' },
    { title: 'Squealing roller near the transfer', detail: 'one of the return rollers near the transfer squeals and is hot to the touch.' },
    { title: 'Conveyor stopped and will not restart', detail: 'conveyor stopped mid-shift, start button does nothing.', stopped: true },
  ],
  'Air Compressor': [
    { title: 'Compressor tripping on high temperature', detail: 'tripped twice this shift on high temperature, plant air dropping.', stopped: true },
    { title: 'Air leak hissing at receiver drain', detail: 'constant hissing from the auto drain on the receiver.' },
    { title: 'Compressor running nonstop', detail: 'never unloads, pressure still only just reaches set point.' },
  ],
  'Steam Boiler': [
    { title: 'Boiler locked out and will not fire', detail: 'burner lockout, reset tried twice, no flame.', stopped: true },
    { title: 'Steam leak at flange by feed pump', detail: 'wisps of steam from the flange next to the feed pump.' },
    { title: 'Gauge glass too dirty to read', detail: 'water level gauge glass stained, level hard to read on rounds.' },
  ],
  'Water Chiller': [
    { title: 'Chiller alarm: low refrigerant pressure', detail: 'chiller stopped on low refrigerant pressure alarm.', stopped: true },
    { title: 'Chilled water warmer than usual', detail: 'supply temperature 3 to 4 degrees above normal all morning.' },
  ],
  'Electric Forklift': [
    { title: 'Forklift battery not holding charge', detail: 'fully charged overnight, flat again before lunch.' },
    { title: 'Forklift brakes feel soft', detail: 'brake pedal goes almost to the floor; truck parked and tagged out.', stopped: true },
    { title: 'Forklift mast jerks when lifting', detail: 'mast jerks and judders when lifting a full pallet.' },
  ],
  'CNC Lathe': [
    { title: 'Lathe coolant not coming through', detail: 'coolant pump runs but almost nothing reaches the tool.' },
    { title: 'Chuck not clamping properly', detail: 'parts slipping in the chuck, clamping pressure looks low.' },
    { title: 'Spindle alarm, lathe stopped', detail: 'spindle overload alarm, machine will not reset.', stopped: true },
  ],
  'Hydraulic Press': [
    { title: 'Oil leak from hose on press', detail: 'hydraulic oil weeping from a hose at the back of the press.' },
    { title: 'Press slow on return stroke', detail: 'return stroke takes twice as long as usual.' },
    { title: 'Light curtain faulting, press will not cycle', detail: 'light curtain fault on every cycle, press stopped.', stopped: true },
  ],
  'Bottle Filler': [
    { title: 'Filler valves dripping between bottles', detail: 'several filling valves drip between bottles, product on the floor.' },
    { title: 'Fill levels uneven across heads', detail: 'QC rejecting underfilled bottles from some of the heads.' },
    { title: 'Filler stopped on jam at starwheel', detail: 'bottles jamming at the infeed starwheel, line stopped.', stopped: true },
  ],
  Labeler: [
    { title: 'Labels going on crooked', detail: 'labels skewed on about one bottle in ten.' },
    { title: 'Glue not reaching the labels', detail: 'labels falling off at the end of the line, glue roller looks dry.' },
    { title: 'Label sensor missing gaps', detail: 'sensor misses the gap between labels, wasting a label each time.' },
  ],
  Palletizer: [
    { title: 'Palletizer dropping layers', detail: 'layer slid off the forks during transfer twice this shift.' },
    { title: 'Pallet stuck on outfeed conveyor', detail: 'full pallet stuck on the outfeed, palletizer stopped.', stopped: true },
  ],
  'Industrial Mixer': [
    { title: 'Knocking noise from mixer', detail: 'knocking noise once every turn of the agitator.' },
    { title: 'Mixer agitator seal leaking', detail: 'product seeping out around the agitator shaft.' },
  ],
  'Plastic Extruder': [
    { title: 'Barrel zone not reaching temperature', detail: 'zone 3 stays about 20 degrees below set point.' },
    { title: 'Extruder screw motor surging', detail: 'motor amps swinging, output uneven.' },
  ],
  'Cooling Tower': [
    { title: 'Cooling tower fan vibrating', detail: 'fan deck shaking, vibration worse than last week.' },
    { title: 'Water overflowing from tower basin', detail: 'basin overflowing, make-up valve seems to stay open.' },
  ],
  'HVAC Unit': [
    { title: 'Too hot in the packing area', detail: 'air handler running but blowing warm air.' },
    { title: 'Filter alarm on air handler', detail: 'dirty filter alarm showing on the panel.' },
    { title: 'Rattling from the air handler', detail: 'rattling from inside the unit, louder at high speed.' },
  ],
  'Diesel Generator': [
    { title: 'Generator failed weekly test start', detail: 'did not start on the weekly test, cranks but does not fire.', stopped: true },
    { title: 'Diesel smell near the generator', detail: 'strong diesel smell in the enclosure, small wet patch under the tank.' },
  ],
  'Motor Control Center': [
    { title: 'Burning smell at the MCC', detail: 'burning smell near the feeder section, nothing tripped yet.', stopped: true },
    { title: 'Breaker keeps tripping on feeder', detail: 'feeder breaker tripped three times today.', stopped: true },
  ],
  'Electric Motor': [
    { title: 'Motor running hot', detail: 'motor casing too hot to touch after an hour of running.' },
    { title: 'Motor humming but not turning', detail: 'motor hums at start but the shaft does not turn.', stopped: true },
  ],
  Gearbox: [
    { title: 'Oil leak under gearbox', detail: 'oil dripping from under the gearbox onto the floor.' },
    { title: 'Gearbox whining louder than usual', detail: 'high-pitched whine that gets louder with speed.' },
  ],
  'Plate Heat Exchanger': [
    { title: 'Heat exchanger leaking between plates', detail: 'drips from between the plates on the hot side.' },
    { title: 'Product not cooling enough', detail: 'product leaving the heat exchanger several degrees too warm.' },
  ],
  'Flow Meter': [
    { title: 'Flow meter reads zero with line running', detail: 'display shows zero flow while the line is clearly running.' },
    { title: 'Flow reading jumping around', detail: 'reading jumps up and down by a third of the value.' },
  ],
  'Pressure Transmitter': [
    { title: 'Pressure reading stuck', detail: 'control screen shows the same pressure all shift.' },
    { title: 'Pressure alarm but gauge reads normal', detail: 'high-pressure alarm keeps coming up, local gauge reads normal.' },
  ],
  'Shrink Wrapper': [
    { title: 'Shrink film tearing at the seal', detail: 'film tears at the cross seal on most packs.' },
    { title: 'Film not shrinking properly in tunnel', detail: 'packs leave the tunnel loose and wrinkled.' },
  ],
  'Overhead Crane': [
    { title: 'Crane pendant buttons sticking', detail: 'down button sticks on the pendant.' },
    { title: 'Crane hoist drifting down with load', detail: 'hook creeps down slowly with a load on; crane tagged out.', stopped: true },
  ],
  'Fire Pump': [
    { title: 'Fire pump did not start on test', detail: 'pump did not start on the weekly churn test.', stopped: true },
    { title: 'Fire pump packing leaking', detail: 'packing gland dripping steadily while running.' },
  ],
};

/** Problems any machine with moving parts can have. */
export const commonProblemReports: readonly ProblemReport[] = [
  { title: 'Guard loose and rattling', detail: 'guard loose, two bolts missing, rattles while running.' },
  { title: 'Grinding noise while running', detail: 'grinding noise that was not there last week.' },
  { title: 'Oil on the floor under the machine', detail: 'fresh oil on the floor under the machine this morning.' },
  { title: 'Excessive vibration', detail: 'vibrating much more than usual, can feel it through the floor.' },
  { title: 'Emergency stop button damaged', detail: 'e-stop mushroom head cracked, still works but needs replacing.', stopped: true },
];

/** Asset types without moving parts of their own: only their own problems are reported on them. */
export const typesWithoutMachineProblems: ReadonlySet<string> = new Set(['Steam Boiler', 'Motor Control Center', 'Plate Heat Exchanger', 'Flow Meter', 'Pressure Transmitter']);

/** How the description ends: when and how the problem was noticed; the second list only for a machine still running. */
export const reportCircumstances: { any: readonly string[]; running: readonly string[] } = {
  any: ['Noticed at the start of the shift.', 'Noticed on night shift.', 'Operator reported it at the shift handover.', 'Started after this morning’s changeover.'],
  running: ['Getting worse over the last few days.', 'Seen during the walk-round.', 'Production can keep running for now.'],
};

/** Why a request was declined, as the note says. */
export const declineReasons: readonly string[] = [
  'Declined: duplicate of an earlier request for the same problem.',
  'Declined: not a maintenance fault, raised with production (changeover setting).',
  'Declined: checked on site, running within normal limits.',
  'Declined: covered by the planned PM next week.',
  'Declined: cleaning issue, passed to the line team.',
];

/** When the requester wants it sorted, by severity: days after filing. */
export const requestDueDays: Readonly<Record<Severity, number>> = { Critical: 0.5, High: 2, Medium: 7, Low: 21 };
