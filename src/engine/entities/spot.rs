//! Spotting: capitalized runs, quoted titles, web addresses and written-apart
//! names become candidates; titles are split off and credit lines dropped
//! (see `credits.rs`).

use super::*;

/// A capitalized run before typing.
///
/// 24 bytes (a 5 MB article has 88,000): token offsets as `u32`, as all
/// token offsets are, the spotting rule as its number in [`ORIGINS`], and
/// what few candidates have in a box.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// Token range of the name proper (titles stripped): see [`Cand::t0`].
    start: u32,
    end: u32,
    pub(super) kind: Option<EntityKind>,
    pub(super) gender: Gender,
    /// Starts a sentence (so its capital may just be the sentence's).
    pub(super) sentence_initial: bool,
    /// A quoted name (a title in quote marks).
    pub(super) quoted: bool,
    /// On a Title Case line (a headline), where capitals prove little.
    pub(super) headline: bool,
    /// Its title, given names written apart, nickname, if any.
    rare: Option<Box<Rare>>,
    /// The rule that spotted it with its kind, if it has one: its number
    /// in [`ORIGINS`] (see [`Cand::origin`]).
    origin: u8,
}

/// The rules that spot a candidate with its kind ("run": none did).
const ORIGINS: &[&str] = &[
    "run",
    "spot.web_address",
    "kind.quoted_title_document_word",
    "kind.quoted_title_event_head",
    "kind.quoted_title_org_head",
    "kind.quoted_title_after_document_noun",
    "kind.quoted_title_other",
    "kind.person_by_title",
    "spot.role_word_opens_sentence",
];

/// What few candidates have.
#[derive(Debug, Clone, Default)]
struct Rare {
    /// The title split off the name ("Defense Minister").
    title: Option<String>,
    /// The given names of a surname written first ("Austen, Jane."), as a
    /// token range.
    given: Option<(u32, u32)>,
    /// A nickname written inside the name (Mara “Tornado” Keely), as a
    /// token range.
    nickname: Option<(u32, u32)>,
}

impl Cand {
    /// A candidate over `t0..t1` of the given kind, with no titles, gender
    /// or flags.
    pub(super) fn new(t0: usize, t1: usize, kind: Option<EntityKind>) -> Cand {
        Cand {
            start: t0 as u32,
            end: t1 as u32,
            kind,
            gender: Gender::Unknown,
            sentence_initial: false,
            quoted: false,
            headline: false,
            rare: None,
            origin: 0,
        }
    }

    /// First token of the name.
    #[inline]
    pub(super) const fn t0(&self) -> usize {
        self.start as usize
    }
    /// One past its last token.
    #[inline]
    pub(super) const fn t1(&self) -> usize {
        self.end as usize
    }
    /// Sets the name's first token.
    pub(super) fn set_t0(&mut self, t0: usize) {
        self.start = t0 as u32;
    }
    /// Sets one past the name's last token.
    pub(super) fn set_t1(&mut self, t1: usize) {
        self.end = t1 as u32;
    }
    /// The title split off the name, if any.
    pub(super) fn title(&self) -> Option<&String> {
        self.rare.as_ref()?.title.as_ref()
    }
    /// The given names written apart, if any (a token range).
    pub(super) fn given(&self) -> Option<(u32, u32)> {
        self.rare.as_ref()?.given
    }
    /// The nickname inside the name, if any (a token range).
    pub(super) fn nickname(&self) -> Option<(u32, u32)> {
        self.rare.as_ref()?.nickname
    }
    /// Takes given names written apart from this surname (token range).
    pub(super) fn set_given(&mut self, given: (u32, u32)) {
        self.rare_mut().given = Some(given);
    }
    /// Takes a nickname written inside the name (token range).
    pub(super) fn set_nickname(&mut self, nickname: (u32, u32)) {
        self.rare_mut().nickname = Some(nickname);
    }
    /// The rule that spotted it with its kind ("run" if none did).
    pub(super) fn origin(&self) -> &'static str {
        ORIGINS[self.origin as usize]
    }
    /// Records `rule` (one of [`ORIGINS`]) as the rule that spotted it.
    pub(super) fn set_origin(&mut self, rule: &'static str) {
        let at = ORIGINS.iter().position(|o| *o == rule).expect("a spotting rule listed in ORIGINS");
        self.origin = at as u8;
    }
    fn rare_mut(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Box::default)
    }
}

/// Every candidate of the text, in text order.
pub(super) fn candidates(ctx: &Context, lx: &Lexicon, seen_lower: &FxHashSet<&str>) -> Vec<Cand> {
    let toks = ctx.tokens;
    let mut cands: Vec<Cand> = Vec::new();
    // Web addresses are names of their own, and no capitalized word inside
    // one names anything.
    let mut in_url = vec![false; toks.len()];
    for (t0, t1, named) in web_addresses(ctx.text, toks, ctx.lower, lx) {
        in_url[t0..t1].iter_mut().for_each(|x| *x = true);
        if named {
            fire(toks, "spot.web_address", t0, t1);
            let mut c = Cand::new(t0, t1, Some(EntityKind::Other));
            c.set_origin("spot.web_address");
            cands.push(c);
        }
    }
    quoted_titles(ctx, lx, &mut cands);
    capitalized_runs(ctx, lx, seen_lower, &in_url, &mut cands);
    sort_by_start(&mut cands);
    for c in &mut cands {
        c.headline = ctx.masks.title_line[c.t0()];
    }
    bracketed_names(ctx.text, toks, ctx.lower, lx, &mut cands);
    nicknames(ctx, lx, &mut cands);
    reading_list_names(ctx, lx, &mut cands);
    group_speakers(ctx, lx, &mut cands);
    drop_credits(ctx, lx, &mut cands);
    // (Kept through linking: no room left from their growth.)
    cands.shrink_to_fit();
    cands
}

