//! What several page areas show alike, so that no area imports another's pages.

pub mod account_fields;
pub mod devices;
pub mod phone_number;
