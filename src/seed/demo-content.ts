// Demo content for a fresh Newsdesk: one full analysis piece and the teasers around it, taken from
// the news page in the seed brief. Pure data, so it can be read by the seeder, tests and fixtures
// without a database. Slugs (and image ids) are the identities the seeder upserts by.
import type { ArticleBodyInput } from '../articles/body/article-body.schema.js';
import { toGlobalId } from '../common/global-id.js';
import type { ArticleType } from '../generated/prisma/client.js';

export interface DemoAuthor {
  slug: string;
  name: string;
  title: string;
  bio: string;
}

export interface DemoTag {
  slug: string;
  name: string;
  description: string;
}

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
  /** Display order in navigation, lowest first. */
  position: number;
}

export interface DemoSeries {
  slug: string;
  name: string;
  description: string;
}

export interface DemoImage {
  /** Fixed so re-seeding updates the same row and body blocks can point at it. */
  id: string;
  url: string;
  width: number;
  height: number;
  altText: string;
  caption: string;
  credit: string;
}

export interface DemoArticle {
  slug: string;
  headline: string;
  dek: string | null;
  /** Editor-written teaser; null lets the API derive one from the body. */
  teaser: string | null;
  type: ArticleType;
  sectionSlug: string;
  seriesSlug: string | null;
  featuredImageId: string | null;
  publishedAt: Date;
  /** In byline order. */
  authorSlugs: string[];
  /** In editor order. */
  tagSlugs: string[];
  body: ArticleBodyInput;
}

export interface DemoContent {
  authors: DemoAuthor[];
  tags: DemoTag[];
  sections: DemoSection[];
  series: DemoSeries[];
  images: DemoImage[];
  articles: DemoArticle[];
}

export const staffAuthor: DemoAuthor = {
  slug: 'staff',
  name: 'Staff',
  title: 'Newsdesk staff',
  bio: 'Reporting and analysis by the Newsdesk editorial team.',
};

export const demoTags: DemoTag[] = [
  { slug: 'mali', name: 'mali', description: 'Coverage of Mali and the wider Sahel.' },
  { slug: 'ukraine-war', name: 'ukraine war', description: 'The war in Ukraine and the diplomacy around it.' },
  { slug: 'election-2024', name: 'election 2024', description: 'The 2024 US elections and their foreign policy stakes.' },
  { slug: 'middle-east', name: 'middle east', description: 'Conflict, diplomacy and US policy in the Middle East.' },
];

export const demoSections: DemoSection[] = [
  { slug: 'africa', name: 'Africa', description: 'News and analysis from across the African continent.', position: 1 },
  { slug: 'europe', name: 'Europe', description: 'Europe, Russia and the war in Ukraine.', position: 2 },
  {
    slug: 'middle-east',
    name: 'Middle East',
    description: 'The Middle East, the Gulf and US policy in the region.',
    position: 3,
  },
];

export const demoSeries: DemoSeries[] = [
  {
    slug: 'diplomacy-watch',
    name: 'Diplomacy Watch',
    description: 'A weekly round-up of the diplomatic efforts to end the war in Ukraine.',
  },
  { slug: 'qiosk', name: 'QiOSK', description: 'Short takes on the day’s foreign policy news.' },
];

export const aesSummitImage: DemoImage = {
  id: '01920b6e-4a00-7c3e-9d61-2f5a8b7c0d01',
  url: 'https://images.example.com/2024/07/aes-summit-niamey.jpg',
  width: 1200,
  height: 800,
  altText: 'The leaders of Mali, Niger and Burkina Faso standing together at a summit in Niamey',
  caption:
    'Heads of state of Mali, Assimi Goita, Niger, General Abdourahamane Tiani and Burkina Faso, Captain Ibrahim Traore, pose for photographs during the first ordinary summit of heads of state and governments of the Alliance of Sahel States (AES) in Niamey, Niger July 6, 2024.',
  credit: 'REUTERS/Mahamadou Hamidou//File Photo',
};

export const ashkelonIronDomeImage: DemoImage = {
  id: '01924a1c-3e00-7a52-8b10-6c2d9e4f0a02',
  url: 'https://images.example.com/2024/10/iron-dome-ashkelon.jpg',
  width: 1200,
  height: 800,
  altText: 'Interceptor missiles streak across the night sky above Ashkelon',
  caption:
    "Israel's Iron Dome anti-missile system intercepts rockets after Iran fired a salvo of ballistic missiles, as seen from Ashkelon, Israel, October 1, 2024",
  credit: 'REUTERS/Amir Cohen TPX',
};

