//! The request table: one row per request with its expected and actual outcome; the selected
//! row opens its context keys, flow and explanation.

use leptos::prelude::*;

use super::explain::{Explanation, Flow};
use super::PlaygroundCx;
use crate::interop::language;
use crate::labels;
use crate::playground::evaluate::RowOutcome;
use crate::playground::state::{
    ContextValue, Expectation, RequestRow, ValueType, PRINCIPAL_TEMPLATES,
};
use iamplay_engine::eval::{DependsOn, OpenDecision};

#[component]
pub fn RequestTable(cx: PlaygroundCx) -> impl IntoView {
    let keys = move || {
        let generation = cx.generation.get();
        cx.state.with(|p| {
            p.requests
                .iter()
                .map(|r| (generation, r.id))
                .collect::<Vec<_>>()
        })
    };
    let summary = move || {
        cx.report.with(|r| {
            let (passed, failed) = (r.passed(), r.failed());
            let depending = r
                .rows
                .iter()
                .filter(|row| matches!(row.open, Some(OpenDecision::Depends(_))))
                .count();
            let depends = if depending > 0 {
                format!(" · {depending} depend on unknown keys")
            } else {
                String::new()
            };
            format!(
                "{} requests · {passed} as expected · {failed} not{depends}",
                r.rows.len()
            )
        })
    };
    let open_context = move || cx.state.with(|p| p.open_context);
    view! {
        <section class="requests" aria-labelledby="requests-title">
            <h2 id="requests-title">"Requests"</h2>
            <p class="meta" aria-live="polite" data-testid="request-summary">{summary}</p>
            <label class="open-context-toggle">
                <input
                    type="checkbox"
                    prop:checked=open_context
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        cx.state.update(|p| p.open_context = on);
                    }
                />
                " Keys a request does not give are unknown, not absent (show what each decision depends on)"
            </label>
            <div class="table-scroll">
                <table class="request-table">
                    <thead>
                        <tr>
                            <th scope="col">"Principal"</th>
                            <th scope="col">"Action"</th>
                            <th scope="col">"Resource and its account"</th>
                            <th scope="col">"Expected and result"</th>
                            <th scope="col"><span class="visually-hidden">"Row actions"</span></th>
                        </tr>
                    </thead>
                    <For each=keys key=|k| *k children=move |(_, id)| view! { <RequestRowView cx id /> } />
                </table>
            </div>
            <button
                type="button"
                class="button small"
                on:click=move |_| {
                    let mut id = 0;
                    cx.state.update(|p| id = p.add_request());
                    cx.selected.set(Some(id));
                }
            >
                "Add request"
            </button>
            {move || cx.selected.get().map(|id| view! { <RowDetail cx id /> })}
        </section>
    }
}

#[component]
fn RequestRowView(cx: PlaygroundCx, id: u32) -> impl IntoView {
    let row = move || {
        cx.state
            .with(|p| p.requests.iter().find(|r| r.id == id).cloned())
    };
    let field =
        move |f: fn(&RequestRow) -> String| move || row().map(|r| f(&r)).unwrap_or_default();
    let edit = move |f: &dyn Fn(&mut RequestRow)| {
        cx.state.update(|p| {
            if let Some(row) = p.request_mut(id) {
                f(row);
            }
        });
    };
    let outcome = move || cx.report.with(|r| r.row(id).cloned());
    let selected = move || cx.selected.get() == Some(id);
    let input = move |label: &'static str,
                      get: fn(&RequestRow) -> String,
                      set: fn(&mut RequestRow, String)| {
        view! {
            <input
                aria-label=move || format!("{label} of request {id}")
                prop:value=field(get)
                spellcheck="false"
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    edit(&|r| set(r, value.clone()));
                }
            />
        }
    };
    view! {
        <tbody class:selected=selected data-request-id=id>
            <tr>
                <td class="principal-cell">
                    <select
                        aria-label=format!("Principal kind of request {id}")
                        on:change=move |ev| {
                            let chosen = event_target_value(&ev);
                            if let Some((_, template)) = PRINCIPAL_TEMPLATES.iter().find(|(k, _)| *k == chosen) {
                                edit(&|r| r.principal = (*template).to_owned());
                            }
                        }
                    >
                        <option value="">"Kind…"</option>
                        {PRINCIPAL_TEMPLATES
                            .iter()
                            .map(|(kind, _)| view! { <option value=*kind>{*kind}</option> })
                            .collect_view()}
                    </select>
                    <input
                        aria-label=format!("Principal of request {id}")
                        prop:value=field(|r| r.principal.clone())
                        spellcheck="false"
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            edit(&|r| r.principal = value.clone());
                        }
                    />
                </td>
                <td>{input("Action", |r| r.action.clone(), |r, v| r.action = v)}</td>
                // The account under its resource: a large screen then has the width for whole ARNs.
                <td class="resource-cell">
                    {input("Resource", |r| r.resource.clone(), |r, v| r.resource = v)}
                    <label class="account-field">
                        <span aria-hidden="true">"account "</span>
                        {input("Resource account", |r| r.resource_account.clone(), |r, v| r.resource_account = v)}
                    </label>
                </td>
                <td class="outcome-cell">
                    <select
                        aria-label=format!("Expected outcome of request {id}")
                        on:change=move |ev| {
                            let expect = Expectation::parse(&event_target_value(&ev));
                            edit(&|r| r.expect = expect);
                        }
                    >
                        <option value="" selected=move || row().is_some_and(|r| r.expect.is_none())>"—"</option>
                        {Expectation::ALL
                            .into_iter()
                            .map(|e| {
                                let chosen = move || row().is_some_and(|r| r.expect == Some(e));
                                view! { <option value=e.as_str() selected=chosen>{labels::expectation_title(e)}</option> }
                            })
                            .collect_view()}
                    </select>
                    <div class="result" data-testid="result">{move || outcome().map(|o| view! { <ResultBadge outcome=o /> })}</div>
                </td>
                <td class="row-actions">
                    <button
                        type="button"
                        class="button small"
                        aria-expanded=move || selected().to_string()
                        on:click=move |_| cx.selected.set(if selected() { None } else { Some(id) })
                    >
                        {move || if selected() { "Hide" } else { "Explain" }}
                    </button>
                    <button
                        type="button"
                        class="button small quiet"
                        aria-label=format!("Remove request {id}")
                        on:click=move |_| cx.state.update(|p| p.remove_request(id))
                    >
                        "×"
                    </button>
                </td>
            </tr>
        </tbody>
    }
}