/// Sorts the candidates by first token, equal ones in their order (see
/// [`crate::engine::text::sort_stable_in_place`]).
fn sort_by_start(cands: &mut [Cand]) {
    crate::engine::text::sort_stable_in_place(cands, Cand::t0);
}

/// A quoted title is one name, whole: a document, event or organization by
/// its words or the noun before it, else other.
fn quoted_titles(ctx: &Context, lx: &Lexicon, cands: &mut Vec<Cand>) {
    let (toks, lower) = (ctx.tokens, ctx.lower);
    for q in ctx.quotes.iter().filter(|q| q.kind == RawKind::Title) {
        let c = q.content();
        let t0 = crate::engine::text::token_at(toks, c.start);
        let mut t1 = t0;
        while t1 < toks.len() && toks[t1].end() <= c.end {
            t1 += 1;
        }
        while t1 > t0 && !toks[t1 - 1].is_word() {
            t1 -= 1;
        }
        if t1 == t0 {
            continue;
        }
        let head = lower[t1 - 1].as_str();
        let words = lower.words(t0..t1);
        let (rule, kind) = if words.iter().any(|w| lx.document_words.contains(w.as_str())) {
            ("kind.quoted_title_document_word", EntityKind::Document)
        } else if lx.event_words.contains(head) {
            ("kind.quoted_title_event_head", EntityKind::Event)
        } else if lx.org_words.contains(head) {
            ("kind.quoted_title_org_head", EntityKind::Organization)
        } else if t0 >= 2
            && lower.words(t0.saturating_sub(8)..t0 - 1).iter().any(|w| lx.document_words.contains(w.as_str()))
        {
            // "a report ..., titled “Waiting for Repairs”": named by the noun before.
            ("kind.quoted_title_after_document_noun", EntityKind::Document)
        } else {
            ("kind.quoted_title_other", EntityKind::Other)
        };
        fire(toks, rule, t0, t1);
        let mut c = Cand { quoted: true, ..Cand::new(t0, t1, Some(kind)) };
        c.set_origin(rule);
        cands.push(c);
    }
}

/// Runs of capitalized words (with the connectors and numbers that belong
/// to names), outside quoted titles, boilerplate and web addresses.
fn capitalized_runs(ctx: &Context, lx: &Lexicon, seen_lower: &FxHashSet<&str>, in_url: &[bool], cands: &mut Vec<Cand>) {
    let (text, toks, lower, masks) = (ctx.text, ctx.tokens, ctx.lower, ctx.masks);
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let startable = t.is_word()
            && (name_cap(&toks[i], text, lx) || is_year(t.text(text)) && next_cap(toks, i))
            && !masks.in_title_quote[i];
        if !startable || masks.in_boiler[i] || in_url[i] {
            i += 1;
            continue;
        }
        let mut end = run_end(ctx, lx, seen_lower, in_url, i);
        // Two acronyms side by side are two names ("U.N. PKO"); not the
        // words of a dateline's town ("ELK GROVE HEIGHTS").
        let dateline = ctx.meta.dateline.is_some_and(|d| d.contains(Span::new(t.start(), toks[end - 1].end())));
        if let Some(split) = (i + 1..end)
            .find(|&k| is_acronym(toks[k].text(text)) && is_acronym(toks[k - 1].text(text)))
            .filter(|_| !dateline)
        {
            fire(toks, "spot.split_acronym_pair", i, end);
            end = split;
        }
        // A year starts a name only when it names an event ("2021 Summit").
        let mut start = i;
        if is_year(t.text(text)) && !lx.event_words.contains(lower[end - 1].as_str()) {
            start += 1;
        }
        if start < end {
            push_run(ctx, lx, start, end, cands);
        }
        i = end.max(i + 1);
    }
}

/// What the next token does to a capitalized run.
enum Step {
    /// Part of the name, and a capitalized word of it.
    Capital,
    /// Inside the name, if a capitalized word follows (a connector, a
    /// title's period).
    Inside,
    /// The last token of the name (a number that counts it).
    Last,
    /// The name ended before it.
    Stop,
}

/// One past the last token of the capitalized run that starts at `i`.
fn run_end(ctx: &Context, lx: &Lexicon, seen_lower: &FxHashSet<&str>, in_url: &[bool], i: usize) -> usize {
    let toks = ctx.tokens;
    let mut j = i + 1;
    let mut last_cap = i;
    if toks[i].possessive() {
        return i + 1;
    }
    while j < toks.len() {
        match run_step(ctx, lx, seen_lower, in_url, i, j) {
            Step::Capital => {
                last_cap = j;
                j += 1;
                // A possessive inside a name ("St. Brendan's Regional
                // Hospital") when the name goes on to an organization word.
                if toks[j - 1].possessive() && !possessive_inside_name(toks, ctx.lower, i, j - 1, lx) {
                    break;
                }
            }
            Step::Inside => j += 1,
            Step::Last => {
                last_cap = j;
                break;
            }
            Step::Stop => break,
        }
    }
    last_cap + 1
}

