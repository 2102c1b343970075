//! Lower-casing words for lexicon look-ups.

use compact_str::CompactString;

/// `word.to_lowercase()`, without a heap allocation for the common case: a short ASCII word
/// (up to 24 bytes) is lower-cased on the stack and stays inline.
pub fn lower_case(word: &str) -> CompactString {
    let bytes = word.as_bytes();
    let mut buf = [0u8; 24];
    match buf.get_mut(..bytes.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            // ASCII in, ASCII out: always valid UTF-8.
            CompactString::from_utf8(lower).unwrap_or_default()
        }
        _ => CompactString::from(word.to_lowercase()),
    }
}
