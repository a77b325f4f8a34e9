//! A block of JSON, coloured token by token; every token is a text node.

use leptos::prelude::*;

use crate::json_highlight::tokens;

#[component]
pub fn JsonCode(#[prop(into)] text: String) -> impl IntoView {
    let spans = tokens(&text)
        .into_iter()
        .map(|(kind, token)| view! { <span class=kind.class()>{token.to_owned()}</span> })
        .collect_view();
    view! { <pre class="json-code" tabindex="0"><code class="language-json">{spans}</code></pre> }
}
