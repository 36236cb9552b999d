//! Named variants of one project (方案 A, B, C…): up to [`MAX_VARIANTS`] full sets of inputs, one of them
//! active, with the operations the page offers (duplicate, rename, remove and put back, reorder, switch) and
//! their comparison ([`compare`]).
//!
//! File format (docs/project-format.md, "Variants"): the top level of a `greencheck/1` file IS the active
//! variant, so a reader that knows nothing of variants opens and edits it; the other variants live in the
//! open section `variants`, `{"active": <id>, "list": [{"id", "label", …inputs}]}`, in order, where the
//! active variant's entry holds only its id and label. [`Variants::from_project`] takes that section out of an
//! opened project; [`Variants::to_project`] puts it back for saving or a share link. Nothing is converted
//! silently:
//! - a file without the section opens as one variant and is written back without it;
//! - a variant whose inputs are invalid is kept verbatim (written back as it was) and reported with its path
//!   (`variants.list[2].facades.A.wwr`); the others open;
//! - a section whose structure is unreadable (no list, duplicate ids, unknown active id…) is reported with its
//!   path, the top level opens as the only variant, and the section is written back verbatim until the user
//!   changes the variants.
//!
//! Pure: the operations return what they removed, so the page can undo by putting it back.

pub mod compare;

use serde_json::{Map, Value};

use crate::project::{ErrorKind, Project, ProjectError, FORMAT};
use crate::text::Lang;

pub use compare::{
    compare_all, evaluate_variants, Better, Cell, CheckRef, Column, Comparison, Difference,
    Reports, Row, RowKey, VariantReport, VariantsReport, VARIANTS_REPORT_FORMAT,
};

/// Most variants a project holds. Why six: six columns (plus the row labels) still fit the comparison table
/// on an A4 page and a phone turned sideways; opening a file evaluates every variant once (about 0.1 ms each
/// natively, docs/performance.md), so six stay far inside the page's budget; and a share link stays short
/// (six variants of a template differing in a few inputs encode to about 0.5 KB, six unrelated ones to about
/// six times one project, ≈ 2 KB), far inside [`crate::share::MAX_FRAGMENT_CHARS`].
pub const MAX_VARIANTS: usize = 6;

/// Key of the section in the project file.
pub const SECTION: &str = "variants";

/// Longest variant label, in characters.
pub const MAX_LABEL_CHARS: usize = 40;

/// Longest variant id, in characters (ids are `[A-Za-z0-9_-]`).
pub const MAX_ID_CHARS: usize = 32;

/// Id and label of the only variant of a file without the section.
const DEFAULT_ID: &str = "v1";

/// Default label prefixes: "方案 B", "Variant B".
const LABEL_PREFIX_ZH: &str = "方案";
const LABEL_PREFIX_EN: &str = "Variant";

/// The default label of the `n`th letter (0 = A) in a language.
fn default_label(lang: Lang, letter: char) -> String {
    format!("{} {letter}", lang.pick(LABEL_PREFIX_ZH, LABEL_PREFIX_EN))
}

/// A label as shown in `lang`: a default label as the core makes it ("方案 C" / "Variant C", nothing added) in
/// the page's language, any other label as the user wrote it. The file keeps what was stored.
pub fn shown_label(label: &str, lang: Lang) -> String {
    match label_letter(label) {
        Some(c) if label == default_label(Lang::Zh, c) || label == default_label(Lang::En, c) => {
            default_label(lang, c)
        }
        _ => label.to_owned(),
    }
}

/// The letter of a default label, also when the user added to it ("方案 C", "Variant C", "方案 C（外墙加厚）" → C;
/// "Variant Cheap" has none).
fn label_letter(label: &str) -> Option<char> {
    let rest = label
        .strip_prefix(LABEL_PREFIX_ZH)
        .or_else(|| label.strip_prefix(LABEL_PREFIX_EN))?;
    let mut chars = rest.trim_start().chars();
    match (chars.next(), chars.next()) {
        (Some(c), next) if c.is_ascii_uppercase() && !next.is_some_and(|n| n.is_alphanumeric()) => {
            Some(c)
        }
        _ => None,
    }
}

