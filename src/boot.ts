import { startDemoCaseWorker } from './decks/index.js';

/**
 * The page's first script, kept small: it starts the demo-case worker with the page's query (a deep link's first case
 * is being made while the rest of the game loads and starts), then loads the game (main.ts).
 */
performance.mark('boot');
const worker = startDemoCaseWorker([...new URLSearchParams(window.location.search)]);
import('./main.js')
  .then(({ main }) => main(worker))
  .catch((e: unknown) => {
    const place = document.getElementById('screen-base') ?? document.body;
    place.textContent = `The game could not load (${e instanceof Error ? e.message : String(e)}). Reload the page; if this persists, the copy on this server is incomplete.`;
  });
