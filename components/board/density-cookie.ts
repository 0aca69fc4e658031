// The card density cookie, shared by the server page (which renders the chosen density at once,
// with no flash) and the client switch (which writes it).

export const BOARD_DENSITIES = ['standard', 'compact'] as const;
export type BoardDensity = (typeof BOARD_DENSITIES)[number];
export const DENSITY_COOKIE = 'board-density';

export const parseDensity = (value: string | undefined): BoardDensity => (value === 'compact' ? 'compact' : 'standard');
