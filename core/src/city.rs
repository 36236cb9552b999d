//! The city table (`core/data/gb55015_cities.csv`, validated at build time): which climate zone a city lies
//! in for GB 55015, and which weather it is computed with. A city is offered only when the limits table
//! has rows for its zone and `crate::climate` has its weather table (tested).

use serde::Serialize;

use crate::columns::gb55015::Provenance;
use crate::text::Text;

// `CITY_ROWS`: the CSV table, validated and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/gb55015_cities.rs"));

/// One city of the city table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct City {
    /// Key used in the project file (`city`); also the id of its climate table.
    pub city: &'static str,
    /// Climate zone key used by the limits table.
    pub zone: &'static str,
    /// Chinese name.
    pub name_zh: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// The weather the city is computed with, in Chinese.
    pub weather_zh: &'static str,
    /// The same in English.
    pub weather_en: &'static str,
    /// Provenance of the zoning (`I`: inferred, shown as to be confirmed).
    pub provenance: Provenance,
    /// Note (source of the zoning).
    pub note: &'static str,
}

impl City {
    /// The city's name.
    pub fn name(&self) -> Text {
        Text::new(self.name_zh, self.name_en)
    }

    /// The weather it is computed with.
    pub fn weather(&self) -> Text {
        Text::new(self.weather_zh, self.weather_en)
    }
}

/// The embedded city table, in display order.
pub fn cities() -> &'static [City] {
    CITY_ROWS
}

/// The city of a project's `city` key (case and surrounding spaces ignored).
pub fn find(key: &str) -> Option<&'static City> {
    CITY_ROWS
        .iter()
        .find(|c| c.city.eq_ignore_ascii_case(key.trim()))
}

/// Climate zone of a city key (`hebi` → `cold_b`), if the city is known.
pub fn zone_of(key: &str) -> Option<&'static str> {
    find(key).map(|c| c.zone)
}

/// The known keys, comma-separated, for messages.
pub fn known_keys() -> String {
    CITY_ROWS
        .iter()
        .map(|c| format!("{} {}", c.city, c.name_zh))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup() {
        assert_eq!(zone_of("hebi"), Some("cold_b"));
        assert_eq!(zone_of(" Hebi "), Some("cold_b"));
        assert_eq!(zone_of("atlantis"), None);
        assert_eq!(known_keys(), "hebi 鹤壁, zhengzhou 郑州");
    }

    /// Every city is usable: its weather table exists and the limits table has rows for its zone.
    #[test]
    fn every_city_has_weather_and_limits() {
        for c in cities() {
            assert!(
                crate::climate::city(c.city).is_some(),
                "{}: no climate table",
                c.city
            );
            assert!(
                crate::limits::rows()
                    .iter()
                    .any(|r| r.zones.contains(&c.zone)),
                "{}: no limits for zone {}",
                c.city,
                c.zone
            );
        }
    }

    /// The generated statics hold exactly what the CSV file says, as validated by `schema`.
    #[test]
    fn generated_table_is_the_csv() {
        let cities = crate::schema::cities(include_str!("../data/gb55015_cities.csv")).unwrap();
        assert_eq!(
            serde_json::to_value(CITY_ROWS).unwrap(),
            serde_json::to_value(&cities).unwrap()
        );
    }
}
