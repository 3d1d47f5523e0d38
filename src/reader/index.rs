//! Derived, read-only lookups over one [`Document`], built once when it is
//! opened: spans sorted for "what overlaps this row", the direct quotes in
//! text order, the sidebar's entity order and per-entity counts.

use crate::model::{Document, EntityKind, MentionForm, QuoteKind, Span};

/// Spans sorted by start, with a running maximum of their ends, so the spans
/// overlapping a range are found without scanning the whole list (quotes and
/// pledges can span many rows, so sorting by start alone is not enough).
#[derive(Debug, Clone)]
pub struct SpanIndex<T> {
    items: Vec<(Span, T)>,
    max_end: Vec<usize>,
}

impl<T> Default for SpanIndex<T> {
    fn default() -> Self {
        SpanIndex { items: Vec::new(), max_end: Vec::new() }
    }
}

impl<T: Copy> SpanIndex<T> {
    /// Builds the index; empty spans are dropped (they cover no cell).
    pub fn new(mut items: Vec<(Span, T)>) -> Self {
        items.retain(|(s, _)| !s.is_empty());
        items.sort_by_key(|(s, _)| (s.start, s.end));
        let mut max_end = Vec::with_capacity(items.len());
        let mut m = 0;
        for (s, _) in &items {
            m = m.max(s.end);
            max_end.push(m);
        }
        SpanIndex { items, max_end }
    }

    /// Every item whose span shares a byte with `[start, end)`.
    pub fn overlapping(&self, start: usize, end: usize) -> Vec<(Span, T)> {
        let hi = self.items.partition_point(|(s, _)| s.start < end);
        let mut out = Vec::new();
        for i in (0..hi).rev() {
            if self.max_end[i] <= start {
                break;
            }
            if self.items[i].0.end > start {
                out.push(self.items[i]);
            }
        }
        out.reverse();
        out
    }

    /// Every item whose span holds the byte at `pos`.
    pub fn at(&self, pos: usize) -> Vec<(Span, T)> {
        self.overlapping(pos, pos + 1)
    }

    /// All items, sorted by start.
    pub fn items(&self) -> &[(Span, T)] {
        &self.items
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there are no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// A mention in the index: which entity, in which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef {
    pub entity: usize,
    pub form: MentionForm,
}

/// One row of the entities sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidebarRow {
    /// A group heading with the number of entities in it.
    Heading(EntityKind, usize),
    /// An entity, by id.
    Entity(usize),
}

/// Everything the panes look up repeatedly, computed once per document.
#[derive(Debug, Clone, Default)]
pub struct DocIndex {
    /// Quote outer spans -> index into `doc.quotes`.
    pub quotes: SpanIndex<usize>,
    /// Mention spans -> entity.
    pub mentions: SpanIndex<MentionRef>,
    /// Pledge spans -> index into `doc.pledges`.
    pub pledges: SpanIndex<usize>,
    /// Indices into `doc.quotes` of the direct quotes, in text order.
    pub direct: Vec<usize>,
    /// Entity ids in sidebar order (grouped by kind, then first mention).
    pub entity_order: Vec<usize>,
    /// The sidebar's rows: headings and entities.
    pub sidebar: Vec<SidebarRow>,
    /// Mentions per entity id.
    pub mention_count: Vec<usize>,
    /// Direct quotes per entity id.
    pub quote_count: Vec<usize>,
    /// Entities that speak at least one quote (direct or partial), in sidebar order.
    pub speakers: Vec<usize>,
    /// A stable key per pledge (its span) for saved ticks.
    pub pledge_keys: Vec<String>,
    /// The pledge keys, sorted (to count ticks without a scan of the pledges).
    pub sorted_pledge_keys: Vec<String>,
    /// Direct quotes per speaker id, in text order (positions into `doc.quotes`).
    pub direct_by_speaker: Vec<Vec<usize>>,
    /// For each quote: its place in `direct` and in its speaker's list
    /// (`usize::MAX` for partial quotes).
    pub quote_rank: Vec<(usize, usize)>,
    /// For each entity id: its row in `sidebar` and its place in `entity_order`.
    pub entity_place: Vec<(usize, usize)>,
    /// For each entity id: its mentions in text order (indices into
    /// `entity.mentions`), or empty when they already are in text order.
    pub mention_order: Vec<Vec<usize>>,
}

/// `quote_rank` of a quote that is not in the direct lists.
pub const NO_RANK: usize = usize::MAX;

