//! Middleware applied to every request (security headers, sessions, CSRF) or per scope
//! (sign-in required).

pub mod auth;
pub mod browsers;
pub mod cookie_lifetime;
pub mod csrf;
pub mod headers;
pub mod language;
pub mod metrics;
pub mod outage;
pub mod recent_password;
pub mod request_log;
pub mod session_key;
