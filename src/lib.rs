//! greencheck web app (placeholder)
