//! Row schemas and validation of the embedded CSV tables (`core/data/*.csv`).
//!
//! `core/build.rs` reads every table through this module (included there by `#[path]`), fails
//! the build on the first bad row with its file, line and column, and writes the validated
//! records out as the static arrays the crate uses at run time; no CSV is parsed in the
//! shipped code. The crate compiles this module only for its tests: that a bad row is
//! rejected, and that the generated arrays hold exactly what the CSV says.

use serde::de::{DeserializeOwned, DeserializeSeed, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use crate::columns::energy::{
    BuildingType, Provenance as EnergyProvenance, Tier, TierComparison, TierQuantity,
};
use crate::columns::gb55015::{
    BuildingClass, Comparison, Element, Interval, Orientation, Provenance, Severity,
};
use crate::columns::plan::{Attribute, Basis, Compare, Indicator, Measure, TargetKind, Term};
use crate::columns::retrofit::{RetrofitKind, RetrofitQuantity};
use crate::columns::star::{
    Category, Edition, Provenance as StarProvenance, Quantity, Rule, Stage, StarLevel,
};

/// GB 55015 limit values.
pub const LIMITS: &str = "gb55015_limits.csv";
/// City → climate zone.
pub const CITIES: &str = "gb55015_cities.csv";
/// Energy-estimate defaults.
pub const ENERGY_DEFAULTS: &str = "energy_defaults.csv";
/// PV defaults (key/value rows).
pub const PV_DEFAULTS: &str = "pv_defaults.csv";
/// PV grid emission factors.
pub const PV_GRID_FACTORS: &str = "pv_grid_factors.csv";
/// Star rating: category maxima.
pub const STAR_CATEGORIES: &str = "star_categories.csv";
/// Star rating: total-score thresholds.
pub const STAR_LEVELS: &str = "star_levels.csv";
/// Star rating: table 3.2.8 gates.
pub const STAR_GATES: &str = "star_gates.csv";
/// Star rating: scoring ladders.
pub const STAR_LADDERS: &str = "star_ladders.csv";
/// Targets of the Hebi carbon-peak plan (building rows, city rows, definitions).
pub const PLAN_TARGETS: &str = "plan_targets.csv";
/// The Hebi plan's retrofit targets.
pub const RETROFIT_TARGETS: &str = "retrofit_targets.csv";
/// ISO 13790 thermal-mass classes.
pub const THERMAL_MASS: &str = "thermal_mass_classes.csv";
/// GB/T 51350 ultra-low / near-zero tier limits.
pub const NZEB_TIERS: &str = "nzeb_tiers.csv";
/// GB/T 51350 calculation conditions.
pub const NZEB_CONDITIONS: &str = "nzeb_conditions.csv";

/// A table that does not pass validation: where (file, line, column) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct TableError {
    /// File name under `core/data/`.
    pub file: &'static str,
    /// 1-based line of the offending row; `None` for an error about the table as a whole.
    pub line: Option<u64>,
    /// Column (header name) at fault, when one is.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl TableError {
    fn table(file: &'static str, message: String) -> TableError {
        TableError {
            file,
            line: None,
            column: None,
            message,
        }
    }

    fn at(file: &'static str, line: u64, column: &str, message: String) -> TableError {
        TableError {
            file,
            line: Some(line),
            column: Some(column.to_owned()),
            message,
        }
    }

    fn csv(file: &'static str, headers: &csv::StringRecord, e: &csv::Error) -> TableError {
        let line = e.position().map(csv::Position::line);
        match e.kind() {
            csv::ErrorKind::Deserialize { err, .. } => TableError {
                file,
                line,
                column: err
                    .field()
                    .and_then(|i| headers.get(usize::try_from(i).ok()?))
                    .map(str::to_owned),
                message: err.kind().to_string(),
            },
            _ => TableError {
                file,
                line,
                column: None,
                message: e.to_string(),
            },
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "core/data/{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every row of a CSV text with a header line, deserialised as `T`, with its line number.
/// `trim` trims every cell (how the star tables have always been read; the others are not).
fn read<T: DeserializeOwned>(
    file: &'static str,
    text: &str,
    trim: bool,
) -> Result<Vec<(u64, T)>, TableError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(if trim {
            csv::Trim::All
        } else {
            csv::Trim::None
        })
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| TableError::csv(file, &csv::StringRecord::new(), &e))?
        .clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TableError::csv(file, &headers, &e))?;
        let line = record.position().map_or(0, csv::Position::line);
        let row = record.deserialize(Some(&headers)).map_err(|e| {
            let mut err = TableError::csv(file, &headers, &e);
            if err.column.is_none() {
                err.column = failing_column::<T>(&record, &headers);
            }
            err
        })?;
        rows.push((line, row));
    }
    Ok(rows)
}

