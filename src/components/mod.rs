//! Components shared by the pages, one per file.

mod access_switch;
mod create_link_dialog;
mod delete_link_dialog;
mod failure_notice;
mod link_table;
mod live_region;
mod loading_state;
mod manage_guest_access;
mod modal_dialog;
mod more_actions_menu;
mod problem_page;

pub use access_switch::AccessSwitch;
pub use create_link_dialog::CreateLinkDialog;
pub use delete_link_dialog::DeleteLinkDialog;
pub use failure_notice::FailureNotice;
pub use link_table::LinkTable;
pub use live_region::{Announcer, LiveRegion};
pub use loading_state::{AppLoading, LoadingState};
pub use manage_guest_access::ManageGuestAccessDialog;
pub use modal_dialog::{unique_id, ModalDialog};
pub use more_actions_menu::{MenuItem, MoreActionsMenu};
pub use problem_page::ProblemPage;
