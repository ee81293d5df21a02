/**
 * Words the demo plant's stores and purchasing are made of: suppliers, part makers and spare
 * parts. Every name here is fictional (see plant-vocabulary.ts for the rest of the plant).
 */
import type { CriticalityLevel } from './plant-vocabulary';

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

/** How critical spare parts are, with their share of the catalogue. */
export const partCriticalityWeights: readonly (readonly [CriticalityLevel, number])[] = [
  ['Low', 45],
  ['Medium', 40],
  ['High', 15],
];
