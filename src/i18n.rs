//! The page chrome in both languages (titles, buttons, notices, column headers; Chinese first), and
//! locale-aware number formatting. Domain labels — elements, verdicts, statuses, orientations, uses, cities,
//! field labels and units — come from the core (`greencheck_core::labels`, `greencheck_core::fields`).

pub use greencheck_core::text::{Lang, Text};

use greencheck_core::plan::Measured;
use greencheck_core::report::{Check, Status};

/// (key, 中文, English).
const STRINGS: &[(&str, &str, &str)] = &[
    ("app.title", "鹤壁建筑节能与绿色建筑自检", "Hebi building energy & green-rating self-check"),
    ("app.subtitle", "GB 55015-2021 · GB/T 50378-2019 · 寒冷B区", "GB 55015-2021 · GB/T 50378-2019 · cold zone B"),
    ("app.privacy", "全部计算在本机浏览器中完成，不上传任何数据。", "Everything is computed in your browser; nothing is uploaded."),
    ("lang.toggle", "English", "中文"),
    ("lang.toggle.label", "切换语言", "Switch language"),
    ("toolbar.label", "项目操作", "Project actions"),
    ("toolbar.template", "模板", "Template"),
    ("toolbar.template.choose", "选择模板…", "Choose a template…"),
    ("toolbar.save", "保存 .json", "Save .json"),
    ("toolbar.open", "打开…", "Open…"),
    ("toolbar.share", "分享链接", "Share link"),
    ("toolbar.print", "打印自检报告", "Print report"),
    ("toolbar.share.copied", "链接已复制到剪贴板（项目数据只在链接的 # 之后，不会发送到服务器）：", "Link copied (the project travels after the #, never sent to a server):"),
    ("toolbar.share.ready", "分享链接（项目数据只在 # 之后，不会发送到服务器）：", "Share link (the project travels after the #, never sent to a server):"),
    ("toolbar.drop", "也可把 .json 项目文件或 BIM 模型（gbXML：Revit、ArchiCAD、SketchUp/OpenStudio 导出）拖放到页面上打开；模型只在本机读取，不上传。", "You can also drop a .json project file or a BIM model (gbXML, as exported by Revit, ArchiCAD, SketchUp/OpenStudio) onto the page; the model is read on this computer, never uploaded."),
    ("sec.project", "项目", "Project"),
    ("sec.massing", "体形与朝向", "Massing and orientation"),
    ("sec.facades", "各立面窗墙比", "Window-to-wall ratio per facade"),
    ("sec.envelope", "围护结构热工", "Envelope thermal performance"),
    ("sec.optional", "其他围护部位（无则留空）", "Other envelope elements (leave empty if none)"),
    ("sec.pv", "屋顶光伏", "Rooftop PV"),
    ("sec.green", "绿色建筑自评", "Green-building self-assessment"),
    ("sec.advanced", "高级：能耗估算假定", "Advanced: estimate assumptions"),
    ("sec.results", "结果", "Results"),
    ("f.geometry_mode", "体形输入方式", "Geometry input"),
    ("geo.mode.box", "矩形体块（长×宽×层数）", "Box (length × depth × storeys)"),
    ("geo.mode.areas", "实测面积（来自 CAD）", "Measured areas (from CAD)"),
    ("geo.facade", "立面", "Facade"),
    ("geo.add_facade", "＋ 增加立面", "+ Add facade"),
    ("geo.remove_facade", "删除立面", "Remove facade"),
    ("f.default", "默认", "default"),
    ("f.shape_factor.derived", "按体形计算", "derived from the massing"),
    // Names only: the factors themselves are rows of core/data/pv_grid_factors.csv, shown from the report.
    ("plan.title", "平面朝向示意", "Plan orientation"),
    ("plan.desc", "建筑平面按朝向旋转；各立面按 GB 55015 附录 B.0.5 朝向分区着色并标注。", "Footprint rotated to its orientation; each facade coloured and labelled by its GB 55015 B.0.5 orientation class."),
    ("verdict.decisive", "决定性条款", "Decisive checks"),
    ("verdict.missing", "缺少数据", "Missing values"),
    ("verdict.stale", "有输入未被接受：结果仍按上一次有效输入计算。", "Some input is not accepted: results still use the last valid input."),
    ("checks.title", "GB 55015 逐条检查", "GB 55015 clause-by-clause checks"),
    ("checks.check", "检查项", "Check"),
    ("checks.value", "设计值", "Value"),
    ("checks.limit", "限值", "Limit"),
    ("checks.margin", "裕量", "Margin"),
    ("checks.status", "结论", "Status"),
    ("checks.clause", "条文", "Clause"),
    ("checks.apply", "采用", "Apply"),
    ("checks.tradeable", "可权衡", "tradeable"),
    ("checks.not_tradeable", "不可权衡", "not tradeable"),
    ("prov.T", "规范原文", "official text"),
    ("prov.I", "推定值（原文缺失），待确认", "inferred (missing from the text), to be confirmed"),
    ("prov.S", "第三方资料", "secondhand source"),
    ("energy.title", "能耗估算（估算值）", "Energy estimate (estimate)"),
    ("energy.saving", "估算节能率", "Estimated energy-saving rate"),
    ("energy.target", "目标", "target"),
    ("energy.base", "规范基准", "code baseline"),
    ("energy.ratio", "能耗比 E设计/E参照", "Energy ratio E_design/E_ref"),
    ("energy.heating", "供暖需求", "Heating demand"),
    ("energy.cooling", "供冷需求", "Cooling demand"),
    ("unit.kwh_m2", "kWh/(m²·a)", "kWh/(m²·a)"),
    ("energy.design", "设计建筑", "Design"),
    ("energy.reference", "参照建筑", "Reference"),
    ("energy.monthly", "逐月供暖+供冷需求", "Monthly heating + cooling demand"),
    ("energy.meets", "达到目标", "meets the target"),
    ("energy.misses", "未达到目标", "below the target"),
    ("energy.note", "逐时法估算（EN ISO 13790 附录 C，5R1C，典型气象年逐时数据），不代替认证软件的权衡判断计算。", "Hourly estimate (EN ISO 13790 annex C, 5R1C, on the typical year hour by hour); not a substitute for the certified trade-off calculation."),
    ("energy.mass", "热容类别", "Thermal mass"),
    ("ladder.title", "节能目标阶梯", "Energy-performance ladder"),
    ("ladder.position", "当前达到", "Reached"),
    ("ladder.next", "下一级", "next"),
    ("ladder.none", "未达到 GB 55015 平均节能率", "below GB 55015's average saving rate"),
    ("ladder.top", "已达最高级", "top reached"),
    ("ladder.provisional", "暂定", "provisional"),
    ("sens.method", "曲线按月平均法快速计算；当前设计：逐时法 {h}，月平均法 {m}。", "The curve uses the monthly method (fast); this design: hourly {h}, monthly {m}."),
    ("sens.title", "敏感性分析", "Sensitivity"),
    ("sens.param", "变化参数", "Parameter"),
    ("sens.y", "估算节能率", "estimated saving rate"),
    ("sens.current", "当前值", "current"),
    ("star.title", "绿色建筑星级（预估）", "Green-building star level (estimate)"),
    ("star.total", "总得分", "Total score"),
    ("star.next", "升级还需", "For the next level"),
    ("pv.title", "屋顶光伏", "Rooftop PV"),
    ("pv.kwp", "装机容量", "Capacity"),
    ("pv.annual", "年发电量", "Annual yield"),
    ("pv.specific", "单位容量年发电量", "Specific yield"),
    ("pv.coverage", "覆盖率（组件面积/可安装屋面）", "Coverage (module area / installable roof)"),
    ("pv.share", "可再生能源占比", "Renewable share"),
    ("pv.co2", "年减排 CO₂", "Avoided CO₂ per year"),
    ("pv.basis", "覆盖率按组件面积计（非水平投影）", "coverage on module area (not its horizontal projection)"),
    ("pv.grid", "电网排放因子", "grid emission factor"),
    ("checks.table", "表", "table"),
    ("pv.none", "输入可安装屋面面积后计算光伏。", "Enter the installable roof area to estimate PV."),
    ("notice.close", "关闭", "Dismiss"),
    ("notice.storage_corrupt", "本机保存的项目无法读取，已另存备份并载入默认模板。", "The project saved in this browser could not be read; a backup copy was kept and the default template loaded."),
    ("notice.storage_full", "本机存储已满或不可用，自动保存暂停；请用“保存 .json”下载项目。", "Browser storage is full or unavailable; autosave is paused — use “Save .json”."),
    ("notice.open_failed", "无法打开该文件，当前项目未改动：", "Could not open that file; your project is unchanged:"),
    ("notice.migrated", "该文件为旧版本格式，已自动转换；保存后即为新格式。", "This file was in an older format and has been converted; save to keep the new format."),
    ("notice.link_failed", "分享链接无法读取，当前项目未改动：", "The share link could not be read; your project is unchanged:"),
    ("notice.link_conflict", "链接中包含另一个项目，而本机有尚未保存的项目。", "The link holds another project, and this browser has unsaved work."),
    ("notice.link_open", "打开链接项目（本机项目另存为备份）", "Open the linked project (keep mine as a backup)"),
    ("notice.link_keep", "保留本机项目", "Keep my project"),
    ("notice.restore", "恢复备份项目", "Restore the backup"),
    ("notice.template_loaded", "已载入模板。", "Template loaded."),
    ("plan.card.title", "鹤壁方案指标（本项目）", "Hebi plan indicators (this project)"),
    ("plan.col.target", "方案要求", "Plan target"),
    ("plan.col.value", "本项目", "This project"),
    ("plan.needs", "需补充", "Needs"),
    ("sec.nzeb", "超低 / 近零能耗建筑设计参数（GB/T 51350，可选）", "Ultra-low / near-zero energy design (GB/T 51350, optional)"),
    ("sec.plan", "鹤壁方案指标所需信息（可选）", "For the Hebi plan indicators (optional)"),
    ("sec.retrofit", "节能改造（既有建筑 / 农房，可选）", "Energy retrofit (existing building / rural house, optional)"),
    ("sec.retrofit_facade", "改造前", "Before the retrofit"),
    ("retrofit.delta", "整体能效提升 Δ", "Whole-building improvement Δ"),
    ("retrofit.energy", "能耗", "energy"),
    ("retrofit.share", "占城市目标", "of the city total"),
    ("retrofit.element", "部位", "Element"),
    ("retrofit.mark", "改造/保留", "Retrofitted / kept"),
    ("retrofit.values", "改造前 → 改造后", "Before → after"),
    ("retrofit.area", "改造面积", "Floor area retrofitted"),
    ("variants.title", "方案", "Variants"),
    ("variants.duplicate", "＋ 复制为新方案", "+ Duplicate as a new variant"),
    ("variants.rename", "方案名称", "Variant name"),
    ("variants.remove", "删除方案", "Delete variant"),
    ("variants.left", "左移", "Move left"),
    ("variants.right", "右移", "Move right"),
    ("variants.compare", "方案比较", "Variants compared"),
    ("variants.best", "（最优）", "(best)"),
    ("variants.differ", "各方案不同的输入", "Inputs that differ"),
    ("variants.best_note", "绿色底色为该行最优方案；数值均为估算。", "A green cell is the best variant of its row; figures are estimates."),
    ("notice.variant_removed", "已删除一个方案。", "A variant was deleted."),
    ("notice.variant_refused", "无法执行：", "Not done:"),
    ("notice.undo", "撤销", "Undo"),
    ("view.label", "页面", "Page"),
    ("view.calculator", "单项目自检", "Project check"),
    ("view.portfolio", "多项目汇总（主管部门）", "Portfolio summary (bureau)"),
    ("portfolio.title", "鹤壁方案指标汇总", "Hebi plan indicators across projects"),
    ("portfolio.intro", "把多个项目文件（.json）或 BIM 模型拖放到这里，或选择文件/文件夹：逐个在本机浏览器中计算，不上传。", "Drop many project files (.json) or BIM models here, or pick files or a folder: each is computed in this browser, nothing is uploaded."),
    ("portfolio.pick", "选择文件…", "Pick files…"),
    ("portfolio.folder", "选择文件夹…", "Pick a folder…"),
    ("portfolio.clear", "清空", "Clear"),
    ("portfolio.csv", "导出 CSV（Excel）", "Export CSV (Excel)"),
    ("portfolio.city", "城市指标（按方案口径汇总）", "City indicators (as the plan defines them)"),
    ("portfolio.projects", "项目", "projects"),
    ("portfolio.invalid", "无法使用的文件", "Files that could not be used"),
    ("portfolio.value", "全市", "City"),
    ("portfolio.count", "满足/已判定", "Meeting / decided"),
    ("portfolio.filter", "筛选", "Filter"),
    ("portfolio.name", "项目", "Project"),
    ("portfolio.use", "类型", "Use"),
    ("portfolio.area", "面积 m²", "Area m²"),
    ("portfolio.verdict", "结论", "Verdict"),
    ("portfolio.star", "星级", "Star level"),
    ("portfolio.pv", "光伏覆盖率", "PV coverage"),
    ("portfolio.plan", "方案指标", "Plan targets"),
    ("portfolio.plan_legend", "“方案指标”一列逐项标记该项目对照鹤壁方案单体建筑指标的情况（鼠标悬停可见指标名称）：", "The plan-targets column marks the project against each of the Hebi plan's building targets (hover for its name): "),
    ("portfolio.open", "打开", "Open"),
    ("portfolio.show_all", "显示全部行", "Show all rows"),
    ("portfolio.year", "统计年度", "Reporting year"),
    ("portfolio.all_years", "全部年度", "Every year"),
    ("portfolio.no_year", "未填年度", "Not given"),
    ("portfolio.outside_scope", "不在所选年度或县区的项目（未计入）", "Projects outside the chosen year or county (left out)"),
    ("portfolio.district", "所属县区", "County / district"),
    ("portfolio.all_districts", "全部县区", "Every county"),
    ("portfolio.no_district", "未填县区", "Not given"),
    ("portfolio.by_district", "分县区进展", "Progress by county"),
    ("portfolio.by_district_note", "按各项目“所属县区”分列（方案要求各县区落实责任、市里每年对各县区考核评价）：每列为该县区项目（在所选年度内）的城市指标汇总值及是否达到目标。", "By each project's county or district (the plan makes each county responsible and the city reviews each one every year): each column is the city indicators over that county's projects (in the chosen year) and whether they meet the target."),
    ("portfolio.by_year", "逐年进展", "Progress by reporting year"),
    ("portfolio.by_year_note", "按各项目“统计年度”（方案要求各县区每年上报目标任务完成情况）分列：每列为该年度项目的城市指标汇总值；标记对照指标的最终目标（期限见上表），期限之前的年度未达到目标表示尚有差距，不是逾期。", "By each project's reporting year (the plan asks every county to report its targets' completion each year): each column is the city indicators over that year's projects; the mark compares with the indicator's final target (its deadline is in the table above), so a year before the deadline that falls short shows the gap still to close, not a missed deadline."),
    ("portfolio.projects_n", "项目数", "Projects"),
    ("notice.model_imported", "已导入 BIM 模型（gbXML），体形按实测面积填入；原项目已备份。", "BIM model (gbXML) imported into measured areas; your previous project is backed up."),
    ("import.title", "BIM 模型导入摘要", "BIM model import summary"),
    ("import.note", "各立面按外法线方位分组（不跨 GB 55015 附录 B.0.5 朝向分区）；可在“体形与朝向”中修改层数和北向修正。", "Facades are grouped by outward normal (never across a GB 55015 B.0.5 orientation sector); storeys and the north offset can be corrected under Massing."),
    ("import.dismiss", "知道了", "Dismiss"),
    ("notice.file_opened", "已打开项目文件。", "Project file opened."),
    ("notice.geometry_converted", "已转换体形输入方式。", "Geometry input converted."),
    ("notice.restore_previous", "恢复之前的项目", "Restore the previous project"),
    ("notice.loaded_backup", "已打开链接项目；原项目已备份，可随时恢复。", "Opened the linked project; your previous project is backed up and can be restored."),
    ("print.title", "节能设计自检报告", "Energy-efficiency design self-check report"),
    ("print.generated", "生成时间", "Generated"),
    ("print.version", "greencheck 版本", "greencheck version"),
    ("print.provenance", "数据来源：GB 55015-2021 条文及附录；", "Data: GB 55015-2021 clauses and appendices; "),
    ("print.sep", "；", "; "),
    ("print.weather", "气象：", "weather: "),
    ("print.provenance_tbc", "。标“待确认”的值为原文缺失的推定值或未核实的回忆值。", ". Values marked “to be confirmed” are inferred where the text is missing, or unverified recollections."),
    ("print.inputs", "输入数据", "Inputs"),
    ("panic.title", "程序出现内部错误。您的项目数据仍在：", "The app hit an internal error. Your project is safe:"),
    ("panic.download", "下载我的项目", "Download my project"),
    ("colon", "：", ": "),
];

