//! What a user types, turned into an FTS5 query that cannot be a syntax error.
//!
//! Rules: the text is split at whitespace; a piece without any letter or digit is dropped;
//! each piece becomes one quoted FTS5 string (a `"` inside is doubled), so `*`, `-`, `:`,
//! `(`, `AND`, `NEAR` and the like are only text; the last piece is a prefix match, so results
//! come while the user is still typing. All pieces must match (in any column, any order).
//! Within a piece, punctuation splits words the way the index does: `e-mail` finds "e-mail"
//! and "e mail".

/// At most this many pieces are used; more add nothing a manager would miss.
pub const MAX_TERMS: usize = 12;
/// A piece longer than this (in characters) is cut there.
const MAX_TERM_CHARS: usize = 64;

/// The FTS5 query for `text`, or `None` when it has nothing to search for.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .take(MAX_TERMS)
        .map(|t| {
            let cut: String = t.chars().take(MAX_TERM_CHARS).collect();
            format!("\"{}\"", cut.replace('"', "\"\""))
        })
        .collect();
    let (last, rest) = terms.split_last()?;
    let mut query = rest.join(" ");
    if !query.is_empty() {
        query.push(' ');
    }
    query.push_str(last);
    query.push('*');
    Some(query)
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn each_piece_is_quoted_and_the_last_is_a_prefix() {
        assert_eq!(fts_query("erp data").as_deref(), Some("\"erp\" \"data\"*"));
        assert_eq!(fts_query("  vpn ").as_deref(), Some("\"vpn\"*"));
        assert_eq!(fts_query("say \"hi\"").as_deref(), Some("\"say\" \"\"\"hi\"\"\"*"));
        assert_eq!(fts_query("a* -b c:d").as_deref(), Some("\"a*\" \"-b\" \"c:d\"*"));
    }

    #[test]
    fn nothing_to_search_for() {
        assert_eq!(fts_query(""), None);
        assert_eq!(fts_query("   "), None);
        assert_eq!(fts_query("\" * - : ( )"), None);
    }
}
