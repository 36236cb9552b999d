//! Share links: `#p=` + base64url(deflate-raw(project JSON)), decoded defensively.

use base64::Engine;
use greencheck_core::migrate::LoadError;
use greencheck_core::project::{ErrorKind, Project, Template};
use greencheck_core::share::{
    decode_fragment, decode_json, encode_fragment, encode_json, ShareError, MAX_FRAGMENT_CHARS,
    MAX_INFLATED_BYTES,
};
use proptest::prelude::*;

const B64: base64::engine::general_purpose::GeneralPurpose =
    base64::engine::general_purpose::URL_SAFE_NO_PAD;

fn fragment_of_bytes(deflated: &[u8]) -> String {
    format!("#p={}", B64.encode(deflated))
}

/// Made with Python's zlib (`compressobj(9, DEFLATED, -15)`, i.e. deflate-raw, which is what
/// Chromium's `CompressionStream("deflate-raw")` emits) and
/// `base64.urlsafe_b64encode(...).rstrip(b"=")`, from the compact JSON
/// `{"format":"greencheck/1","name":"分享测试","city":"hebi","use":"residential","storeys":6,
/// "storey_height_m":3.0,"geometry":{"mode":"box","length_m":40,"depth_m":12,"orientation_deg":170},
/// "facades":{"A":{"wwr":0.4},"B":{"wwr":0.1},"C":{"wwr":0.25},"D":{"wwr":0.1}},
/// "envelope":{"wall_u":0.4,"roof_u":0.3,"window_u":1.8,"window_shgc":0.45}}`.
const BROWSER_VECTOR: &str = "#p=VY1LTsMwEIbvMmsrTfoAlB2Pe0RuPLEtYk9lu6RVlS1CYs0pWLBiw3kAcQzGqUDtZuTv8z__HKCj4GSCGnRA9K3B9n5WgQAvHbL9enr8_Hj9fn_-eXth29q0Z2twbZm2MUcCRqvQJyt7djFRwH2E-uLv3Ri02qTGQb0oSgEayWEK3HMARypXrGnHqz16nUzOLTmmcHOEai6AguULMlnyjULN8rIcBXSylQpjbrrOYxgC1GWx5K-bE66Yb094vmJxdxZggf4Be9rg5GXfN9upS0Ag6o6wEDBYr2jIWBVX_xiNbqf0ahx_AQ";

/// Same tooling, a `greencheck/0` draft: `{"format":"greencheck/0","use":"office","storeys":4,
/// "storey_height_m":3.6,"orientation":90,"geometry":{"mode":"box","length_m":30,"depth_m":15}}`.
const BROWSER_VECTOR_V0: &str = "#p=NYxbCsIwFET3Mt9BKz7AbKbUdPJAkyvpLVhK925U_JszzJwVXmoeFBahksVFuvu-g8E8sZXifXJsOKlULhPs6Z_7yBSi9hn2uLsYSE0sOmiSAnvtDAIlU-sCuyLL-NHd5NVcD5ag8Xtss5HPHxzO2_YG";

