//! The five run-in headings of the reference article, exactly.

#[test]
fn reference_article_has_exactly_its_five_run_in_headings() {
    let text = include_str!("../assets/samples/seed-ukraine-talks.txt");
    let gold: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/seed-ukraine-talks.gold.json")).unwrap();
    let want: Vec<(usize, usize)> = gold["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["start"].as_u64().unwrap() as usize,
                h["end"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(want.len(), 5);
    assert!(text.is_ascii(), "char offsets are byte offsets");
    let got: Vec<(usize, usize)> = saywho_core::analyze(text.to_string())
        .headings()
        .iter()
        .map(|r| (r.start, r.end))
        .collect();
    assert_eq!(got, want);
}
