import { startDemoCaseWorker, workerGoesFirst, workerStarted } from './decks/index.js';

/**
 * The page's first script, kept small: it starts the demo-case worker with the page's query (a deep link's first case
 * is being made while the rest of the game loads and starts), then loads the game (main.ts). For a query that may be
 * such a link, the worker's script loads first; the game still shows its briefing long before that case is made.
 */
performance.mark('boot');
const query = [...new URLSearchParams(window.location.search)];
const worker = startDemoCaseWorker(query);
(workerGoesFirst(query) ? workerStarted(worker, 1500) : Promise.resolve())
  .then(() => import('./main.js'))
  .then(({ main }) => main(worker))
  .catch((e: unknown) => {
    const place = document.getElementById('screen-base') ?? document.body;
    place.textContent = `The game could not load (${e instanceof Error ? e.message : String(e)}). Reload the page; if this persists, the copy on this server is incomplete.`;
  });
