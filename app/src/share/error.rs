use thiserror::Error;

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    #[error("the link holds no shared setup")]
    Empty,
    #[error("the link's format `{version}` is not one this version of IAM Playground reads")]
    UnknownFormat { version: String },
    #[error("the link is {length} characters long; the limit is {limit}")]
    TooLong { length: usize, limit: usize },
    #[error("the link is damaged: character {position} is not valid in a share link")]
    NotBase64 { position: usize },
    #[error("the link is damaged or cut short: its data does not decompress")]
    Corrupt,
    #[error("the link unpacks to more than {limit} bytes")]
    TooLarge { limit: usize },
    #[error("the link's content is not a playground: {message}")]
    Invalid { message: String },
}

impl ShareError {
    pub fn help(&self) -> &'static str {
        match self {
            Self::Empty | Self::Corrupt | Self::NotBase64 { .. } => {
                "ask for the link again and copy it whole; some chat apps cut long links"
            }
            Self::UnknownFormat { .. } => {
                "the link was made by a newer or older IAM Playground; ask for the policies as text"
            }
            Self::TooLong { .. } | Self::TooLarge { .. } => {
                "share smaller setups, or send the policies as files"
            }
            Self::Invalid { .. } => "the link was edited by hand or made by another tool",
        }
    }
}
