import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMentions } from './find-mentions.js';
import { isFullerName, resolveEntityKeys, resolveJoinedEntityKeys } from './resolve-entity-keys.js';
import { entityKey } from './entity-key.js';

const byText = (text: string) => findMentions(text).map((m) => [m.text, m.type, m.key, m.role]);

describe('findMentions', () => {
  it('should strip a title into role and keep the name', () => {
    const [m] = findMentions('Yesterday General Tomas Varga inspected the base.');
    expect(m).toMatchObject({
      text: 'General Tomas Varga',
      name: 'Tomas Varga',
      role: 'General',
      type: 'person',
      key: 'tomas-varga',
    });
  });

  it('should take a lower-case role with a possessive country before the name', () => {
    const mentions = findMentions("The talks ended when Freedonia's army chief Olek Brandt walked out.");
    const person = mentions.find((m) => m.type === 'person');
    expect(person).toMatchObject({ role: "Freedonia's army chief", name: 'Olek Brandt' });
  });

  it('should keep former and country in the role', () => {
    const person = findMentions('He met former US President Carl Moss in June.').find(
      (m) => m.type === 'person',
    );
    expect(person).toMatchObject({ role: 'former US President', name: 'Carl Moss', key: 'carl-mos' });
  });

  it('should map a demonym with an actor noun to its country', () => {
    const [m] = findMentions('Later Ukrainian forces pulled back from the hill.').filter((x) => x.demonym);
    expect(m).toMatchObject({ text: 'Ukrainian forces', key: 'ukraine', type: 'place', demonym: true });
  });

  it('should read a hyphenated prefix before a capitalised title into the role (ex-Vice President)', () => {
    const person = findMentions("Ada Moss, one of ex-Vice President Carl Moss's two daughters, spoke.").find(
      (m) => m.name === 'Carl Moss',
    );
    expect(person).toMatchObject({ role: 'ex-Vice President', text: 'ex-Vice President Carl Moss' });
  });

  it('should map a bare demonym and an alias to one country key', () => {
    const keys = findMentions('The British envoy met the UK delegation in Britain.').map((m) => m.key);
    expect(keys.filter((k) => k === 'united-kingdom').length).toBeGreaterThanOrEqual(2);
  });

  it('should not take hyphenated adjectives like Russian-held as mentions', () => {
    expect(findMentions('They shelled a Russian-held town.').map((m) => m.text)).toEqual([]);
  });

  it('should join a surname to the full name in the same text', () => {
    const mentions = findMentions('Senator Rosa Quill spoke first. Later Quill left the room.');
    expect(mentions.map((m) => m.key)).toEqual(['rosa-quil', 'rosa-quil']);
  });

  it('should join an acronym to its organisation in the same text', () => {
    const keys = findMentions(
      'The Northern Water Authority said on Monday that NWA engineers were ready.',
    ).map((m) => m.key);
    expect(keys).toEqual(['northern-water-authority', 'northern-water-authority']);
  });

  it('should not treat ordinary words at the start of a sentence or in headlines as names', () => {
    expect(byText('Meanwhile the talks stalled. However, nothing changed.')).toEqual([]);
    expect(byText('Markets Slide As Storm Batters Coast\n\nPrices fell.').map((m) => m[0])).toEqual([]);
  });

  it('should keep the span equal to the text slice', () => {
    const text = 'Ms. Dana Ruiz of the Grand Harbor Council met Peruvian officials in Lima on Tuesday.';
    for (const m of findMentions(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('should never throw and keep spans inside random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const m of findMentions(text)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(m.start, m.end)).toBe(m.text);
        }
      }),
    );
  });
});

describe('entityKey', () => {
  it('should fold transliteration variants to one key', () => {
    const keys = ['Borys Petrenkyy', 'Borys Petrenkiy', 'Borys Petrenky', 'Borys Petrenkii'].map(entityKey);
    expect(new Set(keys).size).toBe(1);
  });

  it('should fold accents and doubled letters, so keys are spelt with single letters', () => {
    expect(entityKey('José Müller')).toBe(entityKey('Jose Muler'));
  });
});