export const abrahamLincolnImage: DemoImage = {
  id: '01922bd8-5c00-7e94-a3f7-1b8e5d2c0f03',
  url: 'https://images.example.com/2024/09/uss-abraham-lincoln-replenishment.jpg',
  width: 1200,
  height: 800,
  altText: 'The aircraft carrier USS Abraham Lincoln sailing alongside a supply ship at sea',
  caption:
    'The aircraft carrier USS Abraham Lincoln (CVN 72) approaches the fast combat support ship USNS Arctic (T-AOE 8) for a replenishment-at-sea. September 12, 2019.',
  credit: 'U.S. Navy photo by Mass Communication Specialist 3rd Class Tristan Kyle Labuguen/Released',
};

function paragraphs(...texts: string[]): ArticleBodyInput {
  return texts.map((text) => ({ type: 'paragraph' as const, text }));
}

// A reference to the media library image, by its public id: caption, credit, alt text and size come
// from the image row when the body is rendered.
function imageBlock(image: DemoImage): ArticleBodyInput[number] {
  return { type: 'image', imageId: toGlobalId('Image', image.id) };
}

const maliParagraphs = [
  'On September 17, the al-Qaida affiliate Jama‘at Nusrat al-Islam wa-l-Muslimin (the Group for Supporting Islam and Muslims, or JNIM) humiliated Mali’s military-run government by attacking a police training school in the capital Bamako, as well as the country’s national airport.',
  'The death toll remains unclear, as the country’s authorities seem to be deliberately refusing to give a specific number, but it appears that at least 77 people were killed. This attack is the clearest demonstration yet of the junta’s failure, after four years in power, to make good on its promise of securing the country.',
  'Although who could secure Mali? The Malian state, both under civilian presidents of the past and now under military authorities, has been skeletal. Since the rebellion of 1990, whenever authorities have been confronted with a major rebellion, they have not been able to enforce peace; authorities have adopted strategies ranging from formal negotiations, selective crackdowns, acquiescing to foreign deployments or, in various ways, dissembling and gaslighting.',
  'France thought, from 2013 through the coup of 2020, that it had jihadists on the run, but insecurity worsened and France’s welcome evaporated. Since taking power, the current junta has combined crackdowns and gaslighting. Some rebels and communities are subjected to drone strikes and/or massacres, while other conflict zones are left to fester — all while the authorities use a tightly controlled media environment to blanket Bamako, in particular, with a kind of alternate reality.',
  'JNIM’s attack was so devastating to the junta not just because it claimed lives and disrupted institutions, but also because it trashed the narrative, and did so in the storyteller’s own house.',
  'If the junta represents a dead end for Mali, that does not mean a change is coming any time soon. Political space is tightly controlled, the military has the support of Russia as well as the enthusiastic camaraderie of two junta-run neighbors, Niger and Burkina Faso, and even a brazen attack on the capital is unlikely to dislodge President Assimi Goïta and his clique.',
  'Washington has three broad paths available to it, with each requiring considerable patience. First, Washington can hope that eventually it will once again have a viable counterterrorism partner in Bamako, whether in the form of a matured and chastened form of the junta, or in the form of a successor, civilian-led government. This would be a pitiable outcome, especially if a sham election and a little remorse prove sufficient to bring Bamako, somewhere down the line, back into Washington’s good graces without any underlying substantive change in governance.',
  'Second, Washington can try to contain the instability in Mali — and in neighboring Burkina Faso and Niger. This represents more or less the current approach, as Washington (and Paris) turn to the coastal West African countries of Cote d’Ivoire, Ghana, Togo, and Benin as new partners and potential sites for drone bases and more. Attempting to fashion the coastal countries into “bulwarks against extremism,” however, risks repeating past mistakes, creating self-fulfilling prophecies (for example, by encouraging governments to target and tar various communities as extremists), and/or distorting domestic politics by pumping money into unaccountable security forces and looking the other way at civilians’ abuses of office.',
  'Third, Washington can quietly put itself forward as encouraging negotiations and de-escalation. It would be worth leaving the door open to the governments in Bamako, Ouagadougou, and Niamey, not to rush back in with counterterrorism dollars at the first hint of a welcome, but to urge the juntas to consider talking with their enemies.',
  'Peace deals with conventional rebels can be frustrating, flawed, and prone to years of wrangling — by all sides, as the ill-fated Algiers Accord (a peace deal for northern Mali) proved from 2015-2024. Yet such peace deals can tamp down tensions and offer a sliver of hope for durable and meaningful resolution of deep tensions between national capitals and aggrieved communities.',
  'Peace deals with jihadists, meanwhile, are even harder to countenance — yet the alternative appears to be endless war between, again, tenacious insurgents and skeletal states. In such wars, the insurgents cannot ever hope to control national capitals, as the international state system has even less room for a JNIM-run Mali than it does for a Taliban-run Afghanistan. Yet neither can the juntas (or the civilians who preceded them and who may eventually succeed them) hope to defeat JNIM and its peers; the resources are too limited, the territories too vast, the terrain for recruitment too favorable, especially as each ruler’s mistakes compound those of his predecessor.',
  'The tragedy for Mali, Burkina Faso, and Niger appears to be that there is no apparent limit to how bad the conflict can get. Deaths have soared, particularly in Mali and Burkina Faso; insurgencies expand by fits and starts, and the authorities enflame the situation in various ways: empowering paramilitaries only to get them killed, reigniting old conflicts alongside new ones, and frittering away precious time and resources in diplomatic squabbles.',
  'The most promising and realistic way out appears to lie not in the bravado of the juntas somehow magically turning the tide, nor in the hope that popular protests will oust juntas and bring in benevolent civilians, nor yet in the vague idea that there is a one-size-fits-all formula for “counterinsurgency” and “good governance” that could be cooked up in a World Bank conference room or a USAID mission.',
  'Rather, someone in Bamako, Ouagadougou, and Niamey will have to, as many who sat in presidential palaces before them did, cut deals with the guys with guns. Otherwise the region will remain caught between the insurgents who won’t quit and the soldiers who can’t win.',
];

