//! Variants: the file format (old files, old readers, round trips through files and share links, corrupt
//! sections) and the operations with their invariants (property test). The comparison: `compare.rs`.

use greencheck_core::editor::{set_path, Editor};
use greencheck_core::evaluate;
use greencheck_core::migrate::load_project;
use greencheck_core::project::{Project, Template};
use greencheck_core::share::{decode_fragment, encode_fragment};
use greencheck_core::text::Lang;
use greencheck_core::variants::{VariantErrorKind, VariantOpError, Variants, MAX_VARIANTS};
use proptest::prelude::*;
use serde_json::{json, Value};

const FIXTURE: &str = include_str!("data/variants/highrise.json");

fn highrise() -> Project {
    Project::template(Template::ResidentialHighRise).unwrap()
}

fn fixture() -> Variants {
    Variants::from_project(Project::from_json(FIXTURE).unwrap())
}

fn edited(p: &Project, path: &str, v: Value) -> Project {
    let mut doc: Value = serde_json::from_str(&p.to_json_pretty()).unwrap();
    assert!(set_path(&mut doc, path, Some(v)));
    Project::from_value(doc).unwrap()
}

fn ids(v: &Variants) -> Vec<String> {
    v.list().iter().map(|x| x.id().to_owned()).collect()
}

fn labels(v: &Variants) -> Vec<String> {
    v.list().iter().map(|x| x.label().to_owned()).collect()
}

/// Three variants made with the operations: A (the template), B (south WWR 0.35, window K 2.0), C.
fn three() -> Variants {
    let mut v = Variants::from_project(highrise());
    let p = v.active_project().clone();
    v.set_active_project(edited(&p, "envelope.window_u", json!(1.8)));
    assert_eq!(v.duplicate_active(Lang::Zh), Ok(1));
    let b = edited(v.active_project(), "facades.A.wwr", json!(0.35));
    v.set_active_project(edited(&b, "envelope.window_u", json!(2.0)));
    assert_eq!(v.duplicate_active(Lang::Zh), Ok(2));
    v.set_active_project(edited(v.active_project(), "envelope.wall_u", json!(0.35)));
    v
}

/// Through a file: written, read back by the current reader.
fn through_file(v: &Variants) -> Variants {
    let loaded = load_project(&v.to_json_pretty()).unwrap();
    assert_eq!(loaded.migrated_from, None);
    Variants::from_project(loaded.project)
}

/// Through a share link.
fn through_link(v: &Variants) -> Variants {
    Variants::from_project(decode_fragment(&encode_fragment(&v.to_project())).unwrap())
}

#[test]
fn a_file_without_variants_opens_as_one_and_is_written_back_as_it_was() {
    for t in Template::ALL {
        let p = Project::template(t).unwrap();
        let v = Variants::from_project(p.clone());
        assert_eq!(v.len(), 1);
        assert_eq!((v.active().id(), v.active().label()), ("v1", "方案 A"));
        assert!(v.errors().is_empty());
        assert_eq!(v.to_project(), p, "{t:?}");
        assert_eq!(v.to_json_pretty(), p.to_json_pretty(), "{t:?}");
    }
}

#[test]
fn order_and_identity_survive_file_and_link() {
    let mut v = three();
    v.rename(2, "方案 C（外墙 0.35）").unwrap();
    v.move_to(2, 0).unwrap();
    v.switch_to(1).unwrap();
    assert_eq!(ids(&v), ["v3", "v1", "v2"]);
    assert_eq!(v.active().id(), "v1");
    for (name, back) in [
        ("file", through_file(&v)),
        ("link", through_link(&v)),
        (
            "file, link, file",
            through_file(&through_link(&through_file(&v))),
        ),
    ] {
        assert_eq!(back, v, "{name}");
        assert_eq!(ids(&back), ["v3", "v1", "v2"], "{name}");
        assert_eq!(
            labels(&back),
            ["方案 C（外墙 0.35）", "方案 A", "方案 B"],
            "{name}"
        );
        assert_eq!(back.active_index(), 1, "{name}");
        assert!(back.errors().is_empty(), "{name}");
    }
    // Written, read back, written again: the same text.
    assert_eq!(through_file(&v).to_json_pretty(), v.to_json_pretty());
    // Six variants still make a short link.
    let mut six = three();
    while six.len() < MAX_VARIANTS {
        six.duplicate_active(Lang::Zh).unwrap();
    }
    let link = encode_fragment(&six.to_project());
    assert!(link.len() < 4096, "{} characters", link.len());
    assert_eq!(through_link(&six), six);
}

