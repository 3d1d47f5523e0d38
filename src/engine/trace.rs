//! Named rules, traced: which rule decided what.
//!
//! Every filter, link and kind decision of the engine has a name. When a
//! rule decides, its stage calls [`fire`] with the name and the span it
//! decided on. Tracing is off unless a caller asks for it with [`collect`]
//! (`byline annotate --explain`); off, [`fire`] costs one thread-local read.

use std::cell::RefCell;

use serde::Serialize;

use crate::model::Span;

/// One rule that fired: the stage, the rule's name and the text it decided on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fired {
    pub stage: &'static str,
    pub rule: &'static str,
    pub start: usize,
    pub end: usize,
}

thread_local! {
    static FIRED: RefCell<Option<Vec<Fired>>> = const { RefCell::new(None) };
}

/// Records that `rule` of `stage` decided on `span`, when tracing is on.
#[inline]
pub fn fire(stage: &'static str, rule: &'static str, span: Span) {
    FIRED.with(|f| {
        if let Some(v) = f.borrow_mut().as_mut() {
            v.push(Fired { stage, rule, start: span.start, end: span.end });
        }
    });
}

/// Runs `work` with tracing on (on this thread) and returns its result with
/// every rule that fired, in firing order.
pub fn collect<T>(work: impl FnOnce() -> T) -> (T, Vec<Fired>) {
    let outer = FIRED.with(|f| f.borrow_mut().replace(Vec::new()));
    let result = work();
    let fired = FIRED.with(|f| std::mem::replace(&mut *f.borrow_mut(), outer)).unwrap_or_default();
    (result, fired)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_by_default_and_collected_on_request() {
        fire("names", "ignored", Span::new(0, 1));
        let ((), fired) = collect(|| fire("names", "kept", Span::new(2, 4)));
        assert_eq!(fired, vec![Fired { stage: "names", rule: "kept", start: 2, end: 4 }]);
        let ((), again) = collect(|| ());
        assert!(again.is_empty());
    }
}
