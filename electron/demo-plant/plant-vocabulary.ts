/**
 * Words the demo plant is made of. Every name here is fictional; the vocabulary only has to read
 * like a real maintenance department's data so that boards, filters and searches look plausible.
 * Suppliers and spare parts are in stores-vocabulary.ts.
 */

/** Plants, as [name, site code]. */
export const siteNames: readonly (readonly [string, string])[] = [
  ['Riverside Bottling Plant', 'RIV'],
  ['Northgate Packaging Works', 'NGW'],
  ['Harbour Point Food Processing', 'HPF'],
  ['Oakfield Metal Fabrication', 'OAK'],
  ['Eastbrook Plastics Plant', 'EBP'],
  ['Millbrook Paper Mill', 'MBM'],
];

/** Production and service areas, as [name, area code]; each site gets a handful of them. */
export const areaNames: readonly (readonly [string, string])[] = [
  ['Packaging Hall', 'PKG'],
  ['Boiler House', 'BLR'],
  ['Line 1', 'L1'],
  ['Line 2', 'L2'],
  ['Line 3', 'L3'],
  ['Raw Materials Warehouse', 'RMW'],
  ['Finished Goods Warehouse', 'FGW'],
  ['Utilities', 'UTL'],
  ['Compressor Room', 'CMP'],
  ['Process Hall', 'PRC'],
  ['Mixing Room', 'MIX'],
  ['Tank Farm', 'TNK'],
  ['Water Treatment', 'WTP'],
  ['Loading Dock', 'DCK'],
  ['Machine Shop', 'MSH'],
  ['Press Shop', 'PRS'],
  ['Extrusion Hall', 'EXT'],
];

/** Every site has a stores area: spare-part inventories are kept there, never equipment. */
export const storesArea = ['Maintenance Stores', 'STR'] as const;

/** Maintenance crafts, as [name, team code]. */
export const teamNames = [
  ['Mechanical', 'MECH'],
  ['Electrical', 'ELEC'],
  ['Instrumentation', 'INST'],
  ['Utilities', 'UTIL'],
  ['Facilities', 'FAC'],
  ['Lubrication', 'LUBE'],
] as const;
export type TeamName = (typeof teamNames)[number][0];

/** Share of the technicians in each team (a plant has many more fitters than lubrication techs). */
export const teamHeadcountWeights: readonly (readonly [TeamName, number])[] = [
  ['Mechanical', 35],
  ['Electrical', 25],
  ['Instrumentation', 12],
  ['Utilities', 12],
  ['Facilities', 8],
  ['Lubrication', 8],
];

/**
 * What a meter measures. Counters only go up, by `perDay` a day of running; gauges wander within
 * `range`. Readings are written with `decimals` decimal places.
 */
export interface MeterKind {
  name: string;
  uomName: string;
  decimals: number;
  reading: { counter: true; perDay: readonly [number, number] } | { counter: false; range: readonly [number, number] };
}

export const meterKinds = {
  runHours: { name: 'Run hours', uomName: 'h', decimals: 1, reading: { counter: true, perDay: [8, 20] } },
  cycles: { name: 'Cycle count', uomName: 'cycles', decimals: 0, reading: { counter: true, perDay: [1500, 9000] } },
  starts: { name: 'Starts', uomName: 'starts', decimals: 0, reading: { counter: true, perDay: [2, 15] } },
  temperature: { name: 'Bearing temperature', uomName: '°C', decimals: 1, reading: { counter: false, range: [38, 82] } },
  pressure: { name: 'Discharge pressure', uomName: 'bar', decimals: 2, reading: { counter: false, range: [2.5, 9.5] } },
  vibration: { name: 'Vibration velocity', uomName: 'mm/s', decimals: 2, reading: { counter: false, range: [0.8, 6.5] } },
} as const satisfies Record<string, MeterKind>;
export type MeterKindName = keyof typeof meterKinds;

