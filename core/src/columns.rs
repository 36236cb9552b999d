//! Column types of the embedded CSV tables (`core/data/*.csv`): what a cell parses into.
//!
//! This file is compiled twice: into the crate, and into `core/build.rs` (through `#[path]`),
//! which validates the tables with these types and writes them out as static arrays. So it
//! holds only the definitions and the key parsing the tables need, and uses nothing of the
//! crate; the behaviour of the types lives in the modules that re-export them
//! ([`crate::limits`], [`crate::model`], [`crate::star`], [`crate::plan`]).

/// Columns of `gb55015_limits.csv` and `gb55015_cities.csv`.
pub mod gb55015 {
    use serde::{Deserialize, Serialize};
    use std::fmt;

    /// How a value is compared with a limit.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Comparison {
        /// value ≤ limit passes.
        Le,
        /// value ≥ limit passes.
        Ge,
        /// The code sets no requirement for these criteria.
        None,
    }

    /// Where a number came from (see the domain README).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Provenance {
        /// Read from the official text.
        T,
        /// Inferred (cell missing from the text): must be shown as "to be confirmed" (待确认).
        I,
        /// Secondhand (third-party encoding).
        S,
    }

    /// Whether a row feeds the verdict.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Severity {
        /// A requirement: a failing check affects the verdict.
        Mandatory,
        /// Advisory only: shown, never decisive.
        Advisory,
        /// Recorded for reference (no input field checks it yet).
        Reference,
    }

    /// Orientation class of a facade (B.0.5, severe-cold and cold zones).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Orientation {
        /// North 北.
        N,
        /// East 东.
        E,
        /// South 南.
        S,
        /// West 西.
        W,
    }

    impl Orientation {
        /// All classes.
        pub const ALL: [Orientation; 4] = [
            Orientation::N,
            Orientation::E,
            Orientation::S,
            Orientation::W,
        ];

        /// Key as serialised and used in the limits table (`N`/`E`/`S`/`W`).
        pub fn key(self) -> &'static str {
            match self {
                Orientation::N => "N",
                Orientation::E => "E",
                Orientation::S => "S",
                Orientation::W => "W",
            }
        }

        /// Parses `N`/`E`/`S`/`W`.
        pub fn from_key(s: &str) -> Option<Orientation> {
            Orientation::ALL.into_iter().find(|o| o.key() == s)
        }
    }

    /// Building class for GB 55015 limits.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum BuildingClass {
        /// Residential, ≤ 3 storeys.
        ResidentialLe3,
        /// Residential, > 3 storeys.
        ResidentialGt3,
        /// Public 甲类 (single building > 300 m²).
        PublicA,
        /// Public 乙类 (≤ 300 m²).
        PublicB,
    }

    impl BuildingClass {
        /// All classes.
        pub const ALL: [BuildingClass; 4] = [
            BuildingClass::ResidentialLe3,
            BuildingClass::ResidentialGt3,
            BuildingClass::PublicA,
            BuildingClass::PublicB,
        ];

        /// Key as used in the limits table (`residential_le3`, …).
        pub fn key(self) -> &'static str {
            match self {
                BuildingClass::ResidentialLe3 => "residential_le3",
                BuildingClass::ResidentialGt3 => "residential_gt3",
                BuildingClass::PublicA => "public_a",
                BuildingClass::PublicB => "public_b",
            }
        }

        /// Parses a table key.
        pub fn from_key(s: &str) -> Option<BuildingClass> {
            BuildingClass::ALL.into_iter().find(|c| c.key() == s)
        }
    }

    /// The envelope element (or building quantity) a limit row constrains, column `element` of
    /// `gb55015_limits.csv`. Checks carry it, so nothing parses check ids to know what a check is about.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Element {
        /// Shape factor F0/V0 (3.1.2).
        ShapeFactor,
        /// Window-to-wall ratio of a facade (3.1.4).
        Wwr,
        /// WWR of a single room (recorded; not checked).
        WwrSingleRoom,
        /// Skylight area / roof area (3.1.5).
        SkylightRatio,
        /// Transparent roof share, public buildings (3.1.6).
        RoofTransparentRatio,
        /// Roof K.
        RoofU,
        /// External wall K.
        WallU,
        /// Floor over outside air / overhanging floor K.
        FloorOverOutsideU,
        /// Window K of a facade.
        WindowU,
        /// Window SHGC of a facade.
        WindowShgc,
        /// Skylight K.
        SkylightU,
        /// Skylight SHGC.
        SkylightShgc,
        /// Perimeter ground insulation R.
        GroundPerimeterR,
        /// Basement wall against soil R.
        BasementWallR,
        /// Balcony door panel K (recorded; not checked).
        BalconyDoorPanelU,
        /// Deformation joint R (recorded; not checked).
        DeformationJointR,
        /// Entrance door K (recorded; not checked).
        EntranceDoorU,
        /// Floor over an unheated garage K (recorded; not checked).
        GarageFloorU,
        /// Partition between heated and unheated spaces K (recorded; not checked).
        HeatedUnheatedPartitionU,
        /// Stairwell wall K (recorded; not checked).
        StairWallU,
        /// Partition with a temperature difference K (recorded; not checked).
        TemperatureDifferencePartitionU,
        /// Ceiling over an unheated basement K (recorded; not checked).
        UnheatedBasementCeilingU,
        /// C.0.1 trade-off precondition: wall K.
        BasicWallU,
        /// C.0.1 trade-off precondition: window K.
        BasicWindowU,
        /// C.0.1 trade-off precondition: floor over outside air K.
        BasicFloorOverOutsideU,
        /// C.0.1 trade-off precondition: WWR.
        BasicWwr,
        /// GB 55015 2.0.3 average energy-saving rate of the class.
        BaseSavingRate,
        /// The Hebi plan's target energy-saving rate of the class.
        TargetSavingRate,
    }

    impl Element {
        /// Every element, in declaration order (the index of the limits lookup).
        pub const ALL: [Element; 28] = [
            Element::ShapeFactor,
            Element::Wwr,
            Element::WwrSingleRoom,
            Element::SkylightRatio,
            Element::RoofTransparentRatio,
            Element::RoofU,
            Element::WallU,
            Element::FloorOverOutsideU,
            Element::WindowU,
            Element::WindowShgc,
            Element::SkylightU,
            Element::SkylightShgc,
            Element::GroundPerimeterR,
            Element::BasementWallR,
            Element::BalconyDoorPanelU,
            Element::DeformationJointR,
            Element::EntranceDoorU,
            Element::GarageFloorU,
            Element::HeatedUnheatedPartitionU,
            Element::StairWallU,
            Element::TemperatureDifferencePartitionU,
            Element::UnheatedBasementCeilingU,
            Element::BasicWallU,
            Element::BasicWindowU,
            Element::BasicFloorOverOutsideU,
            Element::BasicWwr,
            Element::BaseSavingRate,
            Element::TargetSavingRate,
        ];

        /// Key as written in the table (`window_u`, …).
        pub fn key(self) -> &'static str {
            match self {
                Element::ShapeFactor => "shape_factor",
                Element::Wwr => "wwr",
                Element::WwrSingleRoom => "wwr_single_room",
                Element::SkylightRatio => "skylight_ratio",
                Element::RoofTransparentRatio => "roof_transparent_ratio",
                Element::RoofU => "roof_u",
                Element::WallU => "wall_u",
                Element::FloorOverOutsideU => "floor_over_outside_u",
                Element::WindowU => "window_u",
                Element::WindowShgc => "window_shgc",
                Element::SkylightU => "skylight_u",
                Element::SkylightShgc => "skylight_shgc",
                Element::GroundPerimeterR => "ground_perimeter_r",
                Element::BasementWallR => "basement_wall_r",
                Element::BalconyDoorPanelU => "balcony_door_panel_u",
                Element::DeformationJointR => "deformation_joint_r",
                Element::EntranceDoorU => "entrance_door_u",
                Element::GarageFloorU => "garage_floor_u",
                Element::HeatedUnheatedPartitionU => "heated_unheated_partition_u",
                Element::StairWallU => "stair_wall_u",
                Element::TemperatureDifferencePartitionU => "temperature_difference_partition_u",
                Element::UnheatedBasementCeilingU => "unheated_basement_ceiling_u",
                Element::BasicWallU => "basic_wall_u",
                Element::BasicWindowU => "basic_window_u",
                Element::BasicFloorOverOutsideU => "basic_floor_over_outside_u",
                Element::BasicWwr => "basic_wwr",
                Element::BaseSavingRate => "base_saving_rate",
                Element::TargetSavingRate => "target_saving_rate",
            }
        }

        /// Parses a table key.
        pub fn from_key(s: &str) -> Option<Element> {
            Element::ALL.into_iter().find(|e| e.key() == s)
        }
    }

    /// A numeric interval with inclusive/exclusive ends, written `[0,0.30]`, `(0.30,0.50]`, `(800,inf)`.
    #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
    pub struct Interval {
        /// Lower end.
        pub lower: f64,
        /// Whether the lower end belongs to the interval.
        pub lower_inclusive: bool,
        /// Upper end (may be +∞).
        pub upper: f64,
        /// Whether the upper end belongs to the interval.
        pub upper_inclusive: bool,
    }

    impl Interval {
        /// Parses interval notation such as `(0.30,0.50]`; `inf` is +∞.
        pub fn parse(text: &str) -> Result<Interval, String> {
            let t = text.trim();
            let bad = || format!("bad interval {text:?}");
            let lower_inclusive = match t.chars().next() {
                Some('[') => true,
                Some('(') => false,
                _ => return Err(bad()),
            };
            let upper_inclusive = match t.chars().last() {
                Some(']') => true,
                Some(')') => false,
                _ => return Err(bad()),
            };
            let inner = t.get(1..t.len() - 1).ok_or_else(bad)?;
            let (a, b) = inner.split_once(',').ok_or_else(bad)?;
            let num = |s: &str| -> Result<f64, String> {
                match s.trim() {
                    "inf" => Ok(f64::INFINITY),
                    "-inf" => Ok(f64::NEG_INFINITY),
                    x => x.parse::<f64>().map_err(|_| bad()),
                }
            };
            let (lower, upper) = (num(a)?, num(b)?);
            if lower.is_nan() || upper.is_nan() || lower > upper {
                return Err(bad());
            }
            Ok(Interval {
                lower,
                lower_inclusive,
                upper,
                upper_inclusive,
            })
        }

        /// Whether `x` lies in the interval (NaN never does).
        pub fn contains(&self, x: f64) -> bool {
            let above = if self.lower_inclusive {
                x >= self.lower
            } else {
                x > self.lower
            };
            let below = if self.upper_inclusive {
                x <= self.upper
            } else {
                x < self.upper
            };
            above && below
        }
    }

    impl fmt::Display for Interval {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let l = if self.lower_inclusive { '[' } else { '(' };
            let u = if self.upper_inclusive { ']' } else { ')' };
            if self.upper.is_infinite() {
                write!(f, "{l}{},inf{u}", self.lower)
            } else {
                write!(f, "{l}{},{}{u}", self.lower, self.upper)
            }
        }
    }
}

