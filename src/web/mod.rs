//! HTTP: the router. Middleware, errors, shared state, responses and page parts have files
//! of their own, and each page area a module with its own routes.

pub mod assets;
pub mod code_form;
pub mod confirmation;
pub mod context;
pub mod errors;
pub mod forms;
pub mod ids;
pub mod layout;
pub mod middleware;
pub mod multipart;
pub mod parts;
pub mod request;
pub mod responses;
pub mod session;
pub mod state;
pub mod step;
pub mod trusted;

pub(crate) mod account;
mod admin;
pub mod api;
pub mod health;
mod home;
mod invitation;
mod language;
mod login;
pub mod oauth2;
mod password_link;
mod register;
mod rooms;
mod secure_account;
mod setup;

use actix_web::web;

/// Every area brings its own routes. Every path is a resource, so a wrong method gets 405
/// rather than 404.
pub fn routes(cfg: &mut web::ServiceConfig) {
    assets::routes(cfg);
    health::routes(cfg);
    login::routes(cfg);
    register::routes(cfg);
    setup::routes(cfg);
    home::routes(cfg);
    account::routes(cfg);
    admin::routes(cfg);
    password_link::routes(cfg);
    secure_account::routes(cfg);
    language::routes(cfg);
    rooms::routes(cfg);
    invitation::routes(cfg);
    oauth2::routes(cfg);
    api::routes(cfg);
}
