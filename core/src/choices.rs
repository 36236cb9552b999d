//! The lists a choice field offers ([`Choices`]), drawn from the core's own tables: the city table, the uses,
//! the GB/T 50378 editions and stages, the grid emission factor rows, the sound-insulation levels, the
//! water-fixture grades, the kinds of retrofit and the retrofit marks, the ISO 13790 thermal-mass classes.
//! Every value offered validates (tested).

use crate::columns::star::{Edition, Stage};
pub use crate::fields::Choices;
use crate::project::Use;
use crate::retrofit::{Mark, RetrofitKind};
use crate::star::SoundInsulation;
use crate::text::Text;

/// One choice: the value stored in the project, its label and an optional detail (e.g. the weather a city
/// is computed with).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// Value stored in the project.
    pub value: &'static str,
    /// Label.
    pub label: Text,
    /// Detail shown after the label.
    pub detail: Option<Text>,
}

/// The choices of a list, in display order.
pub fn choices(list: Choices) -> Vec<Choice> {
    let plain = |value: &'static str, label: Text| Choice {
        value,
        label,
        detail: None,
    };
    match list {
        Choices::Cities => crate::city::cities()
            .iter()
            .map(|c| Choice {
                value: c.city,
                label: c.name(),
                detail: Some(c.weather()),
            })
            .collect(),
        Choices::Uses => Use::ALL.iter().map(|u| plain(u.key(), u.label())).collect(),
        Choices::Editions => Edition::ALL
            .iter()
            .map(|e| plain(e.year(), e.label()))
            .collect(),
        Choices::Stages => Stage::ALL
            .iter()
            .map(|s| plain(s.key(), s.label()))
            .collect(),
        Choices::GridFactors => crate::pv::grid_factors()
            .iter()
            .map(|r| plain(r.id, Text::new(r.name_zh, r.name_en)))
            .collect(),
        Choices::SoundLevels => SoundInsulation::ALL
            .iter()
            .map(|s| plain(s.key(), s.label()))
            .collect(),
        Choices::WaterGrades => crate::fields::WATER_GRADES
            .into_iter()
            .map(|(v, l)| plain(v, l))
            .collect(),
        Choices::RetrofitKinds => RetrofitKind::ALL
            .iter()
            .map(|k| plain(k.key(), k.label()))
            .collect(),
        Choices::RetrofitMarks => Mark::ALL
            .iter()
            .map(|m| plain(m.key(), m.label()))
            .collect(),
        Choices::Constructions => crate::energy::thermal_mass_classes()
            .iter()
            .map(|c| Choice {
                value: c.key,
                label: Text::new(c.name_zh, c.name_en),
                detail: Some(Text::new(c.construction_zh, c.construction_en)),
            })
            .collect(),
    }
}
