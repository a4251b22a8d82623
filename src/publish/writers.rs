//! Parquet, JSON and CSV writers for [`Dataset`]s. Output is a pure function of
//! the rows: no timestamps or host details, so unchanged data gives
//! byte-identical files.

use super::dataset::{ColType, Column, Dataset, Value};
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Decimal128Array, Float64Array, Int32Array, Int64Array,
    RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

pub const MONEY_PRECISION: u8 = 18;
pub const MONEY_SCALE: i8 = 2;

pub fn arrow_type(ty: ColType) -> DataType {
    match ty {
        ColType::Str => DataType::Utf8,
        ColType::Int32 => DataType::Int32,
        ColType::Int64 => DataType::Int64,
        ColType::Float64 => DataType::Float64,
        ColType::Bool => DataType::Boolean,
        ColType::Date => DataType::Date32,
        ColType::Money => DataType::Decimal128(MONEY_PRECISION, MONEY_SCALE),
    }
}

pub fn arrow_schema(columns: &[Column]) -> Schema {
    Schema::new(
        columns
            .iter()
            .map(|c| Field::new(c.name, arrow_type(c.ty), c.nullable))
            .collect::<Vec<_>>(),
    )
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")
}

fn column_array(ds: &Dataset, i: usize) -> anyhow::Result<ArrayRef> {
    let values = ds.rows.iter().map(|r| &r[i]);
    let array: ArrayRef = match ds.columns[i].ty {
        ColType::Str => Arc::new(StringArray::from_iter(values.map(|v| match v {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }))),
        ColType::Int32 => Arc::new(Int32Array::from_iter(values.map(|v| match v {
            Value::Int32(x) => Some(*x),
            _ => None,
        }))),
        ColType::Int64 => Arc::new(Int64Array::from_iter(values.map(|v| match v {
            Value::Int64(x) => Some(*x),
            _ => None,
        }))),
        ColType::Float64 => Arc::new(Float64Array::from_iter(values.map(|v| match v {
            Value::Float64(x) => Some(*x),
            _ => None,
        }))),
        ColType::Bool => Arc::new(BooleanArray::from_iter(values.map(|v| match v {
            Value::Bool(x) => Some(*x),
            _ => None,
        }))),
        ColType::Date => Arc::new(Date32Array::from_iter(values.map(|v| match v {
            Value::Date(d) => Some((*d - epoch()).num_days() as i32),
            _ => None,
        }))),
        ColType::Money => Arc::new(
            Decimal128Array::from_iter(values.map(|v| match v {
                Value::Money(p) => Some(i128::from(*p)),
                _ => None,
            }))
            .with_precision_and_scale(MONEY_PRECISION, MONEY_SCALE)?,
        ),
    };
    Ok(array)
}

pub fn write_parquet(ds: &Dataset, path: &Path) -> anyhow::Result<()> {
    let schema = Arc::new(arrow_schema(ds.columns));
    let arrays = (0..ds.columns.len())
        .map(|i| column_array(ds, i))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let batch = RecordBatch::try_new(schema.clone(), arrays)?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3)?))
        .set_created_by(format!("reportmine {}", env!("CARGO_PKG_VERSION")))
        .build();
    let file = std::fs::File::create(path)?;
    let mut writer = ArrowWriter::try_new(file, schema, Some(props))?;
    writer.write(&batch)?;
    writer.close()?;
    Ok(())
}

/// The value as JSON: dates as ISO strings, money as a number of pounds.
pub fn value_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Str(s) => serde_json::Value::String(s.clone()),
        Value::Int32(x) => (*x).into(),
        Value::Int64(x) => (*x).into(),
        Value::Float64(x) => {
            serde_json::Number::from_f64(*x).map_or(serde_json::Value::Null, Into::into)
        }
        Value::Bool(b) => (*b).into(),
        Value::Date(d) => d.format("%Y-%m-%d").to_string().into(),
        Value::Money(p) => serde_json::Number::from_f64(*p as f64 / 100.0)
            .map_or(serde_json::Value::Null, Into::into),
    }
}

/// The value as CSV text (and as a key): empty for null.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Str(s) => s.clone(),
        Value::Int32(x) => x.to_string(),
        Value::Int64(x) => x.to_string(),
        Value::Float64(x) => x.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        Value::Money(p) => format!(
            "{}{}.{:02}",
            if *p < 0 { "-" } else { "" },
            p.abs() / 100,
            p.abs() % 100
        ),
    }
}

pub fn row_object(ds: &Dataset, row: &[Value]) -> serde_json::Map<String, serde_json::Value> {
    ds.columns
        .iter()
        .zip(row)
        .map(|(c, v)| (c.name.to_string(), value_json(v)))
        .collect()
}

/// A JSON array of row objects, one row a line so versions diff well.
pub fn write_json(ds: &Dataset, path: &Path) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    out.write_all(b"[")?;
    for (i, row) in ds.rows.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut out, &row_object(ds, row))?;
    }
    out.write_all(b"\n]\n")?;
    out.flush()?;
    Ok(())
}

/// RFC 4180 CSV: UTF-8, a header row, CRLF line ends, quotes where needed.
pub fn write_csv(ds: &Dataset, path: &Path) -> anyhow::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_path(path)?;
    w.write_record(ds.columns.iter().map(|c| c.name))?;
    for row in &ds.rows {
        w.write_record(row.iter().map(value_text))?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_text_keeps_pence() {
        assert_eq!(value_text(&Value::Money(232184500)), "2321845.00");
        assert_eq!(value_text(&Value::Money(-5)), "-0.05");
    }

    #[test]
    fn dates_are_iso() {
        let d = NaiveDate::from_ymd_opt(2014, 3, 31).unwrap();
        assert_eq!(value_json(&Value::Date(d)), serde_json::json!("2014-03-31"));
    }
}
