//! Components shared by the pages, one per file.

mod failure_notice;
mod link_list;
mod loading_state;
mod problem_page;

pub use failure_notice::FailureNotice;
pub use link_list::LinkList;
pub use loading_state::LoadingState;
pub use problem_page::ProblemPage;
