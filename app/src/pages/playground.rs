use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::json_editor::JsonEditor;
use crate::components::parse_status::ParseStatus;
use crate::json_status::JsonStatus;

/// What the editor holds when the playground opens: a small, valid identity policy.
const STARTER: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadRawData",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::raw-data/*"
    }
  ]
}
"#;

/// A free editor for any policy, checked as you type.
#[component]
pub fn Playground() -> impl IntoView {
    let (text, set_text) = signal(STARTER.to_owned());
    let status = Memo::new(move |_| text.with(|text| JsonStatus::of(text)));
    let characters = Memo::new(move |_| text.with(|text| text.chars().count()));
    let markers = Signal::derive(move || status.with(JsonStatus::markers));
    view! {
        <Title text="Playground" />
        <section class="page playground">
            <h1>"Playground"</h1>
            <p class="lead">"Write or paste a policy document. It is checked on every keystroke."</p>
            <JsonEditor
                initial=STARTER
                label="Policy document"
                on_change=Callback::new(move |new_text| set_text.set(new_text))
                markers
            />
            <ParseStatus status characters />
        </section>
    }
}
