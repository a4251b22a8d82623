//! Interpretation: themes, metrics and grants from the Document model.
//! Pure functions of the model: no I/O.
