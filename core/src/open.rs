//! Opening a file the user chose or dropped: a `greencheck/1` project (any known version) or a BIM model
//! (gbXML), told apart by the content, never by the extension. Pure: bytes in, a project or a message in both
//! languages out; a failed open returns nothing, so the current project is never touched.

use crate::gbxml::{self, ImportOptions, Imported};
use crate::migrate::{load_project, Loaded, MAX_PROJECT_BYTES};
use crate::project::Project;

/// What a file turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    /// A project file (possibly migrated from an older version).
    Project(Box<Loaded>),
    /// A BIM model, imported into a measured-areas project with its import summary.
    Model(Box<Imported>),
}

/// What a file is, from its first bytes: XML (or UTF-16) goes to the model importer, anything else is read as
/// a project. Cheap: no parsing (the page loads the importer only for a model).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A `greencheck/1` project (JSON) — or something to be refused as one.
    Project,
    /// A BIM model (gbXML) — or other XML, which the importer refuses plainly.
    Model,
}

/// The kind of a file by its content, never its extension.
pub fn kind_of(bytes: &[u8]) -> FileKind {
    if looks_like_xml(bytes) {
        FileKind::Model
    } else {
        FileKind::Project
    }
}

/// Why a file could not be opened, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenError {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// Opens `bytes` named `name`. A model is imported on top of `base` (the current project: its name, city,
/// use, envelope values where the model has none and other inputs are kept; its geometry is replaced).
pub fn open_file(bytes: &[u8], name: &str, base: Option<&Project>) -> Result<Opened, OpenError> {
    if gbxml::is_gbxml(bytes) || kind_of(bytes) == FileKind::Model {
        return import_model(bytes, name, base).map(|m| Opened::Model(Box::new(m)));
    }
    open_project(bytes).map(|l| Opened::Project(Box::new(l)))
}

/// Imports a BIM model (gbXML); anything else is refused with the importer's plain message ("这不是 gbXML
/// 文件"). `base` as in [`open_file`].
pub fn import_model(
    bytes: &[u8],
    name: &str,
    base: Option<&Project>,
) -> Result<Imported, OpenError> {
    let options = ImportOptions {
        source_name: name.to_owned(),
        base: base.cloned(),
        ..ImportOptions::default()
    };
    gbxml::import(bytes, &options).map_err(|e| OpenError {
        zh: e.message_zh(),
        en: e.message_en(),
    })
}

/// The importer module's reply (the page loads the importer as its own WebAssembly module, see
/// `importer/`): `{"project": …}` or `{"error": {"zh", "en"}}`. Written by [`import_reply`], read by
/// [`read_import_reply`]: the one definition of that contract.
pub fn import_reply(bytes: &[u8], name: &str, base_json: &str) -> String {
    let base = (!base_json.is_empty())
        .then(|| Project::from_json(base_json).ok())
        .flatten();
    let value = match import_model(bytes, name, base.as_ref()) {
        Ok(m) => serde_json::from_str::<serde_json::Value>(&m.project.to_json_pretty())
            .map(|project| serde_json::json!({ "project": project }))
            .unwrap_or_else(|e| reply_error("导入结果无法序列化", &e.to_string())),
        Err(e) => reply_error(&e.zh, &e.en),
    };
    value.to_string()
}

fn reply_error(zh: &str, en: &str) -> serde_json::Value {
    serde_json::json!({ "error": { "zh": zh, "en": en } })
}

