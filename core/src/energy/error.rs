//! Why the estimate could not be made, or an assumption was rejected.

/// Why the estimate could not be made, or an assumption was rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EnergyError {
    /// An assumption is NaN/infinite or outside its range.
    #[error("{path} = {value} is outside {allowed}")]
    OutOfRange {
        /// Field path, e.g. `assumptions.air_changes_per_h`.
        path: String,
        /// Value given.
        value: f64,
        /// Allowed range.
        allowed: String,
    },
    /// An assumption is not a number.
    #[error("{path} must be a number")]
    NotANumber {
        /// Field path.
        path: String,
    },
    /// A choice (e.g. `assumptions.construction`) that is not one of its list.
    #[error("{path} = {value} is not one of: {allowed}")]
    UnknownChoice {
        /// Field path.
        path: String,
        /// Value given.
        value: String,
        /// The keys allowed.
        allowed: String,
    },
    /// No hourly weather year for the city (the hourly method needs one).
    #[error("no hourly weather for city {0:?}")]
    NoHourlyWeather(String),
    /// The cooling set point is not above the heating set point.
    #[error("assumptions.cooling_setpoint_c must be above heating_setpoint_c")]
    SetpointOrder,
    /// A design value the estimate needs is missing.
    #[error("{path} is needed for the energy estimate")]
    Missing {
        /// Field path.
        path: String,
    },
    /// No climate table for the city.
    #[error("no climate data for city {0:?}")]
    NoClimate(String),
    /// The reference building could not be built from the limits table.
    #[error("reference building: {0}")]
    Reference(String),
    /// The embedded defaults table is unreadable (a build defect; covered by tests).
    #[error("energy defaults data: {0}")]
    Data(String),
}

impl EnergyError {
    /// Field path at fault (`assumptions.…`, `city`, or the missing design field).
    pub fn path(&self) -> &str {
        match self {
            EnergyError::OutOfRange { path, .. }
            | EnergyError::NotANumber { path }
            | EnergyError::UnknownChoice { path, .. }
            | EnergyError::Missing { path } => path,
            EnergyError::SetpointOrder => "assumptions.cooling_setpoint_c",
            EnergyError::NoClimate(_) | EnergyError::NoHourlyWeather(_) => "city",
            EnergyError::Reference(_) | EnergyError::Data(_) => "",
        }
    }

    /// Message in English.
    pub fn message_en(&self) -> String {
        self.to_string()
    }

    /// Message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            EnergyError::OutOfRange {
                path,
                value,
                allowed,
            } => format!("{path}：数值 {value} 超出范围 {allowed}"),
            EnergyError::NotANumber { path } => format!("{path}：必须是数值"),
            EnergyError::UnknownChoice {
                path,
                value,
                allowed,
            } => format!("{path}：{value} 不是可选值之一（{allowed}）"),
            EnergyError::NoHourlyWeather(c) => format!("city：没有城市 {c} 的逐时气象数据"),
            EnergyError::SetpointOrder => {
                "assumptions.cooling_setpoint_c：供冷设定温度必须高于供暖设定温度".into()
            }
            EnergyError::Missing { path } => format!("{path}：能耗估算需要该数值"),
            EnergyError::NoClimate(c) => format!("city：没有城市 {c} 的气象数据"),
            EnergyError::Reference(e) => format!("参照建筑：{e}"),
            EnergyError::Data(e) => format!("能耗默认值数据错误：{e}"),
        }
    }
}