export interface AssetType {
  name: string;
  /** Prefix of the equipment tag, as in "P-104". */
  tagPrefix: string;
  /** The team that normally looks after it. */
  team: TeamName;
  makes: readonly string[];
  /** Prefix of model names, as in "CP-250". */
  modelPrefix: string;
  /** The meters such equipment may carry; an asset with a run-hour PM plan gets run hours whatever its type. */
  meters: readonly MeterKindName[];
}

export const assetTypes: readonly AssetType[] = [
  { name: 'Centrifugal Pump', tagPrefix: 'P', team: 'Mechanical', makes: ['Kestrel Pumps', 'Aquadyne'], modelPrefix: 'CP', meters: ['runHours', 'pressure', 'vibration'] },
  { name: 'Belt Conveyor', tagPrefix: 'CV', team: 'Mechanical', makes: ['Transflo Conveying', 'Beltline Systems'], modelPrefix: 'BC', meters: ['runHours'] },
  { name: 'Air Compressor', tagPrefix: 'AC', team: 'Utilities', makes: ['Stormair', 'Pneumatix'], modelPrefix: 'SR', meters: ['runHours', 'pressure', 'temperature'] },
  { name: 'Steam Boiler', tagPrefix: 'B', team: 'Utilities', makes: ['Thermacore', 'Hearthwell Boilers'], modelPrefix: 'FT', meters: ['runHours', 'pressure', 'temperature'] },
  { name: 'Water Chiller', tagPrefix: 'CH', team: 'Utilities', makes: ['Polarflow', 'Coldstream'], modelPrefix: 'WC', meters: ['runHours', 'temperature'] },
  { name: 'Electric Forklift', tagPrefix: 'FL', team: 'Mechanical', makes: ['Stackwell', 'Forgeline Trucks'], modelPrefix: 'EF', meters: ['runHours'] },
  { name: 'CNC Lathe', tagPrefix: 'LT', team: 'Mechanical', makes: ['Haldor Machine Tools', 'Precitek'], modelPrefix: 'TL', meters: ['runHours', 'cycles'] },
  { name: 'Hydraulic Press', tagPrefix: 'HP', team: 'Mechanical', makes: ['Pressmark', 'Ironclad Hydraulics'], modelPrefix: 'HX', meters: ['cycles', 'runHours'] },
  { name: 'Bottle Filler', tagPrefix: 'FIL', team: 'Mechanical', makes: ['Fillwell', 'Liquipak'], modelPrefix: 'RF', meters: ['cycles', 'runHours'] },
  { name: 'Labeler', tagPrefix: 'LB', team: 'Mechanical', makes: ['Labelcraft', 'Sleevetec'], modelPrefix: 'LM', meters: ['cycles'] },
  { name: 'Palletizer', tagPrefix: 'PZ', team: 'Mechanical', makes: ['Stackwise Automation', 'Palmatic'], modelPrefix: 'PL', meters: ['cycles'] },
  { name: 'Industrial Mixer', tagPrefix: 'MX', team: 'Mechanical', makes: ['Blendmaster', 'Vortek Process'], modelPrefix: 'IM', meters: ['runHours', 'temperature'] },
  { name: 'Plastic Extruder', tagPrefix: 'EX', team: 'Mechanical', makes: ['Extrutec', 'Polymech'], modelPrefix: 'SE', meters: ['runHours', 'temperature'] },
  { name: 'Cooling Tower', tagPrefix: 'CT', team: 'Utilities', makes: ['Coolwave', 'Evapro'], modelPrefix: 'CT', meters: ['runHours', 'temperature'] },
  { name: 'HVAC Unit', tagPrefix: 'AHU', team: 'Facilities', makes: ['Climatrol', 'Ventaire'], modelPrefix: 'AH', meters: ['runHours', 'temperature'] },
  { name: 'Diesel Generator', tagPrefix: 'G', team: 'Electrical', makes: ['Powerhold', 'Gensys Energy'], modelPrefix: 'DG', meters: ['runHours', 'starts'] },
  { name: 'Motor Control Center', tagPrefix: 'MCC', team: 'Electrical', makes: ['Voltara', 'Switchgear Dynamics'], modelPrefix: 'MC', meters: ['temperature'] },
  { name: 'Electric Motor', tagPrefix: 'M', team: 'Electrical', makes: ['Corewind Motors', 'Dynamo Works'], modelPrefix: 'IE', meters: ['runHours', 'starts', 'vibration'] },
  { name: 'Gearbox', tagPrefix: 'GB', team: 'Mechanical', makes: ['Torqline', 'Geartek'], modelPrefix: 'HG', meters: ['temperature', 'vibration'] },
  { name: 'Plate Heat Exchanger', tagPrefix: 'HE', team: 'Mechanical', makes: ['Thermex', 'Platecool'], modelPrefix: 'PH', meters: ['temperature', 'pressure'] },
  { name: 'Flow Meter', tagPrefix: 'FT', team: 'Instrumentation', makes: ['Metrix Instruments', 'Flowsense'], modelPrefix: 'FM', meters: ['temperature'] },
  { name: 'Pressure Transmitter', tagPrefix: 'PT', team: 'Instrumentation', makes: ['Metrix Instruments', 'Sensaro'], modelPrefix: 'PX', meters: ['pressure'] },
  { name: 'Shrink Wrapper', tagPrefix: 'SW', team: 'Mechanical', makes: ['Wrapfield', 'Shrinkpak'], modelPrefix: 'SW', meters: ['cycles'] },
  { name: 'Overhead Crane', tagPrefix: 'CR', team: 'Mechanical', makes: ['Hoistline', 'Liftbridge Cranes'], modelPrefix: 'OC', meters: ['runHours', 'cycles'] },
  { name: 'Fire Pump', tagPrefix: 'FP', team: 'Facilities', makes: ['Kestrel Pumps', 'Blazeguard'], modelPrefix: 'FP', meters: ['runHours', 'starts'] },
];