/// Decides token `j` of the run that starts at `i`.
fn run_step(ctx: &Context, lx: &Lexicon, seen_lower: &FxHashSet<&str>, in_url: &[bool], i: usize, j: usize) -> Step {
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    let n = toks[j];
    // "Gov. Jo Balton": a title abbreviation's period stays inside.
    let title_dot = !n.is_word()
        && !n.space_before()
        && first_char(&n, text) == '.'
        && lx.abbreviations.contains(lower[j - 1].as_str())
        && (lx.titles.contains(lower[j - 1].as_str()) || lx.place_prefixes.contains(lower[j - 1].as_str()))
        && toks.get(j + 1).is_some_and(|x| x.is_word() && x.cap());
    if title_dot {
        return Step::Inside;
    }
    // "Brannock Hale & Lister LLP", "Tarn + Wick": an ampersand or a plus
    // joins a firm's names, but not a given name that is no surname ("Jim &
    // Sarah").
    if matches!(n.text(text), "&" | "+") && toks[j - 1].cap() && toks.get(j + 1).is_some_and(|x| x.is_word() && x.cap())
    {
        let partner = lower[j + 1].as_str();
        if !lx.first_names.contains_key(partner) || lx.surnames.contains(partner) {
            return Step::Inside;
        }
    }
    if !n.is_word() || n.newline_before() || ctx.masks.sentence_start[j] || in_url[j] {
        return Step::Stop;
    }
    if let Some(rule) = run_break(ctx, lx, seen_lower, i, j) {
        fire(toks, rule, i, j + 1);
        return Step::Stop;
    }
    if name_cap(&n, text, lx) {
        return Step::Capital;
    }
    if counting_number(ctx, lx, i, j) {
        fire(toks, "spot.number_counts_name", i, j + 1);
        return Step::Last;
    }
    // "of" joins only after a head word that takes it ("Bank of
    // Canada", "Secretary of State"), not a person and a place
    // ("Rita Shelton of Vermont").
    let of_ok = !matches!(lower[j].as_str(), "of" | "for") || {
        let h = lower[j - 1].trim_end_matches('.');
        lx.org_words.contains(h)
            || lx.document_words.contains(h)
            || lx.event_words.contains(h)
            || lx.place_words.contains(h)
            || lx.titles.contains(h)
            || common_head_takes_of(text, toks, lower, i, j, lx)
            || hall_of_famer(lower, j - 1)
    };
    if (lx.classes.name_connectors.contains(lower[j].as_str()) && of_ok)
        || (lower[j] == "the" && j > 0 && lower[j - 1] == "of")
    {
        return Step::Inside;
    }
    Step::Stop
}

/// "Hall of Famer" starts at token `k` (a title before a name).
/// Royal titles: after "the", with a name, they name a thing named for the
/// royal.
pub(super) const ROYAL_TITLES: [&str; 8] =
    ["king", "queen", "prince", "princess", "emperor", "empress", "duke", "duchess"];

/// One past "Miss" and the place or realm a pageant title names, when a
/// given name or nothing follows ("Miss North Carolina Ana").
fn pageant_title_end(ctx: &Context, lx: &Lexicon, k: usize, b: usize) -> Option<usize> {
    let lower = ctx.lower;
    if lower[k] != "miss" || k + 2 > b {
        return None;
    }
    let end = match lower[k + 1].as_str() {
        "universe" | "world" | "earth" | "international" | "teen" => Some(k + 2),
        _ => crate::engine::nested::place_at(ctx.text, ctx.tokens, lower, k + 1, b, lx),
    }?;
    // ("a former Miss Universe": a title with no name after it.)
    (end == b || given_name(&lower[end], lx)).then_some(end)
}

fn hall_of_famer(lower: &Lower, k: usize) -> bool {
    lower[k] == "hall" && lower.get(k + 1).is_some_and(|w| w == "of") && lower.get(k + 2).is_some_and(|w| w == "famer")
}

/// The named rule that ends a run before the capitalized word `j`, if any.
fn run_break(ctx: &Context, lx: &Lexicon, seen_lower: &FxHashSet<&str>, i: usize, j: usize) -> Option<&'static str> {
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    let w = lower[j].as_str();
    // A caption's credit label ("... Wayfarer Image: NASA").
    if toks.get(j + 1).is_some_and(|t| t.text(text) == ":") && lx.classes.credit_labels.contains(w) {
        return Some("spot.break_before_credit_label");
    }
    // In a Title Case line (a headline), common words are not part of
    // names ("Okafor Says She ..."). A shopping list's product is whole
    // ("Harlow Beard Balm, $24,").
    if ctx.masks.title_line[j]
        && (lx.function_words.contains(w)
            || lx.speech_verb(w).is_some()
            || seen_lower.contains(w) && !w.bytes().all(|b| b.is_ascii_digit())
            || (j >= i + 2
                && (lx.first_names.contains_key(lower[i].as_str())
                    || lx.first_names.contains_key(lower[j - 2].as_str()))
                && !lx.surnames.contains(w))
            || headline_words_before_person(ctx, lx, i, j))
        && !priced_after(text, toks, j)
    {
        return Some("spot.break_at_headline_word");
    }
    // "I", "I'm", "Hey" never belong to a name ("Actually I").
    if is_pronoun_like(w, lx) {
        return Some("spot.break_at_pronoun");
    }
    if person_after_name(ctx, lx, i, j) {
        return Some("spot.break_before_person_after_name");
    }
    None
}

