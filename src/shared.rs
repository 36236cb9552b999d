//! [`Shared`]: an `Rc` that props compare by pointer.
//!
//! Yew re-renders a component when its props are not equal, and a derived `PartialEq` on an `Rc<Report>` walks
//! the whole report — at every keystroke, for every component holding one, and most expensively when nothing
//! changed. The editor hands out a new `Rc` exactly when it accepted an edit (`Editor::shared_report`), so
//! pointer identity is the right notion of "changed" for what comes from it.

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc<T>` whose equality is pointer identity.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Wraps an `Rc`.
    pub fn new(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_when_the_same_allocation() {
        let a = Shared::new(Rc::new(vec![1.0, 2.0]));
        let b = a.clone();
        let c = Shared::new(Rc::new(vec![1.0, 2.0]));
        assert!(a == b);
        assert!(
            a != c,
            "equal contents in another allocation count as changed"
        );
        assert_eq!(*c, vec![1.0, 2.0]);
    }
}
