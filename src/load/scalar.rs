//! A scalar's YAML type: its tag if it has one, else the YAML 1.2 core
//! schema for a plain scalar (with only `true` and `false` as booleans, so
//! `yes` stays text); quoted and block scalars are text.

use std::borrow::Cow;

use granit_parser::{ScalarStyle, Tag};

use super::tree::Value;

/// A scalar's value: its tag if it has one, else the core schema for a
/// plain scalar; quoted and block scalars are text.
pub fn scalar(value: Cow<'_, str>, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, String> {
    if let Some(tag) = tag {
        // Any type of YAML's own namespace (`!!int`, `!!binary`, …), however
        // the tag was spelt.
        if let Some(suffix) = tag.suffix_in_namespace("tag:yaml.org,2002:") {
            let typed = match suffix.as_ref() {
                "str" => return Ok(Value::Str(value.into_owned())),
                "binary" => {
                    return Err("binary data (`!!binary`) is not allowed in a brief".to_owned());
                }
                "null" => null(&value).then_some(Value::Null),
                "bool" => boolean(&value).map(Value::Bool),
                "int" => int(&value),
                "float" => float(&value).or_else(|| int(&value)),
                // Collection tags on a scalar, timestamps, sets: the text.
                _ => Some(Value::Str(value.to_string())),
            };
            return typed.ok_or_else(|| {
                format!(
                    "`{}` does not fit its tag `!!{suffix}`",
                    crate::text::safe::one_line(&value),
                )
            });
        }
        // A local tag (`!thing`) is the author's own: the value as written.
        if !matches!(style, ScalarStyle::Plain) {
            return Ok(Value::Str(value.into_owned()));
        }
    }
    if !matches!(style, ScalarStyle::Plain) {
        return Ok(Value::Str(value.into_owned()));
    }
    if null(&value) {
        return Ok(Value::Null);
    }
    if let Some(b) = boolean(&value) {
        return Ok(Value::Bool(b));
    }
    // Only something that starts like a number can be one.
    if value
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || b"+-.".contains(b))
        && let Some(n) = int(&value).or_else(|| float(&value))
    {
        return Ok(n);
    }
    Ok(Value::Str(value.into_owned()))
}

fn null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

fn boolean(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`; too large for i64 is a float.
fn int(s: &str) -> Option<Value> {
    let (radix, digits) = if let Some(d) = s.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = s.strip_prefix("0o") {
        (8, d)
    } else {
        (10, s.strip_prefix('+').unwrap_or(s))
    };
    let body = digits
        .strip_prefix('-')
        .filter(|_| radix == 10)
        .unwrap_or(digits);
    if body.is_empty() || !body.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    match i64::from_str_radix(digits, radix) {
        Ok(n) => Some(Value::Int(n)),
        Err(_) => s.parse::<f64>().ok().map(Value::Float),
    }
}

/// The core schema's floats, `.inf` and `.nan` included.
fn float(s: &str) -> Option<Value> {
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    let negative = s.starts_with('-');
    match unsigned {
        ".inf" | ".Inf" | ".INF" => {
            return Some(Value::Float(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }));
        }
        ".nan" | ".NaN" | ".NAN" if unsigned.len() == s.len() => {
            return Some(Value::Float(f64::NAN));
        }
        _ => {}
    }
    // Digits, at most one dot, an optional exponent: what Rust also reads,
    // minus its `inf`/`nan` spellings.
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let digits = mantissa.chars().filter(char::is_ascii_digit).count();
    let dots = mantissa.chars().filter(|c| *c == '.').count();
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
    });
    if digits == 0 || dots > 1 || digits + dots != mantissa.len() || !exponent_ok {
        return None;
    }
    s.parse::<f64>().ok().map(Value::Float)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> Value {
        scalar(Cow::Borrowed(s), ScalarStyle::Plain, None).unwrap_or(Value::Null)
    }

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        assert!(matches!(plain("~"), Value::Null));
        assert!(matches!(plain(""), Value::Null));
        assert!(matches!(plain("true"), Value::Bool(true)));
        assert!(matches!(plain("yes"), Value::Str(_)));
        assert!(matches!(plain("2025"), Value::Int(2025)));
        assert!(matches!(plain("-7"), Value::Int(-7)));
        assert!(matches!(plain("0x1F"), Value::Int(31)));
        assert!(matches!(plain("0o17"), Value::Int(15)));
        assert!(matches!(plain("1.5"), Value::Float(f) if f == 1.5));
        assert!(matches!(plain("1e3"), Value::Float(f) if f == 1000.0));
        assert!(matches!(plain(".inf"), Value::Float(f) if f.is_infinite()));
        assert!(matches!(plain(".nan"), Value::Float(f) if f.is_nan()));
        for text in [
            "2025-10", "1.2.3", "inf", "nan", "1_000", "-", ".", "e5", "0x", "12a",
        ] {
            assert!(matches!(plain(text), Value::Str(_)), "{text}");
        }
        let quoted = scalar(Cow::Borrowed("2025"), ScalarStyle::DoubleQuoted, None);
        assert!(matches!(quoted, Ok(Value::Str(_))));
    }
}