#[component]
fn ResultBadge(outcome: RowOutcome) -> impl IntoView {
    match (&outcome.result, &outcome.open) {
        (Err(problem), _) => view! { <span class="badge problem" title=problem.help.clone()>{problem.message.clone()}</span> }.into_any(),
        (Ok(_), Some(OpenDecision::Depends(keys))) => {
            let on = keys.iter().map(|k| k.key.as_str()).collect::<Vec<_>>().join(", ");
            view! {
                <span class="badge depends"><span aria-hidden="true">"? "</span>"Depends"</span>
                <span class="verdict">{format!("on {on}")}</span>
            }
            .into_any()
        }
        (Ok(evaluation), open) => {
            let decision = match open {
                Some(OpenDecision::Known(decision)) => *decision,
                _ => evaluation.decision,
            };
            let verdict = match outcome.passed {
                Some(true) => "✓ as expected",
                Some(false) => "✗ not as expected",
                None => "",
            };
            view! {
                <span class=format!("badge {}", decision.as_str())>{labels::decision_title(decision)}</span>
                <span class=if outcome.passed == Some(false) { "verdict failed" } else { "verdict" }>{verdict}</span>
            }
            .into_any()
        }
    }
}

/// The selected row: context keys, missing keys, the flow and the explanation.
#[component]
fn RowDetail(cx: PlaygroundCx, id: u32) -> impl IntoView {
    let row = move || {
        cx.state
            .with(|p| p.requests.iter().find(|r| r.id == id).cloned())
    };
    let outcome = move || cx.report.with(|r| r.row(id).cloned());
    let edit = move |f: &dyn Fn(&mut RequestRow)| {
        cx.state.update(|p| {
            if let Some(row) = p.request_mut(id) {
                f(row);
            }
        });
    };
    let add_key = move |key: String| {
        edit(&|r| {
            r.context.push(ContextValue {
                key: key.clone(),
                value_type: ValueType::String,
                value: String::new(),
            })
        })
    };
    let supported = move || {
        cx.catalog_ready.track();
        let action = row().map(|r| r.action).unwrap_or_default();
        language::catalog()
            .and_then(|c| {
                c.action(&action).map(|a| {
                    c.action_condition_keys(a)
                        .into_iter()
                        .map(|k| k.name.to_owned())
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    };
    let count = move || row().map_or(0, |r| r.context.len());
    view! {
        <div class="row-detail" role="region" aria-label=format!("Request {id} in detail")>
            <h3>"Context keys"</h3>
            <datalist id=format!("keys-{id}")>
                {move || supported().into_iter().map(|k| view! { <option value=k></option> }).collect_view()}
            </datalist>
            <ul class="context-list">
                {move || (0..count()).map(|index| view! { <ContextEntry cx id index /> }).collect_view()}
            </ul>
            <button type="button" class="button small" on:click=move |_| add_key(String::new())>"Add context key"</button>
            {move || {
                let missing = outcome().map(|o| o.missing_keys).unwrap_or_default();
                (!missing.is_empty()).then(|| view! {
                    <div class="missing-keys" role="status">
                        <strong>"Missing context values: "</strong>
                        "the policies test these keys, but the request has no value for them."
                        <ul>
                            {missing.into_iter().map(|key| {
                                let label = format!("Add {key}");
                                let add = key.clone();
                                view! {
                                    <li><code>{key}</code> " "
                                        <button type="button" class="button small" aria-label=label on:click=move |_| add_key(add.clone())>"Add"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || {
                let depends = outcome()
                    .and_then(|o| o.open)
                    .map(|d| d.depends_on().to_vec())
                    .unwrap_or_default();
                (!depends.is_empty()).then(|| view! {
                    <section class="depends-on" aria-labelledby=format!("depends-{id}") data-testid="depends-on">
                        <h3 id=format!("depends-{id}")>"Depends on"</h3>
                        <p class="meta">
                            "The request does not give these keys, and their values change the decision. "
                            "Try a value; the flow below treats them as absent."
                        </p>
                        <ul>
                            {depends.into_iter().map(|key| view! { <DependsKey cx id key /> }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            {move || {
                let supported = supported();
                (!supported.is_empty()).then(|| view! {
                    <p class="meta">{format!("The catalogue lists {} condition keys for this action (suggested as you type a key).", supported.len())}</p>
                })
            }}
            {move || outcome().and_then(|o| o.result.clone().ok().map(|e| (o, e))).map(|(o, e)| view! {
                <Flow evaluation=e.clone() />
                <Explanation outcome=o evaluation=e cx />
            })}
        </div>
    }
}

/// One key a decision depends on, with an input to try a value: the value joins the request's
/// context, and the row is decided again.
#[component]
fn DependsKey(cx: PlaygroundCx, id: u32, key: DependsOn) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let name = key.key.clone();
    let value_type = if key.multivalued {
        ValueType::List
    } else {
        ValueType::String
    };
    let try_value = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(field) = input.get() else { return };
        let value = field.value();
        if value.trim().is_empty() {
            return;
        }
        cx.state.update(|p| {
            if let Some(row) = p.request_mut(id) {
                row.context.push(ContextValue {
                    key: name.clone(),
                    value_type,
                    value: value.clone(),
                });
            }
        });
    };
    let allowed = (!key.allowed_when.is_empty())
        .then(|| format!("allowed with: {}", key.allowed_when.join(" · ")));
    view! {
        <li>
            <form class="depends-key" on:submit=try_value>
                <code>{key.key.clone()}</code>
                " "
                <input
                    node_ref=input
                    aria-label=format!("Try a value for {}", key.key)
                    placeholder=if key.multivalued { "a, b" } else { "value" }
                    spellcheck="false"
                />
                <button type="submit" class="button small" aria-label=format!("Try {}", key.key)>"Try"</button>
                {allowed.map(|text| view! { <span class="meta">" " {text}</span> })}
            </form>
        </li>
    }
}

#[component]
fn ContextEntry(cx: PlaygroundCx, id: u32, index: usize) -> impl IntoView {
    let entry = move || {
        cx.state.with(|p| {
            p.requests
                .iter()
                .find(|r| r.id == id)
                .and_then(|r| r.context.get(index).cloned())
        })
    };
    let edit = move |f: &dyn Fn(&mut ContextValue)| {
        cx.state.update(|p| {
            if let Some(value) = p.request_mut(id).and_then(|r| r.context.get_mut(index)) {
                f(value);
            }
        });
    };
    let placeholder = move || match entry().map(|e| e.value_type) {
        Some(ValueType::Bool) => "true or false",
        Some(ValueType::Number) => "a number",
        Some(ValueType::Date) => "2024-01-31T12:00:00Z",
        Some(ValueType::Ip) => "203.0.113.7",
        Some(ValueType::Arn) => "arn:aws:…",
        Some(ValueType::List) => "a, b, c",
        _ => "value",
    };
    view! {
        <li class="context-entry">
            <input
                aria-label=format!("Context key {}", index + 1)
                list=format!("keys-{id}")
                placeholder="aws:SourceIp"
                spellcheck="false"
                prop:value=move || entry().map(|e| e.key).unwrap_or_default()
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|e| e.key = v.clone()); }
            />
            <select
                aria-label=format!("Type of context key {}", index + 1)
                on:change=move |ev| { let t = ValueType::parse(&event_target_value(&ev)).unwrap_or(ValueType::String); edit(&|e| e.value_type = t); }
            >
                {ValueType::ALL.into_iter().map(|t| {
                    let chosen = move || entry().is_some_and(|e| e.value_type == t);
                    view! { <option value=t.as_str() selected=chosen>{t.as_str()}</option> }
                }).collect_view()}
            </select>
            <input
                aria-label=format!("Value of context key {}", index + 1)
                placeholder=placeholder
                spellcheck="false"
                prop:value=move || entry().map(|e| e.value).unwrap_or_default()
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|e| e.value = v.clone()); }
            />
            <button
                type="button"
                class="button small quiet"
                aria-label=format!("Remove context key {}", index + 1)
                on:click=move |_| cx.state.update(|p| { if let Some(r) = p.request_mut(id) { if index < r.context.len() { r.context.remove(index); } } })
            >"×"</button>
        </li>
    }
}