describe('resolveEntityKeys', () => {
  it('should join a surname across articles to the unique full name', () => {
    const a = findMentions('General Anton Velikov spoke on Monday.');
    const b = findMentions('Velikov said the line held.');
    const [, second] = resolveEntityKeys([a, b]);
    expect(second?.[0]).toMatchObject({ key: 'anton-velikov', type: 'person' });
  });

  it('should join spelling variants of a surname across articles', () => {
    const a = findMentions('President Mykola Hrynenkyy arrived.');
    const b = findMentions('Aides said Hrynenkiy was tired.');
    const [, second] = resolveEntityKeys([a, b]);
    expect(second?.find((m) => m.name === 'Hrynenkiy')?.key).toBe('mykola-hrynenky');
  });

  it('should leave an ambiguous surname apart', () => {
    const a = findMentions('Minister Lena Dorn resigned.');
    const b = findMentions('Judge Paul Dorn ruled.');
    const c = findMentions('Dorn declined to comment.');
    const [, , third] = resolveEntityKeys([a, b, c]);
    expect(third?.[0]?.key).toBe('dorn');
  });

  it('should give findMentions output the same keys without joining each article again', () => {
    const articles = [
      findMentions('NATO and the North Atlantic Treaty Organization met. Lena Dorn spoke.'),
      findMentions('Dorn said NATO would meet. Smith and John Smith agreed.'),
      findMentions('Smith declined to comment.'),
    ];
    expect(resolveJoinedEntityKeys(articles)).toEqual(resolveEntityKeys(articles));
  });

  it('should throw a TypeError on misuse', () => {
    expect(() => resolveEntityKeys('x' as never)).toThrow(TypeError);
  });

  it('should join a name to its fuller form with more given names, in an article and across articles', () => {
    const mentions = findMentions(
      'William Mark Dorn spoke on Monday. Mark Dorn had retired in 1973. Dorn said little.',
    );
    expect(new Set(mentions.map((m) => m.key))).toEqual(new Set(['wiliam-mark-dorn']));
    const across = resolveEntityKeys([
      findMentions('Mary Lena Velikov spoke.'),
      findMentions('Lena Velikov and Velikov again.'),
    ]);
    expect(new Set(across.flat().map((m) => m.key))).toEqual(new Set(['mary-lena-velikov']));
  });

  it('should keep two people apart when one name is no fuller form of the other', () => {
    const mentions = findMentions('Lena Dorn and Paul Dorn spoke. Dorn said little.');
    expect(mentions.find((m) => m.name === 'Dorn')?.key).toBe('dorn');
    expect(isFullerName('GM Theo Dorn', 'Theo Dorn')).toBe(false);
    expect(isFullerName('Mary Lena Dorn', 'Lena Dorn')).toBe(true);
  });

  it('should join a name to its form with a middle or maiden name, but not with a title in the middle', () => {
    const mentions = findMentions(
      'Hilda Rodwell Clanton spoke on Monday. Hilda Clanton had left. Clanton said little.',
    );
    expect(new Set(mentions.map((m) => m.key)).size).toBe(1);
    expect(isFullerName('Ada Quillfeather Marsh', 'Ada Marsh')).toBe(true);
    expect(isFullerName('Ada Governor Marsh', 'Ada Marsh')).toBe(false);
    expect(isFullerName('Quillfeather Ada Marsh', 'Ada Marsh')).toBe(false);
  });

  it('should read a given name before a surname that is also a place word as a person', () => {
    const [full, surname] = findMentions(
      'The report was written by Dana Hill, a lawyer. Hill declined to comment.',
    );
    expect(full).toMatchObject({ name: 'Dana Hill', type: 'person' });
    expect(surname?.key).toBe(full?.key);
    expect(findMentions('Theo Rivers arrived.')[0]?.type).toBe('person');
    expect(
      findMentions('Protesters gathered near Dana Hill.').find((m) => m.name === 'Dana Hill')?.type,
    ).toBe('place');
    expect(findMentions('Residents of Beacon Hill met.')[0]?.type).toBe('place');
    expect(findMentions('Fans crowded the George Washington Bridge.').at(-1)?.type).toBe('place');
  });

  it('should not take a pronoun with a contracted verb for a name', () => {
    const names = findMentions(
      "“I'm staying,” said Dana Hill. “We've seen worse. They’ll be back,” Hill added.",
    ).map((m) => m.name);
    expect(names).toEqual(['Dana Hill', 'Hill']);
  });

  it('should read the domain of a lower-case title ending in "of" or "for" as no person with that role', () => {
    expect(findMentions('On Monday the mayor of Farrowdale spoke.')).toMatchObject([
      { name: 'Farrowdale', type: 'place', role: null },
    ]);
    expect(findMentions('The lawyer for Dana Hill said no.')).toMatchObject([
      { name: 'Dana Hill', type: 'person', role: null },
    ]);
    expect(findMentions('The head of Quillcorp Industries said no.').some((m) => m.type === 'person')).toBe(
      false,
    );
  });

  it('should not take a compound adjective or number for a name, and end a name before its compound ending', () => {
    const names = (text: string): string[] => findMentions(text).map((m) => m.name);
    expect(names('Farrowdale-based researchers met. Twenty-three people came.')).toEqual([]);
    expect(names('The Quill Party-backed candidate spoke to Park Jae-hwan.')).toEqual([
      'Quill Party',
      'Park Jae-hwan',
    ]);
  });

  it('should read a known place followed by a plural as a team or group, and a place prefix as a place', () => {
    expect(findMentions('On Sunday the Boston Quillers won again.')[0]).toMatchObject({
      name: 'Boston Quillers',
      type: 'organization',
    });
    expect(findMentions('They flew to Las Vegas and on to Port Quill.').map((m) => m.type)).toEqual([
      'place',
      'place',
    ]);
  });

  it('should read a body or seat of government named alone as an organisation', () => {
    const mentions = findMentions('A spokesman said the White House would respond. Later the Senate voted.');
    expect(mentions.map((m) => [m.name, m.type])).toEqual([
      ['White House', 'organization'],
      ['Senate', 'organization'],
    ]);
    expect(findMentions('Later the White House press secretary Dana Hill spoke.')[0]).toMatchObject({
      name: 'Dana Hill',
      type: 'person',
    });
  });

  it('should read a party word alone as the party, and keep it in a role', () => {
    const mentions = findMentions(
      'Democrats said on Monday that Republican leaders and the GOP had stalled.',
    );
    expect(mentions.map((m) => [m.name, m.type, m.key])).toEqual([
      ['Democrats', 'organization', 'democratic-party'],
      ['Republican', 'organization', 'republican-party'],
      ['GOP', 'organization', 'republican-party'],
    ]);
    expect(findMentions('Former Democratic congressman Jane Roe spoke.')).toMatchObject([
      { name: 'Jane Roe', role: 'Former Democratic congressman' },
    ]);
  });

  it('should join a team named by its nickname alone to its full name', () => {
    const mentions = findMentions('The Boston Quillers won on Sunday, and the Quillers had earned it.');
    expect(mentions.map((m) => [m.name, m.type, m.key])).toEqual([
      ['Boston Quillers', 'organization', 'boston-quillers'],
      ['Quillers', 'organization', 'boston-quillers'],
    ]);
  });

  it('should not take a common noun opening a sentence for a name', () => {
    expect(findMentions('Protesters gathered on Monday. Authorities said the protesters left.')).toEqual([]);
    const kept = findMentions('Quillers won on Sunday, and the Quillers fans cheered.').map((m) => m.name);
    expect(kept).toEqual(['Quillers', 'Quillers']);
  });

  it('should type a name the lexicon knows whole by that entry', () => {
    const mentions = findMentions('Officials of North Carolina and New Jersey met bankers of Goldman Sachs.');
    expect(mentions.map((m) => [m.name, m.type])).toEqual([
      ['North Carolina', 'place'],
      ['New Jersey', 'place'],
      ['Goldman Sachs', 'organization'],
    ]);
  });

  it('should make no person of a title after a demonym with no name', () => {
    expect(findMentions('Dana Hill, the Ukrainian President, spoke on Monday.').map((m) => m.name)).toEqual([
      'Dana Hill',
    ]);
  });

  it('should read a name after a lower-case place noun as a place', () => {
    const types = findMentions('Troops entered the village of Xbyrn and a town called Quellport.').map(
      (m) => m.type,
    );
    expect(types).toEqual(['place', 'place']);
    expect(findMentions('The county Board of Quills met.')[0]?.type).toBe('organization');
  });

  it('should not reach back over a line break for a role, unless it follows an abbreviated title', () => {
    const hill = (text: string) => findMentions(text).find((m) => m.name === 'Dana Hill');
    expect(hill('Jane Roe to be surgeon general\n\nPresident Dana Hill spoke on Monday.')?.role).toBe(
      'President',
    );
    expect(hill('“It is over,” the Rev.\n\nDana Hill said on Monday.')?.role).toBe('Rev.');
  });

  it('should keep a place name that opens a sentence with an ordinary word', () => {
    expect(findMentions('South Africa said on Monday that talks would resume.')[0]).toMatchObject({
      name: 'South Africa',
      type: 'place',
    });
  });

  it('should read "-elect" and "-designate" after a title as part of the role', () => {
    const [elect] = findMentions('Governor-elect Ada Marsh arrived on Monday.');
    expect(elect).toMatchObject({ name: 'Ada Marsh', role: 'Governor-elect' });
    const [designate] = findMentions('On Monday, Ambassador-designate Theo Quill arrived.');
    expect(designate).toMatchObject({ name: 'Theo Quill', role: 'Ambassador-designate' });
  });
});