/// "Praises Ana Ruiz", "Struggling Tomas Okafor": in a headline, everyday
/// words that are no names before a given name and another capitalized word
/// (a verb, an adjective) are no part of the person's name.
fn headline_words_before_person(ctx: &Context, lx: &Lexicon, i: usize, j: usize) -> bool {
    let (toks, lower) = (ctx.tokens, ctx.lower);
    let everyday = |k: usize| {
        let w = lower[k].as_str();
        lx.is_common_word(w)
            && !lx.first_names.contains_key(w)
            && !lx.surnames.contains(w)
            && !lx.org_words.contains(w)
            && !lx.place_words.contains(w)
            && !lx.event_words.contains(w)
            && !is_title_word(w, lx)
            && !lx.place_prefixes.contains(w)
            && !lx.classes.compass_regions.contains(w)
            && !lx.classes.region_words.contains(w)
    };
    given_name(lower[j].as_str(), lx)
        && !lx.is_place_or_country(lower[j].as_str())
        && toks.get(j + 1).is_some_and(|x| x.is_word() && x.cap() && !x.newline_before())
        && (i..j).all(|k| toks[k].is_word() && everyday(k))
}

/// "Dover State University Ana Ruiz", "University of Lakeland Ana Ruiz",
/// "the United States Ana Ruiz": a given name and a capitalized word after
/// a name that is whole by itself (it holds an organization or place head
/// word, or is a known place, country or organization) start a person's
/// name of their own: an affiliation or a place before a person.
fn person_after_name(ctx: &Context, lx: &Lexicon, i: usize, j: usize) -> bool {
    let (toks, lower) = (ctx.tokens, ctx.lower);
    let person_follows = given_name(lower[j].as_str(), lx)
        && toks.get(j + 1).is_some_and(|x| x.is_word() && x.cap())
        && lower.get(j + 1).is_some_and(|w| !lx.org_words.contains(w.as_str()) && !lx.place_words.contains(w.as_str()));
    // (Not a name's own connector, "Bank of Grace Hollow"; nor a title,
    // "House Speaker Jo Balton", which the title split takes apart.)
    let titled = (i..j).any(|k| is_title_word(lower[k].trim_end_matches('.'), lx));
    // (Nor a given name before: "Savannah Grant Holloway" is one person.)
    let given_before = j == i + 1 && lx.first_names.contains_key(lower[i].as_str());
    if !person_follows
        || titled
        || given_before
        || lx.classes.name_connectors.contains(lower[j - 1].as_str())
        || lower[j - 1] == "the"
    {
        return false;
    }
    let head = (i..j).any(|k| lx.org_words.contains(lower[k].as_str()) || lx.place_words.contains(lower[k].as_str()));
    let before = key(&span_text(ctx.text, toks, i, j));
    head || lx.places.contains_key(&before) || lexicon_entity(&before, lx).is_some()
}

/// A number that ends a name it counts ("Building 31", "Flight 752", "Expo
/// 2030"), not a score ("Hawks 3, Owls 2"), a date, a person's number, a
/// quantity ("fined Acme 9 million pounds", "5 goals") or a grade ("a
/// Category 3 storm").
fn counting_number(ctx: &Context, lx: &Lexicon, i: usize, j: usize) -> bool {
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    let number = toks[j].text(text);
    let before = lower[j - 1].as_str();
    (1..=4).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && !lx.calendar.contains(before)
        && !lx.first_names.contains_key(before)
        && !lx.surnames.contains(before)
        && !lx.places.contains_key(before)
        && !lx.country_index.contains_key(before)
        && !(j == i + 1 && lx.classes.rank_words.contains(before))
        && toks
            .get(j + 1)
            .is_none_or(|x| x.newline_before() || !matches!(x.text(text), "," | "-" | "\u{2013}" | ":" | "/" | "%"))
        && toks.get(j + 1).is_none_or(|x| {
            let w = lower[j + 1].as_str();
            !x.is_word()
                || x.cap()
                || !(crate::engine::text::SCALES.contains(&w)
                    || (w.ends_with('s') && lx.is_common_word(w))
                    || matches!(w, "people" | "percent"))
        })
        && !(i >= 2 && toks[i - 1].text(text) == "," && toks[i - 2].text(text).bytes().all(|b| b.is_ascii_digit()))
}

/// True when the possessive at token `k` is followed by capitalized words
/// that end in an organization or place head word.
pub(super) fn possessive_inside_name(toks: &[Token], lower: &Lower, start: usize, k: usize, lx: &Lexicon) -> bool {
    // Not after a complete organization or place ("University of
    // Dover's Hale Institute" is two names).
    let head = |w: &str| lx.org_words.contains(w) || lx.place_words.contains(w) || lx.places.contains_key(w);
    if (start..=k).any(|j| head(lower[j].as_str())) {
        return false;
    }
    let mut j = k + 1;
    while j < toks.len() && j <= k + 4 && toks[j].is_word() && toks[j].cap() && !toks[j].newline_before() {
        if lx.org_words.contains(lower[j].as_str()) || lx.place_words.contains(lower[j].as_str()) {
            return true;
        }
        if toks[j].possessive() {
            break;
        }
        j += 1;
    }
    false
}

