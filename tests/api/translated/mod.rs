//! Pages, emails and text messages in Swedish, German and Estonian (issue 26), area by area:
//! what a person whose language is not English sees, through HTTP.

mod account;
mod admin;
mod audit_rooms;
mod login;
mod messages;
mod public;
