//! An action area's self-made illustration.

use leptos::prelude::*;
use plan::model::Area;

/// The path of an area's illustration, copied from `public/illustrations/` by Trunk.
pub fn illustration_src(area: &Area) -> String {
    crate::paths::asset(&format!("illustrations/{}.svg", area.slug))
}

/// An area's illustration. On the area's own page its alt text is the source's image caption;
/// where the area's title is right next to it (cards), it is decorative and hidden from screen readers.
#[component]
pub fn Illustration(
    /// The area shown.
    area: &'static plan::model::Area,
    /// Whether the image only decorates (empty alt text).
    #[prop(optional)]
    decorative: bool,
) -> impl IntoView {
    let alt = if decorative { "" } else { area.caption };
    view! {
        <img
            class="illustration"
            src=illustration_src(area)
            alt=alt
            width="320"
            height="180"
            loading=if decorative { "lazy" } else { "eager" }
        />
    }
}