/// The column (header) at which deserialising `record` as `T` fails. csv names it for its own
/// parse errors only, not for those raised by serde visitors (an unknown enum key, say), so
/// this deserialises again counting the columns read (only on the error path).
fn failing_column<T: DeserializeOwned>(
    record: &csv::StringRecord,
    headers: &csv::StringRecord,
) -> Option<String> {
    /// Columns read when `T` failed, if it did.
    struct ColumnsRead<T>(Option<usize>, PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Deserialize<'de> for ColumnsRead<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let read = Cell::new(0);
            let failed = T::deserialize(Counting {
                inner: d,
                read: &read,
            })
            .is_err();
            Ok(ColumnsRead(failed.then(|| read.get()), PhantomData))
        }
    }

    /// A deserializer whose struct visitor counts the keys (columns) it reads.
    struct Counting<'a, X> {
        inner: X,
        read: &'a Cell<usize>,
    }

    impl<'de, D: Deserializer<'de>> Deserializer<'de> for Counting<'_, D> {
        type Error = D::Error;

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, D::Error> {
            let read = self.read;
            let visitor = Counting {
                inner: visitor,
                read,
            };
            self.inner.deserialize_struct(name, fields, visitor)
        }

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.inner.deserialize_any(visitor)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }

    impl<'de, V: Visitor<'de>> Visitor<'de> for Counting<'_, V> {
        type Value = V::Value;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.inner.expecting(f)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
            self.inner.visit_map(Counting {
                inner: map,
                read: self.read,
            })
        }
    }

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for Counting<'_, A> {
        type Error = A::Error;

        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, A::Error> {
            self.read.set(self.read.get() + 1);
            self.inner.next_key_seed(seed)
        }

        fn next_value_seed<S: DeserializeSeed<'de>>(
            &mut self,
            seed: S,
        ) -> Result<S::Value, A::Error> {
            self.inner.next_value_seed(seed)
        }
    }

    let read = record
        .deserialize::<ColumnsRead<T>>(Some(headers))
        .ok()?
        .0?;
    // The failing value is that of the last key read; past the last column (a missing
    // field, say) there is none.
    headers.get(read.checked_sub(1)?).map(str::to_owned)
}

// ---------------------------------------------------------------------------------------------
// gb55015_limits.csv, gb55015_cities.csv
// ---------------------------------------------------------------------------------------------

/// A row of `gb55015_limits.csv` as written: sets are `|`-separated, brackets in interval notation.
#[derive(Deserialize)]
struct RawLimit {
    id: String,
    standard: String,
    edition: String,
    zone: String,
    clause: String,
    table: String,
    element: String,
    building_class: String,
    orientation: String,
    wwr: String,
    shape_factor: String,
    floor_area_m2: String,
    comparison: Comparison,
    value: Option<f64>,
    unit: String,
    tradeable: bool,
    severity: Severity,
    provenance: Provenance,
    note: String,
}

/// A validated row of `gb55015_limits.csv` (the fields of `limits::LimitRow`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LimitRecord {
    pub id: String,
    pub standard: String,
    pub edition: String,
    pub zones: Vec<String>,
    pub clause: String,
    pub table: String,
    pub element: Element,
    pub classes: Vec<BuildingClass>,
    pub orientations: Vec<Orientation>,
    pub wwr: Option<Interval>,
    pub shape_factor: Option<Interval>,
    pub floor_area_m2: Option<Interval>,
    pub comparison: Comparison,
    pub value: Option<f64>,
    pub unit: String,
    pub tradeable: bool,
    pub severity: Severity,
    pub provenance: Provenance,
    pub note: String,
    /// `standard-edition`, e.g. `GB 55015-2021`, for citations without formatting at run time.
    #[serde(skip)]
    pub standard_edition: String,
}

