//! The project's `retrofit` section: the kind of retrofit, the existing building's values (a merge patch on
//! the retrofitted building, which is the top level), the per-element marks and a note.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::RetrofitError;
use crate::limits::Element;
use crate::project::Project;

pub use crate::columns::retrofit::RetrofitKind;

/// Keys of the top level an existing building may differ in: the envelope and, where the retrofit changes it,
/// the geometry. Use, city, systems and assumptions are those of the retrofitted building, so both states
/// are estimated alike.
pub const EXISTING_KEYS: [&str; 5] = [
    "envelope",
    "facades",
    "geometry",
    "storeys",
    "storey_height_m",
];

/// An envelope element a retrofit replaces or keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetrofitElement {
    /// External walls.
    Wall,
    /// Roof.
    Roof,
    /// Windows (K and SHGC, every facade).
    Windows,
    /// Skylights (K and SHGC).
    Skylight,
    /// Floors over outside air.
    FloorOverOutside,
    /// Perimeter ground insulation.
    GroundPerimeter,
    /// Basement walls against soil.
    BasementWall,
}

impl RetrofitElement {
    /// Every element, in report order.
    pub const ALL: [RetrofitElement; 7] = [
        RetrofitElement::Wall,
        RetrofitElement::Roof,
        RetrofitElement::Windows,
        RetrofitElement::Skylight,
        RetrofitElement::FloorOverOutside,
        RetrofitElement::GroundPerimeter,
        RetrofitElement::BasementWall,
    ];

    /// Key in `retrofit.elements` (`wall`, `roof`, `windows`, …).
    pub fn key(self) -> &'static str {
        match self {
            RetrofitElement::Wall => "wall",
            RetrofitElement::Roof => "roof",
            RetrofitElement::Windows => "windows",
            RetrofitElement::Skylight => "skylight",
            RetrofitElement::FloorOverOutside => "floor_over_outside",
            RetrofitElement::GroundPerimeter => "ground_perimeter",
            RetrofitElement::BasementWall => "basement_wall",
        }
    }

    /// Parses a key.
    pub fn from_key(key: &str) -> Option<RetrofitElement> {
        RetrofitElement::ALL.into_iter().find(|e| e.key() == key)
    }

    /// The GB 55015 elements whose checks judge it.
    pub fn limit_elements(self) -> &'static [Element] {
        match self {
            RetrofitElement::Wall => &[Element::WallU],
            RetrofitElement::Roof => &[Element::RoofU],
            RetrofitElement::Windows => &[Element::WindowU, Element::WindowShgc],
            RetrofitElement::Skylight => &[Element::SkylightU, Element::SkylightShgc],
            RetrofitElement::FloorOverOutside => &[Element::FloorOverOutsideU],
            RetrofitElement::GroundPerimeter => &[Element::GroundPerimeterR],
            RetrofitElement::BasementWall => &[Element::BasementWallR],
        }
    }

    /// Its `envelope` keys; the first is the value a retrofitted element needs for the existing building.
    fn envelope_keys(self) -> &'static [&'static str] {
        match self {
            RetrofitElement::Wall => &["wall_u"],
            RetrofitElement::Roof => &["roof_u"],
            RetrofitElement::Windows => &["window_u", "window_shgc"],
            RetrofitElement::Skylight => &["skylight_u", "skylight_shgc"],
            RetrofitElement::FloorOverOutside => &["floor_over_outside_u"],
            RetrofitElement::GroundPerimeter => &["ground_perimeter_r"],
            RetrofitElement::BasementWall => &["basement_wall_r"],
        }
    }

    /// Its per-facade keys (windows only).
    fn facade_keys(self) -> &'static [&'static str] {
        match self {
            RetrofitElement::Windows => &["window_u", "window_shgc"],
            _ => &[],
        }
    }

    /// The element's values in a project's JSON, by field path (`envelope.wall_u`, `facades.A.window_u`),
    /// absent ones included as `None`.
    pub fn values(self, doc: &Value) -> Vec<(String, Option<f64>)> {
        let mut out: Vec<(String, Option<f64>)> = self
            .envelope_keys()
            .iter()
            .map(|k| (format!("envelope.{k}"), doc["envelope"][k].as_f64()))
            .collect();
        if let Some(facades) = doc["facades"].as_object() {
            for (name, f) in facades {
                for k in self.facade_keys() {
                    out.push((format!("facades.{name}.{k}"), f[k].as_f64()));
                }
            }
        }
        out
    }

    /// Whether a merge patch of the existing building gives the value a retrofitted element needs (its first
    /// envelope key; for windows, a K for the envelope or for a facade).
    fn given_in(self, existing: &Map<String, Value>) -> bool {
        let envelope = existing.get("envelope");
        let in_envelope = envelope.and_then(|e| e.get(self.envelope_keys()[0]));
        let in_facades = existing
            .get("facades")
            .and_then(Value::as_object)
            .is_some_and(|f| {
                self.facade_keys()
                    .first()
                    .is_some_and(|k| f.values().any(|v| v.get(*k).is_some_and(|x| !x.is_null())))
            });
        in_envelope.is_some_and(|v| !v.is_null()) || in_facades
    }

    /// Path of the existing value a retrofitted element needs, for a `missing` list.
    pub fn existing_path(self) -> String {
        format!("retrofit.existing.envelope.{}", self.envelope_keys()[0])
    }
}

