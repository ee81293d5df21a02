import type { PlantData, PlantSizes } from './plant-data';
import { generateAssets, generateMeters } from './plant-asset-generator';
import { generateAssetDowntimes } from './plant-downtime-generator';
import { PlantGeneration } from './plant-generation';
import { generateLabors, generateSitesAndLocations, generateStatuses, generateTeams, generateUsers } from './plant-organisation-generator';
import { generatePmPlans, settlePmSchedules } from './plant-pm-generator';
import { generateServiceRequests } from './plant-service-request-generator';
import { generateMaterialsAndInventories, generatePurchaseOrders, generateStocks, generateVendors } from './plant-stores-generator';
import { generateWorkOrderMaterials, generateWorkOrders } from './plant-work-order-generator';

function checkSizes(sizes: PlantSizes): void {
  for (const [name, value] of Object.entries(sizes)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`Plant size "${name}" must be a non-negative integer, not ${value}.`);
  }
  if (sizes.assets > 0 && sizes.sites === 0) throw new RangeError('A plant with assets needs at least one site.');
  if ((sizes.workOrders > 0 || sizes.pmPlans > 0) && sizes.assets === 0) throw new RangeError('Work orders and PM plans need at least one asset.');
  if (sizes.purchaseOrders > 0 && (sizes.parts === 0 || sizes.sites === 0)) throw new RangeError('Purchase orders need at least one part and one site.');
  if (sizes.serviceRequests > 0 && sizes.assets === 0) throw new RangeError('Service requests need at least one asset.');
}

/**
 * The demo plant's records. Deterministic: the same seed, sizes and epoch (the plant's "now",
 * which every date is relative to) always give deep-equal data.
 *
 * Each entity family is built in turn, later ones looking earlier ones up through the indexes of
 * the PlantGeneration. The order is part of what a seed means: every step draws from one random
 * stream, so moving a step changes every record after it. Families added after plants were first
 * saved come after the rest, each from a stream of its own, so that none before them changes.
 */
export function generatePlant(seed: number, sizes: PlantSizes, epochMs: number): PlantData {
  checkSizes(sizes);
  const plant = new PlantGeneration(seed, sizes, epochMs);
  generateSitesAndLocations(plant);
  generateTeams(plant);
  generateStatuses(plant);
  generateLabors(plant);
  generateAssets(plant);
  generatePmPlans(plant);
  generateWorkOrders(plant);
  generateVendors(plant);
  generateMaterialsAndInventories(plant);
  generatePurchaseOrders(plant);
  plant.startLaterStream();
  generateUsers(plant);
  generateMeters(plant);
  generateStocks(plant);
  generateWorkOrderMaterials(plant);
  settlePmSchedules(plant);
  generateServiceRequests(plant);
  generateAssetDowntimes(plant);
  return plant.data;
}