/// One variant: an id that never changes, a label the user chooses, and its inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    id: String,
    label: String,
    inputs: Inputs,
}

/// The inputs of a variant: a valid project, or an entry that could not be read, kept verbatim.
#[derive(Debug, Clone, PartialEq)]
enum Inputs {
    Valid(Box<Project>),
    Invalid {
        raw: Map<String, Value>,
        error: VariantError,
    },
}

impl Variant {
    /// Stable id (`v1`, `v2`, …): identity through reordering, saving and share links.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Label ("方案 A").
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The inputs, when they are valid.
    pub fn project(&self) -> Option<&Project> {
        match &self.inputs {
            Inputs::Valid(p) => Some(p),
            Inputs::Invalid { .. } => None,
        }
    }

    /// Why the inputs could not be read (with the path in the file).
    pub fn error(&self) -> Option<&VariantError> {
        match &self.inputs {
            Inputs::Valid(_) => None,
            Inputs::Invalid { error, .. } => Some(error),
        }
    }

    /// The inputs as JSON (the project's, or the entry as it was read), for comparisons of fields.
    pub fn inputs_value(&self) -> Value {
        match &self.inputs {
            Inputs::Valid(p) => project_value(p),
            Inputs::Invalid { raw, .. } => Value::Object(raw.clone()),
        }
    }
}

/// What is wrong in the `variants` section.
#[derive(Debug, Clone, PartialEq)]
pub enum VariantErrorKind {
    /// Not a JSON object.
    NotAnObject,
    /// `list` is not a JSON array.
    NotAList,
    /// A required key is missing.
    Missing,
    /// Not text.
    NotText,
    /// An empty list, id or label.
    Empty,
    /// More than [`MAX_VARIANTS`] variants.
    TooMany,
    /// Longer than allowed.
    TooLong {
        /// The limit, characters.
        max: usize,
    },
    /// An id with characters other than `A–Z a–z 0–9 _ -`.
    BadId,
    /// Two variants with one id.
    DuplicateId,
    /// `active` names no variant.
    UnknownActive,
    /// The active variant's entry holds inputs (they are the top level).
    ActiveHasInputs,
    /// A variant holding variants.
    Nested,
    /// The variant's inputs are invalid (the project error, its path inside the variant).
    Inputs(ErrorKind),
}

/// An error in the `variants` section: the path in the file (`variants.list[2].facades.A.wwr`) and the reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {}", self.message_en())]
pub struct VariantError {
    /// Path in the file.
    pub path: String,
    /// The reason.
    pub kind: VariantErrorKind,
}

impl VariantError {
    fn new(path: impl Into<String>, kind: VariantErrorKind) -> VariantError {
        VariantError {
            path: path.into(),
            kind,
        }
    }

    /// The error as a project error (same path), e.g. for [`crate::evaluate::invalid_report`].
    pub fn to_project_error(&self) -> ProjectError {
        let kind = match &self.kind {
            VariantErrorKind::Inputs(k) => k.clone(),
            _ => ErrorKind::WrongType {
                detail: self.message_en(),
            },
        };
        ProjectError {
            path: self.path.clone(),
            kind,
        }
    }

