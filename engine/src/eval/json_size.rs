//! The length of a value as compact JSON (what `serde_json::to_vec` gives), counted without
//! writing it.
//!
//! Every full explanation is measured against its size limit, so the count is on the path of
//! every evaluation: adding up lengths is several times cheaper than formatting and escaping
//! each text into a counting writer. Explanations hold no floating-point numbers; a value with
//! one is not counted (`None`), since matching `serde_json`'s float formatting would need its
//! float printer.

use serde::ser::{self, Serialize};
use std::fmt;

/// The number of bytes `serde_json::to_vec(value)` would produce, or `None` for a value this
/// count does not cover (floats, or a `Serialize` impl that fails).
pub(super) fn json_size(value: &impl Serialize) -> Option<usize> {
    count(value, Texts::Exact)
}

/// At least [`json_size`], counting every byte of text as if it needed the longest escape:
/// texts are not read, only their lengths, so a small value is known to be small at once.
pub(super) fn json_size_at_most(value: &impl Serialize) -> Option<usize> {
    count(value, Texts::Longest)
}

fn count(value: &impl Serialize, texts: Texts) -> Option<usize> {
    let mut size = Size { bytes: 0, texts };
    value.serialize(Sizer::new(&mut size, false)).ok()?;
    Some(size.bytes)
}

/// How texts are counted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Texts {
    /// With their escapes, as written.
    Exact,
    /// Six bytes per byte (`\u00XX`), the most a byte can take.
    Longest,
}

/// The running count.
struct Size {
    bytes: usize,
    texts: Texts,
}

impl Size {
    fn text(&mut self, text: &str) {
        self.bytes += match self.texts {
            Texts::Exact => str_size(text),
            Texts::Longest => text.len() * 6 + 2,
        };
    }
}

/// A string with its quotes and escapes, as `serde_json` writes it.
fn str_size(text: &str) -> usize {
    let escapes: usize = text
        .bytes()
        .map(|byte| match byte {
            b'"' | b'\\' | b'\x08' | b'\x0c' | b'\n' | b'\r' | b'\t' => 1,
            // `\u00XX`
            0..=0x1f => 5,
            _ => 0,
        })
        .sum();
    text.len() + escapes + 2
}

fn digits(mut n: u128) -> usize {
    let mut count = 1;
    while n >= 10 {
        n /= 10;
        count += 1;
    }
    count
}

fn signed_digits(n: i128) -> usize {
    usize::from(n < 0) + digits(n.unsigned_abs())
}

#[derive(Debug)]
pub(super) struct NotCounted;

impl fmt::Display for NotCounted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("value not counted")
    }
}

impl std::error::Error for NotCounted {}

impl ser::Error for NotCounted {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotCounted
    }
}

/// Adds one value's length to `size`. As an object key, numbers and booleans are quoted.
struct Sizer<'a> {
    size: &'a mut Size,
    key: bool,
}

impl<'a> Sizer<'a> {
    fn new(size: &'a mut Size, key: bool) -> Sizer<'a> {
        Sizer { size, key }
    }

    fn add(self, bytes: usize) -> Result<(), NotCounted> {
        self.size.bytes += bytes;
        Ok(())
    }

    /// A scalar that an object key writes in quotes.
    fn scalar(self, bytes: usize) -> Result<(), NotCounted> {
        let quotes = if self.key { 2 } else { 0 };
        self.add(bytes + quotes)
    }

    /// Opens an array or object; `close` is what its end writes (`]`, `}`, `]}`, `}}`).
    fn open(self, open: usize, close: usize) -> Items<'a> {
        self.size.bytes += open;
        Items {
            size: self.size,
            first: true,
            close,
        }
    }
}

/// The items of an array or the members of an object, comma-separated.
struct Items<'a> {
    size: &'a mut Size,
    first: bool,
    close: usize,
}

impl Items<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotCounted> {
        if !std::mem::take(&mut self.first) {
            self.size.bytes += 1;
        }
        value.serialize(Sizer::new(self.size, false))
    }

    /// `"name":value`
    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), NotCounted> {
        if !std::mem::take(&mut self.first) {
            self.size.bytes += 1;
        }
        self.size.text(name);
        self.size.bytes += 1;
        value.serialize(Sizer::new(self.size, false))
    }

    fn close(self) -> Result<(), NotCounted> {
        self.size.bytes += self.close;
        Ok(())
    }
}

