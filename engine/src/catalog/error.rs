//! Errors from loading a catalogue file.

/// Why a catalogue could not be loaded. Queries never fail: they answer `None` or nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("the catalogue is not valid JSON at line {line}, column {column}: {message}")]
    Json {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("the catalogue is not UTF-8 (byte {offset})")]
    NotUtf8 { offset: usize },
    #[error("the catalogue has format `{found}`, this engine reads format `{expected}`")]
    Format { found: u32, expected: u32 },
    #[error("the catalogue is inconsistent: {problem}")]
    Inconsistent { problem: String },
}

impl CatalogError {
    /// Advice for whoever produced the file.
    pub fn help(&self) -> &'static str {
        match self {
            CatalogError::Json { .. } | CatalogError::NotUtf8 { .. } => {
                "the file may be truncated; fetch it again or rebuild it with `node tools/catalog/build.mjs`"
            }
            CatalogError::Format { .. } | CatalogError::Inconsistent { .. } => {
                "rebuild the catalogue with the `tools/catalog/build.mjs` of this engine's version"
            }
        }
    }

    pub(super) fn inconsistent(problem: impl Into<String>) -> CatalogError {
        CatalogError::Inconsistent {
            problem: problem.into(),
        }
    }
}

impl From<serde_json::Error> for CatalogError {
    fn from(error: serde_json::Error) -> CatalogError {
        CatalogError::Json {
            message: error.to_string(),
            line: error.line(),
            column: error.column(),
        }
    }
}