/// Columns of the `star_*.csv` tables (GB/T 50378).
pub mod star {
    use serde::{Deserialize, Serialize};

    /// Edition of GB/T 50378 (the 2019 text or its 2024 partial revision).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    pub enum Edition {
        /// GB/T 50378-2019 as published.
        #[serde(rename = "2019")]
        E2019,
        /// GB/T 50378-2019 (2024 partial revision). Default.
        #[default]
        #[serde(rename = "2024")]
        E2024,
    }

    impl Edition {
        /// Both editions, the current one first.
        pub const ALL: [Edition; 2] = [Edition::E2024, Edition::E2019];

        /// Year of the edition as serialised (`2019`, `2024`).
        pub fn year(self) -> &'static str {
            match self {
                Edition::E2019 => "2019",
                Edition::E2024 => "2024",
            }
        }
    }

    /// Assessment stage.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Stage {
        /// Pre-assessment (预评价) after construction drawings; Q3 max 70. Default.
        #[default]
        Pre,
        /// Assessment (评价) after completion.
        Final,
    }

    impl Stage {
        /// Both stages, in order.
        pub const ALL: [Stage; 2] = [Stage::Pre, Stage::Final];

        /// Key as serialised (`pre`, `final`).
        pub fn key(self) -> &'static str {
            match self {
                Stage::Pre => "pre",
                Stage::Final => "final",
            }
        }
    }

    /// Score category of table 3.2.7.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Category {
        /// Q0 prerequisites (控制项) base score.
        Prerequisites,
        /// Q1 safety and durability (安全耐久).
        Safety,
        /// Q2 health and comfort (健康舒适).
        Health,
        /// Q3 occupant convenience (生活便利).
        Convenience,
        /// Q4 resource saving (资源节约).
        Resources,
        /// Q5 environment livability (环境宜居).
        Environment,
        /// QA improvement and innovation bonus (提高与创新).
        Bonus,
    }

    impl Category {
        /// Every category, in table order.
        pub(crate) const ALL: [Category; 7] = [
            Category::Prerequisites,
            Category::Safety,
            Category::Health,
            Category::Convenience,
            Category::Resources,
            Category::Environment,
            Category::Bonus,
        ];
    }

    /// Rating level, ordered from `None` to `Three`.
    #[derive(
        Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
    )]
    #[serde(rename_all = "snake_case")]
    pub enum StarLevel {
        /// Not rated: some prerequisite is not met.
        #[default]
        None,
        /// Basic level (基本级): every prerequisite met.
        Basic,
        /// One star (一星级).
        One,
        /// Two stars (二星级).
        Two,
        /// Three stars (三星级).
        Three,
    }

    impl StarLevel {
        /// The star levels, which have thresholds and gates.
        pub(crate) const STARS: [StarLevel; 3] = [StarLevel::One, StarLevel::Two, StarLevel::Three];
    }

    /// A quantity that a gate or a scoring ladder looks at.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Quantity {
        /// Building envelope thermal improvement (smallest element), %.
        EnvelopeImprovement,
        /// Heating + cooling load reduction vs the reference building, %.
        LoadReduction,
        /// Building energy reduction vs GB 55015, %.
        EnergyReduction,
        /// Renewable share (2019: of electricity; 2024: utilisation rate), %.
        RenewableShare,
        /// 2019 table 7.2.9: share of domestic hot water from renewables, %.
        RenewableDhwShare,
        /// 2019 table 7.2.9: share of heating and cooling from renewables, %.
        RenewableHeatingCoolingShare,
        /// Residential window K reduction (worst window), %.
        WindowKReduction,
        /// Water-saving fixture efficiency grade (1 best … 3).
        WaterFixtureGrade,
        /// Residential sound insulation level (rank 0 none … 3 high).
        SoundInsulation,
        /// Indoor main pollutant concentration reduction, %.
        PollutantReduction,
        /// Green building materials share, %.
        GreenMaterialShare,
        /// Whole-life carbon statement with reduction measures (flag).
        CarbonStatement,
        /// Window air-tightness meets the energy code and joints sealed (flag).
        WindowAirtightness,
        /// Every prerequisite met (flag).
        Prerequisites,
        /// Full fit-out (flag).
        FullFitout,
        /// Points of one category.
        CategoryPoints,
        /// Total score Q.
        TotalScore,
    }

    /// Provenance of a number (see the domain README).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Provenance {
        /// Read from the official text.
        T,
        /// Secondhand.
        S,
        /// Unverified recollection.
        M,
        /// Inferred; to be confirmed.
        I,
    }

    /// Scoring rule of a ladder.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Rule {
        /// Threshold → points; the best row reached counts.
        Step,
        /// Threshold → points, then `+step_points` per full further `step`, up to `cap`.
        Increment,
        /// `points` at or above `threshold`; proportional below, rounded down to 0.1 point.
        Linear,
    }
}