// The photo sits after the scene-setting paragraphs, where a print layout would break the column.
const MALI_IMAGE_AFTER_PARAGRAPH = 3;

export const maliArticle: DemoArticle = {
  slug: 'how-the-us-should-respond-to-malis-descent-into-chaos',
  headline: 'How the US should respond to Mali’s descent into chaos',
  dek: 'An al-Qaida linked group’s recent attacks punt stability further down the road',
  teaser: null,
  type: 'ANALYSIS',
  sectionSlug: 'africa',
  seriesSlug: null,
  featuredImageId: aesSummitImage.id,
  publishedAt: new Date('2024-09-20T10:00:00Z'),
  authorSlugs: [staffAuthor.slug],
  tagSlugs: ['mali'],
  body: [
    ...paragraphs(...maliParagraphs.slice(0, MALI_IMAGE_AFTER_PARAGRAPH)),
    imageBlock(aesSummitImage),
    ...paragraphs(...maliParagraphs.slice(MALI_IMAGE_AFTER_PARAGRAPH)),
  ],
};

// The page shows only headlines for these, so their copy is a deliberately generic summary.
function diplomacyWatch(slug: string, headline: string, summary: string, publishedAt: string): DemoArticle {
  return {
    slug,
    headline: `Diplomacy Watch: ${headline}`,
    dek: null,
    teaser: summary,
    type: 'NEWS',
    sectionSlug: 'europe',
    seriesSlug: 'diplomacy-watch',
    featuredImageId: null,
    publishedAt: new Date(publishedAt),
    authorSlugs: [staffAuthor.slug],
    tagSlugs: ['ukraine-war'],
    body: paragraphs(summary),
  };
}

const diplomacyWatchArticles: DemoArticle[] = [
  diplomacyWatch(
    'diplomacy-watch-a-peace-summit-without-russia',
    'A peace summit without Russia',
    'This week’s round-up looks at an international peace summit on the war in Ukraine held without Russia at the table, and at what a conference with only one of the warring parties can achieve.',
    '2024-09-06T16:00:00Z',
  ),
  diplomacyWatch(
    'diplomacy-watch-moscow-bails-on-limited-ceasefire-talks',
    'Moscow bails on limited ceasefire talks',
    'This week’s round-up looks at Moscow stepping back from talks on a limited ceasefire in Ukraine, and at what the setback means for efforts to open a path to wider negotiations.',
    '2024-09-13T16:00:00Z',
  ),
  diplomacyWatch(
    'diplomacy-watch-russia-capitalizing-on-battlefield-surge',
    'Russia capitalizing on battlefield surge',
    'This week’s round-up looks at how Russia is trying to turn recent gains on the battlefield into diplomatic leverage, and at how the shifting front line is shaping talk of negotiations.',
    '2024-10-04T16:00:00Z',
  ),
];

