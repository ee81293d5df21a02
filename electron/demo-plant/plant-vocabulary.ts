/**
 * Words the demo plant is made of. Every name here is fictional; the vocabulary only has to read
 * like a real maintenance department's data so that boards, filters and searches look plausible.
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

export const vendorNames: readonly string[] = [
  'Apex Bearing & Transmission Supply',
  'Northline Industrial Supply',
  'Summit Hydraulics Ltd',
  'Ridgeway Electrical Wholesale',
  'Precision Seal Co.',
  'Keystone Fasteners',
  'Bluewater Pump Services',
  'Cascade Filtration Systems',
  'Ironbridge Motor Rewinds',
  'Delta Pneumatics',
  'Meridian Instrumentation',
  'Granite Safety Products',
  'Harbor Lubricants',
  'Sterling Power Transmission',
  'Pinnacle Automation Parts',
  'Westfield Steel Stockholders',
  'Crestline Conveyor Components',
  'Evergreen Facility Services',
  'Falcon Compressor Parts',
  'Titan Gearbox Services',
  'Horizon Controls',
  'Redwood Industrial Chemicals',
  'Copperfield Cable & Wire',
  'Silverline Tools',
  'Broadway HVAC Supply',
  'Lakeside Packaging Spares',
  'Oakridge Valves & Fittings',
  'Quantum Sensors Ltd',
  'Beacon Boiler Services',
  'Union Belting Company',
];

/** Manufacturers printed on spare parts (distinct from the suppliers who sell them). */
export const partManufacturers: readonly string[] = [
  'Nordwell',
  'Kaltek',
  'Vogt & Hansen',
  'Marlow Industrial',
  'Tessaro',
  'Cobalt Components',
  'Ostrava Precision',
  'Fenwick Engineering',
  'Sakura Seiki',
  'Pioneer Fluid Power',
  'Helvetic Motion',
  'Ambervale',
];

export interface PartFamily {
  /** Part names are "<family> <variant>", e.g. "Deep groove ball bearing 6205-2RS". */
  family: string;
  variants: readonly string[];
  category: string;
  unit: string;
  /** Typical unit price range in whole currency units. */
  price: readonly [number, number];
}