/// Columns of `plan_targets.csv` (the Hebi carbon-peak plan's targets, [`crate::plan`]).
pub mod plan {
    use serde::{Deserialize, Serialize};

    /// What a row of the plan table is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum TargetKind {
        /// The plan asks it of every building the row applies to.
        Requirement,
        /// The plan sets a city-wide share; the building's status says whether it counts toward it.
        Contribution,
        /// A city-level indicator computed over a portfolio of projects.
        City,
        /// A definition used to decide whether a row applies (e.g. "large public building").
        Definition,
    }

    /// What a row measures. Each has one kind of value ([`Measure`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Indicator {
        /// Estimated energy-saving rate (report `energy.saving_rate`).
        EnergySavingRate,
        /// Green building level (report `star.level`): at least basic.
        GreenBuildingLevel,
        /// Star level (report `star.level`).
        StarRating,
        /// PV module area / installable roof area (report `pv.coverage_ratio`).
        PvCoverage,
        /// Assembly ratio 装配率 (entered).
        AssemblyRatio,
        /// Construction waste per 10⁴ m² of floor area (entered tonnage / floor area).
        ConstructionWasteIntensity,
        /// All-electric heating, hot water and cooking (entered).
        AllElectric,
        /// Electricity share of the building's energy use (entered).
        ElectricityShare,
        /// Renewable energy / the building's estimated energy use.
        RenewableSubstitution,
        /// Green building materials share (`green.green_material_share_pct`).
        GreenMaterialShare,
        /// Floor area from which a public building is "large" (definition).
        LargePublicFloorArea,
    }

    /// The kind of value an indicator has.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Measure {
        /// A number, compared with `ge`, `gt` or `le`.
        Number,
        /// A GB/T 50378 level, compared with `star_ge`.
        Level,
        /// Yes/no, compared with `is_true`.
        Flag,
    }

    impl Indicator {
        /// The kind of value.
        pub fn measure(self) -> Measure {
            match self {
                Indicator::GreenBuildingLevel | Indicator::StarRating => Measure::Level,
                Indicator::AllElectric => Measure::Flag,
                _ => Measure::Number,
            }
        }

        /// Whether the value is a quotient whose numerator and denominator add up over a portfolio.
        pub fn is_quotient(self) -> bool {
            matches!(
                self,
                Indicator::PvCoverage
                    | Indicator::ConstructionWasteIntensity
                    | Indicator::ElectricityShare
                    | Indicator::RenewableSubstitution
            )
        }

        /// Whether rows of this indicator are definitions (and only definitions).
        pub fn is_definition(self) -> bool {
            self == Indicator::LargePublicFloorArea
        }
    }

    /// How a value is compared with the target.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Compare {
        /// value ≥ target.
        Ge,
        /// value > target.
        Gt,
        /// value ≤ target.
        Le,
        /// The flag is true (no value column).
        IsTrue,
        /// Star level at or above the target level.
        StarGe,
    }

    impl Compare {
        /// The kind of value it compares.
        pub fn measure(self) -> Measure {
            match self {
                Compare::Ge | Compare::Gt | Compare::Le => Measure::Number,
                Compare::IsTrue => Measure::Flag,
                Compare::StarGe => Measure::Level,
            }
        }
    }

    /// How a city row aggregates the building rows it names.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Basis {
        /// Floor area of the buildings that meet / floor area of those decided.
        AreaShare,
        /// Number of buildings that meet / number decided.
        CountShare,
        /// Σ numerator / Σ denominator of the building values (e.g. module area / roof area).
        Quotient,
    }

    /// Attribute of a row of the plan's indicator table (属性).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Attribute {
        /// 约束性 (binding).
        Binding,
        /// 预期性 (expected).
        Expected,
    }

    /// A condition of `applies_to`: a property of the project.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Term {
        /// Every building.
        All,
        /// `use` = residential.
        Residential,
        /// Any other `use` (the plan's "public buildings").
        NonResidential,
        /// `plan.government_invested`.
        GovernmentInvested,
        /// `plan.public_welfare`.
        PublicWelfare,
        /// `plan.public_institution`.
        PublicInstitution,
        /// `plan.factory`.
        Factory,
        /// A non-residential building at or above the `large_public_floor_area` definition row.
        LargePublic,
    }

    impl Term {
        /// Every term.
        pub const ALL: [Term; 8] = [
            Term::All,
            Term::Residential,
            Term::NonResidential,
            Term::GovernmentInvested,
            Term::PublicWelfare,
            Term::PublicInstitution,
            Term::Factory,
            Term::LargePublic,
        ];

        /// Key as written in `applies_to`.
        pub fn key(self) -> &'static str {
            match self {
                Term::All => "all",
                Term::Residential => "residential",
                Term::NonResidential => "non_residential",
                Term::GovernmentInvested => "government_invested",
                Term::PublicWelfare => "public_welfare",
                Term::PublicInstitution => "public_institution",
                Term::Factory => "factory",
                Term::LargePublic => "large_public",
            }
        }

        /// Parses a key.
        pub fn from_key(s: &str) -> Option<Term> {
            Term::ALL.into_iter().find(|t| t.key() == s)
        }

        /// The definition row a term needs, if any.
        pub fn definition(self) -> Option<Indicator> {
            match self {
                Term::LargePublic => Some(Indicator::LargePublicFloorArea),
                _ => None,
            }
        }
    }
}

