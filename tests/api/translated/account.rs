//! Translated pages: account (issue 26).
