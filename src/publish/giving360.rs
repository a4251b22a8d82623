//! Grants awarded, exported in the 360Giving Data Standard (a package of grants).
//!
//! The standard describes grants made by a funder, so only rows with flow
//! "awarded" are exported. Organisations without a registered identifier get
//! a stable pseudo-identifier under our own prefix, as the standard's identifier
//! guidance allows for unregistered organisations.

use crate::interpret::Grant;
use serde_json::{json, Value};

/// The identifier prefix of grants and organisations that have no registered identifier.
const PREFIX: &str = "360G-reportmine";

pub struct GrantContext<'a> {
    pub dataset_id: &'a str,
    pub publisher: &'a str,
    pub source_url: Option<&'a str>,
    /// The date to give a grant whose award date is not stated (the start of its period).
    pub fallback_date: Option<chrono::NaiveDate>,
}

pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The award date: the start of the grant's financial year, else the document's period.
fn award_date(grant: &Grant, ctx: &GrantContext<'_>) -> Option<String> {
    let from_year = grant
        .financial_year
        .as_deref()
        .and_then(crate::interpret::periods::year_span)
        .map(|(start, _)| start);
    from_year
        .or(ctx.fallback_date)
        .map(|d| d.format("%Y-%m-%d").to_string())
}

fn organisation(name: &str) -> Value {
    json!({ "id": format!("{PREFIX}-org-{}", slug(name)), "name": name })
}

/// One grant in 360Giving form, or None when it is not an award or has no date to give it.
pub fn grant_360(grant: &Grant, ctx: &GrantContext<'_>) -> Option<Value> {
    if grant.flow != "awarded" {
        return None;
    }
    let recipient = grant.recipient.as_deref()?;
    let funder = grant.funder.as_deref().unwrap_or(ctx.publisher);
    let title = grant
        .programme
        .clone()
        .unwrap_or_else(|| format!("Grant to {recipient}"));
    let mut g = json!({
        "id": format!("{PREFIX}-{}-{}", ctx.dataset_id, grant.grant_id),
        "title": title.chars().take(140).collect::<String>(),
        "description": grant.purpose.clone().unwrap_or_else(|| grant.quote.clone()),
        "currency": grant.currency,
        "amountAwarded": grant.amount_pence as f64 / 100.0,
        "awardDate": award_date(grant, ctx)?,
        "recipientOrganization": [organisation(recipient)],
        "fundingOrganization": [organisation(funder)],
    });
    if let Some(p) = &grant.programme {
        g["grantProgramme"] = json!([{ "title": p }]);
    }
    if let Some(url) = ctx.source_url {
        g["dataSource"] = json!(url);
    }
    Some(g)
}

pub fn package(grants: Vec<Value>) -> Value {
    json!({ "grants": grants })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(flow: &str) -> Grant {
        Grant {
            grant_id: "g1".into(),
            document_id: "d".into(),
            theme_id: None,
            flow: flow.into(),
            funder: None,
            recipient: Some("Cambridge Rape Crisis".into()),
            programme: None,
            purpose: Some("Counselling".into()),
            amount_pence: 3_500_000,
            currency: "GBP".into(),
            amount_text: "£35,000".into(),
            financial_year: Some("2013-14".into()),
            section: String::new(),
            quote: "q".into(),
            page: Some(14),
        }
    }

    #[test]
    fn awarded_grants_map_to_the_standard() {
        let ctx = GrantContext {
            dataset_id: "ds",
            publisher: "The PCC",
            source_url: None,
            fallback_date: None,
        };
        let g = grant_360(&grant("awarded"), &ctx).unwrap();
        assert_eq!(g["amountAwarded"], json!(35000.0));
        assert_eq!(g["awardDate"], json!("2013-04-01"));
        assert_eq!(g["fundingOrganization"][0]["name"], json!("The PCC"));
        assert_eq!(
            g["recipientOrganization"][0]["id"],
            json!("360G-reportmine-org-cambridge-rape-crisis")
        );
        assert!(grant_360(&grant("received"), &ctx).is_none());
    }
}
