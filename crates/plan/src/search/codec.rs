//! The binary form of the index.
//!
//! All integers are unsigned LEB128 varints; a string is its byte length followed by its UTF-8
//! bytes. The layout, in order:
//!
//! ```text
//! magic        4 bytes "DSI1"
//! doc_count    varint, then doc_count varints: the number of indexed words of each document
//! term_count   varint, then per term, sorted by stem:
//!   shared       varint: bytes the stem shares with the previous stem (front coding)
//!   suffix       string: the rest of the stem
//!   display      string: the most frequent spelling
//!   df           varint: the number of postings, then per posting:
//!     gap          varint: document position minus the previous posting's (the first: itself)
//!     head         varint: text count × 2, plus 1 when other fields follow
//!     [title heading part]  three varints, only when the head's low bit is set
//! rule_count   varint, then per synonym rule: the looked-up stem (string), target_count
//!              (varint), and per target: word_count (varint) and that many stems (strings)
//! ```

use std::fmt;

use super::index::{HEADING, Index, PART, Posting, TEXT, TITLE, Term};

const MAGIC: &[u8; 4] = b"DSI1";

/// Why bytes could not be decoded into an index.
///
/// Its [`Debug`](fmt::Debug) form is its message: the app decodes the index with `expect`, and
/// a derived form would bring the code that escapes strings into the WebAssembly build.
#[derive(Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes do not start with the index's magic number (or another format version).
    BadMagic,
    /// The bytes end in the middle of the index.
    Truncated,
    /// A value is out of range or out of order; the text names it.
    Invalid(&'static str),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::BadMagic => write!(f, "not a search index of this version"),
            DecodeError::Truncated => write!(f, "the search index ends too early"),
            DecodeError::Invalid(what) => write!(f, "the search index is corrupt: {what}"),
        }
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for DecodeError {}

/// Appends `value` as a varint.
fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Appends a string.
fn put_str(out: &mut Vec<u8>, s: &str) {
    put(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

impl Index {
    /// Encodes the index in its binary form (the layout is in the [module documentation](self)).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put(&mut out, self.doc_lens.len() as u64);
        for &len in &self.doc_lens {
            put(&mut out, u64::from(len));
        }
        put(&mut out, self.terms.len() as u64);
        let mut previous = "";
        for term in &self.terms {
            let shared = previous
                .bytes()
                .zip(term.stem.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            let shared = (0..=shared)
                .rev()
                .find(|&i| term.stem.is_char_boundary(i))
                .unwrap_or(0);
            put(&mut out, shared as u64);
            put_str(&mut out, &term.stem[shared..]);
            put_str(&mut out, &term.display);
            put(&mut out, term.postings.len() as u64);
            let mut last = 0;
            for p in &term.postings {
                put(&mut out, u64::from(p.doc - last));
                last = p.doc;
                let more = p.tf[TITLE] > 0 || p.tf[HEADING] > 0 || p.tf[PART] > 0;
                put(&mut out, u64::from(p.tf[TEXT]) * 2 + u64::from(more));
                if more {
                    for field in [TITLE, HEADING, PART] {
                        put(&mut out, u64::from(p.tf[field]));
                    }
                }
            }
            previous = &term.stem;
        }
        put(&mut out, self.synonyms.len() as u64);
        for (key, targets) in &self.synonyms {
            put_str(&mut out, key);
            put(&mut out, targets.len() as u64);
            for target in targets {
                put(&mut out, target.len() as u64);
                for stem in target {
                    put_str(&mut out, stem);
                }
            }
        }
        out
    }

    /// Decodes an index from [`Index::to_bytes`]; corrupt bytes give an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Index, DecodeError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(DecodeError::BadMagic)?;
        let mut r = Reader { bytes: rest };
        let doc_count = r.count()?;
        let doc_lens = (0..doc_count)
            .map(|_| r.u32())
            .collect::<Result<Vec<_>, _>>()?;
        let term_count = r.count()?;
        let mut terms: Vec<Term> = Vec::with_capacity(term_count);
        for _ in 0..term_count {
            let shared = r.u32()? as usize;
            let previous = terms.last().map_or("", |t| t.stem.as_str());
            let prefix = previous
                .get(..shared)
                .ok_or(DecodeError::Invalid("stem prefix"))?;
            let stem = format!("{prefix}{}", r.string()?);
            if stem.as_str() <= previous && !terms.is_empty() {
                return Err(DecodeError::Invalid("stems out of order"));
            }
            let display = r.string()?;
            let df = r.count()?;
            let mut postings = Vec::with_capacity(df);
            let mut doc = 0u32;
            for i in 0..df {
                let gap = r.u32()?;
                if i > 0 && gap == 0 {
                    return Err(DecodeError::Invalid("postings out of order"));
                }
                doc = doc
                    .checked_add(gap)
                    .ok_or(DecodeError::Invalid("document position"))?;
                if doc as usize >= doc_count {
                    return Err(DecodeError::Invalid("document position"));
                }
                let head = r.u32()?;
                let mut tf = [0u16; 4];
                tf[TEXT] = r.narrow(head / 2)?;
                if head % 2 == 1 {
                    for field in [TITLE, HEADING, PART] {
                        tf[field] = r.u32().and_then(|n| r.narrow(n))?;
                    }
                }
                postings.push(Posting { doc, tf });
            }
            terms.push(Term {
                stem,
                display,
                postings,
            });
        }
        let rule_count = r.count()?;
        let mut synonyms = Vec::with_capacity(rule_count);
        for _ in 0..rule_count {
            let key = r.string()?;
            let targets = (0..r.count()?)
                .map(|_| {
                    (0..r.count()?)
                        .map(|_| r.string())
                        .collect::<Result<Vec<_>, _>>()
                })
                .collect::<Result<Vec<_>, _>>()?;
            synonyms.push((key, targets));
        }
        if !r.bytes.is_empty() {
            return Err(DecodeError::Invalid("trailing bytes"));
        }
        if synonyms
            .windows(2)
            .any(|w: &[(String, Vec<Vec<String>>)]| w[0].0 >= w[1].0)
        {
            return Err(DecodeError::Invalid("synonyms out of order"));
        }
        Ok(Index::from_parts(doc_lens, terms, synonyms))
    }
}

/// Reads varints and strings from a byte slice.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first().ok_or(DecodeError::Truncated)?;
            self.bytes = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(DecodeError::Invalid("varint too long"))
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        u32::try_from(self.varint()?).map_err(|_| DecodeError::Invalid("number too large"))
    }

    fn narrow(&self, n: u32) -> Result<u16, DecodeError> {
        u16::try_from(n).map_err(|_| DecodeError::Invalid("count too large"))
    }

    /// Reads a count of following items, each of which takes at least one byte.
    fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.varint()?;
        if n > self.bytes.len() as u64 {
            return Err(DecodeError::Truncated);
        }
        Ok(n as usize)
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        let len = self.count()?;
        let (head, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        String::from_utf8(head.to_vec()).map_err(|_| DecodeError::Invalid("text is not UTF-8"))
    }
}
