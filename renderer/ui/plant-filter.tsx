import { useAppStore } from '../stores/app-store';

/** Chooses which plant (connection) the board and schedule show; hidden with only one. */
export function PlantFilter() {
  const connections = useAppStore((state) => state.connections);
  const filter = useAppStore((state) => state.plantFilter);
  const setFilter = useAppStore((state) => state.setPlantFilter);
  if (connections.length < 2) return null;
  return (
    <label className="plant-filter">
      Plant{' '}
      <select value={filter} onChange={(event) => setFilter(event.target.value)}>
        <option value="all">All plants</option>
        {connections.map((connection) => (
          <option key={connection.id} value={connection.id}>
            {connection.name}
            {connection.state === 'disconnected' ? ' (disconnected)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