/// Splits a capitalized run `a..b` into titles and name, drops words that
/// are not part of the name, and pushes the candidate(s).
fn push_run(ctx: &Context, lx: &Lexicon, a: usize, b: usize, cands: &mut Vec<Cand>) {
    let (text, toks) = (ctx.text, ctx.tokens);
    let sentence_initial = ctx.masks.sentence_start[a] || a == 0 || after_open_quote(text, toks, a);
    let a = skip_leading_words(ctx, lx, a, b, sentence_initial);
    if a >= b {
        return;
    }
    let title_end = title_prefix_end(ctx, lx, a, b);
    if title_end.is_some_and(|te| role_only(ctx, lx, te, b)) {
        fire(toks, "spot.role_without_name", a, b);
        return;
    }
    let a = if title_end.is_none() { after_role_of(ctx, lx, a, b) } else { a };
    let mut name = Cand { sentence_initial: sentence_initial && title_end.is_none(), ..Cand::new(a, b, None) };
    if let Some(te) = title_end {
        if !split_title(ctx, lx, te, &mut name, cands) {
            return;
        }
    }
    let (a, b) = (name.t0(), name.t1());
    // Calendar words alone are not names ("Tuesday", "Sept.").
    let all_calendar = (a..b).all(|k| {
        let w = ctx.lower[k].trim_end_matches('.');
        lx.calendar.contains(w) || lx.abbreviations.contains(w)
    });
    if all_calendar && name.kind.is_none() {
        fire(toks, "reject.calendar_words", a, b);
        return;
    }
    name.set_t1(trim_trailing(ctx, lx, a, b, title_end.is_some()));
    if title_end.is_none() {
        if let Some(e) = trailing_role(ctx, lx, name.t0(), name.t1()) {
            // "the Harlow Governor said": a role, no one's name; in "Ohio
            // Senator", "Harlow Transit Board Chair" and "Ana Ruiz Chair"
            // the state, the board and the person are named, the rest is a
            // role.
            fire(toks, "spot.role_without_name", e, name.t1());
            let head = |k: usize| {
                lx.org_words.contains(ctx.lower[k].as_str()) || lx.place_words.contains(ctx.lower[k].as_str())
            };
            let place = lx.is_place_or_country(&key(&span_text(ctx.text, toks, name.t0(), e)));
            let person = e >= name.t0() + 2 && lx.first_names.contains_key(ctx.lower[name.t0()].as_str());
            if !place && !person && !(name.t0()..e).any(head) {
                return;
            }
            name.set_t1(e);
        }
    }
    cands.push(name);
}

/// Where the title words that end the run `a..b` begin ("Harlow Governor",
/// "Ohio Senator"), when some do and a word comes before them: names do
/// not end in a title word, unless it is a surname too ("Ana Major").
fn trailing_role(ctx: &Context, lx: &Lexicon, a: usize, b: usize) -> Option<usize> {
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    if b < a + 2 || (a..b).any(|k| matches!(lower[k].as_str(), "of" | "for") || matches!(toks[k].text(text), "&" | "+"))
    {
        return None;
    }
    let role = |k: usize| {
        let w = lower[k].trim_end_matches('.');
        toks[k].is_word()
            && is_title_word(w, lx)
            && !lx.surnames.contains(w)
            && !lx.word_surnames.contains(w)
            && !lx.first_names.contains_key(w)
    };
    (a + 1..b).rev().take_while(|&k| role(k)).last()
}

/// After a leading title, everyday words ending in a title word ("Chief
/// Financial Officer", "Executive Vice President"): a role, with no name.
fn role_only(ctx: &Context, lx: &Lexicon, title_end: usize, b: usize) -> bool {
    let lower = ctx.lower;
    b > title_end
        && is_title_word(lower[b - 1].trim_end_matches('.'), lx)
        && (title_end..b - 1).all(|k| {
            let w = lower[k].as_str();
            lx.is_common_word(w) && !given_name(w, lx) && !lx.surnames.contains(w)
        })
}

/// Where the name starts in a run that opens with a role and "of" and
/// names no person after it ("CEO of the Refugee Council", "Director of
/// Media"; not "Secretary of State for Political Affairs Ana Ruiz"):
/// the role is no part of the name of what it heads.
fn after_role_of(ctx: &Context, lx: &Lexicon, a: usize, b: usize) -> usize {
    let lower = ctx.lower;
    let Some(of) = (a + 1..b).find(|&k| lower[k] == "of") else { return a };
    let after_the = |k: usize| if lower.get(k).is_some_and(|w| w == "the") { k + 1 } else { k };
    let mut name = after_the(of + 1);
    // "Chairman of the Board (of Directors) of X": the board is the role's too.
    if lower.get(name).is_some_and(|w| w == "board") && lower.get(name + 1).is_some_and(|w| w == "of") {
        let second_of = lower.get(name + 3).is_some_and(|w| w == "of");
        name = after_the(if second_of { name + 4 } else { name + 2 });
    }
    let person_follows = (name..b).any(|k| given_name(lower[k].as_str(), lx));
    if name >= b || person_follows || !(a..of).all(|k| is_title_word(lower[k].trim_end_matches('.'), lx)) {
        return a;
    }
    fire(ctx.tokens, "spot.role_of_thing", a, name);
    name
}

