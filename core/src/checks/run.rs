//! Runs one spec against its limit row: status, value, limit, margin, provenance and suggestion.

use std::borrow::Cow;

use super::specs::{Input, Spec};
use super::suggestion::suggestion;
use crate::limits::{self, Comparison, LookupError, Severity};
use crate::report::{Check, Status};

/// A check without a limit row; takes the spec's id.
fn blank(spec: &mut Spec<'_>, status: Status, note: Cow<'static, str>) -> Check {
    Check {
        id: std::mem::take(&mut spec.id),
        element: spec.element,
        clause: Cow::Borrowed(""),
        table: Cow::Borrowed(""),
        standard: Cow::Borrowed(""),
        status,
        value: match spec.input {
            Input::Given(v) => Some(v),
            _ => None,
        },
        limit: None,
        comparison: Comparison::None,
        unit: Cow::Borrowed(""),
        margin: None,
        margin_pct: None,
        tradeable: false,
        mandatory: true,
        basic: spec.basic,
        provenance: None,
        to_be_confirmed: false,
        limit_id: None,
        facade: spec.facade.map(|f| f.name.clone()),
        orientation: spec.facade.map(|f| f.orientation),
        missing: Vec::new(),
        note,
        suggestion: None,
    }
}

pub(super) fn run(mut spec: Spec<'_>) -> Check {
    if !spec.needs.is_empty() {
        let mut c = blank(
            &mut spec,
            Status::Undetermined,
            Cow::Borrowed("the limit depends on a missing value"),
        );
        c.missing = std::mem::take(&mut spec.needs);
        if let Input::Missing(p) = &mut spec.input {
            c.missing.push(std::mem::take(p));
        }
        return c;
    }
    let row = match limits::lookup(spec.element, &spec.criteria) {
        Ok(r) => r,
        Err(e @ (LookupError::NotFound(_) | LookupError::Ambiguous { .. })) => {
            return blank(
                &mut spec,
                Status::Undetermined,
                Cow::Owned(format!("limits table: {e}")),
            );
        }
    };
    let mut c = blank(&mut spec, Status::NotApplicable, Cow::Borrowed(row.note));
    c.clause = Cow::Borrowed(row.clause);
    c.table = Cow::Borrowed(row.table);
    c.standard = Cow::Borrowed(row.standard_edition());
    c.comparison = row.comparison;
    c.limit = row.value;
    c.unit = Cow::Borrowed(row.unit);
    c.tradeable = row.tradeable && !spec.basic;
    c.mandatory = row.severity == Severity::Mandatory;
    c.provenance = Some(row.provenance);
    c.to_be_confirmed = row.to_be_confirmed();
    c.limit_id = Some(Cow::Borrowed(row.id));
    let Some(limit) = row.value else {
        // comparison `none`: the code sets no requirement here.
        return c;
    };
    match &mut spec.input {
        Input::Absent(why) => {
            c.note = join_note(why, row.note);
        }
        Input::Missing(path) => {
            c.status = Status::Undetermined;
            c.missing = vec![std::mem::take(path)];
        }
        Input::Given(v) => {
            let v = *v;
            let pass = row.comparison.passes(v, limit);
            c.status = if pass { Status::Pass } else { Status::Fail };
            c.margin = row.comparison.margin(v, limit).filter(|m| m.is_finite());
            c.margin_pct = c
                .margin
                .filter(|_| limit != 0.0)
                .map(|m| m / limit * 100.0)
                .filter(|m| m.is_finite());
            if !pass {
                c.suggestion = Some(suggestion(&spec, row, v, limit));
            }
        }
    }
    c
}

fn join_note(a: &'static str, b: &str) -> Cow<'static, str> {
    if b.is_empty() {
        Cow::Borrowed(a)
    } else {
        Cow::Owned(format!("{a}; {b}"))
    }
}
