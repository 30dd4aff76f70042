// The real data/ as loaded from its YAML, once per test process: the facts and the answers modules read it.
import { loadDataset } from '../../src/data/load.js';

export const ds = await loadDataset('data');