#[test]
fn templates_round_trip() {
    for t in Template::ALL {
        let p = Project::template(t).unwrap();
        let fragment = encode_fragment(&p);
        assert!(fragment.starts_with("#p="), "{fragment}");
        assert!(
            fragment[3..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "base64url without padding: {fragment}"
        );
        assert!(fragment.len() < 1024, "{t:?}: {} chars", fragment.len());
        assert_eq!(decode_fragment(&fragment).unwrap(), p, "{t:?}");
        // Without the '#', and among other parameters.
        assert_eq!(decode_fragment(&fragment[1..]).unwrap(), p);
        assert_eq!(
            decode_fragment(&format!("#lang=en&{}", &fragment[1..])).unwrap(),
            p
        );
    }
}

#[test]
fn unknown_sections_survive_a_link() {
    let mut doc: serde_json::Value = serde_json::from_str(Template::Office.json()).unwrap();
    doc["future_section"] = serde_json::json!({"a": [1, "二"]});
    doc["pv"] = serde_json::json!({"tilt_deg": 25});
    let p = Project::from_value(doc).unwrap();
    let back = decode_fragment(&encode_fragment(&p)).unwrap();
    assert_eq!(back, p);
    assert_eq!(
        back.extra["future_section"],
        serde_json::json!({"a": [1, "二"]})
    );
}

#[test]
fn browser_deflate_raw_vector_decodes() {
    let p = decode_fragment(BROWSER_VECTOR).unwrap();
    assert_eq!(p.name, "分享测试");
    assert_eq!(p.storeys, 6);
    assert_eq!(p.facades["C"].wwr, Some(0.25));
    assert_eq!(p.envelope.window_shgc, Some(0.45));
    // Our encoder's output is deflate-raw too: Python can read it (checked by hand) and we can.
    let json = decode_json(BROWSER_VECTOR).unwrap();
    assert_eq!(decode_json(&encode_json(&json)).unwrap(), json);
}

#[test]
fn older_format_in_a_link_is_migrated() {
    let p = decode_fragment(BROWSER_VECTOR_V0).unwrap();
    assert_eq!(p.format, "greencheck/1");
    match p.geometry {
        greencheck_core::project::Geometry::Box {
            orientation_deg, ..
        } => assert_eq!(orientation_deg, 90.0),
        other => panic!("{other:?}"),
    }
}

#[test]
fn padding_and_surrounding_spaces_are_tolerated() {
    let p = Project::template(Template::Villa).unwrap();
    let fragment = encode_fragment(&p);
    let padded = match (fragment.len() - 3) % 4 {
        2 => format!("{fragment}=="),
        3 => format!("{fragment}="),
        _ => fragment.clone(),
    };
    assert_eq!(decode_fragment(&padded).unwrap(), p);
    assert_eq!(decode_fragment(&format!("  {fragment}\n")).unwrap(), p);
}

#[test]
fn missing_or_empty_payload() {
    for f in ["", "#", "#q=abc", "#P=abc", "#p=", "p="] {
        assert_eq!(decode_fragment(f), Err(ShareError::NoProject), "{f:?}");
    }
}

#[test]
fn invalid_base64() {
    for f in ["#p=!!!!", "#p=abc+def", "#p=a", "#p=ab cd", "#p=abc=def"] {
        assert!(
            matches!(decode_fragment(f), Err(ShareError::Base64 { .. })),
            "{f:?}: {:?}",
            decode_fragment(f)
        );
    }
}

#[test]
fn invalid_deflate() {
    // Valid base64 of bytes that are not a deflate stream (block type 3 is reserved).
    let e = decode_fragment(&fragment_of_bytes(&[0xFF, 0xFF, 0xFF, 0xFF])).unwrap_err();
    assert!(matches!(e, ShareError::Deflate { .. }), "{e:?}");
    // A zlib stream (with header) is not deflate-raw.
    let zlib = miniz_oxide::deflate::compress_to_vec_zlib(Template::Villa.json().as_bytes(), 6);
    assert!(decode_fragment(&fragment_of_bytes(&zlib)).is_err());
    // A truncated link.
    let full = encode_fragment(&Project::template(Template::Office).unwrap());
    let cut = &full[..full.len() / 2];
    assert!(matches!(
        decode_fragment(cut),
        Err(ShareError::Deflate { .. }) | Err(ShareError::Base64 { .. })
    ));
}

#[test]
fn zip_bomb_is_stopped_at_the_limit() {
    // 16 MiB of spaces deflate to ~16 KiB: under the link limit, far over the inflate limit.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 16 << 20], 10);
    let fragment = fragment_of_bytes(&bomb);
    assert!(fragment.len() < MAX_FRAGMENT_CHARS, "{}", fragment.len());
    assert_eq!(
        decode_fragment(&fragment),
        Err(ShareError::TooLarge {
            max: MAX_INFLATED_BYTES
        })
    );
}

#[test]
fn overlong_link_is_refused_before_decoding() {
    let fragment = format!("#p={}", "A".repeat(MAX_FRAGMENT_CHARS + 1));
    assert!(matches!(
        decode_fragment(&fragment),
        Err(ShareError::TooLong { .. })
    ));
}

#[test]
fn invalid_utf8() {
    let bytes = miniz_oxide::deflate::compress_to_vec(&[b'{', 0xC3, 0x28, b'}'], 6);
    assert_eq!(
        decode_fragment(&fragment_of_bytes(&bytes)),
        Err(ShareError::Utf8)
    );
}

#[test]
fn invalid_json_and_invalid_project() {
    let e = decode_fragment(&encode_json("{\"format\":")).unwrap_err();
    assert!(matches!(
        &e,
        ShareError::Project(LoadError::Invalid(pe)) if matches!(pe.kind, ErrorKind::Syntax { .. })
    ));
    let bad_wwr = Template::Office
        .json()
        .replace("\"wwr\": 0.50", "\"wwr\": 1.5");
    let e = decode_fragment(&encode_json(&bad_wwr)).unwrap_err();
    match &e {
        ShareError::Project(LoadError::Invalid(pe)) => assert_eq!(pe.path, "facades.A.wwr"),
        other => panic!("{other:?}"),
    }
    assert!(e.message_en().contains("facades.A.wwr"));
}

#[test]
fn newer_format_version() {
    let newer = Template::Villa
        .json()
        .replace("greencheck/1", "greencheck/2");
    let e = decode_fragment(&encode_json(&newer)).unwrap_err();
    assert_eq!(
        e,
        ShareError::Project(LoadError::NewerVersion {
            format: "greencheck/2".into()
        })
    );
    assert!(
        e.message_en().contains("newer version"),
        "{}",
        e.message_en()
    );
    assert!(e.message_zh().contains("更新版本"), "{}", e.message_zh());
}

#[test]
fn every_error_has_both_messages() {
    let errors = [
        ShareError::NoProject,
        ShareError::TooLong {
            chars: 70000,
            max: MAX_FRAGMENT_CHARS,
        },
        ShareError::Base64 { detail: "x".into() },
        ShareError::Deflate { detail: "x".into() },
        ShareError::TooLarge {
            max: MAX_INFLATED_BYTES,
        },
        ShareError::Utf8,
        decode_fragment(&encode_json("[]")).unwrap_err(),
    ];
    for e in errors {
        let (zh, en) = (e.message_zh(), e.message_en());
        assert!(
            zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "{zh}"
        );
        assert!(en.is_ascii() && en.len() > 10, "{en}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Never panics on arbitrary fragments.
    #[test]
    fn decode_never_panics(text in any::<String>()) {
        let _ = decode_fragment(&text);
        let _ = decode_fragment(&format!("#p={text}"));
    }

    /// Never panics on arbitrary (valid base64) bytes, deflated or not.
    #[test]
    fn decode_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode_fragment(&fragment_of_bytes(&bytes));
        let deflated = miniz_oxide::deflate::compress_to_vec(&bytes, 6);
        let _ = decode_fragment(&fragment_of_bytes(&deflated));
    }

    /// Any valid project edit survives a link exactly.
    #[test]
    fn edited_projects_round_trip(wwr in 0.0f64..1.0, u in 0.01f64..10.0, name in ".{0,40}") {
        let mut p = Project::template(Template::ResidentialHighRise).unwrap();
        p.name = name;
        p.facades.get_mut("A").unwrap().wwr = Some(wwr);
        p.envelope.wall_u = Some(u);
        prop_assert_eq!(decode_fragment(&encode_fragment(&p)).unwrap(), p);
    }
}
