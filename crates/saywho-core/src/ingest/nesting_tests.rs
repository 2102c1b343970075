use super::*;

#[test]
fn a_page_that_nests_little_is_untouched() {
    let page = "<!DOCTYPE html><html><body><div class=\"a>b\"><p>One<p>Two<br><img src=x>\
                <ul><li>a<li>b</ul><svg><path d=\"M0\"/><path/></svg></div></body></html>";
    assert!(matches!(cap_nesting_at(page, 6), Cow::Borrowed(_)));
}

#[test]
fn start_tags_past_the_cap_and_their_end_tags_are_dropped() {
    let page = "<div><div><div><div>Deep <b>words</b>.</div></div></div></div><p>After.";
    assert_eq!(
        cap_nesting_at(page, 2),
        "<div><div>Deep words.</div></div><p>After."
    );
}

#[test]
fn unclosed_elements_stay_capped() {
    let page = "<div>".repeat(10) + "Text";
    assert_eq!(cap_nesting_at(&page, 3), "<div><div><div>Text");
    let tables = "<table><tr><td>".repeat(5) + "Cell";
    assert_eq!(cap_nesting_at(&tables, 2), "<table><tr><td><table>Cell");
}

#[test]
fn stray_end_tags_do_not_lower_the_count() {
    // `</span>` closes nothing open; the divs stay counted.
    let page = "<div></span>".repeat(4) + "x";
    assert_eq!(
        cap_nesting_at(&page, 2),
        "<div></span><div></span></span></span>x"
    );
}

#[test]
fn a_formatting_end_tag_leaves_the_blocks_inside_it_open() {
    // The parser keeps each `<div>` open and nests the next `<b><div>` inside it.
    let page = "<b><div>x</b>".repeat(4);
    assert_eq!(
        cap_nesting_at(&page, 3),
        "<b><div>x</b><b><div>x</b><b>x</b><b>x</b>"
    );
    // A formatting element closed around text, or around another one, nests nothing.
    let plain = "<div><b>x</b><b><i>y</b></i></div>".repeat(4);
    assert!(matches!(cap_nesting_at(&plain, 3), Cow::Borrowed(_)));
}

#[test]
fn comments_scripts_and_quoted_values_hide_no_tags() {
    let page = "<div><!-- <div><div> --><script>if (a<b) { s = '<div><div>'; }</script>\
                <span title='<div>'>x</span></div>";
    assert!(matches!(cap_nesting_at(page, 2), Cow::Borrowed(_)));
}

#[test]
fn the_html_reader_keeps_the_text_of_a_deeply_nested_page() {
    let depth = MAX_DEPTH * 3;
    let page = format!(
        "<html><body>{}<p>\"We will finish the bridge by spring,\" the mayor said on Tuesday \
         at a meeting with residents of the eastern district.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let article = crate::ingest::html::html_to_article(page.as_bytes());
    assert!(article.text.contains("the mayor said"), "{}", article.text);
}
