//! The BIM (gbXML) importer as a WebAssembly module of its own. The importer (an XML reader, polygon geometry,
//! the summary texts) is larger than the rest of the calculator's logic, and most visits never open a model: the
//! page loads this module only when a dropped or chosen file is XML (`greencheck_core::open::kind_of`), so the
//! calculator's first load stays within its size budget. Pure: bytes in, JSON out; no browser API is used.
#![forbid(unsafe_code)]

use wasm_bindgen::prelude::*;

/// Imports a model on top of the current project (`base`, its JSON; empty for none). Returns JSON:
/// `{"project": <greencheck/1 project>}` or `{"error": {"zh": …, "en": …}}`
/// (`greencheck_core::open::import_reply`). Never panics.
#[wasm_bindgen]
pub fn import_gbxml(bytes: &[u8], name: &str, base: &str) -> String {
    greencheck_core::open::import_reply(bytes, name, base)
}

/// A small model (a 10 × 20 m box, `core/tests/data/gbxml/box_m.xml`) imported and thrown away. The page calls it
/// when it loads this module ahead of use: the browser compiles a module's functions on their first call, and the
/// first import of a real model would otherwise pay for it (≈ 60–100 ms on a fast machine). Returns the length of
/// the reply, so that the work cannot be optimised away.
#[wasm_bindgen]
pub fn warm_up() -> usize {
    let model = include_bytes!("../../core/tests/data/gbxml/box_m.xml");
    import_gbxml(model, "box_m.xml", "").len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use greencheck_core::open::read_import_reply;
    use greencheck_core::project::{Project, Template};

    #[test]
    fn a_model_or_a_plain_error() {
        let model = include_bytes!("../../core/tests/data/gbxml/ExteriorWindowRatioCW.xml");
        let base = Project::template(Template::Office)
            .unwrap()
            .to_json_pretty();
        let p = read_import_reply(&import_gbxml(model, "cw.xml", &base)).unwrap();
        assert_eq!(p.name, "办公楼", "the base project's name is kept");
        assert_eq!(p.facade_names().len(), 4);
        let e = read_import_reply(&import_gbxml(b"<svg/>", "x.svg", "")).unwrap_err();
        assert!(e.zh.contains("gbXML"), "{e:?}");
    }

    #[test]
    fn the_warm_up_model_imports() {
        let model = include_bytes!("../../core/tests/data/gbxml/box_m.xml");
        let p = read_import_reply(&import_gbxml(model, "box_m.xml", "")).unwrap();
        assert_eq!(p.facade_names().len(), 4);
        assert!(warm_up() > 0);
    }

    #[test]
    fn errors_are_plain() {
        let e = read_import_reply(&import_gbxml(b"<svg/>", "x.svg", "")).unwrap_err();
        assert!(e.zh.contains("gbXML"), "{e:?}");
    }
}
