// Pinned facts of the real data/, so that an accidental edit of a record fails: the seed documents' cases and a
// sample of penalties (facts/seed.ts), then the records of each data round per country (facts/kg.ts, kz.ts, tj.ts,
// uz.ts) and the foreign forces (facts/forces.ts). Each value was checked against the source the record cites; change
// it only with a new source. One process and one load of the YAML for all of them.
import './facts/seed.js';
import './facts/forces.js';
import './facts/kg.js';
import './facts/kz.js';
import './facts/tj.js';
import './facts/uz.js';