/// Columns of `retrofit_targets.csv` (the Hebi plan's retrofit targets).
pub mod retrofit {
    use serde::{Deserialize, Serialize};

    /// Which retrofits a target applies to (also the project's `retrofit.kind`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RetrofitKind {
        /// An existing urban building (既有建筑节能改造, plan section 二(四)4).
        #[default]
        ExistingBuilding,
        /// A rural house (农房节能改造, plan section 三(三)).
        RuralHouse,
    }

    impl RetrofitKind {
        /// Both kinds, in display order.
        pub const ALL: [RetrofitKind; 2] =
            [RetrofitKind::ExistingBuilding, RetrofitKind::RuralHouse];

        /// Key as written in the project and the table (`existing_building`, `rural_house`).
        pub fn key(self) -> &'static str {
            match self {
                RetrofitKind::ExistingBuilding => "existing_building",
                RetrofitKind::RuralHouse => "rural_house",
            }
        }
    }

    /// What a target row sets.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RetrofitQuantity {
        /// Whole-building improvement Δ = 1 − E_after / E_before (a fraction).
        EnergyImprovement,
        /// The retrofitted parts meet the current standard (no number: a rule).
        RetrofittedParts,
        /// City total of retrofitted floor area by a year, m².
        CityRetrofitArea,
    }
}