/// The first word of the name in the run `a..b`: leading function words
/// ("During", "The") go, but not a given name before a surname ("Will
/// Abernethy"); a participle opening the sentence ("Visiting Toronto ...")
/// and a month before an acronym ("an August RTA report") go too.
fn skip_leading_words(ctx: &Context, lx: &Lexicon, mut a: usize, b: usize, sentence_initial: bool) -> usize {
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    let given_before_surname = |k: usize| {
        b == k + 2
            && lx.first_names.contains_key(lower[k].as_str())
            && (lx.surnames.contains(lower[k + 1].as_str()) || !lx.is_common_word(&lower[k + 1]))
    };
    // "in First Alvenians", "at Second Harbour College": an ordinal
    // capitalized before another capitalized word begins a name; opening a
    // sentence, not before a given name ("First Ana spoke"); not in a
    // headline, where every word is capitalized.
    let ordinal_name = |k: usize| {
        k + 1 < b
            && !ctx.masks.title_line[k]
            && lx.classes.ordinals.contains(lower[k].as_str())
            && (!sentence_initial || !lx.first_names.contains_key(lower[k + 1].as_str()))
    };
    let start = a;
    while a < b
        && !is_acronym(toks[a].text(text))
        && (lx.function_words.contains(lower[a].as_str()) || is_pronoun_like(&lower[a], lx))
        && !given_before_surname(a)
        && !ordinal_name(a)
    {
        a += 1;
    }
    if a > start {
        fire(toks, "spot.skip_leading_function_words", start, a);
    }
    if sentence_initial
        && b - a >= 2
        && lower[a].ends_with("ing")
        && lx.is_common_word(&lower[a])
        && !lx.places.contains_key(lower[a].as_str())
        && !lx.surnames.contains(lower[a].as_str())
        && !lx.first_names.contains_key(lower[a].as_str())
    {
        fire(toks, "spot.skip_opening_participle", a, a + 1);
        a += 1;
    }
    // "Indiana-born Ana Ruiz", "Republican Ana Ruiz", "Liberal Tomas
    // Okafor": where she comes from, a party or a nationality before a
    // person's name describes her.
    let party_or_nation = |k: usize| {
        lx.adjectives.contains(lower[k].as_str())
            && given_name(&lower[k + 1], lx)
            && !lx.is_place_or_country(&lower[k + 1])
    };
    if b - a >= 3 && (place_derived(&lower[a]) || party_or_nation(a)) {
        fire(toks, "spot.skip_affiliation_adjective", a, a + 1);
        a += 1;
    }
    if b - a >= 2 && lx.calendar.contains(lower[a].as_str()) && is_acronym(toks[a + 1].text(text)) {
        fire(toks, "spot.skip_month_before_acronym", a, a + 1);
        a += 1;
    }
    a
}

/// One past the last title word that leads the run `a..b` ("Defense
/// Minister Ana Ruiz", "Secretary of State Jane Doe"), if the run has one
/// and what follows it is no organization, document, event or place.
fn title_prefix_end(ctx: &Context, lx: &Lexicon, a: usize, b: usize) -> Option<usize> {
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    if a > 0 && lower[a - 1] == "the" && ROYAL_TITLES.contains(&lower[a].as_str()) {
        // "on the deck of the Queen Adela": a ship, hotel or hospital named
        // for a royal, not the royal herself.
        return None;
    }
    let mut title_end = None;
    let mut k = a;
    while k < b.saturating_sub(1) {
        let w = lower[k].trim_end_matches('.');
        if let Some(end) = pageant_title_end(ctx, lx, k, b) {
            // "Miss Ohio Ana Ruiz", "Miss Universe Ana Ruiz": a title.
            title_end = Some(end);
            k = end;
            continue;
        }
        if hall_of_famer(lower, k) {
            // "Hall of Famer Dana Whitlock": the honour is a title.
            title_end = Some(k + 3);
            k += 3;
            continue;
        }
        if is_title_word(w, lx) && matches!(lower[k + 1].trim_end_matches('.'), "jr" | "sr") {
            // "Tomas Bishop Jr.": a surname before a name suffix.
            return None;
        } else if is_title_word(w, lx) {
            title_end = Some(k + 1);
        } else if w == "of" && title_end == Some(k) && !lx.function_words.contains(lower[k + 1].as_str()) {
            // "Minister of Health Ana Ruiz": the title's domain, up to a
            // known first name (or the last two words when three are left).
            let d = (1..=3)
                .find(|&d| k + 1 + d + 1 < b && lx.first_names.contains_key(lower[k + 1 + d].as_str()))
                .or_else(|| (b == k + 4).then_some(1));
            if let Some(d) = d {
                title_end = Some(k + 1 + d);
                break;
            }
        } else if title_end.is_some()
            && !(is_acronym(toks[k].text(text)) || lx.function_words.contains(lower[k].as_str()))
            && !next_is_title(lower, k + 1, b, lx)
        {
            // A name after the title: stop (but "Defense Minister" keeps both).
            break;
        }
        k += 1;
    }
    // A "title" before a name that is itself an organization, document or
    // event ("General Capital Program", "Chief Medical Office") is no title.
    let head_thing = (title_end.unwrap_or(b)..b).any(|k| {
        let w = lower[k].trim_end_matches('.');
        // ("Finance Minister Bill Tarrow": a given name first.)
        let given_first = Some(k) == title_end && k + 1 < b && given_name(w, lx);
        !given_first
            && (lx.org_words.contains(w)
                || lx.document_words.contains(w)
                || lx.event_words.contains(w)
                || lx.place_words.contains(w))
    });
    if head_thing && title_end.is_some() {
        fire(toks, "spot.title_word_heads_a_thing", a, b);
    }
    title_end.filter(|_| !head_thing)
}