    /// Reason in English.
    pub fn message_en(&self) -> String {
        match &self.kind {
            VariantErrorKind::NotAnObject => "must be a JSON object".into(),
            VariantErrorKind::NotAList => "must be a list".into(),
            VariantErrorKind::Missing => "required field is missing".into(),
            VariantErrorKind::NotText => "must be text".into(),
            VariantErrorKind::Empty => "must not be empty".into(),
            VariantErrorKind::TooMany => format!("at most {MAX_VARIANTS} variants"),
            VariantErrorKind::TooLong { max } => format!("at most {max} characters"),
            VariantErrorKind::BadId => "only letters, digits, _ and - are allowed".into(),
            VariantErrorKind::DuplicateId => "id used twice".into(),
            VariantErrorKind::UnknownActive => "names no variant of the list".into(),
            VariantErrorKind::ActiveHasInputs => {
                "the active variant's inputs are the top level of the file; its entry holds only id and label"
                    .into()
            }
            VariantErrorKind::Nested => "a variant cannot hold variants".into(),
            VariantErrorKind::Inputs(k) => ProjectError {
                path: String::new(),
                kind: k.clone(),
            }
            .message_en(),
        }
    }

    /// Reason in Chinese.
    pub fn message_zh(&self) -> String {
        match &self.kind {
            VariantErrorKind::NotAnObject => "必须是 JSON 对象".into(),
            VariantErrorKind::NotAList => "必须是列表".into(),
            VariantErrorKind::Missing => "缺少必填字段".into(),
            VariantErrorKind::NotText => "必须是文本".into(),
            VariantErrorKind::Empty => "不能为空".into(),
            VariantErrorKind::TooMany => format!("方案最多 {MAX_VARIANTS} 个"),
            VariantErrorKind::TooLong { max } => format!("最多 {max} 个字符"),
            VariantErrorKind::BadId => "只能包含字母、数字、_ 和 -".into(),
            VariantErrorKind::DuplicateId => "方案编号重复".into(),
            VariantErrorKind::UnknownActive => "列表中没有该方案".into(),
            VariantErrorKind::ActiveHasInputs => {
                "当前方案的输入即文件顶层，其列表项只能包含 id 和 label".into()
            }
            VariantErrorKind::Nested => "方案中不能再包含方案".into(),
            VariantErrorKind::Inputs(k) => ProjectError {
                path: String::new(),
                kind: k.clone(),
            }
            .message_zh(),
        }
    }
}

/// Why an operation on the variants was refused (nothing changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VariantOpError {
    /// Already [`MAX_VARIANTS`] variants.
    #[error("at most {MAX_VARIANTS} variants")]
    Full,
    /// The last variant cannot be removed.
    #[error("the last variant cannot be removed")]
    Last,
    /// No variant at this index.
    #[error("no variant at this index")]
    NoSuchVariant,
    /// A variant whose inputs are invalid cannot become the active one (fix or remove it).
    #[error("this variant's inputs are invalid")]
    Invalid,
    /// An empty label.
    #[error("the label is empty")]
    EmptyLabel,
    /// A label longer than [`MAX_LABEL_CHARS`].
    #[error("the label is too long")]
    LongLabel,
    /// Putting back a variant whose id is in use.
    #[error("a variant with this id exists")]
    DuplicateId,
}

impl VariantOpError {
    /// Message in Chinese.
    pub fn message_zh(self) -> String {
        match self {
            VariantOpError::Full => format!("方案最多 {MAX_VARIANTS} 个"),
            VariantOpError::Last => "至少保留一个方案".into(),
            VariantOpError::NoSuchVariant => "没有该方案".into(),
            VariantOpError::Invalid => "该方案的输入有误，请先修正或删除".into(),
            VariantOpError::EmptyLabel => "方案名称不能为空".into(),
            VariantOpError::LongLabel => format!("方案名称最多 {MAX_LABEL_CHARS} 个字符"),
            VariantOpError::DuplicateId => "已有相同编号的方案".into(),
        }
    }

    /// Message in English.
    pub fn message_en(self) -> String {
        self.to_string()
    }
}

/// A removed variant with where it was, for [`Variants::put_back`] (undo).
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    /// Its index before removal.
    pub index: usize,
    /// Whether it was the active one.
    pub was_active: bool,
    /// The variant.
    pub variant: Variant,
}

