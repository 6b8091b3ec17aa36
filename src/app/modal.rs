//! The window open over the reader (palette, search, find, editor, list or overlay): which
//! one it is, read and changed through one field.

use super::{App, Editor, LibrarySearch, ListView, Modal, Overlay, Palette};

impl App {
    /// The overlay, if one is open.
    pub fn overlay(&self) -> Option<Overlay> {
        match self.modal {
            Modal::Overlay(o) => Some(o),
            _ => None,
        }
    }

    /// The question palette, if open.
    pub fn palette(&self) -> Option<&Palette> {
        match &self.modal {
            Modal::Palette(p) => Some(&**p),
            _ => None,
        }
    }

    /// The question palette, if open, to change.
    pub fn palette_mut(&mut self) -> Option<&mut Palette> {
        match &mut self.modal {
            Modal::Palette(p) => Some(&mut **p),
            _ => None,
        }
    }

    /// Library search, if open.
    pub fn search(&self) -> Option<&LibrarySearch> {
        match &self.modal {
            Modal::Search(s) => Some(&**s),
            _ => None,
        }
    }

    /// Library search, if open, to change.
    pub fn search_mut(&mut self) -> Option<&mut LibrarySearch> {
        match &mut self.modal {
            Modal::Search(s) => Some(&mut **s),
            _ => None,
        }
    }

    /// The note editor, if open.
    pub fn editor(&self) -> Option<&Editor> {
        match &self.modal {
            Modal::Editor(e) => Some(&**e),
            _ => None,
        }
    }

    /// The note editor, if open, to change.
    pub fn editor_mut(&mut self) -> Option<&mut Editor> {
        match &mut self.modal {
            Modal::Editor(e) => Some(&mut **e),
            _ => None,
        }
    }

    /// The notes or bookmarks list, if open.
    pub fn list(&self) -> Option<ListView> {
        match self.modal {
            Modal::List(l) => Some(l),
            _ => None,
        }
    }

    /// The phrase to find, while it is typed.
    pub fn find_typing(&self) -> Option<&ratatui_textarea::TextArea<'static>> {
        match &self.modal {
            Modal::Find(input) => Some(&**input),
            _ => None,
        }
    }

    /// Closes whatever window is open and hands it back.
    pub fn close_modal(&mut self) -> Modal {
        std::mem::take(&mut self.modal)
    }
}
