/** The pages a desktop menu item can open; the renderer shows the one named. */
export const menuCommands = ['view.board', 'view.schedule', 'view.requests', 'view.stores', 'view.purchasing', 'view.connections', 'view.history', 'view.outbox'] as const;
export type MenuCommand = (typeof menuCommands)[number];