/// The variants of a project, in order, one active. Always at least one; the active one is always valid.
#[derive(Debug, Clone)]
pub struct Variants {
    list: Vec<Variant>,
    active: usize,
    /// Next number for a `v<n>` id; only grows, so an id removed (and perhaps put back later) is never reused.
    next_id: u32,
    /// Keys of the section other than `active` and `list` (a later version's), written back as they were.
    section_extra: Map<String, Value>,
    /// An unreadable section, written back verbatim until the variants are changed.
    unreadable: Option<(Value, VariantError)>,
}

impl PartialEq for Variants {
    /// Same variants in the same order, same active one, same unread parts (the id counter is not compared).
    fn eq(&self, other: &Variants) -> bool {
        self.list == other.list
            && self.active == other.active
            && self.section_extra == other.section_extra
            && self.unreadable == other.unreadable
    }
}

impl Variants {
    /// One variant (`v1`, "方案 A") holding the project.
    pub fn single(mut project: Project) -> Variants {
        project.extra.remove(SECTION);
        Variants {
            list: vec![Variant {
                id: DEFAULT_ID.to_owned(),
                label: default_label(Lang::Zh, 'A'),
                inputs: Inputs::Valid(Box::new(project)),
            }],
            active: 0,
            next_id: 2,
            section_extra: Map::new(),
            unreadable: None,
        }
    }

    /// The variants of an opened project: its top level is the active variant, its `variants` section the
    /// others. Never fails: problems are in [`Variants::errors`].
    pub fn from_project(mut project: Project) -> Variants {
        let Some(section) = project.extra.remove(SECTION) else {
            return Variants::single(project);
        };
        match read_section(&section) {
            Ok((entries, section_extra)) => {
                // Exactly one entry (the active one) has no inputs of its own: the top level.
                let active = entries.iter().position(|e| e.2.is_none()).unwrap_or(0);
                let list: Vec<Variant> = entries
                    .into_iter()
                    .map(|(id, label, inputs)| Variant {
                        id,
                        label,
                        inputs: inputs.unwrap_or_else(|| Inputs::Valid(Box::new(project.clone()))),
                    })
                    .collect();
                let next_id = next_id_after(&list);
                Variants {
                    list,
                    active,
                    next_id,
                    section_extra,
                    unreadable: None,
                }
            }
            Err(e) => Variants {
                unreadable: Some((section, e)),
                ..Variants::single(project)
            },
        }
    }