fn split_set(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

/// Validates `gb55015_limits.csv`: known classes and orientations, at least one class, a value
/// exactly when the comparison is not `none`, well-formed brackets, unique ids.
pub fn limits(text: &str) -> Result<Vec<LimitRecord>, TableError> {
    let mut out = Vec::new();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for (line, r) in read::<RawLimit>(LIMITS, text, false)? {
        let err = |column: &str, message: String| {
            TableError::at(LIMITS, line, column, format!("{}: {message}", r.id))
        };
        let classes = split_set(&r.building_class)
            .map(|c| {
                BuildingClass::from_key(c)
                    .ok_or_else(|| err("building_class", format!("class {c:?}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let orientations = split_set(&r.orientation)
            .map(|o| {
                Orientation::from_key(o)
                    .ok_or_else(|| err("orientation", format!("orientation {o:?}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if classes.is_empty() {
            return Err(err("building_class", "no building class".into()));
        }
        if (r.comparison == Comparison::None) != r.value.is_none() {
            return Err(err(
                "value",
                "value must be empty exactly when comparison is none".into(),
            ));
        }
        let bracket = |column: &str, s: &str| -> Result<Option<Interval>, TableError> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                Interval::parse(s).map(Some).map_err(|e| err(column, e))
            }
        };
        let element = Element::from_key(r.element.trim())
            .ok_or_else(|| err("element", format!("element {:?}", r.element)))?;
        let wwr = bracket("wwr", &r.wwr)?;
        let shape_factor = bracket("shape_factor", &r.shape_factor)?;
        let floor_area_m2 = bracket("floor_area_m2", &r.floor_area_m2)?;
        if let Some(first) = first_line.insert(r.id.clone(), line) {
            return Err(err(
                "id",
                format!("duplicate row id (first on line {first})"),
            ));
        }
        out.push(LimitRecord {
            standard_edition: format!("{}-{}", r.standard, r.edition),
            zones: split_set(&r.zone).map(str::to_owned).collect(),
            id: r.id,
            standard: r.standard,
            edition: r.edition,
            clause: r.clause,
            table: r.table,
            element,
            classes,
            orientations,
            wwr,
            shape_factor,
            floor_area_m2,
            comparison: r.comparison,
            value: r.value,
            unit: r.unit,
            tradeable: r.tradeable,
            severity: r.severity,
            provenance: r.provenance,
            note: r.note,
        });
    }
    Ok(out)
}

/// A row of `gb55015_cities.csv` (the fields of `limits::City`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CityRecord {
    pub city: String,
    pub zone: String,
    pub name_zh: String,
    pub name_en: String,
    pub weather_zh: String,
    pub weather_en: String,
    pub provenance: Provenance,
    pub note: String,
}

/// Reads `gb55015_cities.csv` (every cell must deserialise).
pub fn cities(text: &str) -> Result<Vec<CityRecord>, TableError> {
    Ok(strip(read(CITIES, text, false)?))
}

fn strip<T>(rows: Vec<(u64, T)>) -> Vec<T> {
    rows.into_iter().map(|(_, r)| r).collect()
}

// ---------------------------------------------------------------------------------------------
// energy_defaults.csv
// ---------------------------------------------------------------------------------------------

/// A row of `energy_defaults.csv` (the fields of `energy::DefaultRow`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnergyDefaultRecord {
    pub key: String,
    pub category: String,
    pub value: f64,
    pub unit: String,
    pub provenance: String,
    pub source: String,
}

/// Validates `energy_defaults.csv`: every value finite.
pub fn energy_defaults(text: &str) -> Result<Vec<EnergyDefaultRecord>, TableError> {
    let rows = read::<EnergyDefaultRecord>(ENERGY_DEFAULTS, text, false)?;
    if let Some((line, r)) = rows.iter().find(|(_, r)| !r.value.is_finite()) {
        let message = format!("{}: value not finite", r.key);
        return Err(TableError::at(ENERGY_DEFAULTS, *line, "value", message));
    }
    Ok(strip(rows))
}

// ---------------------------------------------------------------------------------------------
// pv_defaults.csv, pv_grid_factors.csv
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
struct RawPvDefault {
    key: String,
    value: String,
}

/// The rows of `pv_defaults.csv` gathered into one record (the fields of `pv::PvDefaults`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PvDefaultsRecord {
    pub module_efficiency: f64,
    pub tilt_deg: f64,
    pub azimuth_deg: f64,
    pub system_loss: f64,
    pub coverage_target: f64,
    pub grid_factor: String,
    pub temperature_coefficient_per_k: f64,
    pub reference_cell_temperature_c: f64,
    pub cell_temp_a: f64,
    pub cell_temp_b: f64,
    pub cell_temp_delta_t_k: f64,
    pub iam_refractive_index: f64,
    pub iam_extinction_per_m: f64,
    pub iam_glass_thickness_m: f64,
}

/// Validates `pv_defaults.csv`: every key present, the numeric ones finite numbers, the temperature and
/// incidence-angle coefficients within physical ranges.
pub fn pv_defaults(text: &str) -> Result<PvDefaultsRecord, TableError> {
    let rows = read::<RawPvDefault>(PV_DEFAULTS, text, false)?;
    let find = |k: &str| {
        rows.iter()
            .find(|(_, r)| r.key == k)
            .ok_or_else(|| TableError::table(PV_DEFAULTS, format!("missing {k}")))
    };
    let num = |k: &str| -> Result<f64, TableError> {
        let (line, r) = find(k)?;
        r.value
            .parse::<f64>()
            .map_err(|e| TableError::at(PV_DEFAULTS, *line, "value", format!("{k}: {e}")))
    };
    let ranged = |k: &str, lo: f64, hi: f64| -> Result<f64, TableError> {
        let v = num(k)?;
        if (lo..=hi).contains(&v) {
            Ok(v)
        } else {
            let line = find(k)?.0;
            Err(TableError::at(
                PV_DEFAULTS,
                line,
                "value",
                format!("{k}: {v} outside [{lo}, {hi}]"),
            ))
        }
    };
    Ok(PvDefaultsRecord {
        module_efficiency: num("module_efficiency")?,
        tilt_deg: num("tilt_deg")?,
        azimuth_deg: num("azimuth_deg")?,
        system_loss: num("system_loss")?,
        coverage_target: num("coverage_target")?,
        grid_factor: find("grid_factor")?.1.value.clone(),
        temperature_coefficient_per_k: ranged("temperature_coefficient_per_k", -0.02, 0.0)?,
        reference_cell_temperature_c: ranged("reference_cell_temperature_c", -50.0, 100.0)?,
        cell_temp_a: ranged("cell_temp_a", -10.0, 0.0)?,
        cell_temp_b: ranged("cell_temp_b", -1.0, 0.0)?,
        cell_temp_delta_t_k: ranged("cell_temp_delta_t_k", 0.0, 20.0)?,
        iam_refractive_index: ranged("iam_refractive_index", 1.0, 3.0)?,
        iam_extinction_per_m: ranged("iam_extinction_per_m", 0.0, 100.0)?,
        iam_glass_thickness_m: ranged("iam_glass_thickness_m", 0.0, 0.05)?,
    })
}

/// A row of `pv_grid_factors.csv` (the fields of `pv::GridFactorRow`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridFactorRecord {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub kg_co2_per_kwh: f64,
    pub year: Option<u16>,
    pub region: String,
    pub source: String,
}

/// Reads `pv_grid_factors.csv` (every cell must deserialise).
pub fn pv_grid_factors(text: &str) -> Result<Vec<GridFactorRecord>, TableError> {
    Ok(strip(read(PV_GRID_FACTORS, text, false)?))
}

// ---------------------------------------------------------------------------------------------
// star_*.csv
// ---------------------------------------------------------------------------------------------

/// A row of `star_categories.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryRecord {
    pub edition: Edition,
    pub stage: Stage,
    pub category: Category,
    pub max: f64,
    pub floor_pct: Option<f64>,
    pub clause: String,
    pub provenance: StarProvenance,
}

/// A row of `star_levels.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelRecord {
    pub edition: Edition,
    pub level: StarLevel,
    pub min_total: f64,
    pub clause: String,
    pub provenance: StarProvenance,
}

/// A row of `star_gates.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GateRecord {
    pub edition: Edition,
    pub level: StarLevel,
    pub quantity: Quantity,
    pub required: f64,
    pub alt_quantity: Option<Quantity>,
    pub alt_required: Option<f64>,
    pub residential_only: bool,
    pub clause: String,
    pub provenance: StarProvenance,
    /// Gate id: the quantity's serde name.
    #[serde(skip_deserializing)]
    pub id: String,
}

/// A row of `star_ladders.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LadderRecord {
    pub edition: Edition,
    pub item: String,
    pub category: Category,
    pub basis: Quantity,
    pub rule: Rule,
    pub threshold: f64,
    pub points: f64,
    pub step: Option<f64>,
    pub step_points: Option<f64>,
    pub cap: Option<f64>,
    pub provenance: StarProvenance,
    pub note: String,
}