/// Splits the titles `name.t0..title_end` off the name: a person, titled
/// and gendered by an honorific; an organization, country or place before
/// the title ("U.N. Secretary-General", "Utah Gov.") becomes a candidate of
/// its own. False when nothing of a name is left.
fn split_title(ctx: &Context, lx: &Lexicon, title_end: usize, name: &mut Cand, cands: &mut Vec<Cand>) -> bool {
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    let (a, b) = (name.t0(), name.t1());
    let mut title_start = a;
    for k in a..title_end {
        if is_title_word(lower[k].trim_end_matches('.'), lx) {
            break;
        }
        if k < title_start {
            continue; // inside a place of several words
        }
        let word_key = key(toks[k].text(text));
        let end = if lx.org_index.contains_key(&word_key)
            || lx.country_index.contains_key(&word_key)
            || is_acronym(toks[k].text(text))
        {
            Some(k + 1)
        } else {
            crate::engine::nested::place_at(text, toks, lower, k, title_end, lx)
        };
        let Some(end) = end else { break };
        fire(toks, "spot.affiliation_before_title", k, end);
        cands.push(Cand::new(k, end, None));
        title_start = end;
    }
    fire(toks, "kind.person_by_title", title_start, b);
    let title = span_text(text, toks, title_start, title_end);
    for k in title_start..title_end {
        if let Some(g) = lx.honorifics.get(lower[k].trim_end_matches('.')) {
            name.gender = *g;
        }
    }
    if !title.is_empty() {
        name.rare_mut().title = Some(title.into_owned());
    }
    let mut start = title_end;
    while start < b && !toks[start].is_word() {
        start += 1;
    }
    name.kind = Some(EntityKind::Person);
    name.set_origin("kind.person_by_title");
    // "Chair of the Harbour Anglers Society": a role of what follows, which
    // is no person.
    if start < b && lower[start] == "of" {
        fire(toks, "spot.role_of_what_follows", a, b);
        start += 1;
        while start < b && matches!(lower[start].as_str(), "the" | "a" | "an") {
            start += 1;
        }
        name.kind = None;
        if let Some(rare) = &mut name.rare {
            rare.title = None;
        }
        name.gender = Gender::Unknown;
    }
    // "Democrat Voters Worried ...": in a headline written in capitals,
    // everyday words (or a negation, "Isn't") after a title, none a
    // given name or surname, name no one.
    let everyday = |w: &str| {
        (lx.is_common_word(w) || w.ends_with("n't") || w.ends_with("n\u{2019}t"))
            && !lx.first_names.contains_key(w)
            && !lx.surnames.contains(w)
    };
    if ctx.masks.title_line[a] && (start..b).filter(|&k| toks[k].is_word()).all(|k| everyday(&lower[k])) {
        fire(toks, "spot.title_before_headline_words", a, b);
        return false;
    }
    name.set_t0(start);
    start < b
}

/// One past the last word of the name in `a..b`: trailing function words
/// ("Norvia On" in a headline), a trailing title that describes the name
/// before it ("the Tarrow Governor race"; not in "Ministry of Justice" nor a
/// surname that is also a title, "Carole King"), a trailing calendar word
/// ("Seoul Tuesday") and a next sentence's opening word run on from a line
/// with no period go.
fn trim_trailing(ctx: &Context, lx: &Lexicon, a: usize, mut b: usize, titled: bool) -> usize {
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    let end = b;
    while b > a + 1
        && lx.classes.trailing_joiners.contains(lower[b - 1].as_str())
        && !is_acronym(toks[b - 1].text(text))
    {
        b -= 1;
    }
    if !titled
        && !(a..b).any(|k| lower[k] == "of")
        && !lx.first_names.contains_key(lower[a].as_str())
        && !lx.surnames.contains(lower[b - 1].as_str())
    {
        let mut e = b;
        while e > a + 1
            && is_title_word(lower[e - 1].trim_end_matches('.'), lx)
            && !lx.org_words.contains(lower[e - 2].as_str())
        {
            e -= 1;
        }
        if e > a && !is_title_word(lower[e - 1].trim_end_matches('.'), lx) {
            b = e;
        }
    }
    while b > a + 1
        && (lx.calendar.contains(lower[b - 1].as_str())
            && (lower[b - 1].ends_with("day") || !lx.first_names.contains_key(lower[b - 2].as_str()))
            || toks.get(b).is_some_and(|t| t.is_word())
                && lx.function_words.contains(lower[b - 1].as_str())
                && !is_acronym(toks[b - 1].text(text))
                && !lx.calendar.contains(lower[b - 1].as_str())
                && !lx.first_names.contains_key(lower[b - 1].as_str())
                && !lx.surnames.contains(lower[b - 1].as_str()))
    {
        b -= 1;
    }
    if b < end {
        fire(toks, "spot.trim_trailing_words", b, end);
    }
    b
}