/// Whether an element was retrofitted or kept as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Replaced or upgraded: checked against the current limit.
    Retrofitted,
    /// Kept as it was: reported, not failed.
    Kept,
}

impl Mark {
    /// Both marks, in display order.
    pub const ALL: [Mark; 2] = [Mark::Retrofitted, Mark::Kept];

    /// Key as written in `retrofit.elements` (`retrofitted`, `kept`).
    pub fn key(self) -> &'static str {
        match self {
            Mark::Retrofitted => "retrofitted",
            Mark::Kept => "kept",
        }
    }
}

/// The `retrofit` section, read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RetrofitInput {
    /// Which targets apply.
    pub kind: RetrofitKind,
    /// The existing building as a merge patch (RFC 7396) on the retrofitted one: only what differs.
    pub existing: Map<String, Value>,
    /// Marks given in the file (an element without one is derived: retrofitted when its value differs).
    pub marks: Vec<(RetrofitElement, Mark)>,
    /// Free text (e.g. where the existing values come from).
    pub note: Option<String>,
}

impl RetrofitInput {
    /// Reads the section; the error names the field (`retrofit.elements.roof`). Unknown keys are ignored
    /// (and kept in the file, like every open section).
    pub fn from_value(v: &Value) -> Result<RetrofitInput, RetrofitError> {
        let Value::Object(map) = v else {
            return Err(RetrofitError::wrong("retrofit", "an object"));
        };
        let mut input = RetrofitInput::default();
        match map.get("kind") {
            None | Some(Value::Null) => {}
            Some(k) => {
                input.kind = RetrofitKind::ALL
                    .into_iter()
                    .find(|x| k.as_str() == Some(x.key()))
                    .ok_or_else(|| {
                        RetrofitError::wrong("retrofit.kind", "existing_building or rural_house")
                    })?;
            }
        }
        match map.get("existing") {
            None | Some(Value::Null) => {}
            Some(Value::Object(e)) => {
                if let Some(k) = e.keys().find(|k| !EXISTING_KEYS.contains(&k.as_str())) {
                    return Err(RetrofitError {
                        path: format!("retrofit.existing.{k}"),
                        zh: format!(
                            "改造前建筑只能在这些方面与改造后不同：{}（用途、城市、系统与计算假定相同）",
                            EXISTING_KEYS.join("、")
                        ),
                        en: format!(
                            "the existing building may differ only in {} (same use, city, systems and assumptions)",
                            EXISTING_KEYS.join(", ")
                        ),
                    });
                }
                input.existing = e.clone();
            }
            Some(_) => return Err(RetrofitError::wrong("retrofit.existing", "an object")),
        }
        match map.get("elements") {
            None | Some(Value::Null) => {}
            Some(Value::Object(marks)) => {
                for (k, v) in marks {
                    let path = format!("retrofit.elements.{k}");
                    let element = RetrofitElement::from_key(k).ok_or_else(|| RetrofitError {
                        path: path.clone(),
                        zh: "未知的围护结构部位".into(),
                        en: "unknown envelope element".into(),
                    })?;
                    if v.is_null() {
                        continue;
                    }
                    let mark = Mark::ALL
                        .into_iter()
                        .find(|m| v.as_str() == Some(m.key()))
                        .ok_or_else(|| RetrofitError::wrong(&path, "retrofitted or kept"))?;
                    input.marks.push((element, mark));
                }
            }
            Some(_) => return Err(RetrofitError::wrong("retrofit.elements", "an object")),
        }
        match map.get("note") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => input.note = Some(s.clone()),
            Some(_) => return Err(RetrofitError::wrong("retrofit.note", "text")),
        }
        Ok(input)
    }

    /// The mark given in the file for an element.
    pub fn given_mark(&self, e: RetrofitElement) -> Option<Mark> {
        self.marks.iter().find(|(x, _)| *x == e).map(|(_, m)| *m)
    }

    /// Whether the existing building's patch gives the value a retrofitted element needs.
    pub fn gives(&self, e: RetrofitElement) -> bool {
        e.given_in(&self.existing)
    }

    /// The existing building: the retrofitted one with the patch applied, validated like a project file (errors
    /// are prefixed `retrofit.existing.`).
    pub fn existing_project(&self, after: &Project) -> Result<Project, RetrofitError> {
        let mut doc = serde_json::to_value(after).unwrap_or(Value::Null);
        merge_patch(&mut doc, &Value::Object(self.existing.clone()));
        Project::from_value(doc).map_err(|e| RetrofitError {
            path: if e.path.is_empty() {
                "retrofit.existing".into()
            } else {
                format!("retrofit.existing.{}", e.path)
            },
            zh: e.message_zh(),
            en: e.message_en(),
        })
    }
}