describe('findMentions: a party label inside a role', () => {
  it('keeps "former" when a party label stands between it and the title', () => {
    const mentions = findMentions('Former Democratic congressman Jane Roe had a rough day on Monday.');
    const person = mentions.find((m) => m.name === 'Jane Roe');
    expect(person?.role).toBe('Former Democratic congressman');
    expect(mentions.some((m) => m.name === 'Democratic')).toBe(false);
  });

  it('does not take a party label without a modifier before it, nor a party named alone', () => {
    const mentions = findMentions('On Monday the Democratic congressman Jane Roe spoke.');
    expect(mentions.find((m) => m.name === 'Jane Roe')?.role).toBe('congressman');
    expect(
      findMentions('The Democratic Party met in Denver.').some((m) => m.name === 'Democratic Party'),
    ).toBe(true);
  });
});

describe('findMentions: roles with a domain, a state, or somebody else’s title', () => {
  const roleOf = (text: string, name: string): string | null | undefined =>
    findMentions(text).find((m) => m.name === name)?.role;

  it('reads "Secretary of State" and "Speaker of the House" whole, keeping the name clean', () => {
    expect(roleOf('Former Secretary of State Jane Roe met reporters.', 'Jane Roe')).toBe(
      'Former Secretary of State',
    );
    expect(roleOf('Speaker of the House John Doe spoke.', 'John Doe')).toBe('Speaker of the House');
    expect(roleOf('Director of National Intelligence John Doe spoke.', 'John Doe')).toBe(
      'Director of National Intelligence',
    );
    // A domain the lists do not know: the last two words are the name.
    expect(roleOf('Secretary of Transportation Jane Roe spoke.', 'Jane Roe')).toBe(
      'Secretary of Transportation',
    );
  });

  it('keeps a state written AP style inside the role, and makes no person of it', () => {
    const mentions = findMentions(
      'Polls tie former Fla. Gov. John Doe with N.J. Gov. Jane Roe and W.Va. Sen. Bo Li.',
    );
    expect(mentions.find((m) => m.name === 'John Doe')?.role).toBe('former Fla. Gov.');
    expect(mentions.find((m) => m.name === 'Jane Roe')?.role).toBe('N.J. Gov.');
    expect(mentions.find((m) => m.name === 'Bo Li')?.role).toBe('W.Va. Sen.');
    expect(mentions.some((m) => m.name === 'Fla')).toBe(false);
  });

  it('does not give a person the role of whoever works for them', () => {
    const text = 'Jane Roe, the former chairman of President John Doe’s council of advisers, spoke.';
    expect(roleOf(text, 'John Doe')).toBe('President');
    expect(roleOf('He was a former aide of Mr. Doe for years.', 'Doe')).toBe('Mr.');
  });
});