    /// The project to save or share: the active variant at the top level, the `variants` section holding the
    /// list (absent when there is only the default variant `v1` "方案 A", so a file without variants is
    /// written back as it was).
    pub fn to_project(&self) -> Project {
        let mut p = self.active_project().clone();
        if let Some((raw, _)) = &self.unreadable {
            p.extra.insert(SECTION.to_owned(), raw.clone());
            return p;
        }
        if self.list.len() == 1
            && self.list[0].id == DEFAULT_ID
            && self.list[0].label == default_label(Lang::Zh, 'A')
            && self.section_extra.is_empty()
        {
            return p;
        }
        let list = self
            .list
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let mut entry = Map::new();
                if i != self.active {
                    entry = match v.inputs_value() {
                        Value::Object(m) => m,
                        _ => Map::new(),
                    };
                    entry.remove("format");
                }
                entry.insert("id".to_owned(), Value::String(v.id.clone()));
                entry.insert("label".to_owned(), Value::String(v.label.clone()));
                Value::Object(entry)
            })
            .collect();
        let mut section = self.section_extra.clone();
        section.insert("active".to_owned(), Value::String(self.active().id.clone()));
        section.insert("list".to_owned(), Value::Array(list));
        p.extra.insert(SECTION.to_owned(), Value::Object(section));
        p
    }

    /// [`Variants::to_project`] as pretty-printed JSON (what Save writes).
    pub fn to_json_pretty(&self) -> String {
        self.to_project().to_json_pretty()
    }

    /// The variants, in order.
    pub fn list(&self) -> &[Variant] {
        &self.list
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Never true (there is always one variant); for symmetry with [`Variants::len`].
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Index of the active variant.
    pub fn active_index(&self) -> usize {
        self.active
    }

    /// The active variant.
    pub fn active(&self) -> &Variant {
        &self.list[self.active]
    }

    /// The active variant's project (the one the editor edits).
    pub fn active_project(&self) -> &Project {
        match &self.list[self.active].inputs {
            Inputs::Valid(p) => p,
            Inputs::Invalid { .. } => unreachable!("the active variant is always valid"),
        }
    }

    /// Index of the variant with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.list.iter().position(|v| v.id == id)
    }

    /// Every problem found when the file was read: the unreadable section, or each invalid variant.
    pub fn errors(&self) -> Vec<VariantError> {
        let mut out: Vec<VariantError> = self.unreadable.iter().map(|(_, e)| e.clone()).collect();
        out.extend(self.list.iter().filter_map(|v| v.error().cloned()));
        out
    }

    /// True while an unreadable `variants` section is being kept verbatim (it is replaced by the first change
    /// of the variants; the page should say so).
    pub fn keeps_unreadable_section(&self) -> bool {
        self.unreadable.is_some()
    }

    /// Replaces the active variant's inputs (after an edit). A `variants` section inside is dropped: variants
    /// do not nest.
    pub fn set_active_project(&mut self, mut project: Project) {
        project.extra.remove(SECTION);
        self.list[self.active].inputs = Inputs::Valid(Box::new(project));
    }

    /// Copies the active variant as a new last variant, labelled with the next letter ("方案 D" after "方案 C",
    /// or "Variant D" in English), and makes it active. Returns its index.
    pub fn duplicate_active(&mut self, lang: Lang) -> Result<usize, VariantOpError> {
        if self.list.len() >= MAX_VARIANTS {
            return Err(VariantOpError::Full);
        }
        let letter = self.next_letter();
        let id = self.fresh_id();
        let copy = Variant {
            id,
            label: default_label(lang, letter),
            inputs: self.active().inputs.clone(),
        };
        self.list.push(copy);
        self.active = self.list.len() - 1;
        self.changed();
        Ok(self.active)
    }

    /// Renames a variant (the label is trimmed; 1 to [`MAX_LABEL_CHARS`] characters).
    pub fn rename(&mut self, index: usize, label: &str) -> Result<(), VariantOpError> {
        let label = check_label(label)?;
        let v = self
            .list
            .get_mut(index)
            .ok_or(VariantOpError::NoSuchVariant)?;
        v.label = label;
        self.changed();
        Ok(())
    }

    /// Removes a variant and returns it with its place, for [`Variants::put_back`]. The last one stays. When
    /// the active one goes, the next valid variant becomes active (or the one before).
    pub fn remove(&mut self, index: usize) -> Result<Removed, VariantOpError> {
        if index >= self.list.len() {
            return Err(VariantOpError::NoSuchVariant);
        }
        if self.list.len() == 1 {
            return Err(VariantOpError::Last);
        }
        let was_active = index == self.active;
        if was_active {
            // The nearest valid variant after it, else before it.
            let next = (index + 1..self.list.len())
                .chain((0..index).rev())
                .find(|&i| self.list[i].project().is_some())
                .ok_or(VariantOpError::Last)?;
            self.active = if next > index { next - 1 } else { next };
        } else if index < self.active {
            self.active -= 1;
        }
        let variant = self.list.remove(index);
        self.changed();
        Ok(Removed {
            index,
            was_active,
            variant,
        })
    }

    /// Puts a removed variant back at its index (the end if the list is shorter now), active again if it was.
    /// Returns its index.
    pub fn put_back(&mut self, removed: Removed) -> Result<usize, VariantOpError> {
        if self.list.len() >= MAX_VARIANTS {
            return Err(VariantOpError::Full);
        }
        if self.index_of(&removed.variant.id).is_some() {
            return Err(VariantOpError::DuplicateId);
        }
        let index = removed.index.min(self.list.len());
        let valid = removed.variant.project().is_some();
        self.list.insert(index, removed.variant);
        if removed.was_active && valid {
            self.active = index;
        } else if index <= self.active {
            self.active += 1;
        }
        self.changed();
        Ok(index)
    }

    /// Moves the variant at `from` to index `to` (the others keep their order); the active one stays active.
    pub fn move_to(&mut self, from: usize, to: usize) -> Result<(), VariantOpError> {
        if from >= self.list.len() || to >= self.list.len() {
            return Err(VariantOpError::NoSuchVariant);
        }
        let active_id = self.active().id.clone();
        let v = self.list.remove(from);
        self.list.insert(to, v);
        self.active = self.index_of(&active_id).unwrap_or(0);
        self.changed();
        Ok(())
    }

    /// Makes the variant at `index` the active one (the one edited and written at the top level).
    pub fn switch_to(&mut self, index: usize) -> Result<(), VariantOpError> {
        let v = self.list.get(index).ok_or(VariantOpError::NoSuchVariant)?;
        if v.project().is_none() {
            return Err(VariantOpError::Invalid);
        }
        if index != self.active {
            self.active = index;
            self.changed();
        }
        Ok(())
    }

    /// A change to the list replaces an unreadable section that was being kept.
    fn changed(&mut self) {
        self.unreadable = None;
    }

    /// An id `v<n>` not in use.
    fn fresh_id(&mut self) -> String {
        loop {
            let id = format!("v{}", self.next_id);
            self.next_id += 1;
            if self.index_of(&id).is_none() {
                return id;
            }
        }
    }

    /// The letter after the highest default-label letter in use (A–Z), else the first letter no label uses.
    fn next_letter(&self) -> char {
        let used: Vec<char> = self
            .list
            .iter()
            .filter_map(|v| label_letter(&v.label))
            .collect();
        let after_highest = used
            .iter()
            .max()
            .map_or(Some('A'), |c| char::from_u32(u32::from(*c) + 1))
            .filter(char::is_ascii_uppercase);
        after_highest
            .or_else(|| ('A'..='Z').find(|c| !used.contains(c)))
            .unwrap_or('Z')
    }
}

