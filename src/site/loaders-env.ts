/**
 * Set in the one process that runs every data and page loader of a build (loaders.ts): the loaders
 * then share one opening of the warehouse (dashboards/data/lib/warehouse.ts).
 */
export const LOADERS_ONE_PROCESS_ENV = "IMAGINECOLE_LOADERS_ONE_PROCESS";
