//! UI components, one per file. Each takes what it shows as props and reports changes via `on*` callbacks.

pub mod check_row;
pub mod checks_table;
pub mod comparison;
pub mod energy_card;
pub mod field;
pub mod geometry;
pub mod import_summary;
pub mod notice;
pub mod plan_card;
pub mod plan_view;
pub mod portfolio_view;
pub mod pv_card;
pub mod report_cards;
pub mod results;
pub mod retrofit_card;
pub mod section;
pub mod sensitivity;
pub mod star_card;
pub mod tier_ladder;
pub mod toolbar;
pub mod variant_bar;
pub mod verdict;