impl DocIndex {
    /// Builds the index of `doc`.
    pub fn new(doc: &Document) -> Self {
        let n = doc.entities.len();
        let quotes = SpanIndex::new(doc.quotes.iter().enumerate().map(|(i, q)| (q.outer, i)).collect());
        let mentions = SpanIndex::new(
            doc.entities
                .iter()
                .enumerate()
                .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span(), MentionRef { entity: i, form: m.form })))
                .collect(),
        );
        let pledges = SpanIndex::new(doc.pledges.iter().enumerate().map(|(i, p)| (p.span(), i)).collect());
        let mut direct: Vec<usize> =
            (0..doc.quotes.len()).filter(|&i| doc.quotes[i].kind == QuoteKind::Direct).collect();
        direct.sort_by_key(|&i| (doc.quotes[i].start, i));

        let mention_count: Vec<usize> = doc.entities.iter().map(|e| e.mentions.len()).collect();
        let mut quote_count = vec![0; n];
        let mut speaks = vec![false; n];
        for q in &doc.quotes {
            for s in q.speakers().filter(|&s| s < n) {
                speaks[s] = true;
                if q.kind == QuoteKind::Direct {
                    quote_count[s] += 1;
                }
            }
        }
        let first = |i: usize| doc.entities[i].mentions.iter().map(|m| m.start).min().unwrap_or(usize::MAX);
        let mut entity_order = Vec::with_capacity(n);
        let mut sidebar = Vec::new();
        for kind in EntityKind::ALL {
            let mut ids: Vec<usize> = (0..n).filter(|&i| doc.entities[i].kind == kind).collect();
            if ids.is_empty() {
                continue;
            }
            ids.sort_by_key(|&i| (first(i), i));
            sidebar.push(SidebarRow::Heading(kind, ids.len()));
            sidebar.extend(ids.iter().map(|&i| SidebarRow::Entity(i)));
            entity_order.extend(ids);
        }
        let speakers = entity_order.iter().copied().filter(|&i| speaks[i]).collect();
        let pledge_keys: Vec<String> = doc.pledges.iter().map(|p| format!("{}-{}", p.start, p.end)).collect();
        let mut sorted_pledge_keys = pledge_keys.clone();
        sorted_pledge_keys.sort();
        let mut direct_by_speaker: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut quote_rank = vec![(NO_RANK, NO_RANK); doc.quotes.len()];
        for (pos, &q) in direct.iter().enumerate() {
            quote_rank[q].0 = pos;
            // (The own rank is the first speaker's; those `with` them find
            // the quote in their list by its place in the text.)
            for (k, s) in doc.quotes[q].speakers().filter(|&s| s < n).enumerate() {
                if k == 0 {
                    quote_rank[q].1 = direct_by_speaker[s].len();
                }
                direct_by_speaker[s].push(q);
            }
        }
        let mut entity_place = vec![(0, 0); n];
        for (row, r) in sidebar.iter().enumerate() {
            if let SidebarRow::Entity(id) = *r {
                entity_place[id].0 = row;
            }
        }
        for (i, &id) in entity_order.iter().enumerate() {
            entity_place[id].1 = i;
        }
        let mention_order = doc
            .entities
            .iter()
            .map(|e| {
                if e.mentions.windows(2).all(|w| w[0].start <= w[1].start) {
                    Vec::new()
                } else {
                    let mut order: Vec<usize> = (0..e.mentions.len()).collect();
                    order.sort_by_key(|&i| e.mentions[i].start);
                    order
                }
            })
            .collect();
        DocIndex {
            quotes,
            mentions,
            pledges,
            direct,
            entity_order,
            sidebar,
            mention_count,
            quote_count,
            speakers,
            pledge_keys,
            sorted_pledge_keys,
            direct_by_speaker,
            quote_rank,
            entity_place,
            mention_order,
        }
    }

    /// The direct quotes `]`/`[` visit: all of them, or one speaker's.
    pub fn quote_list(&self, filter: Option<usize>) -> &[usize] {
        match filter {
            None => &self.direct,
            Some(id) => self.direct_by_speaker.get(id).map_or(&[], Vec::as_slice),
        }
    }

    /// Where quote `q` is in `quote_list(filter)`, if it is there.
    pub fn quote_pos(&self, filter: Option<usize>, q: usize) -> Option<usize> {
        let (all, own) = *self.quote_rank.get(q)?;
        let pos = if filter.is_none() { all } else { own };
        let list = self.quote_list(filter);
        if pos != NO_RANK && list.get(pos) == Some(&q) {
            return Some(pos);
        }
        // A quote spoken together with the filtered speaker.
        let rank = |i: &usize| self.quote_rank[*i].0;
        list.binary_search_by_key(&all, rank).ok().filter(|_| all != NO_RANK)
    }

    /// The `k`th mention of entity `id` in text order (index into its mentions).
    pub fn mention_in_order(&self, id: usize, k: usize) -> usize {
        self.mention_order.get(id).and_then(|o| o.get(k)).copied().unwrap_or(k)
    }

    /// The place in text order of mention `m` of entity `id`.
    pub fn mention_rank(&self, id: usize, m: usize) -> usize {
        match self.mention_order.get(id) {
            Some(o) if !o.is_empty() => o.iter().position(|&x| x == m).unwrap_or(0),
            _ => m,
        }
    }

    /// How many of `ticks` are keys of this document's pledges.
    pub fn ticked_count(&self, ticks: &std::collections::BTreeSet<String>) -> usize {
        ticks.iter().filter(|t| self.sorted_pledge_keys.binary_search(t).is_ok()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joint_speakers_count_and_filter_the_quote() {
        let text = "Cats\n\n“We love cats!” reply Ana Morel and Joe Tamsin. “So do we,” said Ana Morel.\n";
        let doc = crate::engine::annotate(text);
        let joe = doc.entities.iter().position(|e| e.name == "Joe Tamsin").expect("Joe");
        assert_eq!(doc.quotes[0].with, [joe]);
        let ix = DocIndex::new(&doc);
        assert!(ix.speakers.contains(&joe));
        assert_eq!(ix.quote_count[joe], 1);
        assert_eq!(ix.quote_list(Some(joe)), [0]);
        assert_eq!(ix.quote_pos(Some(joe), 0), Some(0));
        assert_eq!(ix.quote_pos(Some(joe), 1), None);
    }

    #[test]
    fn overlapping_finds_long_spans_that_start_early() {
        let idx = SpanIndex::new(vec![(Span::new(0, 100), 'a'), (Span::new(10, 12), 'b'), (Span::new(50, 60), 'c')]);
        let got: Vec<char> = idx.overlapping(55, 58).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, vec!['a', 'c']);
        let got: Vec<char> = idx.overlapping(12, 50).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, vec!['a']);
        assert!(idx.overlapping(100, 200).is_empty());
        assert_eq!(idx.at(11).len(), 2);
    }
}
