//! Translated pages: public (issue 26).