/// The string for `key` in `lang`; the key itself when missing (a test guards against that).
pub fn t(lang: Lang, key: &str) -> &'static str {
    match STRINGS.iter().find(|(k, _, _)| *k == key) {
        Some((_, zh, en)) => lang.pick(zh, en),
        None => {
            // Leak-free fallback: the key is 'static only when it came from a literal; show a marker.
            "⟨?⟩"
        }
    }
}

/// Whether a key exists (tests use it to find missing translations).
pub fn has(key: &str) -> bool {
    STRINGS.iter().any(|(k, _, _)| *k == key)
}

// ---------------------------------------------------------------------------------------------
// Core values as shown (their words are the core's labels)
// ---------------------------------------------------------------------------------------------

/// The status as shown: a mark and the core's label.
pub fn status_text(lang: Lang, s: Status) -> String {
    let mark = match s {
        Status::Pass => "✓",
        Status::Fail => "✗",
        Status::NotApplicable => "–",
        Status::Undetermined => "?",
    };
    format!("{mark} {}", s.label().get(lang))
}

/// Human label of a check: its element, then the facade and its orientation class.
pub fn check_label(lang: Lang, c: &Check) -> String {
    let name = c.element.label().get(lang);
    match (&c.facade, c.orientation) {
        (Some(f), Some(o)) => format!("{name} · {f} {}", o.label().get(lang)),
        (Some(f), None) => format!("{name} · {f}"),
        _ => name.to_owned(),
    }
}

