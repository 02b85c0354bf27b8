//! Well-formedness checks for lowered IR.
use crate::tree::Module;

#[derive(Debug)]
pub struct ValidationError;

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "x")
    }
}

pub fn validate(_m: &Module) -> Result<(), Vec<ValidationError>> {
    Ok(())
}