/// The top level is the active variant: a reader that knows nothing of variants evaluates it, edits it and
/// saves with the section kept; reading that file back, the edit is the active variant's.
#[test]
fn an_older_reader_works_on_the_active_variant() {
    let mut v = three();
    v.switch_to(1).unwrap();
    let text = v.to_json_pretty();
    let old = Project::from_json(&text).unwrap();
    assert!(old.extra.contains_key("variants"));
    let mut bare = old.clone();
    bare.extra.clear();
    assert_eq!(&bare, v.active_project());
    assert_eq!(evaluate(&old), evaluate(v.active_project()));
    // The old page's editor changes the top level and saves.
    let mut e = Editor::new(old);
    e.edit("facades.A.wwr", "0.3");
    let back = Variants::from_project(Project::from_json(&e.to_json()).unwrap());
    assert_eq!(ids(&back), ids(&v));
    assert_eq!(back.active().id(), "v2");
    assert_eq!(back.active_project().facades["A"].wwr, Some(0.3));
    assert_eq!(back.list()[0].project(), v.list()[0].project());
    assert_eq!(back.list()[2].project(), v.list()[2].project());
}

#[test]
fn the_fixture_reads_and_writes_back() {
    let v = fixture();
    assert!(v.errors().is_empty(), "{:?}", v.errors());
    assert_eq!(ids(&v), ["v1", "v2", "v3"]);
    assert_eq!(v.active().id(), "v1");
    assert_eq!(v.list()[1].project().unwrap().facades["A"].wwr, Some(0.35));
    assert_eq!(through_file(&v), v);
}

/// A variant whose inputs are invalid is reported with its path; the top level and the other variants open;
/// the bad variant is written back as it was and its report names the error.
#[test]
fn a_corrupt_variant_is_reported_with_its_path_and_the_rest_opens() {
    let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
    doc["variants"]["list"][2]["facades"]["A"]["wwr"] = json!(1.5);
    let v = Variants::from_project(Project::from_value(doc.clone()).unwrap());
    let errors = v.errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "variants.list[2].facades.A.wwr");
    assert!(matches!(errors[0].kind, VariantErrorKind::Inputs(_)));
    assert!(!errors[0].message_zh().is_empty() && !errors[0].message_en().is_empty());
    assert_eq!(ids(&v), ["v1", "v2", "v3"]);
    assert!(v.list()[1].project().is_some() && v.list()[2].project().is_none());
    assert_eq!(v.active_project().facades["A"].wwr, Some(0.45));
    // Kept verbatim.
    let written: Value = serde_json::from_str(&v.to_json_pretty()).unwrap();
    assert_eq!(written["variants"]["list"][2], doc["variants"]["list"][2]);
    assert_eq!(through_file(&v), v);
    // It cannot become the active one; it can be removed.
    let mut w = v.clone();
    assert_eq!(w.switch_to(2), Err(VariantOpError::Invalid));
    assert!(w.remove(2).is_ok());
    assert!(w.errors().is_empty());
}

/// A section whose structure cannot be read: reported with its path, the top level opens as the only variant,
/// the section is written back verbatim until the variants are changed.
#[test]
fn an_unreadable_section_is_reported_kept_and_replaced_only_by_a_change() {
    type Corrupt = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Corrupt, &str, VariantErrorKind)> = vec![
        (
            Box::new(|d| d["variants"]["list"][1]["id"] = json!("v1")),
            "variants.list[1].id",
            VariantErrorKind::DuplicateId,
        ),
        (
            Box::new(|d| d["variants"]["active"] = json!("v9")),
            "variants.active",
            VariantErrorKind::UnknownActive,
        ),
        (
            Box::new(|d| d["variants"]["list"] = json!({})),
            "variants.list",
            VariantErrorKind::NotAList,
        ),
        (
            Box::new(|d| d["variants"] = json!([1])),
            "variants",
            VariantErrorKind::NotAnObject,
        ),
        (
            Box::new(|d| d["variants"]["list"][0]["storeys"] = json!(3)),
            "variants.list[0].storeys",
            VariantErrorKind::ActiveHasInputs,
        ),
        (
            Box::new(|d| d["variants"]["list"][1]["label"] = json!("")),
            "variants.list[1].label",
            VariantErrorKind::Empty,
        ),
        (
            Box::new(|d| d["variants"]["list"][1]["id"] = json!("a b")),
            "variants.list[1].id",
            VariantErrorKind::BadId,
        ),
        (
            Box::new(|d| {
                let entry = d["variants"]["list"][2].clone();
                let list = d["variants"]["list"].as_array_mut().unwrap();
                for i in 4..=7 {
                    let mut e = entry.clone();
                    e["id"] = json!(format!("v{i}"));
                    list.push(e);
                }
            }),
            "variants.list",
            VariantErrorKind::TooMany,
        ),
    ];
    for (corrupt, path, kind) in cases {
        let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
        corrupt(&mut doc);
        let v = Variants::from_project(Project::from_value(doc.clone()).unwrap());
        let errors = v.errors();
        assert_eq!(errors.len(), 1, "{path}");
        assert_eq!((errors[0].path.as_str(), &errors[0].kind), (path, &kind));
        assert_eq!(v.len(), 1);
        assert!(v.keeps_unreadable_section());
        assert_eq!(v.active_project().facades["A"].wwr, Some(0.45));
        let written: Value = serde_json::from_str(&v.to_json_pretty()).unwrap();
        assert_eq!(
            written["variants"], doc["variants"],
            "{path}: kept verbatim"
        );
        // The first change replaces it.
        let mut w = v.clone();
        w.duplicate_active(Lang::Zh).unwrap();
        assert!(!w.keeps_unreadable_section());
        assert!(through_file(&w).errors().is_empty());
    }
    // A variant holding variants.
    let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
    doc["variants"]["list"][1]["variants"] = json!({});
    let v = Variants::from_project(Project::from_value(doc).unwrap());
    assert_eq!(v.errors()[0].path, "variants.list[1].variants");
    assert_eq!(v.len(), 3);
}