/// A label the core gives in both languages as strings (e.g. a comparison's failing check).
pub fn check_label_of<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    lang.pick(zh, en)
}

/// A number with `digits` decimals and thousands separators (both locales group by thousands with ',').
pub fn num(v: f64, digits: usize) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let s = format!("{:.*}", digits, v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let neg = v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if neg { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A ratio as a percentage, e.g. 0.8312 → "83.1 %" (zh: "83.1%").
pub fn pct(lang: Lang, v: f64, digits: usize) -> String {
    let n = num(v * 100.0, digits);
    match lang {
        Lang::Zh => format!("{n}%"),
        Lang::En => format!("{n} %"),
    }
}

/// A plan indicator's value in its row's unit, for the plan card and the bureau summary: a ratio as a percentage,
/// a level by its label, a flag as yes/no, tonnage per 10⁴ m² and areas with their units.
pub fn measured(lang: Lang, m: &Measured, unit: &str) -> String {
    match m {
        Measured::Flag(b) => lang
            .pick(if *b { "是" } else { "否" }, if *b { "yes" } else { "no" })
            .to_owned(),
        Measured::Level(l) => l.label().get(lang).to_owned(),
        Measured::Number(x) => match unit {
            "ratio" => pct(lang, *x, 1),
            "t/10^4 m2" => format!("{} t/10⁴ m²", num(*x, 1)),
            "m2" => format!("{} m²", num(*x, 0)),
            u => format!("{} {u}", num(*x, 2)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_translated() {
        for (i, (k, zh, en)) in STRINGS.iter().enumerate() {
            assert!(!zh.is_empty() && !en.is_empty(), "{k}");
            assert!(STRINGS[..i].iter().all(|(o, _, _)| o != k), "duplicate {k}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(num(1234567.891, 1), "1,234,567.9");
        assert_eq!(num(0.5, 2), "0.50");
        assert_eq!(num(-1234.0, 0), "-1,234");
        assert_eq!(num(-0.001, 2), "0.00");
        assert_eq!(num(f64::NAN, 2), "—");
        assert_eq!(pct(Lang::Zh, 0.8312, 1), "83.1%");
        assert_eq!(pct(Lang::En, 0.8312, 1), "83.1 %");
    }

    /// Every key the page's source passes to `t` as a literal exists: a missing one would show ⟨?⟩ on the page
    /// (the energy card's demand unit did, until this test).
    #[test]
    fn every_literal_key_in_the_source_exists() {
        fn scan(dir: &std::path::Path, missing: &mut Vec<String>, seen: &mut usize) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    scan(&path, missing, seen);
                    continue;
                }
                if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("lang, \"") {
                    // Only calls of `t(` — `t(lang, "…")` or `t(p.lang, "…")` — with a key-shaped literal.
                    let before = text.get(at.saturating_sub(4)..at).unwrap_or("");
                    if !(before.ends_with("t(") || before.ends_with("t(p.")) {
                        continue;
                    }
                    let rest = &text[at + "lang, \"".len()..];
                    let key = &rest[..rest.find('"').unwrap_or(0)];
                    let key_shaped = !key.is_empty()
                        && key.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'
                        });
                    if !key_shaped || key == "no.such.key" {
                        continue;
                    }
                    *seen += 1;
                    if !has(key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        let (mut missing, mut seen) = (Vec::new(), 0);
        scan(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut missing,
            &mut seen,
        );
        assert!(seen > 100, "only {seen} keys found: the scan is broken");
        assert!(missing.is_empty(), "keys without a string: {missing:?}");
    }

    #[test]
    fn missing_key_is_visible() {
        assert_eq!(t(Lang::Zh, "no.such.key"), "⟨?⟩");
        assert_eq!(
            t(Lang::En, "app.title"),
            "Hebi building energy & green-rating self-check"
        );
    }
}
