//! Every domain label in both languages, owned by the core: elements, verdicts, statuses, orientations,
//! building classes and uses, provenance, outlooks, star levels and categories, editions, stages, retrofit
//! kinds, elements, marks and element statuses.
//!
//! The UI shows these and keeps only its page chrome (titles, buttons, notices) in its own table, so each idea
//! has one spelling. Chinese first: `Text::zh` is what a designer in Hebi reads; `Text::en` is for the
//! English page and the CLI.

use crate::columns::gb55015::{BuildingClass, Element, Orientation, Provenance};
use crate::columns::star::{Category, Edition, Stage, StarLevel};
use crate::energy::{MassOrigin, Outlook, RungId, TierStatus};
use crate::plan::PlanStatus;
use crate::project::Use;
use crate::report::{Status, Verdict};
use crate::retrofit::{ElementStatus, Mark, RetrofitElement, RetrofitKind};
use crate::star::SoundInsulation;
pub use crate::text::{Lang, Text};

/// `impl $ty { pub fn label(self) -> Text }` from a table of variants.
macro_rules! labels {
    ($ty:ty { $($variant:ident => ($zh:expr, $en:expr)),* $(,)? }) => {
        impl $ty {
            /// Display label in Chinese and English.
            pub const fn label(self) -> Text {
                match self {
                    $(<$ty>::$variant => Text::new($zh, $en),)*
                }
            }
        }
    };
}

labels!(Element {
    ShapeFactor => ("体形系数", "Shape factor"),
    Wwr => ("窗墙比", "Window-to-wall ratio"),
    WwrSingleRoom => ("单一房间窗墙比", "Single-room window-to-wall ratio"),
    SkylightRatio => ("天窗面积比", "Skylight area ratio"),
    RoofTransparentRatio => ("屋面透光部分面积比", "Transparent roof share"),
    RoofU => ("屋面 K", "Roof K"),
    WallU => ("外墙 K", "External wall K"),
    FloorOverOutsideU => ("架空/外挑楼板 K", "Floor over outside air K"),
    WindowU => ("外窗 K", "Window K"),
    WindowShgc => ("外窗 SHGC", "Window SHGC"),
    SkylightU => ("天窗 K", "Skylight K"),
    SkylightShgc => ("天窗 SHGC", "Skylight SHGC"),
    GroundPerimeterR => ("周边地面 R", "Perimeter ground R"),
    BasementWallR => ("地下室外墙 R", "Basement wall R"),
    BalconyDoorPanelU => ("阳台门下部门芯板 K", "Balcony door panel K"),
    DeformationJointR => ("变形缝 R", "Deformation joint R"),
    EntranceDoorU => ("户门 K", "Entrance door K"),
    GarageFloorU => ("非供暖车库顶板 K", "Floor over unheated garage K"),
    HeatedUnheatedPartitionU => ("供暖与非供暖空间隔墙 K", "Heated/unheated partition K"),
    StairWallU => ("楼梯间隔墙 K", "Stairwell wall K"),
    TemperatureDifferencePartitionU => ("有温差的隔墙/楼板 K", "Partition with a temperature difference K"),
    UnheatedBasementCeilingU => ("非供暖地下室顶板 K", "Ceiling over unheated basement K"),
    BasicWallU => ("权衡前提：外墙 K", "Trade-off precondition: wall K"),
    BasicWindowU => ("权衡前提：外窗 K", "Trade-off precondition: window K"),
    BasicFloorOverOutsideU => ("权衡前提：架空楼板 K", "Trade-off precondition: floor over outside air K"),
    BasicWwr => ("权衡前提：窗墙比", "Trade-off precondition: WWR"),
    BaseSavingRate => ("规范节能率", "Code energy-saving rate"),
    TargetSavingRate => ("鹤壁目标节能率", "Hebi target energy-saving rate"),
});

labels!(Verdict {
    Complies => ("满足规定性指标", "Complies (prescriptive path)"),
    Tradeoff => ("需进行权衡判断", "Trade-off calculation required"),
    Incomplete => ("信息不完整", "Incomplete"),
    Fails => ("不满足", "Does not comply"),
});

labels!(Status {
    Pass => ("满足", "pass"),
    Fail => ("不满足", "fail"),
    NotApplicable => ("不适用", "n/a"),
    Undetermined => ("待补充", "missing"),
});

labels!(Orientation {
    N => ("北", "north"),
    E => ("东", "east"),
    S => ("南", "south"),
    W => ("西", "west"),
});

labels!(BuildingClass {
    ResidentialLe3 => ("居住建筑（≤3层）", "Residential (≤ 3 storeys)"),
    ResidentialGt3 => ("居住建筑（>3层）", "Residential (> 3 storeys)"),
    PublicA => ("甲类公共建筑", "Public building, class A"),
    PublicB => ("乙类公共建筑", "Public building, class B"),
});

labels!(Use {
    Residential => ("居住建筑", "Residential"),
    Office => ("办公", "Office"),
    Hotel => ("旅馆", "Hotel"),
    Commercial => ("商场", "Commercial"),
    Hospital => ("医院", "Hospital"),
    School => ("学校", "School"),
    OtherPublic => ("其他公共建筑", "Other public"),
});

labels!(Provenance {
    T => ("规范原文", "official text"),
    I => ("推定值（原文缺失），待确认", "inferred (missing from the text), to be confirmed"),
    S => ("第三方资料", "secondhand source"),
});