export const workActions = ['Inspect', 'Replace', 'Lubricate', 'Calibrate', 'Repair', 'Clean', 'Tighten', 'Align', 'Test', 'Adjust'] as const;
export type WorkAction = (typeof workActions)[number];

export interface WorkComponent {
  name: string;
  /** The actions that make sense on it ("Calibrate drive belt" does not). */
  actions: readonly WorkAction[];
  /** The team that does this work whatever the equipment; by default the asset's own team. */
  team?: TeamName;
}

export const workComponents: readonly WorkComponent[] = [
  { name: 'drive belt', actions: ['Inspect', 'Replace', 'Tighten', 'Align'] },
  { name: 'V-belt', actions: ['Inspect', 'Replace', 'Tighten'] },
  { name: 'bearing', actions: ['Inspect', 'Replace', 'Lubricate'] },
  { name: 'mechanical seal', actions: ['Inspect', 'Replace', 'Repair'] },
  { name: 'filter', actions: ['Inspect', 'Replace', 'Clean'] },
  { name: 'coupling', actions: ['Inspect', 'Align', 'Replace'] },
  { name: 'gearbox oil', actions: ['Replace', 'Test'], team: 'Lubrication' },
  { name: 'pressure sensor', actions: ['Calibrate', 'Replace', 'Test'], team: 'Instrumentation' },
  { name: 'temperature probe', actions: ['Calibrate', 'Replace'], team: 'Instrumentation' },
  { name: 'photo-eye sensor', actions: ['Clean', 'Align', 'Replace'], team: 'Instrumentation' },
  { name: 'limit switch', actions: ['Test', 'Replace', 'Adjust'], team: 'Electrical' },
  { name: 'motor', actions: ['Inspect', 'Replace', 'Test', 'Repair'], team: 'Electrical' },
  { name: 'contactor', actions: ['Test', 'Replace'], team: 'Electrical' },
  { name: 'control panel', actions: ['Inspect', 'Clean', 'Test'], team: 'Electrical' },
  { name: 'hydraulic hose', actions: ['Inspect', 'Replace'] },
  { name: 'roller chain', actions: ['Lubricate', 'Tighten', 'Replace', 'Inspect'] },
  { name: 'safety guard', actions: ['Inspect', 'Repair', 'Tighten'] },
  { name: 'valve', actions: ['Inspect', 'Repair', 'Replace', 'Test'] },
  { name: 'impeller', actions: ['Inspect', 'Replace', 'Clean'] },
  { name: 'nozzle', actions: ['Clean', 'Replace', 'Adjust'] },
  { name: 'anchor bolts', actions: ['Tighten', 'Inspect'] },
  { name: 'condenser coil', actions: ['Clean', 'Inspect'] },
];