/// "Winter Carnival of Magic", "Grand Order of Foresters": a name of two or
/// more capitalized words whose last is an everyday noun (no given name or
/// surname) takes an "of" and the capitalized name after it, unless that is
/// a known place ("Acme Carpets of Ohio" stays apart).
pub(super) fn common_head_takes_of(
    text: &str,
    toks: &[Token],
    lower: &Lower,
    i: usize,
    j: usize,
    lx: &Lexicon,
) -> bool {
    let h = lower[j - 1].as_str();
    if lower[j] != "of" || j < i + 2 || !lx.is_common_word(h) || !toks[j - 1].cap() {
        return false;
    }
    if lx.surnames.contains(h) || lx.first_names.contains_key(h) || lx.calendar.contains(h) {
        return false;
    }
    let mut k = j + 1;
    if toks.get(k).is_some_and(|t| t.is_word()) && lower[k] == "the" {
        k += 1;
    }
    if !toks.get(k).is_some_and(|t| t.is_word() && name_cap(t, text, lx)) {
        return false;
    }
    let w = lower[k].as_str();
    !(lx.places.contains_key(w) || lx.country_index.contains_key(w) || lx.first_names.contains_key(w))
}

/// Web addresses as token ranges: "http://…", "www.…" and bare host names
/// ("podcasts.example.com"), with what follows them up to a space, a
/// bracket or a quote mark, less trailing punctuation. The flag is false for
/// an e-mail address (no name, but no capitals inside it count either).
pub(super) fn web_addresses(text: &str, toks: &[Token], lower: &Lower, lx: &Lexicon) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let t = toks[k];
        // (Most tokens are neither: look at the raw text before the
        // lowercase table.)
        let raw = t.text(text);
        let maybe_scheme = raw.len() <= 5 && raw.bytes().next().is_some_and(|b| b == b'h' || b == b'H');
        if !t.is_word() || !(maybe_scheme || t.dotted()) {
            k += 1;
            continue;
        }
        let w = lower[k].as_str();
        let glued = |i: usize| toks.get(i).is_some_and(|t| !t.space_before());
        let scheme = matches!(w, "http" | "https")
            && (1..=3).all(|d| glued(k + d))
            && toks[k + 1].text(text) == ":"
            && toks[k + 2].text(text) == "/";
        let host = w.contains('.')
            && (w.starts_with("www.")
                || w.rsplit_once('.').is_some_and(|(head, tld)| {
                    lx.classes.web_endings.contains(tld) && head.split('.').all(|l| l.chars().count() >= 2)
                }));
        if !(scheme || host) || k > 0 && !t.space_before() && toks[k - 1].text(text) != "(" {
            // (Inside a word or after "@": an e-mail's host, handled below.)
            let email = host && k > 0 && toks[k - 1].text(text) == "@" && !t.space_before();
            if email {
                let mut a = k - 1;
                while a > 0 && !toks[a].space_before() && !toks[a - 1].text(text).starts_with(['(', '<']) {
                    a -= 1;
                }
                out.push((a, k + 1, false));
            }
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < toks.len() && !toks[end].space_before() {
            let s = toks[end].text(text);
            if !toks[end].is_word()
                && s.starts_with([
                    '(', ')', '[', ']', '<', '>', '"', '\'', ',', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}',
                ])
            {
                break;
            }
            end += 1;
        }
        while end > k + 1 && !toks[end - 1].is_word() && toks[end - 1].text(text) != "/" {
            end -= 1;
        }
        out.push((k, end, true));
        k = end;
    }
    out
}

/// "protesters chanted", "the students said": a group of people named by a
/// plural noun (`group_nouns`) as the subject of a speech verb is a group
/// entity (kind other), so that it can be a quote's speaker. Not after a
/// quantifier ("some residents said": an unnamed part of a group).
fn group_speakers(ctx: &Context, lx: &Lexicon, cands: &mut Vec<Cand>) {
    let (toks, lower) = (ctx.tokens, ctx.lower);
    let mut found = Vec::new();
    for k in 0..toks.len().saturating_sub(1) {
        if !toks[k].is_word() || !toks[k + 1].is_word() || !lx.classes.group_nouns.contains(lower[k].as_str()) {
            continue;
        }
        let next = lower[k + 1].as_str();
        let before = k.checked_sub(1).filter(|&b| toks[b].is_word()).map(|b| lower[b].as_str());
        let bare = before.is_none_or(|w| w == "the");
        let capital_ok = !toks[k].cap() || ctx.masks.sentence_start[k];
        if bare && capital_ok && lx.speech_verb(next).is_some() {
            fire(toks, "spot.group_speaking", k, k + 1);
            found.push(k);
        }
    }
    if found.is_empty() {
        return;
    }
    cands.retain(|c| !found.contains(&c.t0()));
    for k in found {
        cands.push(Cand::new(k, k + 1, Some(EntityKind::Other)));
    }
    cands.sort_by_key(|c| c.t0());
}
