//! Reading typed values out of the span-keeping tree with serde.
//!
//! Course files and cases are read into typed structs; every error, a syntax error or a field
//! of the wrong type, names the byte range it is about and the path to it
//! (`scenarios[2].checks[0].expect`), so an author is shown the exact text to change. Strings
//! are lent from the tree, so `&str` fields cost no copy.

use std::cell::Cell;
use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use serde::Deserialize;

use super::{parse, Json, JsonError, Span, Value};

/// Why a document could not be read as the type asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeError {
    pub message: String,
    /// The value (or key) the error is about; for a missing field, the object that lacks it.
    pub span: Span,
    /// Keys and indexes from the top down to that value; empty for the whole document.
    pub path: String,
    /// Advice beyond the message, when there is some (syntax errors carry it).
    pub help: Option<String>,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl From<JsonError> for DeError {
    fn from(error: JsonError) -> DeError {
        DeError {
            message: error.to_string(),
            span: error.span,
            path: String::new(),
            help: error.help(),
        }
    }
}

/// Parses `text` and reads it as a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, DeError> {
    let json = parse(text)?;
    from_json(&json, text)
}

/// Reads a parsed document as a `T`; `source` is the text `json` was parsed from.
pub fn from_json<'de, T: Deserialize<'de>>(
    json: &'de Json,
    source: &'de str,
) -> Result<T, DeError> {
    let reader = Reader {
        json,
        source,
        path: &Path::Root,
        place: json.span,
    };
    T::deserialize(reader).map_err(|error| DeError {
        message: error.message,
        span: error.span.unwrap_or(json.span),
        path: error.path.unwrap_or_default(),
        help: None,
    })
}

/// The error while reading: the innermost reader that sees it fills in where it is.
#[derive(Debug)]
struct Error {
    message: String,
    span: Option<Span>,
    path: Option<String>,
}

impl Error {
    fn at(mut self, span: Span, path: &Path<'_>) -> Error {
        if self.span.is_none() {
            self.span = Some(span);
            self.path = Some(path.to_string());
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error {
            message: message.to_string(),
            span: None,
            path: None,
        }
    }
}

/// Where a value sits, as a chain up to the top; lives on the stack of the reading calls.
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A value with the byte range it was read from: for checks that point at a field after the
/// whole file was read. Another reader (serde_json reading a bundle) gives the value with empty
/// spans: positions only mean something in the text this module's reader read.
#[derive(Debug, Clone, Eq, Default)]
pub struct Spanned<T> {
    pub span: Span,
    /// Where a problem about the value points: the key of an object member (as a field path
    /// names it), else the value itself.
    pub place: Span,
    pub value: T,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned {
            span,
            place: span,
            value,
        }
    }
}

/// A value built in code, not read from a text: it has no position.
impl<T> From<T> for Spanned<T> {
    fn from(value: T) -> Spanned<T> {
        Spanned::new(value, Span::default())
    }
}

impl From<&str> for Spanned<String> {
    fn from(text: &str) -> Spanned<String> {
        Spanned::from(text.to_owned())
    }
}

/// Positions are where a value was read, not part of the value.
impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Spanned<T>) -> bool {
        self.value == other.value
    }
}

/// A text read with its position compares with plain text.
impl PartialEq<str> for Spanned<String> {
    fn eq(&self, other: &str) -> bool {
        self.value == other
    }
}

impl PartialEq<&str> for Spanned<String> {
    fn eq(&self, other: &&str) -> bool {
        self.value == *other
    }
}

impl PartialEq<String> for Spanned<String> {
    fn eq(&self, other: &String) -> bool {
        &self.value == other
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// Changing the value keeps the spans: they still say where it was read.
impl<T> std::ops::DerefMut for Spanned<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

/// A list read with its position iterates as the list.
impl<'a, T> IntoIterator for &'a Spanned<T>
where
    &'a T: IntoIterator,
{
    type Item = <&'a T as IntoIterator>::Item;
    type IntoIter = <&'a T as IntoIterator>::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        (&self.value).into_iter()
    }
}

impl<'a, T> IntoIterator for &'a mut Spanned<T>
where
    &'a mut T: IntoIterator,
{
    type Item = <&'a mut T as IntoIterator>::Item;
    type IntoIter = <&'a mut T as IntoIterator>::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        (&mut self.value).into_iter()
    }
}

impl<T: serde::Serialize> serde::Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

// The reader recognises this newtype name and hands over the spans beside the value.
const SPANNED: &str = "$iamplay::json::Spanned";
const SPANNED_FIELDS: &[&str] = &["$start", "$end", "$placeStart", "$placeEnd", "$value"];

/// The newtype name by which a type asks this reader for the text a value was written as
/// (`deserialize_newtype_struct(SOURCE_TEXT, visitor)`): an object or array arrives as a string,
/// its exact slice of the source re-indented so its first line starts at column 0 and the rest
/// keep their layout relative to it; any other value arrives as itself. Other readers see a
/// plain newtype.
pub const SOURCE_TEXT: &str = "$iamplay::json::SourceText";

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Spanned<T>, D::Error> {
        deserializer.deserialize_newtype_struct(SPANNED, SpannedVisitor(std::marker::PhantomData))
    }
}

