//! Arbitrary bytes → decoding as `saywho` reads a file → analysis; checks the document's
//! invariants ([`saywho_core::Document::check`]: spans on char boundaries inside the text, in
//! order, speakers exist, quote counts right) and that the decoded text is kept verbatim.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = saywho_core::ingest::decode_bytes("fuzz", data.to_vec()) else {
        return;
    };
    let doc = saywho_core::analyze(decoded.text.clone());
    assert_eq!(doc.text(), decoded.text, "the text is kept verbatim");
    if let Err(broken) = doc.check() {
        panic!("{broken}");
    }
});