const russiaBudgetParagraphs = [
  'Russian President Vladimir Putin wants to increase the size of Russia’s military even while it’s seeing regular successes on the battlefield. These developments are leading some in the Ukrainian military and civilians alike to become more open to the idea of talks aimed at ending the war.',
  'The Kremlin is currently negotiating a new military budget proposal of upwards of $145 billion which would mean that, if signed into law, Russia’s 2025 defense spending would grow to 32.5% of the budget, a 4.2% increase from this year’s spending.',
];

const russiaBudgetArticle: DemoArticle = {
  slug: 'russias-military-budget-to-grow-as-putin-eyes-bigger-army',
  headline: 'Russia’s military budget to grow as Putin eyes bigger army',
  dek: null,
  teaser: russiaBudgetParagraphs[0],
  type: 'BRIEF',
  sectionSlug: 'europe',
  seriesSlug: 'qiosk',
  featuredImageId: null,
  publishedAt: new Date('2024-09-24T12:00:00Z'),
  authorSlugs: [staffAuthor.slug],
  tagSlugs: ['ukraine-war'],
  body: paragraphs(...russiaBudgetParagraphs),
};

const iranBidenParagraphs = [
  'Today, Iran launched a massive missile attack against Israel, which Tehran billed as a response to Israel’s recent assassinations of leaders of the IRGC, Hezbollah and Hamas. Israel now appears to be mulling a retaliation in turn that could push the sides into all-out war.',
  'When Israel and Iran narrowly avoided a full-blown conflict in April, I warned that we shouldn’t let Biden’s help in averting escalation overshadow his broader, strategic failure to prevent such a dangerous moment from ever arising. Had the U.S. used its considerable leverage with Israel to end its war in Gaza, the region would not have found itself on the edge of a disastrous war in April; six months later, the Middle East is back at the brink of disaster.',
];

const iranBidenArticle: DemoArticle = {
  slug: 'iran-bombs-israel-but-buck-stops-with-biden',
  headline: 'Iran bombs Israel, but buck stops with Biden',
  dek: null,
  teaser: iranBidenParagraphs[0],
  type: 'OPINION',
  sectionSlug: 'middle-east',
  seriesSlug: null,
  featuredImageId: ashkelonIronDomeImage.id,
  publishedAt: new Date('2024-10-01T20:00:00Z'),
  authorSlugs: [staffAuthor.slug],
  tagSlugs: ['middle-east', 'election-2024'],
  body: paragraphs(...iranBidenParagraphs),
};

const refuelerParagraphs = [
  'A U.S. Navy oil tanker running aground off the coast of Oman isn’t a huge event. The fact that it is the only tanker to refuel American warships in a Middle East conflict zone, is.',
  'In fact, this only underscores the fragility of the Navy’s logistic systems at a time when the U.S. has chosen to lean in on an aggressive military posture when it may not have the full capacity to do so, and it may or may not be in the national interest for the Navy to be conducting these operations in the first place.',
];

const refuelerArticle: DemoArticle = {
  slug: 'disabled-refueler-exposes-fragility-of-us-mission-in-middle-east',
  headline: 'Disabled refueler exposes fragility of US mission in Middle East',
  dek: null,
  teaser: refuelerParagraphs[0],
  type: 'ANALYSIS',
  sectionSlug: 'middle-east',
  seriesSlug: null,
  featuredImageId: abrahamLincolnImage.id,
  publishedAt: new Date('2024-09-27T14:00:00Z'),
  authorSlugs: [staffAuthor.slug],
  tagSlugs: ['middle-east'],
  body: paragraphs(...refuelerParagraphs),
};

export const demoContent: DemoContent = {
  authors: [staffAuthor],
  tags: demoTags,
  sections: demoSections,
  series: demoSeries,
  images: [aesSummitImage, ashkelonIronDomeImage, abrahamLincolnImage],
  articles: [maliArticle, ...diplomacyWatchArticles, russiaBudgetArticle, iranBidenArticle, refuelerArticle],
};
