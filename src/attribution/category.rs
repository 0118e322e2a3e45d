//! Source categories: what kind of speaker an attribution's source is.

use std::fmt;
use std::str::FromStr;

/// A source's category, in the order of the `attr_<category>` columns of `articles.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    StateMedia,
    Media,
    Intelligence,
    Government,
    Military,
    Leader,
    Expert,
    Anonymous,
    Citizen,
    Document,
    /// Named but unclassified (companies, parties, celebrities).
    Other,
    /// A pronoun that refers to no one found, or no source found at all.
    Unresolved,
}

impl Category {
    /// Every category, in column order.
    pub const ALL: [Category; 12] = [
        Category::StateMedia,
        Category::Media,
        Category::Intelligence,
        Category::Government,
        Category::Military,
        Category::Leader,
        Category::Expert,
        Category::Anonymous,
        Category::Citizen,
        Category::Document,
        Category::Other,
        Category::Unresolved,
    ];

    /// The name written in outputs and source lists (`state_media`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::StateMedia => "state_media",
            Category::Media => "media",
            Category::Intelligence => "intelligence",
            Category::Government => "government",
            Category::Military => "military",
            Category::Leader => "leader",
            Category::Expert => "expert",
            Category::Anonymous => "anonymous",
            Category::Citizen => "citizen",
            Category::Document => "document",
            Category::Other => "other",
            Category::Unresolved => "unresolved",
        }
    }

    /// Position in [`Category::ALL`] (the column order).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A category name that is none of [`Category::ALL`]'s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown category '{0}' (known: {known})", known = Category::ALL.map(Category::as_str).join(", "))]
pub struct UnknownCategory(pub String);

impl FromStr for Category {
    type Err = UnknownCategory;

    /// The category of an exact (case-sensitive) name.
    fn from_str(s: &str) -> Result<Category, UnknownCategory> {
        Category::ALL.into_iter().find(|c| c.as_str() == s).ok_or_else(|| UnknownCategory(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_order_and_parsing_agree() {
        let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            names,
            [
                "state_media",
                "media",
                "intelligence",
                "government",
                "military",
                "leader",
                "expert",
                "anonymous",
                "citizen",
                "document",
                "other",
                "unresolved"
            ]
        );
        for (i, c) in Category::ALL.into_iter().enumerate() {
            assert_eq!(c.index(), i);
            assert_eq!(c.as_str().parse::<Category>(), Ok(c));
            assert_eq!(c.to_string(), c.as_str());
        }
        assert!(Category::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Category::ALL.last(), Some(&Category::Unresolved));
        let e = "spies".parse::<Category>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown category 'spies' (known: state_media, media, intelligence, government, military, leader, \
             expert, anonymous, citizen, document, other, unresolved)"
        );
        assert!("Government".parse::<Category>().is_err(), "names are exact");
    }
}
