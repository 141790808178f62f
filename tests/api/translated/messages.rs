//! Translated pages: messages (issue 26).
