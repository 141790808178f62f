//! Translated pages: admin (issue 26).
