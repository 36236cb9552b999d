//! UI components, one per file. Each takes what it shows as props and reports changes via `on*` callbacks.

pub mod checks_table;
pub mod field;
pub mod notice;
pub mod plan_view;
pub mod section;
pub mod toolbar;
pub mod verdict;
