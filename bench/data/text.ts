// English-like text from a fixed vocabulary. Real words come first in frequency order, so full-text
// searches for common words ("government", "election") match many articles and invented words in
// the tail match few, giving benchmarks both broad and selective queries.
import { Rng, ZipfSampler } from './prng.js';

// Most frequent first; most are English stop words, which to_tsvector drops, as it would in real copy.
const FUNCTION_WORDS = `the of and to a in that is was for on with as by at from it his her their said has
have had be been are were will would not but an this which or after over more than who its into about also
they he she we there when could other some what all one two new first last up out only can against before`.split(/\s+/);

// News vocabulary; the first ones are the most common. Keep "government" and its peers near the top.
const NEWS_WORDS = `government election war minister president parliament vote policy country people year officials
security military state economy party leader talks deal crisis forces police court law campaign week month
support attack border troops ceasefire sanctions inflation market bank trade tax budget health climate energy
oil gas prices workers union strike protest city region capital report peace agreement foreign national
international public prime opposition coalition reform rights refugees aid conflict army defence navy missile
drone strikes negotiations summit alliance diplomats embassy treaty allies rebels militants insurgents regime
junta coup democracy voters ballot polls candidate senate congress legislation bill spending debt growth
recession jobs unemployment wages housing schools hospitals doctors patients vaccine pandemic emissions
drought floods wildfire storm farmers food supply exports imports tariffs industry companies investors shares
profits chief executive board regulators inquiry investigation prosecutors judge trial verdict prison
sentence charges corruption scandal resignation cabinet spokesman statement interview analysis according
announced warned expected agreed rejected demanded accused denied confirmed reported killed wounded arrested
injured civilians children women families residents communities villages province district territory
occupation withdrawal invasion offensive frontline artillery weapons ammunition nuclear enrichment
inspectors espionage surveillance technology internet platforms data privacy artificial intelligence
research scientists university students teachers culture festival museum film music season match team
players coach championship league tournament record history plan strategy decision pressure response
future risk threat concern issue question challenge effort programme measures funding project agency
council committee ministry department administration authorities leadership members million billion percent`.split(/\s+/);

const PLACES = `Ukraine Russia China Europe Africa Israel Gaza Iran Syria Iraq Turkey India Pakistan Brazil Mexico
Washington Brussels London Paris Berlin Moscow Beijing Kyiv Tehran Cairo Nairobi Lagos Bamako Niamey Sahel
Mali Niger Sudan Ethiopia Somalia Yemen Lebanon Taiwan Japan Korea Canada Australia Germany France Britain
Poland Hungary Italy Spain Greece Venezuela Colombia Argentina Chile Nigeria Kenya Congo Libya Tunisia Algeria`.split(/\s+/);

const ONSETS = [
  'b',
  'br',
  'c',
  'ch',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 'nd', 'st', 'rt', 'ng'];

export const VOCABULARY_SIZE = 4000;

// Fixed, not derived from --seed: every dataset shares one vocabulary, so a benchmark query for a
// rare word means the same thing whatever seed built the data.
const VOCABULARY_SEED = 0x5eed_0001;

function buildVocabulary(): string[] {
  const words = [...FUNCTION_WORDS, ...NEWS_WORDS, ...PLACES];
  const seen = new Set(words.map((word) => word.toLowerCase()));
  // A duplicate would shift NEWS_WORD_RANGE and change every dataset silently.
  if (seen.size !== words.length) throw new Error('The curated word lists contain a duplicate');
  const rng = new Rng(VOCABULARY_SEED);
  while (words.length < VOCABULARY_SIZE) {
    const syllables = rng.int(2, 3);
    let word = '';
    for (let i = 0; i < syllables; i++)
      word += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

export const VOCABULARY: readonly string[] = buildVocabulary();
export const FIRST_CONTENT_WORD = FUNCTION_WORDS.length;
/** Vocabulary indexes of real news words, for tag and series names. */
export const NEWS_WORD_RANGE = { start: FUNCTION_WORDS.length, end: FUNCTION_WORDS.length + NEWS_WORDS.length } as const;

// s = 1 is the classic Zipf law of word frequencies in natural language.
const wordSampler = new ZipfSampler(VOCABULARY.length, 1);
// Headlines and names lean on content words, so skip the function words when drawing those.
const contentSampler = new ZipfSampler(VOCABULARY.length - FIRST_CONTENT_WORD, 0.9);

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class TextGenerator {
  constructor(private readonly rng: Rng) {}

  word(): string {
    return VOCABULARY[wordSampler.sample(this.rng)];
  }

  contentWord(): string {
    return VOCABULARY[FIRST_CONTENT_WORD + contentSampler.sample(this.rng)];
  }

  /** Words of a sentence, comma-separated now and then, capitalised and closed with a full stop. */
  sentence(minWords = 8, maxWords = 24): string {
    const count = this.rng.int(minWords, maxWords);
    const words = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      const word = this.word();
      words[i] = i < count - 2 && this.rng.chance(0.06) ? `${word},` : word;
    }
    return `${capitalise(words.join(' '))}${this.rng.chance(0.03) ? '?' : '.'}`;
  }

  paragraph(minSentences = 2, maxSentences = 5): string {
    const count = this.rng.int(minSentences, maxSentences);
    const sentences = new Array<string>(count);
    for (let i = 0; i < count; i++) sentences[i] = this.sentence();
    return sentences.join(' ');
  }

  /** Sentence-case phrase without a full stop, for headlines and headings. */
  title(minWords: number, maxWords: number): string {
    const count = this.rng.int(minWords, maxWords);
    const words = new Array<string>(count);
    for (let i = 0; i < count; i++) words[i] = this.rng.chance(0.25) ? this.word() : this.contentWord();
    return capitalise(words.join(' '));
  }
}
