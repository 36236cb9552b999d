//! Validation and data errors of the star rating; every variant names the field (or table) at fault.

use serde::{Deserialize, Serialize};

use super::text::num;

/// Validation or data error; every variant names the field (or table) at fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StarError {
    /// Self-assessed points above the category maximum minus the computed items' maximum.
    #[error("{field}: {value} points exceed the allowed {allowed} (category maximum {category_max} minus {computed_max} for the computed items)")]
    PointsTooHigh {
        /// Field.
        field: String,
        /// Value entered.
        value: f64,
        /// Largest value allowed.
        allowed: f64,
        /// Category maximum.
        category_max: f64,
        /// Maximum points of the computed items in the category.
        computed_max: f64,
    },
    /// A value outside its range, or not a finite number.
    #[error("{field}: {value} is outside the range {min} to {max}")]
    OutOfRange {
        /// Field.
        field: String,
        /// Value given.
        value: f64,
        /// Minimum.
        min: f64,
        /// Maximum.
        max: f64,
    },
    /// The embedded data tables are inconsistent (a maintainer's error).
    #[error("star-rating data table {table}: {detail}")]
    Data {
        /// Table file.
        table: String,
        /// What is wrong.
        detail: String,
    },
}

impl StarError {
    /// Field (or data table) at fault.
    pub fn field(&self) -> &str {
        match self {
            StarError::PointsTooHigh { field, .. } | StarError::OutOfRange { field, .. } => field,
            StarError::Data { table, .. } => table,
        }
    }

    /// Message in English.
    pub fn message_en(&self) -> String {
        self.to_string()
    }

    /// Message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            StarError::PointsTooHigh {
                field,
                value,
                allowed,
                category_max,
                computed_max,
            } => format!(
                "{field}：自评得分 {} 超过允许值 {}（该类满分 {} 减去计算项满分 {}）",
                num(*value),
                num(*allowed),
                num(*category_max),
                num(*computed_max)
            ),
            StarError::OutOfRange {
                field,
                value,
                min,
                max,
            } => format!(
                "{field}：数值 {} 超出范围 {} 至 {}",
                num(*value),
                num(*min),
                num(*max)
            ),
            StarError::Data { table, detail } => format!("星级评价数据表 {table} 有误：{detail}"),
        }
    }
}
