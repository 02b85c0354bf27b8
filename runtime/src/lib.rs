//! The Eubeamgua runtime.
