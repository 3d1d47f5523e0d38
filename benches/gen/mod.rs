//! Generated news for the benchmarks and timing runs: deterministic,
//! template-built articles (people, titles, organizations, places, numbers,
//! direct and partial quotes, pledges) of any size. Nothing here comes from
//! a real corpus.
#![allow(dead_code)]

use byline::model::{Document, Entity, EntityKind, Mention, MentionForm, Meta, Quote, QuoteKind, Span};

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5851_f42d_4c95_7f2d)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    pub fn num(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const FIRST: &[&str] = &[
    "Ana", "Tomas", "Mei", "Kwame", "Ingrid", "Rahul", "Sofia", "Jonas", "Amara", "Diego", "Hana", "Pavel", "Leila",
    "Marcus", "Yuki", "Olu", "Clara", "Farid", "Elena", "Sung-min", "Nadia", "Viktor", "Grace", "Mateo",
];
const LAST: &[&str] = &[
    "Ruiz",
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Mensah",
    "Kowalski",
    "Haddad",
    "Moreau",
    "Castillo",
    "Petrov",
    "Nakamura",
    "Adeyemi",
    "Brennan",
    "Sorensen",
    "Iqbal",
    "Ferreira",
    "Novak",
    "Yilmaz",
    "Park",
    "Oduya",
];
const TITLES: &[&str] = &[
    "Finance Minister",
    "Transport Minister",
    "Mayor",
    "Governor",
    "Senator",
    "Health Minister",
    "Police Chief",
    "Education Minister",
];
const ROLES: &[&str] = &["a spokeswoman for", "the chief executive of", "an economist at", "the director of"];
const ORGS: &[&str] = &[
    "the Harbor Authority",
    "Northwind Bank",
    "the City Council",
    "the Ministry of Transport",
    "Greenfield Energy",
    "the National Statistics Office",
    "the Teachers Union",
    "Meridian Rail",
    "the Port Workers Federation",
];
const PLACES: &[&str] = &[
    "Lisbon",
    "Nairobi",
    "Osaka",
    "Valparaiso",
    "Gdansk",
    "Accra",
    "Tromso",
    "Busan",
    "Cordoba",
    "Tbilisi",
    "Halifax",
    "Mombasa",
];
const TOPICS: &[&str] =
    &["bridges", "schools", "clinics", "bus lines", "wind farms", "housing units", "water plants", "rail stations"];
const ADJS: &[&str] = &["ambitious", "reckless", "overdue", "historic", "unaffordable", "modest", "welcome"];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const CUES: &[&str] = &["said", "told reporters", "added", "said in a statement", "told the assembly"];

struct Person {
    full: String,
    last: &'static str,
    title: &'static str,
    she: bool,
}

fn person(r: &mut Rng) -> Person {
    let first = r.pick(FIRST);
    let last = r.pick(LAST);
    Person { full: format!("{first} {last}"), last, title: r.pick(TITLES), she: r.next() % 2 == 0 }
}

fn quote_sentence(r: &mut Rng, place: &str) -> String {
    let (n, topic, year) = (r.num(2, 90), r.pick(TOPICS), r.num(2026, 2035));
    match r.next() % 5 {
        0 => format!("We will build {n} new {topic} before the end of {year},"),
        1 => format!("This is a {} day for {place} and for everyone who waited,", r.pick(ADJS)),
        2 => format!("Nobody in {place} should wait another {} years for {topic}.", r.num(2, 12)),
        3 => format!("The money is there, and {n} {topic} is only the start,"),
        _ => format!("We owe it to the families of {place} to finish what we began in {},", r.num(1995, 2024)),
    }
}

/// `s` ending in `end` (instead of its own comma or full stop).
fn ending(s: String, end: char) -> String {
    let mut s = s.trim_end_matches([',', '.']).to_string();
    s.push(end);
    s
}

/// `s` with its first letter in capitals.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// One paragraph about `cast` in `place`.
fn paragraph(r: &mut Rng, cast: &[Person], place: &str, org: &str) -> String {
    let p = &cast[(r.next() % cast.len() as u64) as usize];
    let q = &cast[(r.next() % cast.len() as u64) as usize];
    let pron = if p.she { "she" } else { "he" };
    let (n, topic, day) = (r.num(3, 400), r.pick(TOPICS), r.pick(DAYS));
    match r.next() % 8 {
        0 => format!(
            "{} {} pledged on {day} to open {n} {topic} in {place} by {}, at a cost of ${} million.",
            p.title,
            p.full,
            r.num(2027, 2034),
            r.num(5, 900)
        ),
        1 => format!("\u{201c}{}\u{201d} {} {}.", ending(quote_sentence(r, place), ','), p.last, r.pick(CUES)),
        2 => format!(
            "\u{201c}{}\u{201d} said {}, {} {org}.",
            ending(quote_sentence(r, place), ','),
            q.full,
            r.pick(ROLES)
        ),
        3 => format!(
            "{} called the plan \u{201c}{}\u{201d} but said {pron} would vote for it if {org} agreed to cut costs by {} percent.",
            p.last,
            r.pick(ADJS),
            r.num(2, 30)
        ),
        4 => format!(
            "{org} has spent ${}.{} million on {topic} since {}, according to figures released on {day}. Officials in {place} expect the total to reach ${} million.",
            r.num(1, 99),
            r.num(1, 9),
            r.num(2001, 2020),
            r.num(100, 999),
            org = capital(org)
        ),
        5 => format!(
            "{} said {pron} would ask {org} to provide {n} {topic} and {} new jobs within {} years.",
            p.full,
            r.num(50, 5000),
            r.num(2, 9)
        ),
        6 => format!(
            "\u{201c}{}\u{201d} {} said. \u{201c}{}\u{201d}",
            ending(quote_sentence(r, place), ','),
            p.last,
            ending(quote_sentence(r, place), '.')
        ),
        _ => format!(
            "The government will provide {} billion won to {org} next year, {} {} told lawmakers in {place} on {day}.",
            r.num(1, 80),
            p.title.to_lowercase(),
            p.full
        ),
    }
}

/// An article of about `size` bytes (at least a headline, a dateline and
/// one paragraph); `seed` varies names, places and numbers. Long articles
/// change their cast every dozen paragraphs, like a news digest.
pub fn article(seed: u64, size: usize) -> String {
    let mut r = Rng::new(seed);
    let place = r.pick(PLACES);
    let org = r.pick(ORGS);
    let mut cast: Vec<Person> = (0..4).map(|_| person(&mut r)).collect();
    let mut s = format!(
        "{place} pledges {} new {} as {} backs plan\n\n{}, {} {} (Wire) -- ",
        r.num(3, 90),
        r.pick(TOPICS),
        org.trim_start_matches("the "),
        place.to_uppercase(),
        ["March", "June", "October"][(r.next() % 3) as usize],
        r.num(1, 28)
    );
    s.reserve(size + 1024);
    s.push_str(&paragraph(&mut r, &cast, place, org));
    s.push_str("\n\n");
    let mut paras = 1;
    while s.len() < size {
        if paras % 12 == 0 {
            cast = (0..4).map(|_| person(&mut r)).collect();
        }
        let place = if paras % 12 == 0 { r.pick(PLACES) } else { place };
        s.push_str(&paragraph(&mut r, &cast, place, org));
        s.push_str("\n\n");
        paras += 1;
    }
    s.push_str("Source: Wire News Service\n");
    s
}

/// A document with `n` direct quotes by `speakers` people, built directly
/// (no engine): for the reader's quote jumps and speaker filter.
pub fn quotes_doc(n: usize, speakers: usize) -> Document {
    let mut text = String::from("Ten thousand quotes\n\n");
    let headline = Span::new(0, 19);
    let names: Vec<String> =
        (0..speakers).map(|i| format!("{} {}{}", FIRST[i % FIRST.len()], LAST[i % LAST.len()], i)).collect();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); speakers];
    let mut quotes = Vec::with_capacity(n);
    for i in 0..n {
        let s = i * 7 % speakers;
        let outer_start = text.len();
        text.push('\u{201c}');
        let start = text.len();
        text.push_str(&format!(
            "Quote number {i} says that {} matter more than anything else,",
            TOPICS[i % TOPICS.len()]
        ));
        let end = text.len();
        text.push('\u{201d}');
        let outer = Span::new(outer_start, text.len());
        text.push(' ');
        let m = text.len();
        text.push_str(&names[s]);
        mentions[s].push(Mention { start: m, end: text.len(), form: MentionForm::Name });
        text.push_str(" said.\n\n");
        quotes.push(Quote {
            id: i,
            start,
            end,
            outer,
            text: text[start..end].to_string(),
            speaker: Some(s),
            cue: Some("said".into()),
            kind: QuoteKind::Direct,
            with: Vec::new(),
        });
    }
    let entities = names
        .into_iter()
        .zip(mentions)
        .enumerate()
        .map(|(id, (name, mentions))| Entity { id, kind: EntityKind::Person, name, titles: Vec::new(), mentions })
        .collect();
    Document { meta: Meta { headline: Some(headline), ..Meta::default() }, entities, quotes, ..Document::empty(text) }
}