/// The project's JSON, unknown sections included.
fn project_value(p: &Project) -> Value {
    let mut value = serde_json::to_value(p).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        for (k, v) in &p.extra {
            map.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
    value
}

/// A label as it is kept: trimmed, 1 to [`MAX_LABEL_CHARS`] characters, no control characters.
fn check_label(label: &str) -> Result<String, VariantOpError> {
    let label: String = label.trim().chars().filter(|c| !c.is_control()).collect();
    if label.is_empty() {
        return Err(VariantOpError::EmptyLabel);
    }
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err(VariantOpError::LongLabel);
    }
    Ok(label)
}

/// After the highest `v<n>` id in use, at least after the count.
fn next_id_after(list: &[Variant]) -> u32 {
    let highest = list
        .iter()
        .filter_map(|v| v.id.strip_prefix('v')?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    highest
        .max(u32::try_from(list.len()).unwrap_or(u32::MAX))
        .saturating_add(1)
}

/// One read entry: id, label, and its inputs (`None` for the active entry, whose inputs are the top level).
type Entry = (String, String, Option<Inputs>);

/// Reads the section's structure and each entry. A structural problem is an `Err`; a variant with invalid
/// inputs is an entry with [`Inputs::Invalid`].
fn read_section(section: &Value) -> Result<(Vec<Entry>, Map<String, Value>), VariantError> {
    use VariantErrorKind as K;
    let Value::Object(map) = section else {
        return Err(VariantError::new(SECTION, K::NotAnObject));
    };
    let list = match map.get("list") {
        None | Some(Value::Null) => return Err(VariantError::new("variants.list", K::Missing)),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(VariantError::new("variants.list", K::NotAList)),
    };
    if list.is_empty() {
        return Err(VariantError::new("variants.list", K::Empty));
    }
    if list.len() > MAX_VARIANTS {
        return Err(VariantError::new("variants.list", K::TooMany));
    }
    let active_id = match map.get("active") {
        None | Some(Value::Null) => return Err(VariantError::new("variants.active", K::Missing)),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(VariantError::new("variants.active", K::NotText)),
    };
    let mut entries: Vec<Entry> = Vec::with_capacity(list.len());
    for (i, entry) in list.iter().enumerate() {
        let at = format!("variants.list[{i}]");
        let Value::Object(entry) = entry else {
            return Err(VariantError::new(at, K::NotAnObject));
        };
        let text = |key: &str, max: usize| -> Result<String, VariantError> {
            let path = format!("{at}.{key}");
            match entry.get(key) {
                None | Some(Value::Null) => Err(VariantError::new(path, K::Missing)),
                Some(Value::String(s)) if s.trim().is_empty() => {
                    Err(VariantError::new(path, K::Empty))
                }
                Some(Value::String(s)) if s.chars().count() > max => {
                    Err(VariantError::new(path, K::TooLong { max }))
                }
                Some(Value::String(s)) => Ok(s.clone()),
                Some(_) => Err(VariantError::new(path, K::NotText)),
            }
        };
        let id = text("id", MAX_ID_CHARS)?;
        if !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return Err(VariantError::new(format!("{at}.id"), K::BadId));
        }
        if entries.iter().any(|(other, _, _)| *other == id) {
            return Err(VariantError::new(format!("{at}.id"), K::DuplicateId));
        }
        let label = text("label", MAX_LABEL_CHARS)?;
        if label.chars().any(char::is_control) {
            return Err(VariantError::new(format!("{at}.label"), K::NotText));
        }
        let mut inputs = entry.clone();
        inputs.remove("id");
        inputs.remove("label");
        if id == active_id {
            if let Some(key) = inputs.keys().next() {
                return Err(VariantError::new(format!("{at}.{key}"), K::ActiveHasInputs));
            }
            entries.push((id, label, None));
            continue;
        }
        entries.push((id, label, Some(read_inputs(inputs, &at))));
    }
    if !entries.iter().any(|(id, _, _)| *id == active_id) {
        return Err(VariantError::new("variants.active", K::UnknownActive));
    }
    let mut extra = map.clone();
    extra.remove("active");
    extra.remove("list");
    Ok((entries, extra))
}

