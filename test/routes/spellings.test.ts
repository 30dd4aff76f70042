// Search on the fixture with the spellings people type (test/fixtures/spellings.ts): what matches, how and in what
// order (spellings/search.ts), and the statistics of a search (search-stats.ts). One process and one app for both.
import './spellings/search.js';
import './spellings/search-stats.js';
