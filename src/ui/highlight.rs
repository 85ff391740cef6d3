//! Search matches marked inside spans that are already styled.

use ratatui::text::Span;

use super::theme;
use crate::search::find;

/// Splits each span where the folded query matches, restyling the matches.
/// With no query, the spans come back as they were.
pub fn marks<'a>(spans: Vec<Span<'a>>, folded_query: Option<&str>) -> Vec<Span<'a>> {
    let Some(q) = folded_query.filter(|q| !q.is_empty()) else {
        return spans;
    };
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let hits = find(&span.content, q);
        if hits.is_empty() {
            out.push(span);
            continue;
        }
        let mut at = 0;
        for hit in hits {
            if hit.start > at {
                out.push(Span::styled(
                    span.content[at..hit.start].to_owned(),
                    span.style,
                ));
            }
            out.push(Span::styled(
                span.content[hit.clone()].to_owned(),
                span.style.patch(theme::matched()),
            ));
            at = hit.end;
        }
        if at < span.content.len() {
            out.push(Span::styled(span.content[at..].to_owned(), span.style));
        }
    }
    out
}