/** Opening phrases of breakdown (unplanned) work orders, as operators report them. */
export const breakdownReports: readonly string[] = [
  'Investigate abnormal noise',
  'Investigate high vibration',
  'Fix oil leak',
  'Reset tripped motor overload',
  'Investigate overheating',
  'Clear product jam',
  'Repair compressed air leak',
  'Investigate low pressure alarm',
  'Restore after emergency stop fault',
];

/** Steps that open a work order's task list before the main job. */
export const preparationSteps: readonly string[] = ['Isolate and lock out equipment', 'Obtain permit to work'];

/** Steps that follow the main job. */
export const followUpSteps: readonly string[] = [
  'Test run and check for abnormal noise or vibration',
  'Record readings in maintenance log',
  'Check fasteners and guards are secure',
  'Clean up work area',
  'Remove lockout and hand back to production',
];

export interface PmActivity {
  name: string;
  /** The team that does it whatever the equipment; by default the asset's own team. */
  team?: TeamName;
  /** Checklist, in order; a plan uses a prefix of it. */
  steps: readonly string[];
}

export const pmActivities: readonly PmActivity[] = [
  {
    name: 'lubrication',
    team: 'Lubrication',
    steps: ['Grease bearings per lubrication chart', 'Check oil level and top up', 'Inspect seals for leaks', 'Wipe off excess grease', 'Update lubrication record'],
  },
  {
    name: 'inspection',
    steps: ['Visual inspection for damage and leaks', 'Check guards and safety devices', 'Check belt and chain tension', 'Listen for abnormal noise', 'Record findings'],
  },
  {
    name: 'filter change',
    steps: ['Isolate and depressurise', 'Replace filter elements', 'Check differential pressure gauge', 'Restart and check for leaks'],
  },
  {
    name: 'vibration analysis',
    team: 'Instrumentation',
    steps: ['Take vibration readings at each bearing', 'Compare with baseline', 'Raise corrective work order if over limit'],
  },
  {
    name: 'calibration',
    team: 'Instrumentation',
    steps: ['Isolate instrument', 'Check zero and span against reference', 'Adjust and record as-found / as-left', 'Return to service'],
  },
  {
    name: 'safety check',
    steps: ['Test emergency stops', 'Test interlocks and light curtains', 'Check signage and guarding', 'Sign off checklist'],
  },
  {
    name: 'thermographic survey',
    team: 'Electrical',
    steps: ['Open panels under permit', 'Scan terminals and breakers', 'Record hot spots', 'Close panels'],
  },
  {
    name: 'oil sampling',
    team: 'Lubrication',
    steps: ['Take oil sample at running temperature', 'Label and send sample to lab', 'Top up oil level'],
  },
];

export interface PmFrequency {
  /** Adjective used in plan titles ("Monthly lubrication – …"). */
  label: string;
  interval: string;
  recurring: 'days' | 'weeks' | 'months';
  periodDays: number;
}

export const pmFrequencies: readonly PmFrequency[] = [
  { label: 'Weekly', interval: '1', recurring: 'weeks', periodDays: 7 },
  { label: 'Fortnightly', interval: '2', recurring: 'weeks', periodDays: 14 },
  { label: 'Monthly', interval: '30', recurring: 'days', periodDays: 30 },
  { label: 'Quarterly', interval: '3', recurring: 'months', periodDays: 90 },
  { label: 'Semi-annual', interval: '6', recurring: 'months', periodDays: 180 },
  { label: 'Annual', interval: '12', recurring: 'months', periodDays: 365 },
];

