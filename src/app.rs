//! The app shell: massing inputs and the derived shape factor from the core.

use greencheck_core::geometry::box_shape_factor;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The massing fields the shell edits, as the user typed them.
#[derive(Clone, PartialEq, Debug)]
pub struct Massing {
    /// Building length, m.
    pub length_m: String,
    /// Building depth, m.
    pub depth_m: String,
    /// Number of storeys above ground.
    pub storeys: String,
    /// Storey height, m.
    pub storey_height_m: String,
}

impl Default for Massing {
    fn default() -> Self {
        Self {
            length_m: "60".into(),
            depth_m: "12".into(),
            storeys: "18".into(),
            storey_height_m: "2.9".into(),
        }
    }
}

/// A change to one massing field.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Field {
    /// Length, m.
    Length,
    /// Depth, m.
    Depth,
    /// Storeys.
    Storeys,
    /// Storey height, m.
    StoreyHeight,
}

/// Actions on the shell state.
pub enum Action {
    /// Set a field to the text the user typed.
    Set(Field, String),
}

impl Reducible for Massing {
    type Action = Action;
    fn reduce(self: std::rc::Rc<Self>, action: Action) -> std::rc::Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(field, v) => match field {
                Field::Length => next.length_m = v,
                Field::Depth => next.depth_m = v,
                Field::Storeys => next.storeys = v,
                Field::StoreyHeight => next.storey_height_m = v,
            },
        }
        next.into()
    }
}

impl Massing {
    /// Shape factor from the core, or `None` while a field is not a valid number.
    pub fn shape_factor(&self) -> Option<f64> {
        let l = self.length_m.trim().parse().ok()?;
        let d = self.depth_m.trim().parse().ok()?;
        let n = self.storeys.trim().parse().ok()?;
        let h = self.storey_height_m.trim().parse().ok()?;
        box_shape_factor(l, d, n, h)
    }
}

#[derive(Properties, PartialEq)]
struct NumberFieldProps {
    id: AttrValue,
    label: AttrValue,
    value: AttrValue,
    oninput: Callback<String>,
}

#[function_component(NumberField)]
fn number_field(p: &NumberFieldProps) -> Html {
    let oninput = {
        let cb = p.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <div class="field">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <input id={p.id.clone()} type="text" inputmode="decimal" value={p.value.clone()} {oninput} />
        </div>
    }
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(Massing::default);
    let set = |field: Field| {
        let state = state.clone();
        Callback::from(move |v: String| state.dispatch(Action::Set(field, v)))
    };
    let sf = state.shape_factor();
    html! {
        <div class="app">
            <header class="chrome"><h1>{ "greencheck 鹤壁建筑节能自检" }</h1></header>
            <section class="inputs" aria-label="体形 Massing">
                <NumberField id="length" label="长度 Length (m)" value={state.length_m.clone()} oninput={set(Field::Length)} />
                <NumberField id="depth" label="进深 Depth (m)" value={state.depth_m.clone()} oninput={set(Field::Depth)} />
                <NumberField id="storeys" label="层数 Storeys" value={state.storeys.clone()} oninput={set(Field::Storeys)} />
                <NumberField id="storey-height" label="层高 Storey height (m)" value={state.storey_height_m.clone()} oninput={set(Field::StoreyHeight)} />
            </section>
            <output data-testid="shape-factor" data-value={sf.map(|v| format!("{v:.6}"))}>
                { match sf { Some(v) => format!("体形系数 Shape factor: {v:.3}"), None => "体形系数 Shape factor: —".to_string() } }
            </output>
        </div>
    }
}