labels!(Outlook {
    LikelyPass => ("权衡判断：可能通过", "Trade-off: likely to pass"),
    Borderline => ("权衡判断：处于临界（估算误差范围内）", "Trade-off: borderline (within the estimate's uncertainty)"),
    LikelyFail => ("权衡判断：可能不通过", "Trade-off: likely to fail"),
});

labels!(StarLevel {
    None => ("未达基本级", "below basic"),
    Basic => ("基本级", "basic"),
    One => ("一星级 ★", "one star ★"),
    Two => ("二星级 ★★", "two stars ★★"),
    Three => ("三星级 ★★★", "three stars ★★★"),
});

labels!(Category {
    Prerequisites => ("控制项", "Prerequisites"),
    Safety => ("安全耐久", "Safety"),
    Health => ("健康舒适", "Health"),
    Convenience => ("生活便利", "Convenience"),
    Resources => ("资源节约", "Resources"),
    Environment => ("环境宜居", "Environment"),
    Bonus => ("提高与创新", "Bonus"),
});

labels!(Edition {
    E2019 => ("GB/T 50378-2019", "GB/T 50378-2019"),
    E2024 => ("GB/T 50378-2019（2024年版）", "GB/T 50378-2019 (2024)"),
});

labels!(Stage {
    Pre => ("预评价", "pre-assessment"),
    Final => ("评价", "assessment"),
});

labels!(SoundInsulation {
    None => ("未达低限", "below the low limit"),
    Low => ("达到低限", "low limit"),
    Mid => ("低限与高限平均（2024 版表 3.2.8：≥47 dB / ≤60 dB）", "average of limits (2024 table 3.2.8: ≥47 dB / ≤60 dB)"),
    High => ("高要求（2024 版表 3.2.8：≥50 dB / ≤55 dB）", "high limit (2024 table 3.2.8: ≥50 dB / ≤55 dB)"),
});

labels!(PlanStatus {
    Meets => ("满足", "meets"),
    DoesNotMeet => ("未满足", "does not meet"),
    NotApplicable => ("不适用", "not applicable"),
    NeedsInput => ("待补充信息", "needs input"),
});

labels!(RetrofitKind {
    ExistingBuilding => ("既有建筑节能改造", "Existing-building energy retrofit"),
    RuralHouse => ("农房节能改造", "Rural-house energy retrofit"),
});

labels!(RetrofitElement {
    Wall => ("外墙", "External walls"),
    Roof => ("屋面", "Roof"),
    Windows => ("外窗", "Windows"),
    Skylight => ("天窗", "Skylights"),
    FloorOverOutside => ("架空/外挑楼板", "Floor over outside air"),
    GroundPerimeter => ("周边地面", "Perimeter ground"),
    BasementWall => ("地下室外墙", "Basement walls"),
});

labels!(Mark {
    Retrofitted => ("已改造", "retrofitted"),
    Kept => ("保留原状", "kept"),
});

labels!(ElementStatus {
    Pass => ("满足现行限值", "meets the current limit"),
    Fail => ("不满足现行限值", "does not meet the current limit"),
    Kept => ("保留原状（不判定）", "kept (not judged)"),
    NotApplicable => ("不适用", "n/a"),
    Undetermined => ("待补充", "missing"),
});

labels!(crate::columns::energy::Provenance {
    T => ("规范原文", "official text"),
    S => ("第三方资料", "secondhand source"),
    I => ("推定值，待确认", "inferred, to be confirmed"),
    M => ("未经核实的回忆值，待确认", "unverified recollection, to be confirmed"),
    A => ("本估算的假设", "assumption of this estimate"),
});

labels!(RungId {
    Gb55015 => ("GB 55015 平均节能率", "GB 55015 average saving rate"),
    HebiTarget => ("鹤壁碳达峰方案节能目标", "Hebi carbon-peak plan target"),
    UltraLow => ("超低能耗建筑（GB/T 51350，暂定）", "Ultra-low energy building (GB/T 51350, provisional)"),
    NearZero => ("近零能耗建筑（GB/T 51350，暂定）", "Near-zero energy building (GB/T 51350, provisional)"),
});

labels!(TierStatus {
    Met => ("达到", "met"),
    NotMet => ("未达到", "not met"),
    Undetermined => ("待补充", "to be entered"),
    NotAssessed => ("未评估", "not assessed"),
});

labels!(MassOrigin {
    Default => ("默认值", "default"),
    Construction => ("所选热容类别", "chosen class"),
    Override => ("输入的有效热容", "entered capacity"),
});

/// "待确认" / "to be confirmed": the mark of an inferred limit.
pub const TO_BE_CONFIRMED: Text = Text::new("待确认", "to be confirmed");

#[cfg(test)]
mod tests {
    use super::*;

    /// Every element has two non-empty, distinct-per-language spellings, and no two elements share one.
    #[test]
    fn element_labels_are_unique() {
        let all: Vec<Text> = Element::ALL.iter().map(|e| e.label()).collect();
        for (i, t) in all.iter().enumerate() {
            assert!(!t.zh.is_empty() && !t.en.is_empty());
            for u in &all[..i] {
                assert!(t.zh != u.zh && t.en != u.en, "{t:?} / {u:?}");
            }
        }
    }

    #[test]
    fn pick() {
        assert_eq!(Verdict::Tradeoff.label().get(Lang::Zh), "需进行权衡判断");
        assert_eq!(Lang::En.pick("甲", "A"), "A");
        assert_eq!(Lang::default().code(), "zh-CN");
    }
}
