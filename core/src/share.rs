//! Share links: a project carried in the URL fragment, so it never reaches a server.
//!
//! Contract (docs/project-format.md, "Share link"): the fragment is `#p=` followed by the
//! base64url encoding (RFC 4648 §5, no padding) of the deflate-raw (RFC 1951, no zlib or gzip
//! header) compressed project JSON. A browser produces the same with
//! `new CompressionStream("deflate-raw")`.
//!
//! Decoding is defensive: the encoded text is limited to [`MAX_FRAGMENT_CHARS`], inflation stops at
//! [`MAX_INFLATED_BYTES`] (a zip bomb cannot exhaust memory), and the JSON goes through
//! [`load_project`] (format version check, migration, validation) like any project file. Every
//! failure is a [`ShareError`] with messages in Chinese and English.

use crate::migrate::{load_project, LoadError, MAX_PROJECT_BYTES};
use crate::project::Project;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use miniz_oxide::inflate::TINFLStatus;
use serde_json::Value;

/// Longest accepted fragment (after `p=`), in characters. Browsers and chat apps handle URLs of
/// this length; a typical project encodes to well under 1 KiB.
pub const MAX_FRAGMENT_CHARS: usize = 64 * 1024;

/// Largest accepted inflated JSON, in bytes (the project-file limit).
pub const MAX_INFLATED_BYTES: usize = MAX_PROJECT_BYTES;

/// Compression level used by [`encode_fragment`] (miniz scale 0–10).
const LEVEL: u8 = 9;

/// Decoding: URL-safe alphabet, padding optional (some tools add `=`).
const DECODER: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ShareError {
    /// No `p=` parameter in the fragment.
    #[error("the link carries no project (no #p=)")]
    NoProject,
    /// The encoded project is longer than [`MAX_FRAGMENT_CHARS`].
    #[error("the link is too long ({chars} characters, limit {max})")]
    TooLong {
        /// Length of the encoded text.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// Not base64url.
    #[error("the link is damaged (not base64url: {detail})")]
    Base64 {
        /// Decoder message.
        detail: String,
    },
    /// Not a deflate-raw stream (or a truncated one).
    #[error("the link is damaged (not deflate-raw data: {detail})")]
    Deflate {
        /// Decompressor message.
        detail: String,
    },
    /// Inflates to more than [`MAX_INFLATED_BYTES`].
    #[error("the link's project is too large (over {max} bytes)")]
    TooLarge {
        /// The limit, bytes.
        max: usize,
    },
    /// The inflated bytes are not UTF-8 text.
    #[error("the link is damaged (not UTF-8 text)")]
    Utf8,
    /// The JSON is not a valid project (syntax, newer version, invalid field…).
    #[error("{0}")]
    Project(#[from] LoadError),
}

impl ShareError {
    /// Message in English.
    pub fn message_en(&self) -> String {
        match self {
            ShareError::Project(e) => {
                format!("The link's project cannot be opened: {}", e.message_en())
            }
            ShareError::TooLong { .. } | ShareError::TooLarge { .. } => {
                format!("This share link is too large to open ({self}).")
            }
            _ => format!("This share link cannot be opened: {self}. Ask for a new link."),
        }
    }

    /// Message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            ShareError::NoProject => "链接中没有项目数据（缺少 #p=）。".into(),
            ShareError::TooLong { chars, max } => {
                format!("分享链接过长（{chars} 个字符，上限 {max}），无法打开。")
            }
            ShareError::Base64 { .. } | ShareError::Deflate { .. } | ShareError::Utf8 => {
                "分享链接已损坏（可能复制不完整），无法打开，请重新获取链接。".into()
            }
            ShareError::TooLarge { max } => {
                format!(
                    "分享链接中的项目过大（超过 {} KiB），无法打开。",
                    max / 1024
                )
            }
            ShareError::Project(e) => format!("链接中的项目无法打开：{}", e.message_zh()),
        }
    }
}

/// The project as compact JSON, unknown sections included (what a share link carries).
pub fn project_json_compact(project: &Project) -> String {
    let mut value = serde_json::to_value(project).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        for (k, v) in &project.extra {
            map.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
    value.to_string()
}

/// Encodes a project as a URL fragment, `#p=<base64url(deflate-raw(json))>` (leading `#`
/// included, so it can be appended to the page URL).
pub fn encode_fragment(project: &Project) -> String {
    encode_json(&project_json_compact(project))
}

/// Encodes a JSON text as a URL fragment `#p=…` (no validation).
pub fn encode_json(json: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    format!("#p={}", URL_SAFE_NO_PAD.encode(deflated))
}

/// The encoded project of a fragment: the value of its `p` parameter. Accepts `#p=…`, `p=…`, or
/// `p` among `&`-separated parameters.
fn payload(fragment: &str) -> Result<&str, ShareError> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .find_map(|param| param.strip_prefix("p="))
        .ok_or(ShareError::NoProject)
}

/// Decodes a share-link fragment into the JSON text it carries (no project validation).
pub fn decode_json(fragment: &str) -> Result<String, ShareError> {
    let encoded = payload(fragment)?;
    if encoded.len() > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLong {
            chars: encoded.chars().count(),
            max: MAX_FRAGMENT_CHARS,
        });
    }
    if encoded.is_empty() {
        return Err(ShareError::NoProject);
    }
    let deflated = DECODER
        .decode(encoded.as_bytes())
        .map_err(|e| ShareError::Base64 {
            detail: e.to_string(),
        })?;
    let inflated =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_INFLATED_BYTES).map_err(
            |e| match e.status {
                TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                    max: MAX_INFLATED_BYTES,
                },
                _ => ShareError::Deflate {
                    detail: e.to_string(),
                },
            },
        )?;
    String::from_utf8(inflated).map_err(|_| ShareError::Utf8)
}

/// Decodes a share-link fragment (with or without the leading `#`; `p=` required) into a
/// validated project. Older format versions are migrated as for files.
pub fn decode_fragment(fragment: &str) -> Result<Project, ShareError> {
    let json = decode_json(fragment)?;
    Ok(load_project(&json)?.project)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_forms() {
        assert_eq!(payload("#p=abc"), Ok("abc"));
        assert_eq!(payload("p=abc"), Ok("abc"));
        assert_eq!(payload("#lang=en&p=abc"), Ok("abc"));
        assert_eq!(payload("#q=abc"), Err(ShareError::NoProject));
        assert_eq!(payload(""), Err(ShareError::NoProject));
    }
}