/// Columns of the energy tables `thermal_mass_classes.csv`, `nzeb_tiers.csv` and `nzeb_conditions.csv`.
pub mod energy {
    use serde::{Deserialize, Serialize};

    /// Where a number came from (docs/sources/README.md): the five letters the estimate's tables use.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Provenance {
        /// Read from the official text.
        T,
        /// Secondhand (a third-party encoding of the text).
        S,
        /// Inferred; to be confirmed.
        I,
        /// Unverified recollection: every use must be marked to be confirmed (待确认).
        M,
        /// An assumption of this estimate.
        A,
    }

    /// Building type of a GB/T 51350 row.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum BuildingType {
        /// Residential (居住建筑).
        Residential,
        /// Public (公共建筑).
        Public,
    }

    /// The GB/T 51350-2019 tiers, in ladder order.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Tier {
        /// Ultra-low energy building (超低能耗建筑).
        UltraLow,
        /// Near-zero energy building (近零能耗建筑).
        NearZero,
    }

    /// The quantity a GB/T 51350 row limits.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum TierQuantity {
        /// Annual heating demand per m² of floor, kWh/(m²·a).
        HeatingDemand,
        /// Annual cooling demand per m²: the row is the constant of the climate-dependent limit.
        CoolingDemand,
        /// Coefficient of the wet-bulb degree hours above 20 °C (kK·h) in the cooling limit.
        CoolingDemandPerWdh20,
        /// Coefficient of the dry-bulb degree hours above 28 °C (kK·h) in the cooling limit.
        CoolingDemandPerDdh28,
        /// Air changes at 50 Pa, 1/h (design intent).
        AirtightnessN50,
        /// Sensible heat-recovery efficiency of the fresh-air unit (design intent).
        HeatRecoveryEfficiency,
        /// Primary energy of heating, cooling and lighting (建筑能耗综合值): not computed here.
        PrimaryEnergy,
        /// Renewable share on the standard's basis: not computed here.
        RenewableShare,
        /// Public buildings' overall saving rate (建筑综合节能率): not computed here.
        OverallSavingRate,
        /// Public buildings' envelope saving rate (建筑本体节能率): not computed here.
        EnvelopeSavingRate,
    }

    /// How a GB/T 51350 row compares.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum TierComparison {
        /// value ≤ limit meets the row.
        Le,
        /// value ≥ limit meets the row.
        Ge,
        /// A coefficient of a limit formula (no comparison of its own).
        Coef,
    }
}