#[test]
fn unknown_keys_of_the_section_and_of_a_variant_survive() {
    let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
    doc["variants"]["layout"] = json!({"pinned": ["v2"]});
    doc["variants"]["list"][1]["future_section"] = json!([1, 2]);
    let v = Variants::from_project(Project::from_value(doc).unwrap());
    assert!(v.errors().is_empty());
    let written: Value = serde_json::from_str(&v.to_json_pretty()).unwrap();
    assert_eq!(written["variants"]["layout"], json!({"pinned": ["v2"]}));
    assert_eq!(
        written["variants"]["list"][1]["future_section"],
        json!([1, 2])
    );
}

#[test]
fn operations() {
    let mut v = three();
    assert_eq!(labels(&v), ["方案 A", "方案 B", "方案 C"]);
    assert_eq!(ids(&v), ["v1", "v2", "v3"]);
    assert_eq!(
        v.active_index(),
        2,
        "a duplicate becomes the active variant"
    );
    // Remove the middle one and put it back: the same variants.
    let before = v.clone();
    let removed = v.remove(1).unwrap();
    assert_eq!((removed.index, removed.was_active), (1, false));
    assert_eq!(removed.variant.label(), "方案 B");
    assert_eq!(v.active().id(), "v3");
    assert_eq!(v.put_back(removed), Ok(1));
    assert_eq!(v, before);
    // Remove the active one: the next valid one (or the one before) takes over; undo restores it.
    let removed = v.remove(2).unwrap();
    assert!(removed.was_active);
    assert_eq!(v.active().id(), "v2");
    v.put_back(removed).unwrap();
    assert_eq!(v, before);
    let removed = v.remove(0).unwrap();
    assert_eq!(v.active().id(), "v3");
    v.put_back(removed).unwrap();
    assert_eq!(v.active().id(), "v3");
    // The next letter follows the highest, not a freed one; a removed id is never reused.
    let removed = v.remove(1).unwrap();
    assert_eq!(v.duplicate_active(Lang::En), Ok(2));
    assert_eq!(labels(&v), ["方案 A", "方案 C", "Variant D"]);
    assert_eq!(v.active().id(), "v4");
    assert_eq!(v.put_back(removed), Ok(1));
    assert_eq!(ids(&v), ["v1", "v2", "v3", "v4"]);
    // Rename: trimmed, 1–40 characters.
    assert_eq!(v.rename(0, "  南向大窗 "), Ok(()));
    assert_eq!(v.list()[0].label(), "南向大窗");
    assert_eq!(v.rename(0, "  "), Err(VariantOpError::EmptyLabel));
    assert_eq!(
        v.rename(0, &"长".repeat(41)),
        Err(VariantOpError::LongLabel)
    );
    assert_eq!(v.rename(9, "x"), Err(VariantOpError::NoSuchVariant));
    // Reorder keeps the active one.
    v.switch_to(1).unwrap();
    v.move_to(1, 3).unwrap();
    assert_eq!(ids(&v), ["v1", "v3", "v4", "v2"]);
    assert_eq!(v.active().id(), "v2");
    assert_eq!(v.move_to(0, 4), Err(VariantOpError::NoSuchVariant));
    // The limit.
    while v.len() < MAX_VARIANTS {
        v.duplicate_active(Lang::Zh).unwrap();
    }
    assert_eq!(v.duplicate_active(Lang::Zh), Err(VariantOpError::Full));
    let removed = v.remove(0).unwrap();
    v.duplicate_active(Lang::Zh).unwrap();
    assert_eq!(v.put_back(removed), Err(VariantOpError::Full));
    // The last one stays.
    let mut one = Variants::from_project(highrise());
    assert_eq!(one.remove(0).map(|_| ()), Err(VariantOpError::Last));
    assert!(!VariantOpError::Full.message_zh().is_empty());
}