export const partFamilies: readonly PartFamily[] = [
  { family: 'Deep groove ball bearing', variants: ['6204-2RS', '6205-2RS', '6206-2RS', '6207-2RS', '6305-ZZ', '6308-ZZ'], category: 'Bearings', unit: 'each', price: [8, 45] },
  { family: 'Spherical roller bearing', variants: ['22210 E', '22214 E', '22218 E'], category: 'Bearings', unit: 'each', price: [90, 400] },
  { family: 'Pillow block bearing', variants: ['UCP205', 'UCP208', 'UCP210'], category: 'Bearings', unit: 'each', price: [25, 90] },
  { family: 'V-belt', variants: ['SPZ 1250', 'SPZ 1400', 'SPA 1600', 'SPB 2000', 'SPB 2240', 'XPZ 1180'], category: 'Belts & chains', unit: 'each', price: [9, 40] },
  { family: 'Timing belt', variants: ['HTD 8M-1200-30', 'HTD 5M-800-15', 'T10-1010'], category: 'Belts & chains', unit: 'each', price: [30, 140] },
  { family: 'Roller chain', variants: ['08B-1 5 m', '10B-1 5 m', '12B-2 5 m'], category: 'Belts & chains', unit: 'box', price: [45, 220] },
  { family: 'Conveyor belt lacing kit', variants: ['600 mm', '800 mm', '1000 mm'], category: 'Conveyor parts', unit: 'kit', price: [60, 180] },
  { family: 'Conveyor idler roller', variants: ['89 x 600', '108 x 750', '133 x 950'], category: 'Conveyor parts', unit: 'each', price: [35, 120] },
  { family: 'Hydraulic filter element', variants: ['3µm', '10µm', '25µm'], category: 'Filters', unit: 'each', price: [30, 110] },
  { family: 'Compressor air filter cartridge', variants: ['AF-120', 'AF-240', 'AF-480'], category: 'Filters', unit: 'each', price: [40, 160] },
  { family: 'Compressor oil separator', variants: ['OS-55', 'OS-90'], category: 'Filters', unit: 'each', price: [120, 380] },
  { family: 'AHU panel filter G4', variants: ['592 x 592', '592 x 287', '490 x 592'], category: 'Filters', unit: 'each', price: [6, 25] },
  { family: 'Mechanical seal', variants: ['25 mm', '35 mm', '45 mm', '55 mm'], category: 'Seals & gaskets', unit: 'each', price: [80, 450] },
  { family: 'O-ring kit', variants: ['NBR metric', 'Viton metric', 'EPDM metric'], category: 'Seals & gaskets', unit: 'kit', price: [25, 95] },
  { family: 'Spiral wound gasket', variants: ['DN50 PN16', 'DN80 PN16', 'DN100 PN40'], category: 'Seals & gaskets', unit: 'each', price: [8, 40] },
  { family: 'Compressed fibre gasket sheet', variants: ['1.5 mm', '3 mm'], category: 'Seals & gaskets', unit: 'sheet', price: [45, 120] },
  { family: 'Jaw coupling spider', variants: ['L-075', 'L-100', 'L-110', 'L-150'], category: 'Power transmission', unit: 'each', price: [6, 35] },
  { family: 'Gear coupling sleeve', variants: ['Size 1', 'Size 2', 'Size 3'], category: 'Power transmission', unit: 'each', price: [110, 340] },
  { family: 'Gearbox oil ISO VG 220', variants: ['20 L', '208 L drum'], category: 'Lubricants', unit: 'container', price: [90, 900] },
  { family: 'Synthetic gear oil ISO VG 460', variants: ['20 L', '208 L drum'], category: 'Lubricants', unit: 'container', price: [160, 1500] },
  { family: 'Hydraulic oil ISO VG 46', variants: ['20 L', '208 L drum'], category: 'Lubricants', unit: 'container', price: [70, 700] },
  { family: 'Multipurpose grease EP2', variants: ['400 g cartridge', '18 kg pail'], category: 'Lubricants', unit: 'container', price: [6, 140] },
  { family: 'Compressor oil', variants: ['5 L', '20 L'], category: 'Lubricants', unit: 'container', price: [45, 210] },
  { family: 'Pressure transmitter', variants: ['0–10 bar', '0–16 bar', '0–25 bar'], category: 'Instrumentation', unit: 'each', price: [220, 650] },
  { family: 'PT100 temperature sensor', variants: ['100 mm', '150 mm', '250 mm'], category: 'Instrumentation', unit: 'each', price: [45, 160] },
  { family: 'Inductive proximity sensor', variants: ['M12 PNP', 'M18 PNP', 'M30 PNP'], category: 'Instrumentation', unit: 'each', price: [25, 90] },
  { family: 'Photoelectric sensor', variants: ['diffuse', 'retro-reflective', 'through-beam pair'], category: 'Instrumentation', unit: 'each', price: [40, 180] },
  { family: 'Pressure gauge', variants: ['0–10 bar 63 mm', '0–16 bar 100 mm'], category: 'Instrumentation', unit: 'each', price: [15, 60] },
  { family: 'Limit switch', variants: ['roller lever', 'plunger', 'adjustable rod'], category: 'Electrical', unit: 'each', price: [30, 95] },
  { family: 'Contactor', variants: ['9 A 24 VDC', '18 A 230 VAC', '32 A 230 VAC'], category: 'Electrical', unit: 'each', price: [35, 160] },
  { family: 'Motor protection circuit breaker', variants: ['1–1.6 A', '4–6.3 A', '9–14 A'], category: 'Electrical', unit: 'each', price: [60, 140] },
  { family: 'Three-phase induction motor', variants: ['0.75 kW', '2.2 kW', '5.5 kW', '11 kW'], category: 'Electrical', unit: 'each', price: [180, 1400] },
  { family: 'Frequency inverter', variants: ['2.2 kW', '7.5 kW', '15 kW'], category: 'Electrical', unit: 'each', price: [350, 2100] },
  { family: 'Fuse gG', variants: ['10 A pack of 10', '16 A pack of 10', '32 A pack of 10'], category: 'Electrical', unit: 'pack', price: [12, 45] },
  { family: 'Control relay', variants: ['24 VDC 2CO', '230 VAC 4CO'], category: 'Electrical', unit: 'each', price: [9, 35] },
  { family: 'Solenoid valve', variants: ['1/4" 24 VDC', '1/2" 24 VDC', '1" 230 VAC'], category: 'Valves & fittings', unit: 'each', price: [60, 260] },
  { family: 'Ball valve', variants: ['DN15', 'DN25', 'DN50'], category: 'Valves & fittings', unit: 'each', price: [18, 140] },
  { family: 'Butterfly valve', variants: ['DN80', 'DN100', 'DN150'], category: 'Valves & fittings', unit: 'each', price: [120, 420] },
  { family: 'Thermostatic steam trap', variants: ['DN15', 'DN20'], category: 'Steam & HVAC', unit: 'each', price: [90, 210] },
  { family: 'Refrigerant R-410A', variants: ['11.3 kg cylinder'], category: 'Steam & HVAC', unit: 'cylinder', price: [180, 320] },
  { family: 'Pneumatic cylinder', variants: ['32 x 100', '50 x 200', '63 x 250'], category: 'Pneumatics & hydraulics', unit: 'each', price: [70, 260] },
  { family: 'Hydraulic hose assembly', variants: ['1/2" x 1 m', '3/4" x 2 m', '1" x 3 m'], category: 'Pneumatics & hydraulics', unit: 'each', price: [35, 150] },
  { family: 'Pump impeller', variants: ['160 mm', '200 mm', '250 mm'], category: 'Pump parts', unit: 'each', price: [240, 900] },
  { family: 'Pump wear ring set', variants: ['size A', 'size B'], category: 'Pump parts', unit: 'set', price: [60, 190] },
  { family: 'Filler valve seal kit', variants: ['12-head', '24-head'], category: 'Packaging machine parts', unit: 'kit', price: [140, 480] },
  { family: 'Labeler glue pump', variants: ['standard', 'high viscosity'], category: 'Packaging machine parts', unit: 'each', price: [380, 950] },
];

/** Opening words of purchase-order titles. */
export const purchasePurposes: readonly string[] = [
  'Stock replenishment',
  'Spares for planned shutdown',
  'Breakdown spares',
  'Critical spares top-up',
  'Consumables restock',
  'Project materials',
];