/// The four star tables, validated together.
#[derive(Debug, Clone, PartialEq)]
pub struct StarRecords {
    pub categories: Vec<CategoryRecord>,
    pub levels: Vec<LevelRecord>,
    pub gates: Vec<GateRecord>,
    pub ladders: Vec<LadderRecord>,
}

/// The texts of the four star tables.
pub struct StarTexts<'a> {
    pub categories: &'a str,
    pub levels: &'a str,
    pub gates: &'a str,
    pub ladders: &'a str,
}

const EDITIONS: [Edition; 2] = [Edition::E2019, Edition::E2024];

/// Exactly one row per key: an error naming the second row if there are more, the table if none.
fn exactly_one(
    file: &'static str,
    lines: &[u64],
    column: &str,
    what: String,
) -> Result<(), TableError> {
    match lines {
        [_] => Ok(()),
        [] => Err(TableError::table(file, format!("0 rows for {what}"))),
        [_, second, ..] => Err(TableError::at(
            file,
            *second,
            column,
            format!("{} rows for {what}", lines.len()),
        )),
    }
}

/// Validates the star tables: one category row per edition, stage and category; one level row
/// per edition and star; `alt_quantity` and `alt_required` together; consistent ladders (a
/// `step` ladder only of `step` rows, an `increment` or `linear` ladder a single row with a
/// positive step / threshold, one category per ladder).
pub fn star(texts: &StarTexts<'_>) -> Result<StarRecords, TableError> {
    let categories = read::<CategoryRecord>(STAR_CATEGORIES, texts.categories, true)?;
    let levels = read::<LevelRecord>(STAR_LEVELS, texts.levels, true)?;
    let mut gates = read::<GateRecord>(STAR_GATES, texts.gates, true)?;
    let ladders = read::<LadderRecord>(STAR_LADDERS, texts.ladders, true)?;
    for ed in EDITIONS {
        for st in [Stage::Pre, Stage::Final] {
            for c in Category::ALL {
                let lines: Vec<u64> = categories
                    .iter()
                    .filter(|(_, r)| r.edition == ed && r.stage == st && r.category == c)
                    .map(|(line, _)| *line)
                    .collect();
                let what = format!("{} {st:?} {c:?}", ed.year());
                exactly_one(STAR_CATEGORIES, &lines, "category", what)?;
            }
        }
        for l in StarLevel::STARS {
            let lines: Vec<u64> = levels
                .iter()
                .filter(|(_, r)| r.edition == ed && r.level == l)
                .map(|(line, _)| *line)
                .collect();
            exactly_one(STAR_LEVELS, &lines, "level", format!("{} {l:?}", ed.year()))?;
        }
    }
    for (line, g) in &mut gates {
        g.id = serde_json::to_value(g.quantity)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        if g.alt_quantity.is_some() != g.alt_required.is_some() {
            let message = format!(
                "{:?}: alt_quantity and alt_required go together",
                g.quantity
            );
            return Err(TableError::at(STAR_GATES, *line, "alt_quantity", message));
        }
    }
    for (line, r) in &ladders {
        let same: Vec<&LadderRecord> = ladders
            .iter()
            .map(|(_, o)| o)
            .filter(|o| o.edition == r.edition && o.item == r.item && o.basis == r.basis)
            .collect();
        let bad = match r.rule {
            Rule::Step => same.iter().any(|o| o.rule != Rule::Step),
            Rule::Increment => {
                same.len() != 1
                    || r.step.map_or(true, |s| s <= 0.0)
                    || r.step_points.is_none()
                    || r.cap.is_none()
            }
            Rule::Linear => same.len() != 1 || r.threshold <= 0.0,
        };
        if bad || same.iter().any(|o| o.category != r.category) {
            let message = format!(
                "{} {} {:?}: inconsistent rows for rule {:?}",
                r.edition.year(),
                r.item,
                r.basis,
                r.rule
            );
            return Err(TableError::at(STAR_LADDERS, *line, "rule", message));
        }
    }
    Ok(StarRecords {
        categories: strip(categories),
        levels: strip(levels),
        gates: strip(gates),
        ladders: strip(ladders),
    })
}