/// Ops the property test applies.
#[derive(Debug, Clone)]
enum Op {
    Duplicate,
    Rename(usize, String),
    Remove(usize),
    PutBack,
    Move(usize, usize),
    Switch(usize),
    Edit(f64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Duplicate),
        (0..8usize, "[a-zA-Z方案 ]{0,12}").prop_map(|(i, s)| Op::Rename(i, s)),
        (0..8usize).prop_map(Op::Remove),
        Just(Op::PutBack),
        (0..8usize, 0..8usize).prop_map(|(a, b)| Op::Move(a, b)),
        (0..8usize).prop_map(Op::Switch),
        (0.0..0.9f64).prop_map(Op::Edit),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any sequence of operations keeps the ids unique, the count within 1..=6, the active variant valid, and
    /// the variants the same through a file and a share link.
    #[test]
    fn operations_keep_ids_unique_and_the_active_variant_valid(ops in prop::collection::vec(op(), 0..40)) {
        let mut v = Variants::from_project(highrise());
        let mut undo = Vec::new();
        for o in ops {
            let _ = match o {
                Op::Duplicate => v.duplicate_active(Lang::Zh).map(|_| ()),
                Op::Rename(i, s) => v.rename(i, &s),
                Op::Remove(i) => v.remove(i).map(|r| undo.push(r)),
                Op::PutBack => match undo.pop() {
                    Some(r) => v.put_back(r).map(|_| ()),
                    None => Ok(()),
                },
                Op::Move(a, b) => v.move_to(a, b),
                Op::Switch(i) => v.switch_to(i),
                Op::Edit(w) => {
                    let p = edited(v.active_project(), "facades.A.wwr", json!(w));
                    v.set_active_project(p);
                    Ok(())
                }
            };
            let ids = ids(&v);
            for (i, id) in ids.iter().enumerate() {
                prop_assert!(!ids[..i].contains(id), "{ids:?}");
            }
            prop_assert!((1..=MAX_VARIANTS).contains(&v.len()));
            prop_assert!(v.active_index() < v.len());
            prop_assert!(v.active().project().is_some());
        }
        // Removed variants never share an id with a present one (so putting back never collides).
        for r in &undo {
            prop_assert!(v.index_of(r.variant.id()).is_none());
        }
        prop_assert_eq!(&through_file(&v), &v);
        prop_assert_eq!(&through_link(&v), &v);
    }
}

/// The example of docs/project-format.md opens with its three variants, B active, and no error.
#[test]
fn the_documented_example_opens() {
    let doc = include_str!("../../docs/project-format.md");
    let start = doc.find("Example (the active variant B").unwrap();
    let json = &doc[start..];
    // An unlabelled block: the ```json blocks are complete single projects (tests/gb55015_checks.rs).
    let json = &json[json.find("```\n").unwrap() + 4..];
    let json = &json[..json.find("```").unwrap()];
    let v = Variants::from_project(Project::from_json(json).unwrap());
    assert!(v.errors().is_empty(), "{:?}", v.errors());
    assert_eq!(ids(&v), ["v1", "v2", "v3"]);
    assert_eq!(v.active().id(), "v2");
    assert_eq!(v.active_project().envelope.window_u, Some(2.0));
}

/// A label the user extended still counts for the next letter; a word that starts with a capital does not.
#[test]
fn next_letter_reads_extended_labels() {
    let mut v = Variants::from_project(Project::from_json(FIXTURE).unwrap());
    assert_eq!(v.list()[2].label(), "方案 C（外墙加厚）");
    v.duplicate_active(Lang::Zh).unwrap();
    assert_eq!(v.active().label(), "方案 D");
    v.rename(3, "Variant Cheap").unwrap();
    v.duplicate_active(Lang::En).unwrap();
    assert_eq!(v.active().label(), "Variant D");
}
