//! Translated pages: audit_rooms (issue 26).