/// JSON merge patch (RFC 7396): objects merge key by key, `null` removes a key, anything else replaces.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(p) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    if let Value::Object(t) = target {
        for (k, v) in p {
            if v.is_null() {
                t.remove(k);
            } else {
                merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_is_rfc_7396() {
        // The RFC's example (section 3).
        let mut t = json!({"title": "Goodbye!", "author": {"givenName": "John", "familyName": "Doe"},
            "tags": ["example", "sample"], "content": "This will be unchanged"});
        let p = json!({"title": "Hello!", "phoneNumber": "+01-123-456-7890",
            "author": {"familyName": null}, "tags": ["example"]});
        merge_patch(&mut t, &p);
        assert_eq!(
            t,
            json!({"title": "Hello!", "author": {"givenName": "John"}, "tags": ["example"],
                "content": "This will be unchanged", "phoneNumber": "+01-123-456-7890"})
        );
    }

    #[test]
    fn errors_name_the_field() {
        let err = |v: Value| RetrofitInput::from_value(&v).unwrap_err().path;
        assert_eq!(err(json!([])), "retrofit");
        assert_eq!(err(json!({"kind": "castle"})), "retrofit.kind");
        assert_eq!(
            err(json!({"existing": {"use": "office"}})),
            "retrofit.existing.use"
        );
        assert_eq!(err(json!({"existing": 3})), "retrofit.existing");
        assert_eq!(
            err(json!({"elements": {"door": "kept"}})),
            "retrofit.elements.door"
        );
        assert_eq!(
            err(json!({"elements": {"wall": "new"}})),
            "retrofit.elements.wall"
        );
        assert_eq!(err(json!({"note": 1})), "retrofit.note");
        let ok = RetrofitInput::from_value(&json!({"kind": "rural_house", "future": 1,
            "elements": {"wall": "retrofitted", "roof": null}}))
        .unwrap();
        assert_eq!(ok.kind, RetrofitKind::RuralHouse);
        assert_eq!(ok.marks, [(RetrofitElement::Wall, Mark::Retrofitted)]);
    }
}