describe('findMentions: a title inside a name chunk, and a domain with "and"', () => {
  const mentionOf = (text: string, name: string) => findMentions(text).find((m) => m.name === name);

  it('splits an organisation or place, a title and a person written as one capitalised run', () => {
    expect(mentionOf('Acme Corp President Tom Rivers resigned.', 'Tom Rivers')).toMatchObject({
      role: 'Acme Corp President',
      type: 'person',
    });
    expect(mentionOf('UN Secretary General Maria Lopes spoke.', 'Maria Lopes')?.role).toBe(
      'UN Secretary General',
    );
    expect(mentionOf('Northfield Motors Chief Executive Mary Barrow said.', 'Mary Barrow')?.role).toBe(
      'Northfield Motors Chief Executive',
    );
  });

  it('joins the surname alone to the person once the title is split off', () => {
    const mentions = findMentions(
      'Eastfield Police Chief Tom Rivers spoke. Rivers said the road was closed.',
    );
    const keys = mentions.filter((m) => m.name === 'Tom Rivers' || m.name === 'Rivers').map((m) => m.key);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  it('does not split when what follows the title is not a person’s name', () => {
    const mentions = findMentions('He stayed at the Grand President Hotel Plaza Tower last year.');
    expect(mentions.some((m) => m.role !== null)).toBe(false);
  });

  it('reads a title’s domain joined by "and" whole, but not two people joined by "and"', () => {
    expect(
      mentionOf('Secretary of Housing and Urban Development Ben Carter spoke.', 'Ben Carter')?.role,
    ).toBe('Secretary of Housing and Urban Development');
    expect(mentionOf('Minister of Trade and Industry Kofi Mensah arrived.', 'Kofi Mensah')?.role).toBe(
      'Minister of Trade and Industry',
    );
    const two = findMentions('Secretary of State and Defense Secretary Paul Reed met.');
    expect(two.find((m) => m.name === 'Paul Reed')?.role).toBe('Defense Secretary');
    expect(
      findMentions('Secretary of State and Jane Roe met.').find((m) => m.name === 'Jane Roe')?.role,
    ).toBe(null);
  });

  it('makes no person of a role with no name after it', () => {
    const mentions = findMentions('He advised the Secretary of Health and Human Services on policy.');
    expect(mentions.some((m) => m.type === 'person')).toBe(false);
  });
});

describe('findMentions: a surname that is also an ordinary word opening a sentence', () => {
  it('is the person the article names in full when a verb of saying, an auxiliary or a comma follows', () => {
    const mentions = findMentions(
      'Young people marched on Sunday. Later, Jane Young spoke to the crowd. Young said the march was peaceful. Young has led the group since 2019.',
    );
    const young = mentions.filter((m) => m.name === 'Young');
    expect(young.map((m) => m.start)).toEqual([
      'Young people marched on Sunday. Later, Jane Young spoke to the crowd. '.length,
      'Young people marched on Sunday. Later, Jane Young spoke to the crowd. Young said the march was peaceful. '
        .length,
    ]);
    expect(new Set(young.map((m) => m.key))).toEqual(new Set(['jane-young']));
  });

  it('is no mention when the article names nobody with that surname', () => {
    expect(findMentions('Young said the march was peaceful. Price rises slowed.')).toEqual([]);
  });
});

describe('findMentions: a modifier alone before a place or an organisation', () => {
  it('is no role and makes no person', () => {
    const mentions = findMentions(
      'Jane Roe was the former Ohio state director of the agency. She left the former Acme Corp in 2019.',
    );
    expect(mentions.find((m) => m.name === 'Ohio')).toMatchObject({ role: null, type: 'place' });
    expect(mentions.find((m) => m.name === 'Acme Corp')).toMatchObject({ role: null, type: 'organization' });
    expect(findMentions('Former Gov. Jane Roe spoke.')[0]).toMatchObject({
      role: 'Former Gov.',
      type: 'person',
    });
  });
});

describe('findMentions: a town with its state or country', () => {
  it('types a name followed by a state or country that closes the phrase as a place', () => {
    const typeOf = (text: string, name: string): string | undefined =>
      findMentions(text).find((m) => m.name === name)?.type;
    expect(typeOf('Nine people were killed in Grand Rapids, Mich., on Wednesday.', 'Grand Rapids')).toBe(
      'place',
    );
    expect(typeOf('He grew up in Santa Rosa, Mexico, and moved north.', 'Santa Rosa')).toBe('place');
    // A name and a new clause, and an apposition about a person, stay as they were.
    expect(typeOf('In a call with John Smith, Russia said no.', 'John Smith')).toBe('person');
    expect(typeOf('Jane Roe, Britain’s envoy, spoke.', 'Jane Roe')).toBe('person');
  });
});