/** Run-hour intervals of meter-based plans. */
export const pmRunHourIntervals: readonly number[] = [250, 500, 1000, 2000];

export const workOrderNotes: readonly string[] = [
  'Coordinate shutdown with production supervisor.',
  'Permit to work required before starting.',
  'Spare parts on order, see linked purchase order.',
  'Repeat failure, consider root cause analysis.',
  'Access requires scissor lift.',
  'Lockout/tagout required on main isolator.',
  'Reported by night shift operator.',
  'Contractor support may be needed.',
  'Check warranty status with the supplier first.',
  'Hot work permit required.',
];

export const technicianFirstNames: readonly string[] = [
  'Aisha', 'Mateo', 'Priya', 'Liam', 'Chen', 'Fatima', 'Olusegun', 'Sofia', 'Dmitri', 'Grace',
  'Hiroshi', 'Amara', 'Carlos', 'Ingrid', 'Kwame', 'Leila', 'Marek', 'Nadia', 'Omar', 'Paulina',
  'Rajesh', 'Siobhan', 'Tomás', 'Yuki', 'Zanele', 'Ahmed', 'Beatriz', 'Connor', 'Deepa', 'Emeka',
  'Freya', 'Gustavo', 'Hana', 'Ivan', 'Jamal', 'Katarzyna', 'Luca', 'Mei', 'Nikolai', 'Ravi',
  'Sven', 'Thandiwe',
];

export const technicianLastNames: readonly string[] = [
  'Okafor', 'García', 'Patel', 'Nguyen', 'Kowalski', 'Johansson', 'Haddad', 'Mensah', 'Rossi', 'Fischer',
  "O'Brien", 'Tanaka', 'Hernández', 'Petrov', 'Kim', 'Singh', 'Dubois', 'Novak', 'Adeyemi', 'Lindqvist',
  'Moreau', 'Castillo', 'Yilmaz', 'Murphy', 'Schmidt', 'Costa', 'Chowdhury', 'Nakamura', 'Brennan', 'Abubakar',
  'Sørensen', 'Walsh', 'Ferreira', 'Zhang', 'Mahlangu', 'Kaur', 'Reyes', 'Varga', 'Popescu', 'Eriksson',
  'Hughes', 'Osei',
];

/** Office staff with a user account but no technician record, one entry per person. */
export const officeRoles: readonly string[] = [
  'Maintenance Manager',
  'Maintenance Supervisor',
  'Maintenance Supervisor',
  'Maintenance Planner',
  'Maintenance Planner',
];

/** Technician roles, with their share of the headcount. */
export const laborRoles: readonly (readonly ['Technician' | 'Senior Technician' | 'Planner', number])[] = [
  ['Technician', 70],
  ['Senior Technician', 22],
  ['Planner', 8],
];

export type CriticalityLevel = 'Low' | 'Medium' | 'High';
export type Severity = CriticalityLevel | 'Critical';

/** How critical equipment is, with its share of the asset register. */
export const criticalityWeights: readonly (readonly [CriticalityLevel, number])[] = [
  ['Low', 30],
  ['Medium', 50],
  ['High', 20],
];

/** Severities of planned and corrective work, with their shares. */
export const routineSeverityWeights: readonly (readonly [Severity, number])[] = [
  ['Low', 25],
  ['Medium', 45],
  ['High', 22],
  ['Critical', 8],
];

/** Severities of breakdowns, which skew high. */
export const breakdownSeverityWeights: readonly (readonly [Severity, number])[] = [
  ['Low', 5],
  ['Medium', 30],
  ['High', 45],
  ['Critical', 20],
];

/** Estimated hours of a job, as the spec's estimatedTime string. */
export const estimatedHours: readonly string[] = ['0.5', '1', '1.5', '2', '2.5', '3', '4', '6', '8'];