// ---------------------------------------------------------------------------------------------
// plan_targets.csv
// ---------------------------------------------------------------------------------------------

/// A row of `plan_targets.csv` as written: `applies_to` is `|`-separated alternatives of
/// `&`-joined terms, `value` a number, a star level or empty (by `compare`), `of` `|`-separated ids.
#[derive(Deserialize)]
struct RawPlanTarget {
    id: String,
    kind: TargetKind,
    indicator: Indicator,
    section: String,
    table_row: String,
    attribute: Option<Attribute>,
    wording_zh: String,
    wording_en: String,
    applies_to: String,
    compare: Compare,
    value: String,
    unit: String,
    of: String,
    basis: Option<Basis>,
    deadline: Option<u16>,
    provenance: StarProvenance,
    source: String,
}

/// A validated row of `plan_targets.csv` (the fields of `plan::TargetRow`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanTargetRecord {
    pub id: String,
    pub kind: TargetKind,
    pub indicator: Indicator,
    pub section: String,
    pub table_row: String,
    pub attribute: Option<Attribute>,
    pub wording_zh: String,
    pub wording_en: String,
    /// Alternatives (OR) of conditions that must all hold (AND).
    pub applies_to: Vec<Vec<Term>>,
    /// `applies_to` as text, normalised (`a&b|c`), so reports borrow it.
    pub applies_text: String,
    pub compare: Compare,
    /// Target for `ge`, `gt`, `le`.
    pub value: Option<f64>,
    /// Target for `star_ge`.
    pub level: Option<StarLevel>,
    pub unit: String,
    pub of: Vec<String>,
    pub basis: Option<Basis>,
    pub deadline: Option<u16>,
    pub provenance: StarProvenance,
    pub source: String,
}