struct SpannedVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
    type Value = Spanned<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    /// Another reader: the value without positions.
    fn visit_newtype_struct<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Spanned<T>, D::Error> {
        T::deserialize(deserializer).map(|value| Spanned::new(value, Span::default()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Spanned<T>, A::Error> {
        let mut at = [0; 4];
        let mut value = None;
        let mut part = 0;
        while map.next_key::<&str>()?.is_some() {
            match at.get_mut(part) {
                Some(slot) => *slot = map.next_value::<usize>()?,
                None => value = Some(map.next_value::<T>()?),
            }
            part += 1;
        }
        let value = value.ok_or_else(|| {
            de::Error::custom("a position-keeping value was read without its value")
        })?;
        Ok(Spanned {
            span: Span::new(at[0], at[1]),
            place: Span::new(at[2], at[3]),
            value,
        })
    }
}

/// The text of `span` in `source`, each line after the first losing the indentation of the
/// line the value starts on (as far as it has that much leading whitespace).
pub fn reindented(source: &str, span: Span) -> String {
    let text = span.slice(source).unwrap_or_default();
    let indent = indent_at(source, span);
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
            out.push_str(&line[removed(line, indent)..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Where `offset` of [`reindented`]`(source, span)` is in `source`: a position found in the
/// re-indented text (a statement of a policy in a lesson) mapped back to the author's file.
pub fn reindented_offset(source: &str, span: Span, offset: usize) -> usize {
    let text = span.slice(source).unwrap_or_default();
    let indent = indent_at(source, span);
    // Byte starts of the current line in the re-indented text and in `source`.
    let (mut out_start, mut source_start) = (0, span.start);
    for (index, line) in text.split('\n').enumerate() {
        let cut = if index > 0 { removed(line, indent) } else { 0 };
        let kept = line.len() - cut;
        if offset <= out_start + kept {
            return source_start + cut + (offset - out_start);
        }
        out_start += kept + 1;
        source_start += line.len() + 1;
    }
    span.end
}

/// The whitespace before `span` on its line: what [`reindented`] takes off the later lines.
fn indent_at(source: &str, span: Span) -> usize {
    let line_start = source[..span.start].rfind('\n').map_or(0, |at| at + 1);
    source[line_start..span.start]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .count()
}

/// How much of `line`'s leading whitespace re-indenting by `indent` removes.
fn removed(line: &str, indent: usize) -> usize {
    let blank = line.len() - line.trim_start_matches([' ', '\t']).len();
    blank.min(indent)
}

/// Reads one value of the tree.
#[derive(Clone, Copy)]
struct Reader<'de, 'p> {
    json: &'de Json,
    source: &'de str,
    path: &'p Path<'p>,
    /// Where a problem about this value points (see [`Spanned::place`]).
    place: Span,
}

impl<'de> Reader<'de, '_> {
    fn any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.json.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(flag) => visitor.visit_bool(*flag),
            Value::Number(text) => visit_number(text, visitor),
            Value::String(text) => visitor.visit_borrowed_str(text),
            Value::Array(items) => {
                let mut access = Items {
                    items: items.iter(),
                    next_index: 0,
                    source: self.source,
                    path: self.path,
                };
                let value = visitor.visit_seq(&mut access)?;
                match access.items.len() {
                    0 => Ok(value),
                    left => Err(de::Error::invalid_length(
                        access.next_index + left,
                        &"fewer items",
                    )),
                }
            }
            Value::Object(members) => {
                let last_key = Cell::new(None);
                let access = Members {
                    members: members.iter(),
                    current: None,
                    source: self.source,
                    path: self.path,
                    last_key: &last_key,
                };
                visitor
                    .visit_map(access)
                    .map_err(|error| match last_key.get() {
                        // serde names a repeated field once the whole key is read: point at it.
                        Some(span)
                            if error.span.is_none()
                                && error.message.starts_with("duplicate field") =>
                        {
                            Error {
                                span: Some(span),
                                ..error
                            }
                        }
                        _ => error,
                    })
            }
        }
    }

    fn locate<T>(self, result: Result<T, Error>) -> Result<T, Error> {
        result.map_err(|error| error.at(self.json.span, self.path))
    }
}

/// Numbers reach the visitor as the narrowest exact type, as serde_json does: unsigned, then
/// signed, then floating point (with `-0` a float, so its sign survives).
fn visit_number<'de, V: Visitor<'de>>(text: &str, visitor: V) -> Result<V::Value, Error> {
    let integral = !text.contains(['.', 'e', 'E']);
    if integral {
        if let Ok(unsigned) = text.parse::<u64>() {
            return visitor.visit_u64(unsigned);
        }
        if let Ok(signed) = text.parse::<i64>() {
            if signed != 0 {
                return visitor.visit_i64(signed);
            }
        }
    }
    match text.parse::<f64>() {
        Ok(float) if float.is_finite() => visitor.visit_f64(float),
        _ => Err(de::Error::custom(format!(
            "number `{text}` is out of range"
        ))),
    }
}

macro_rules! read_as_any {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.locate(self.any(visitor))
        })*
    };
}

