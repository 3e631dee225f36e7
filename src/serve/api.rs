//! What the page sends and what it gets back: the request bodies as serde types, and one error
//! type that becomes one kind of response.

use serde::Deserialize;
use serde_json::json;

use super::edit::Edit;
use super::http::Response;
use crate::base::messages::Message;

/// `POST /api/edit`.
#[derive(Debug, Deserialize)]
pub struct Edits {
    pub edits: Vec<Edit>,
}

/// `POST /api/open`.
#[derive(Debug, Deserialize)]
pub struct Open {
    pub name: String,
}

/// `POST /api/new`.
#[derive(Debug, Deserialize)]
pub struct New {
    pub municipality: String,
}

/// `POST /api/pdf`: what to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Make {
    Draft,
    Final,
    Slides,
    Charts,
}

/// `POST /api/pdf`.
#[derive(Debug, Deserialize)]
pub struct Pdf {
    pub kind: Make,
}

/// Why a request was not done.
#[derive(Debug)]
pub enum ApiError {
    /// Nothing there (no such route, page, file in the folder, or no evaluation open).
    NotFound(&'static str),
    /// A body that is not what the route takes.
    BadRequest(&'static str),
    /// A request understood but not done, with the reason for the page (and the field).
    Refused {
        message: Message,
        path: Option<String>,
    },
    /// The file on disk cannot be read as TOML just now: nothing is written until it can.
    DiskUnreadable(Message),
    /// Writing failed.
    Write(Message),
}

impl ApiError {
    pub fn refused(message: Message) -> ApiError {
        ApiError::Refused {
            message,
            path: None,
        }
    }

    /// A library error as a refusal, with its message.
    pub fn from_error(e: &crate::base::error::Error) -> ApiError {
        use crate::base::error::Error;
        match e {
            Error::Invalid(m) | Error::Read(m) | Error::Refused(m) | Error::Usage(m) => {
                ApiError::refused(m.clone())
            }
            _ => ApiError::refused(crate::base::messages::msg!(
                "with-reason",
                what = crate::base::messages::msg!("serve-not-made"),
                reason = e.to_string()
            )),
        }
    }

    pub fn response(&self) -> Response {
        match self {
            ApiError::NotFound(why) => Response::refuse(404, why),
            ApiError::BadRequest(why) => Response::refuse(400, why),
            ApiError::Refused { message, path } => {
                Response::json(422, &json!({"refused": message.text(), "path": path}))
            }
            ApiError::DiskUnreadable(message) => {
                Response::json(409, &json!({"refused": message.text(), "disk": true}))
            }
            ApiError::Write(message) => Response::json(500, &json!({"refused": message.text()})),
        }
    }
}

/// A request body as the route's type.
pub fn body<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|_| ApiError::BadRequest("unexpected request body"))
}
