// Folding of scripts and transliteration schemes to one skeleton, and the word matching built on it.
import t from 'tap';
import {
  editDistance,
  foldText,
  nearest,
  normalizeArticle,
  queryWords,
  wordMatch,
  wordsOf,
} from '../../src/text/fold.js';

t.test('one skeleton for the spellings of a name', async (t) => {
  const same: string[][] = [
    ['Vokhidzoda', 'Vohidzoda', 'Вохидзода'], // kh / h, Tajik Cyrillic
    ['Pervomaysky', 'Pervomaisky', 'Pervomayskiy', 'Первомайский'], // y / i / iy
    ['Bekobod', 'Bekabad', 'Бекабад', 'Бекобод'], // Uzbek o / Russian a
    ["Qo'shtepa", 'Qoʻshtepa', 'Qo‘shtepa', 'Qoshtepa', 'Қўштепа'], // apostrophes and modifier letters, q / к
    ['Zhanaozen', 'Janaozen', 'Жанаозен'], // zh / j
    ['Dzhalal-Abad', 'Jalal-Abad', 'Джалал-Абад'], // dzh / j
    ['Xolmatov', 'Kholmatov', 'Холматов', 'Ҳолматов'], // x / kh / Uzbek ҳ
    ['Şahin', 'Shahin', 'Шахин'], // ş / sh
    ['Кубанычбек уулу', 'Kubanychbek uulu', 'Kubanychbekuulu'], // uulu apart or together
    ['Ғайратов', "G'ayratov", 'Gayratov'], // Uzbek ғ / g'
    ['Өмүрбеков', 'Ömürbekov', 'Omurbekov'], // Kyrgyz ө ү
  ];
  for (const group of same) {
    const folded = group.map(foldText);
    t.same(new Set(folded).size, 1, `${group.join(' = ')} -> ${folded.join(' | ')}`);
  }
  t.not(foldText('Osh'), foldText('Ush'), 'different names stay apart');
});

t.test('words, query words and matches', async (t) => {
  const words = wordsOf('Askar Kubanychbek uulu, Pervomaisky District Court');
  t.same(
    words.map((w) => [w.text, w.start, w.end]),
    [
      ['Askar', 0, 5],
      ['Kubanychbek', 6, 17],
      ['uulu', 18, 22],
      ['Pervomaisky', 24, 35],
      ['District', 36, 44],
      ['Court', 45, 50],
    ],
  );
  t.same(queryWords('Kubanychbekuulu, Первомайский!'), ['kubanichbek', 'ulu', 'pervamaiski']);
  const kub = words[1]!;
  t.equal(wordMatch({ raw: 'kubanychbek', folded: foldText('kubanychbek') }, kub), 'exact');
  t.equal(wordMatch({ raw: 'кубанычбек', folded: foldText('кубанычбек') }, kub), 'folded');
  t.equal(wordMatch({ raw: 'kuban', folded: foldText('kuban') }, kub), 'prefix');
  t.equal(wordMatch({ raw: 'kubanychbak', folded: foldText('kubanychbak') }, kub), 'fuzzy');
  t.equal(wordMatch({ raw: 'court', folded: foldText('court') }, kub), undefined);
  t.equal(editDistance('kashtepa', 'kushtepa'), 1);
  t.equal(editDistance('abc', 'xyzabc', 2), 3, 'bounded');
});

t.test('article numbers as reports write them, and the nearest valid values', async (t) => {
  t.same(
    ['401¹', '401′', "401'", '401.1', '401-1', '154 ¹'].map(normalizeArticle),
    Array(6).fill('401-1').slice(0, 5).concat('154-1'),
  );
  t.same(nearest('recrutment', ['recruitment', 'training', 'financing']), ['recruitment']);
  t.same(nearest('wagner', ['wagner-group', 'russia-armed-forces']), ['wagner-group']);
  t.same(nearest('zzzz', ['recruitment', 'training']), []);
});
