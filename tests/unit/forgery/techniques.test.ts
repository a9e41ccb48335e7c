import { describe } from 'vitest';
import { makeFixture } from './fixture.js';
import { pixelsWhere } from './measure.js';
import { runTechniqueProperties } from './properties.js';

const fixture = makeFixture(1);
// The laterality marker (and a 6 px border around it) must survive every local technique.
const { marker } = fixture;
const untouchable = pixelsWhere(fixture.image, (x, y) => x > marker.x0 - 6 && x < marker.x1 + 6 && y > marker.y0 - 6 && y < marker.y1 + 6);

describe('forgery techniques on the 512x512 fixture', () => {
  runTechniqueProperties({ label: 'fixture', get: () => ({ image: fixture.image, hints: fixture.hints, untouchable }) });
});
