//! Well-formedness checks for lowered IR.