/// Validates `plan_targets.csv`: unique ids; the value fits the comparison and the comparison the
/// indicator (a number for city rows, which compare shares or quotients); building and definition rows say what they apply to, city rows do not but name
/// building rows of their indicator (`of`) and a basis (a quotient only of quotient indicators);
/// definition indicators only in definition rows, exactly one row per definition a term needs, and
/// no defined term in a definition's own `applies_to`;
/// a deadline year on every target; the wording, place and source filled in.
pub fn plan_targets(text: &str) -> Result<Vec<PlanTargetRecord>, TableError> {
    let rows = read::<RawPlanTarget>(PLAN_TARGETS, text, false)?;
    let mut out: Vec<(u64, PlanTargetRecord)> = Vec::new();
    for (line, r) in rows {
        let err = |column: &str, message: String| {
            TableError::at(PLAN_TARGETS, line, column, format!("{}: {message}", r.id))
        };
        if let Some((first, _)) = out.iter().find(|(_, o)| o.id == r.id) {
            return Err(err(
                "id",
                format!("duplicate row id (first on line {first})"),
            ));
        }
        for (column, v) in [
            ("id", &r.id),
            ("section", &r.section),
            ("wording_zh", &r.wording_zh),
            ("wording_en", &r.wording_en),
            ("unit", &r.unit),
            ("source", &r.source),
        ] {
            if v.trim().is_empty() {
                return Err(err(column, "must not be empty".into()));
            }
        }
        let applies_to = split_set(&r.applies_to)
            .map(|alt| {
                alt.split('&')
                    .map(|t| {
                        Term::from_key(t.trim())
                            .ok_or_else(|| err("applies_to", format!("term {t:?}")))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<Vec<_>, _>>()?;
        let city = r.kind == TargetKind::City;
        // A definition that applied by a definition could loop.
        if r.kind == TargetKind::Definition
            && applies_to
                .iter()
                .flatten()
                .any(|t| t.definition().is_some())
        {
            return Err(err(
                "applies_to",
                "a definition row cannot apply by a defined term".into(),
            ));
        }
        if city != applies_to.is_empty() {
            return Err(err(
                "applies_to",
                "empty exactly for city rows (they apply to the rows in `of`)".into(),
            ));
        }
        // A city row compares a share or a quotient: a number.
        let measure = if city {
            Measure::Number
        } else {
            r.indicator.measure()
        };
        if r.compare.measure() != measure {
            return Err(err(
                "compare",
                format!(
                    "{:?} does not compare a {measure:?} ({:?})",
                    r.compare, r.indicator
                ),
            ));
        }
        let (value, level) = match r.compare.measure() {
            Measure::Number => match r.value.trim().parse::<f64>() {
                Ok(v) if v.is_finite() => (Some(v), None),
                _ => return Err(err("value", format!("not a finite number: {:?}", r.value))),
            },
            Measure::Level => {
                let level = serde_json::from_value::<StarLevel>(serde_json::Value::String(
                    r.value.trim().to_owned(),
                ))
                .map_err(|_| err("value", format!("not a star level: {:?}", r.value)))?;
                (None, Some(level))
            }
            Measure::Flag if r.value.trim().is_empty() => (None, None),
            Measure::Flag => return Err(err("value", "must be empty for is_true".into())),
        };
        if r.indicator.is_definition() != (r.kind == TargetKind::Definition) {
            return Err(err(
                "indicator",
                "definition indicators go exactly in definition rows".into(),
            ));
        }
        let of: Vec<String> = split_set(&r.of).map(str::to_owned).collect();
        if city != (!of.is_empty() && r.basis.is_some()) {
            return Err(err(
                "of",
                "`of` and `basis` are given exactly for city rows".into(),
            ));
        }
        if r.basis == Some(Basis::Quotient) && !r.indicator.is_quotient() {
            return Err(err("basis", format!("{:?} is not a quotient", r.indicator)));
        }
        match r.deadline {
            Some(y) if (2020..=2060).contains(&y) => {}
            None if r.kind == TargetKind::Definition => {}
            _ => return Err(err("deadline", "a year 2020–2060 on every target".into())),
        }
        let applies_text = applies_to
            .iter()
            .map(|alt| alt.iter().map(|t| t.key()).collect::<Vec<_>>().join("&"))
            .collect::<Vec<_>>()
            .join("|");
        out.push((
            line,
            PlanTargetRecord {
                applies_to,
                applies_text,
                value,
                level,
                of,
                id: r.id,
                kind: r.kind,
                indicator: r.indicator,
                section: r.section,
                table_row: r.table_row,
                attribute: r.attribute,
                wording_zh: r.wording_zh,
                wording_en: r.wording_en,
                compare: r.compare,
                unit: r.unit,
                basis: r.basis,
                deadline: r.deadline,
                provenance: r.provenance,
                source: r.source,
            },
        ));
    }
    for (line, r) in &out {
        for id in &r.of {
            let target = out.iter().map(|(_, o)| o).find(|o| &o.id == id);
            let ok = target.is_some_and(|o| {
                matches!(o.kind, TargetKind::Requirement | TargetKind::Contribution)
                    && o.indicator == r.indicator
            });
            if !ok {
                let message = format!(
                    "{}: `of` {id:?} is not a building row of {:?}",
                    r.id, r.indicator
                );
                return Err(TableError::at(PLAN_TARGETS, *line, "of", message));
            }
        }
        for term in r.applies_to.iter().flatten() {
            if let Some(def) = term.definition() {
                let lines: Vec<u64> = out
                    .iter()
                    .filter(|(_, o)| o.indicator == def)
                    .map(|(l, _)| *l)
                    .collect();
                exactly_one(
                    PLAN_TARGETS,
                    &lines,
                    "indicator",
                    format!("{def:?} (term {term:?})"),
                )?;
            }
        }
    }
    Ok(strip(out))
}

// ---------------------------------------------------------------------------------------------
// retrofit_targets.csv
// ---------------------------------------------------------------------------------------------

/// A row of `retrofit_targets.csv` (the fields of `retrofit::TargetRow`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetrofitTargetRecord {
    pub id: String,
    pub scope: RetrofitKind,
    pub quantity: RetrofitQuantity,
    pub comparison: Comparison,
    pub value: Option<f64>,
    pub unit: String,
    pub year: Option<u16>,
    pub source: String,
    pub clause: String,
    pub table: String,
    pub provenance: Provenance,
    pub wording: String,
    pub note: String,
}

/// Validates `retrofit_targets.csv`: unique ids, a finite value exactly when the comparison is not `none`, a
/// clause and the plan's wording on every row, one row per scope, quantity and year.
pub fn retrofit_targets(text: &str) -> Result<Vec<RetrofitTargetRecord>, TableError> {
    let rows = read::<RetrofitTargetRecord>(RETROFIT_TARGETS, text, false)?;
    for (i, (line, r)) in rows.iter().enumerate() {
        let err = |column: &str, message: &str| {
            TableError::at(
                RETROFIT_TARGETS,
                *line,
                column,
                format!("{}: {message}", r.id),
            )
        };
        if (r.comparison == Comparison::None) != r.value.is_none() {
            return Err(err(
                "value",
                "value must be empty exactly when comparison is none",
            ));
        }
        if r.value.is_some_and(|v| !v.is_finite()) {
            return Err(err("value", "value not finite"));
        }
        if r.clause.trim().is_empty() || r.wording.trim().is_empty() {
            return Err(err("wording", "every target cites its clause and wording"));
        }
        if let Some((first, _)) = rows[..i].iter().find(|(_, o)| o.id == r.id) {
            return Err(err(
                "id",
                &format!("duplicate row id (first on line {first})"),
            ));
        }
        let same = |o: &RetrofitTargetRecord| {
            (o.scope, o.quantity, o.year) == (r.scope, r.quantity, r.year)
        };
        if rows[..i].iter().any(|(_, o)| same(o)) {
            return Err(err("year", "two rows for one scope, quantity and year"));
        }
    }
    Ok(strip(rows))
}

// ---------------------------------------------------------------------------------------------
// thermal_mass_classes.csv, nzeb_tiers.csv, nzeb_conditions.csv
// ---------------------------------------------------------------------------------------------

/// A row of `thermal_mass_classes.csv` (the fields of `energy::ThermalMassClass`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThermalMassRecord {
    pub key: String,
    pub name_zh: String,
    pub name_en: String,
    pub construction_zh: String,
    pub construction_en: String,
    pub c_m_kj_m2k: f64,
    pub a_m_ratio: f64,
    pub provenance: EnergyProvenance,
    pub source: String,
}

/// Validates `thermal_mass_classes.csv`: at least one class, unique keys, C_m > 0, 0 < A_m/A_f ≤ 4.5 (the
/// mass area cannot exceed ISO 13790's total internal area A_t = 4.5 A_f), both finite.
pub fn thermal_mass_classes(text: &str) -> Result<Vec<ThermalMassRecord>, TableError> {
    let rows = read::<ThermalMassRecord>(THERMAL_MASS, text, false)?;
    for (i, (line, r)) in rows.iter().enumerate() {
        let at = |column: &str, m: &str| {
            TableError::at(THERMAL_MASS, *line, column, format!("{}: {m}", r.key))
        };
        if !(r.c_m_kj_m2k.is_finite() && r.c_m_kj_m2k > 0.0) {
            return Err(at("c_m_kj_m2k", "must be a finite number > 0"));
        }
        if !(r.a_m_ratio > 0.0 && r.a_m_ratio <= 4.5) {
            return Err(at("a_m_ratio", "must lie in (0, 4.5]"));
        }
        if rows[..i].iter().any(|(_, o)| o.key == r.key) {
            return Err(at("key", "duplicate key"));
        }
    }
    if rows.is_empty() {
        return Err(TableError::table(THERMAL_MASS, "no class".into()));
    }
    Ok(strip(rows))
}

#[derive(Deserialize)]
struct RawNzebLimit {
    id: String,
    standard: String,
    edition: String,
    clause: String,
    building_type: BuildingType,
    zone: String,
    tier: Tier,
    quantity: TierQuantity,
    comparison: TierComparison,
    value: f64,
    unit: String,
    provenance: EnergyProvenance,
    source: String,
    note: String,
}

/// A validated row of `nzeb_tiers.csv` (the fields of `energy::NzebLimitRow`); `zones` empty = every zone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NzebLimitRecord {
    pub id: String,
    pub standard: String,
    pub edition: String,
    pub clause: String,
    pub building_type: BuildingType,
    pub zones: Vec<String>,
    pub tier: Tier,
    pub quantity: TierQuantity,
    pub comparison: TierComparison,
    pub value: f64,
    pub unit: String,
    pub provenance: EnergyProvenance,
    pub source: String,
    pub note: String,
}

/// Validates `nzeb_tiers.csv`: unique ids, finite values, `coef` exactly for the two cooling coefficients
/// and each with its constant (a `cooling_demand` row of the same type, tier and zones), and no two rows for
/// one type, tier and quantity whose zones overlap (so a lookup finds at most one).
pub fn nzeb_tiers(text: &str) -> Result<Vec<NzebLimitRecord>, TableError> {
    let mut out: Vec<(u64, NzebLimitRecord)> = Vec::new();
    for (line, r) in read::<RawNzebLimit>(NZEB_TIERS, text, false)? {
        let err = |column: &str, m: String| {
            TableError::at(NZEB_TIERS, line, column, format!("{}: {m}", r.id))
        };
        if !r.value.is_finite() {
            return Err(err("value", "not finite".into()));
        }
        let coef = matches!(
            r.quantity,
            TierQuantity::CoolingDemandPerWdh20 | TierQuantity::CoolingDemandPerDdh28
        );
        if coef != (r.comparison == TierComparison::Coef) {
            return Err(err(
                "comparison",
                "coef exactly for the cooling coefficients".into(),
            ));
        }
        let zones: Vec<String> = split_set(&r.zone).map(str::to_owned).collect();
        let overlap = |a: &[String], b: &[String]| {
            a.is_empty() || b.is_empty() || a.iter().any(|z| b.contains(z))
        };
        if let Some((first, _)) = out.iter().find(|(_, o)| {
            o.id == r.id
                || (o.building_type == r.building_type
                    && o.tier == r.tier
                    && o.quantity == r.quantity
                    && overlap(&o.zones, &zones))
        }) {
            return Err(err(
                "id",
                format!("duplicate id or criteria (first on line {first})"),
            ));
        }
        out.push((
            line,
            NzebLimitRecord {
                id: r.id,
                standard: r.standard,
                edition: r.edition,
                clause: r.clause,
                building_type: r.building_type,
                zones,
                tier: r.tier,
                quantity: r.quantity,
                comparison: r.comparison,
                value: r.value,
                unit: r.unit,
                provenance: r.provenance,
                source: r.source,
                note: r.note,
            },
        ));
    }
    for (line, r) in &out {
        let has_base = out.iter().any(|(_, o)| {
            o.quantity == TierQuantity::CoolingDemand
                && o.building_type == r.building_type
                && o.tier == r.tier
                && o.zones == r.zones
        });
        if r.comparison == TierComparison::Coef && !has_base {
            let m = format!("{}: coefficient without its cooling_demand row", r.id);
            return Err(TableError::at(NZEB_TIERS, *line, "quantity", m));
        }
    }
    Ok(strip(out))
}

/// A row of `nzeb_conditions.csv` (the fields of `energy::NzebCondition`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NzebConditionRecord {
    pub key: String,
    pub building_type: BuildingType,
    pub value: f64,
    pub unit: String,
    pub provenance: EnergyProvenance,
    pub source: String,
}

/// Validates `nzeb_conditions.csv`: finite values, one row per key and building type.
pub fn nzeb_conditions(text: &str) -> Result<Vec<NzebConditionRecord>, TableError> {
    let rows = read::<NzebConditionRecord>(NZEB_CONDITIONS, text, false)?;
    for (i, (line, r)) in rows.iter().enumerate() {
        if !r.value.is_finite() {
            let m = format!("{}: value not finite", r.key);
            return Err(TableError::at(NZEB_CONDITIONS, *line, "value", m));
        }
        if rows[..i]
            .iter()
            .any(|(_, o)| o.key == r.key && o.building_type == r.building_type)
        {
            let m = format!("{}: duplicate key for {:?}", r.key, r.building_type);
            return Err(TableError::at(NZEB_CONDITIONS, *line, "key", m));
        }
    }
    Ok(strip(rows))
}
