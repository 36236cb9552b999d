//! Fuzz target: arbitrary bytes as a URL fragment → share-link decoding → evaluation. Inputs
//! that decode are re-encoded and must decode to the same project. Must never panic.
#![no_main]

use greencheck_core::evaluate;
use greencheck_core::share::{decode_fragment, encode_fragment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(fragment) = std::str::from_utf8(data) else {
        return;
    };
    match decode_fragment(fragment) {
        Ok(project) => {
            let report = evaluate(&project);
            let json = serde_json::to_string(&report).expect("report serialises");
            assert!(!json.is_empty());
            let again =
                decode_fragment(&encode_fragment(&project)).expect("re-encoded link decodes");
            assert_eq!(again, project);
        }
        Err(e) => assert!(!e.message_zh().is_empty() && !e.message_en().is_empty()),
    }
});
