//! Pieces shared by several pages, one component per file.

pub mod app_notices;
pub mod area_cards;
pub mod area_links;
pub mod breadcrumbs;
pub mod contact;
pub mod embed_footer;
pub mod external_link;
pub mod figures;
pub mod footer;
pub mod header;
pub mod highlight;
pub mod illustration;
pub mod install_app;
pub mod layout;
pub mod marked_text;
pub mod page_meta;
pub mod principles;
pub mod search_box;
