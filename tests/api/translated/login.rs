//! Translated pages: login (issue 26).