/// The inputs of a non-active entry, validated like a project file (no migration: an entry is `greencheck/1`).
fn read_inputs(raw: Map<String, Value>, at: &str) -> Inputs {
    if raw.contains_key(SECTION) {
        let error = VariantError::new(format!("{at}.{SECTION}"), VariantErrorKind::Nested);
        return Inputs::Invalid { raw, error };
    }
    let mut doc = raw.clone();
    doc.entry("format")
        .or_insert_with(|| Value::String(FORMAT.to_owned()));
    match Project::from_value(Value::Object(doc)) {
        Ok(p) => Inputs::Valid(Box::new(p)),
        Err(e) => {
            let path = if e.path.is_empty() {
                at.to_owned()
            } else {
                format!("{at}.{}", e.path)
            };
            Inputs::Invalid {
                raw,
                error: VariantError::new(path, VariantErrorKind::Inputs(e.kind)),
            }
        }
    }
}

#[cfg(test)]
mod label_tests {
    use super::{shown_label, Lang};

    #[test]
    fn default_labels_follow_the_language_and_user_labels_do_not() {
        assert_eq!(shown_label("方案 A", Lang::En), "Variant A");
        assert_eq!(shown_label("Variant C", Lang::Zh), "方案 C");
        assert_eq!(
            shown_label("方案 C（外墙加厚）", Lang::En),
            "方案 C（外墙加厚）"
        );
        assert_eq!(shown_label("Variant Cheap", Lang::Zh), "Variant Cheap");
        assert_eq!(shown_label("旧楼", Lang::En), "旧楼");
    }
}