/// Reads the importer's reply: the imported project, or its message.
pub fn read_import_reply(text: &str) -> Result<Project, OpenError> {
    let bad = || OpenError {
        zh: "导入模块的答复无法读取".into(),
        en: "the importer's reply could not be read".into(),
    };
    let v: serde_json::Value = serde_json::from_str(text).map_err(|_| bad())?;
    if let Some(e) = v.get("error") {
        let s = |k: &str| {
            e.get(k)
                .and_then(|x| x.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        return Err(OpenError {
            zh: s("zh"),
            en: s("en"),
        });
    }
    let project = v.get("project").cloned().ok_or_else(bad)?;
    Project::from_value(project).map_err(|e| OpenError {
        zh: e.message_zh(),
        en: e.message_en(),
    })
}

/// Reads a project file of any known version (migrated when older).
pub fn open_project(bytes: &[u8]) -> Result<Loaded, OpenError> {
    if bytes.len() > MAX_PROJECT_BYTES {
        return Err(OpenError {
            zh: format!(
                "文件过大（项目文件上限 {} KB），也不是 gbXML 模型",
                MAX_PROJECT_BYTES / 1024
            ),
            en: format!(
                "file too large for a project (limit {} KB), and not a gbXML model",
                MAX_PROJECT_BYTES / 1024
            ),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| OpenError {
        zh: "既不是项目文件（JSON），也不是 gbXML 模型".into(),
        en: "neither a project file (JSON) nor a gbXML model".into(),
    })?;
    load_project(text).map_err(|e| OpenError {
        zh: e.message_zh(),
        en: e.message_en(),
    })
}

/// Starts (after a byte-order mark and white space) with `<`, or is UTF-16.
fn looks_like_xml(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let rest = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    rest.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'<')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::Template;

    const BOX: &str = r#"<?xml version="1.0"?>
<gbXML xmlns="http://www.gbxml.org/schema" lengthUnit="Meters" areaUnit="SquareMeters" volumeUnit="CubicMeters" version="6.01">
<Campus id="c"><Building id="b" buildingType="Office"><Area>200</Area>
<Space id="s1"><Area>200</Area><Volume>600</Volume></Space></Building>
<Surface id="w1" surfaceType="ExteriorWall"><AdjacentSpaceId spaceIdRef="s1"/><PlanarGeometry><PolyLoop>
<CartesianPoint><Coordinate>0</Coordinate><Coordinate>0</Coordinate><Coordinate>0</Coordinate></CartesianPoint>
<CartesianPoint><Coordinate>10</Coordinate><Coordinate>0</Coordinate><Coordinate>0</Coordinate></CartesianPoint>
<CartesianPoint><Coordinate>10</Coordinate><Coordinate>0</Coordinate><Coordinate>3</Coordinate></CartesianPoint>
<CartesianPoint><Coordinate>0</Coordinate><Coordinate>0</Coordinate><Coordinate>3</Coordinate></CartesianPoint>
</PolyLoop></PlanarGeometry></Surface>
</Campus></gbXML>"#;

    #[test]
    fn a_project_by_its_content() {
        let text = Template::Office.json();
        match open_file(text.as_bytes(), "whatever.xml", None).unwrap() {
            Opened::Project(l) => assert_eq!(l.project.name, "办公楼"),
            Opened::Model(_) => panic!("a project"),
        }
    }

    #[test]
    fn a_model_by_its_content_on_top_of_the_current_project() {
        let base = Project::template(Template::ResidentialHighRise).unwrap();
        match open_file(BOX.as_bytes(), "box.json", Some(&base)).unwrap() {
            Opened::Model(m) => {
                assert_eq!(m.project.name, base.name, "the base project's name is kept");
                assert_eq!(m.summary.source, "box.json");
                // One 10 m × 3 m wall facing south (−y outward normal).
                assert_eq!(m.project.facade_names().len(), 1);
            }
            Opened::Project(_) => panic!("a model"),
        }
    }

    #[test]
    fn the_importer_reply_round_trips() {
        let base = Project::template(Template::Villa).unwrap().to_json_pretty();
        let p = read_import_reply(&import_reply(BOX.as_bytes(), "box.xml", &base)).unwrap();
        assert_eq!(p.name, "低层别墅");
        assert_eq!(kind_of(BOX.as_bytes()), FileKind::Model);
        assert_eq!(
            kind_of(Template::Villa.json().as_bytes()),
            FileKind::Project
        );
        let e = read_import_reply(&import_reply(b"<svg/>", "x.svg", "")).unwrap_err();
        assert!(e.zh.contains("这不是 gbXML 文件"), "{e:?}");
        assert!(read_import_reply("nonsense").is_err());
    }

    #[test]
    fn other_xml_is_not_a_gbxml_file() {
        let e = open_file(
            b"\xEF\xBB\xBF  <?xml version=\"1.0\"?><svg/>",
            "a.xml",
            None,
        )
        .unwrap_err();
        assert!(e.zh.contains("这不是 gbXML 文件"), "{e:?}");
    }

    #[test]
    fn neither_is_refused_plainly() {
        let e = open_file(&[0xff, 0xfe, 0x00, 0x41], "x.bin", None).unwrap_err();
        assert!(e.zh.contains("gbXML") && e.en.contains("gbXML"), "{e:?}");
        let e = open_file(b"{\"format\": \"greencheck/1\"}", "p.json", None).unwrap_err();
        assert!(!e.zh.is_empty());
        let big = vec![b' '; MAX_PROJECT_BYTES + 1];
        let e = open_file(&big, "big.json", None).unwrap_err();
        assert!(e.en.contains("too large"), "{e:?}");
    }
}