impl<'de> de::Deserializer<'de> for Reader<'de, '_> {
    type Error = Error;

    read_as_any! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_unit deserialize_seq deserialize_map deserialize_identifier
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = match self.json.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        };
        self.locate(result)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.locate(self.any(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = match (name, &self.json.value) {
            (SPANNED, _) => visitor.visit_map(SpannedParts {
                reader: self,
                next: 0,
            }),
            (SOURCE_TEXT, Value::Object(_) | Value::Array(_)) => {
                let text = reindented(self.source, self.json.span);
                visitor.visit_newtype_struct(text.into_deserializer())
            }
            _ => visitor.visit_newtype_struct(self),
        };
        self.locate(result)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.locate(self.any(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.locate(self.any(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.locate(self.any(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = match &self.json.value {
            Value::String(variant) => visitor.visit_enum(variant.as_str().into_deserializer()),
            Value::Object(members) if members.len() == 1 => visitor.visit_enum(Variant {
                member: &members[0],
                source: self.source,
                path: self.path,
            }),
            _ => Err(de::Error::invalid_type(
                unexpected(self.json),
                &"a string, or an object with one key",
            )),
        };
        self.locate(result)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

fn unexpected(json: &Json) -> de::Unexpected<'_> {
    match &json.value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(flag) => de::Unexpected::Bool(*flag),
        Value::Number(text) => de::Unexpected::Other(text),
        Value::String(text) => de::Unexpected::Str(text),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

struct Items<'de, 'p> {
    items: std::slice::Iter<'de, Json>,
    next_index: usize,
    source: &'de str,
    path: &'p Path<'p>,
}

impl<'de> SeqAccess<'de> for &mut Items<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(json) = self.items.next() else {
            return Ok(None);
        };
        let path = Path::Index(self.path, self.next_index);
        self.next_index += 1;
        let reader = Reader {
            json,
            source: self.source,
            path: &path,
            place: json.span,
        };
        reader.locate(seed.deserialize(reader)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Members<'de, 'p, 'c> {
    members: std::slice::Iter<'de, super::Member>,
    current: Option<&'de super::Member>,
    source: &'de str,
    path: &'p Path<'p>,
    last_key: &'c Cell<Option<Span>>,
}

impl<'de> MapAccess<'de> for Members<'de, '_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(member) = self.members.next() else {
            return Ok(None);
        };
        self.current = Some(member);
        self.last_key.set(Some(member.key_span));
        let path = Path::Key(self.path, &member.key);
        let key = BorrowedStrDeserializer::<Error>::new(&member.key);
        seed.deserialize(key)
            .map(Some)
            .map_err(|error| error.at(member.key_span, &path))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let member = self
            .current
            .take()
            .ok_or_else(|| <Error as de::Error>::custom("a value was read before its key"))?;
        let path = Path::Key(self.path, &member.key);
        let reader = Reader {
            json: &member.value,
            source: self.source,
            path: &path,
            place: member.key_span,
        };
        reader.locate(seed.deserialize(reader))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// The parts of a [`Spanned`]: where the value starts and ends, then the value itself.
struct SpannedParts<'de, 'p> {
    reader: Reader<'de, 'p>,
    next: usize,
}

impl<'de> MapAccess<'de> for SpannedParts<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(key) = SPANNED_FIELDS.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let span = self.reader.json.span;
        let place = self.reader.place;
        let part = self.next;
        self.next += 1;
        let at = match part {
            0 => span.start,
            1 => span.end,
            2 => place.start,
            3 => place.end,
            _ => return seed.deserialize(self.reader),
        };
        seed.deserialize(at.into_deserializer())
    }
}

/// An enum written as `{"Variant": value}`.
struct Variant<'de, 'p> {
    member: &'de super::Member,
    source: &'de str,
    path: &'p Path<'p>,
}

impl<'de, 'p> EnumAccess<'de> for Variant<'de, 'p> {
    type Error = Error;
    type Variant = Reader<'de, 'p>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), Error> {
        let name = seed
            .deserialize(BorrowedStrDeserializer::<Error>::new(&self.member.key))
            .map_err(|error| error.at(self.member.key_span, self.path))?;
        let reader = Reader {
            json: &self.member.value,
            source: self.source,
            path: self.path,
            place: self.member.key_span,
        };
        Ok((name, reader))
    }
}

impl<'de> VariantAccess<'de> for Reader<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.json.value {
            Value::Null => Ok(()),
            _ => self.locate(Err(de::Error::invalid_type(unexpected(self.json), &"null"))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        self.locate(seed.deserialize(self))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.locate(self.any(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.locate(self.any(visitor))
    }
}

#[cfg(test)]
#[path = "de_tests.rs"]
mod tests;