impl<'a> ser::Serializer for Sizer<'a> {
    type Ok = ();
    type Error = NotCounted;
    type SerializeSeq = Items<'a>;
    type SerializeTuple = Items<'a>;
    type SerializeTupleStruct = Items<'a>;
    type SerializeTupleVariant = Items<'a>;
    type SerializeMap = Items<'a>;
    type SerializeStruct = Items<'a>;
    type SerializeStructVariant = Items<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), NotCounted> {
        self.scalar(if v { 4 } else { 5 })
    }
    fn serialize_i8(self, v: i8) -> Result<(), NotCounted> {
        self.scalar(signed_digits(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<(), NotCounted> {
        self.scalar(signed_digits(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<(), NotCounted> {
        self.scalar(signed_digits(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<(), NotCounted> {
        self.scalar(signed_digits(v.into()))
    }
    fn serialize_i128(self, v: i128) -> Result<(), NotCounted> {
        self.scalar(signed_digits(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), NotCounted> {
        self.scalar(digits(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<(), NotCounted> {
        self.scalar(digits(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<(), NotCounted> {
        self.scalar(digits(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<(), NotCounted> {
        self.scalar(digits(v.into()))
    }
    fn serialize_u128(self, v: u128) -> Result<(), NotCounted> {
        self.scalar(digits(v))
    }
    fn serialize_f32(self, _: f32) -> Result<(), NotCounted> {
        Err(NotCounted)
    }
    fn serialize_f64(self, _: f64) -> Result<(), NotCounted> {
        Err(NotCounted)
    }
    fn serialize_char(self, v: char) -> Result<(), NotCounted> {
        self.size.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), NotCounted> {
        self.size.text(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), NotCounted> {
        let commas = v.len().saturating_sub(1);
        let numbers: usize = v.iter().map(|&b| digits(b.into())).sum();
        self.add(2 + commas + numbers)
    }
    fn serialize_none(self) -> Result<(), NotCounted> {
        self.add(4)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), NotCounted> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), NotCounted> {
        self.add(4)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), NotCounted> {
        self.add(4)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), NotCounted> {
        self.size.text(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotCounted> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), NotCounted> {
        let mut object = self.open(1, 1);
        object.field(variant, value)?;
        object.close()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'a>, NotCounted> {
        Ok(self.open(1, 1))
    }
    fn serialize_tuple(self, _: usize) -> Result<Items<'a>, NotCounted> {
        Ok(self.open(1, 1))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Items<'a>, NotCounted> {
        Ok(self.open(1, 1))
    }
    /// `{"variant":[...]}`
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Items<'a>, NotCounted> {
        self.size.text(variant);
        Ok(self.open(3, 2))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Items<'a>, NotCounted> {
        Ok(self.open(1, 1))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Items<'a>, NotCounted> {
        Ok(self.open(1, 1))
    }
    /// `{"variant":{...}}`
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Items<'a>, NotCounted> {
        self.size.text(variant);
        Ok(self.open(3, 2))
    }
}

impl ser::SerializeSeq for Items<'_> {
    type Ok = ();
    type Error = NotCounted;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotCounted> {
        self.item(value)
    }
    fn end(self) -> Result<(), NotCounted> {
        self.close()
    }
}

impl ser::SerializeTuple for Items<'_> {
    type Ok = ();
    type Error = NotCounted;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotCounted> {
        self.item(value)
    }
    fn end(self) -> Result<(), NotCounted> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Items<'_> {
    type Ok = ();
    type Error = NotCounted;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotCounted> {
        self.item(value)
    }
    fn end(self) -> Result<(), NotCounted> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Items<'_> {
    type Ok = ();
    type Error = NotCounted;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotCounted> {
        self.item(value)
    }
    fn end(self) -> Result<(), NotCounted> {
        self.close()
    }
}

impl ser::SerializeMap for Items<'_> {
    type Ok = ();
    type Error = NotCounted;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), NotCounted> {
        if !std::mem::take(&mut self.first) {
            self.size.bytes += 1;
        }
        key.serialize(Sizer::new(self.size, true))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotCounted> {
        self.size.bytes += 1;
        value.serialize(Sizer::new(self.size, false))
    }
    fn end(self) -> Result<(), NotCounted> {
        self.close()
    }
}

impl ser::SerializeStruct for Items<'_> {
    type Ok = ();
    type Error = NotCounted;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), NotCounted> {
        self.field(name, value)
    }
    fn end(self) -> Result<(), NotCounted> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Items<'_> {
    type Ok = ();
    type Error = NotCounted;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), NotCounted> {
        self.field(name, value)
    }
    fn end(self) -> Result<(), NotCounted> {
        self.close()
    }
}

#[cfg(test)]
#[path = "json_size_tests.rs"]
mod tests;
