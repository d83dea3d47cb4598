"""The main window's actions, menus and the viewer's context menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from qda.commands import RemoveSegment
from qda.gui import project_flow
from qda.i18n import tr


class MenusMixin:
    """Part of :class:`~qda.gui.main_window.MainWindow`: its actions and menus."""

    project: Any
    view: Any
    coding: Any
    push: Any
    recode_segment: Any
    memo_for_segment: Any
    review_segment: Any

    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                act.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _=False: slot())
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        self.act_new = self._action(tr("Proyek baru…"), lambda: project_flow.ask_new(self), QKeySequence.StandardKey.New)
        self.act_open = self._action(tr("Buka proyek…"), lambda: project_flow.ask_open(self),
                                     QKeySequence.StandardKey.Open)
        self.act_demo = self._action(tr("Buka proyek demo"), lambda: project_flow.open_demo(self))
        self.act_demo_rebuild = self._action(tr("Bangun ulang proyek demo…"), lambda: project_flow.ask_rebuild_demo(self))
        self.act_import = self._action(tr("Impor sumber…"), lambda: project_flow.ask_import(self), "Ctrl+Shift+I")
        self.act_report = self._action(tr("Ekspor laporan…"), self.export_report, "Ctrl+E")
        self.act_excerpts = self._action(tr("Ekspor kutipan (Excel/CSV)…"), self.export_excerpts, "Ctrl+Shift+E")
        from qda.gui import exchange_flow

        self.act_refi_export = self._action(tr("Ekspor proyek REFI-QDA (.qdpx)…"), lambda: exchange_flow.ask_export(self))
        self.act_refi_codebook = self._action(tr("Ekspor buku kode REFI-QDA (.qdc)…"),
                                              lambda: exchange_flow.ask_export(self, codebook=True))
        self.act_codebook_import = self._action(tr("Impor buku kode…"), lambda: project_flow.ask_import_codebook(self))
        self.act_refi_import = self._action(tr("Impor REFI-QDA (.qdpx/.qdc)…"), lambda: exchange_flow.ask_import(self))
        self.act_close = self._action(tr("Tutup proyek"), self.close_project, QKeySequence.StandardKey.Close)
        self.act_quit = self._action(tr("Keluar"), self.close, QKeySequence.StandardKey.Quit)
        self.act_quick = self._action(tr("Kode cepat…"), self.coding_quick, "Ctrl+K")
        self.act_invivo = self._action(tr("Koding in-vivo"), self.coding_in_vivo, "Ctrl+I")
        self.act_memo = self._action(tr("Memo"), self.focus_memo, "Ctrl+M")
        self.act_search = self._action(tr("Cari…"), self.focus_search, QKeySequence.StandardKey.Find)
        self.act_suggest = self._action(tr("Saran koding…"), self.focus_suggestions, "Ctrl+Shift+S")
        self.act_next = self._action(tr("Sumber berikutnya"), lambda: self.step_document(1), "Ctrl+PgDown")
        self.act_prev = self._action(tr("Sumber sebelumnya"), lambda: self.step_document(-1), "Ctrl+PgUp")
        self.act_coder = self._action(tr("Ganti pengode…"), self.change_coder)
        self.act_prefs = self._action(tr("Preferensi…"), self.open_preferences, QKeySequence.StandardKey.Preferences)
        self.act_about = self._action(tr("Tentang qda"), self.about)
        self.act_shortcuts = self._action(tr("Pintasan papan ketik"), self.show_shortcuts, "Ctrl+/")
        self.act_guide = self._action(tr("Panduan singkat"), self.show_guide, QKeySequence.StandardKey.HelpContents)
        self.act_matrix = self._action(tr("Matriks dimensi × faktor"), lambda: self.show_analysis("matrix"),
                                       "Ctrl+Shift+M")
        self.act_query = self._action(tr("Kueri kode…"), lambda: self.show_analysis("query"), "Ctrl+Shift+Q")
        self.act_words = self._action(tr("Frekuensi kata"), lambda: self.show_analysis("words"))
        self.act_kwic = self._action(tr("Kata dalam konteks (KWIC)"), lambda: self.show_analysis("kwic"))
        self.act_code_segments = self._action(tr("Tampilkan segmen kode terpilih"), self._show_current_code_segments,
                                              "Ctrl+Shift+L")
        self.addAction(self.undo.undo_action)
        self.addAction(self.undo.redo_action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(tr("&Berkas"))
        for a in (self.act_new, self.act_open, self.act_demo, self.act_demo_rebuild, None, self.act_import, self.act_report, self.act_excerpts, None,
                  self.act_codebook_import, self.act_refi_import, self.act_refi_export, self.act_refi_codebook, None,
                  self.act_merge, None, self.act_close, self.act_quit):
            m.addSeparator() if a is None else m.addAction(a)
        m.insertAction(self.act_close, self.backups.act_backups)
        m = bar.addMenu(tr("&Edit"))
        for a in (self.undo.undo_action, self.undo.redo_action, None, self.act_search, None, self.act_prefs):
            m.addSeparator() if a is None else m.addAction(a)
        self.editing.install_menus(m)
        m = bar.addMenu(tr("&Koding"))
        for a in (self.act_quick, self.act_invivo, self.act_memo, self.act_suggest, None, self.act_next,
                  self.act_prev):
            m.addSeparator() if a is None else m.addAction(a)
        m = bar.addMenu(tr("&Analisis"))
        for a in (self.act_matrix, self.act_query, self.act_words, self.act_kwic, None, self.act_code_segments):
            m.addSeparator() if a is None else m.addAction(a)
        m = bar.addMenu(tr("&Tampilan"))
        self.menu_view = m
        m.addSection(tr("Tata letak"))
        from qda.gui.workspace import PRESETS, apply_preset

        self.preset_actions: dict[str, QAction] = {}
        for key, label in PRESETS:
            act = m.addAction(tr(label))
            act.setToolTip(tr("Atur panel untuk tugas ini"))
            act.triggered.connect(lambda _=False, k=key: apply_preset(self, k))
            self.preset_actions[key] = act
        m.addSeparator()
        for dock in self.docks:
            m.addAction(dock.toggleViewAction())
        m = bar.addMenu(tr("&Pengode"))
        m.addAction(self.act_coder)
        m = bar.addMenu(tr("Ba&ntuan"))
        for a in (self.act_guide, self.act_shortcuts, None, self.act_about):
            m.addSeparator() if a is None else m.addAction(a)
        self.help_menu = m

    def show_shortcuts(self) -> None:
        from qda.gui.help_dialog import ShortcutsDialog

        self.help_dialog = ShortcutsDialog(self)
        self.help_dialog.open()

    def show_guide(self) -> None:
        from qda.gui.help_dialog import GuideDialog

        self.help_dialog = GuideDialog(self)
        self.help_dialog.open()

    def _show_current_code_segments(self) -> None:
        code_id = self.code_tree.current_code_id()
        if code_id is not None:
            self.show_code_excerpts(code_id)  # type: ignore[attr-defined]

    def view_menu(self, cp: int | None = None) -> QMenu:
        """The viewer's context menu: the codings under the cursor (code point ``cp``) with what can be
        done to them, coding actions, the recent codes by number, copy."""
        menu = QMenu(self.view)
        has_selection = self.view.selection_cp() is not None
        writable = self.project is not None and not self.project.read_only
        if cp is not None and self.project is not None:
            self._coding_actions(menu, self.view.segments_at(cp), writable)
        for source in (self.act_quick, self.act_invivo):
            act = menu.addAction(source.text())
            act.setShortcut(source.shortcut())  # shown as a hint; the window's action owns the key
            act.setEnabled(writable and has_selection)
            act.triggered.connect(source.trigger)
        if self.coding.recent:
            menu.addSeparator()
            for number, code_id in enumerate(self.coding.recent, 1):
                name = self.view.code_look(code_id)[0]
                act = menu.addAction(f"{number}  {name}")
                act.setEnabled(writable and has_selection)
                act.triggered.connect(lambda _=False, n=number: self.coding.apply_recent(n))
        menu.addSeparator()
        copy = menu.addAction(tr("Salin"))
        copy.setEnabled(has_selection)
        copy.triggered.connect(self.view.copy)
        return menu

    def _coding_actions(self, menu: QMenu, segment_ids: list[int], writable: bool) -> None:
        """What can be done to the segments under the cursor: remove, change code, memo, and review (a
        supervisor). One segment: a titled group in the menu; several: one submenu per segment."""
        shown = [seg for seg in (self.view.segment(sid) for sid in segment_ids) if seg is not None]
        if not shown:
            return
        supervisor = writable and self.project.coders.current.role == "supervisor"
        coders = self.view.coder_names()
        for seg in shown:
            name = self.view.code_look(seg.code_id)[0]
            first, last = self.view.line_index().span(seg.start, seg.end)
            where = tr("baris {line}", line=first) if first == last else tr("baris {first}–{last}", first=first, last=last)
            title = f"{name} · {where}"
            if len(shown) > 1 and seg.coder_id in coders:
                title += f" · {coders[seg.coder_id]}"
            if len(shown) == 1:
                head = menu.addAction(title)
                head.setEnabled(False)
                group = menu
            else:
                group = menu.addMenu(title)
            sid = seg.id
            remove = group.addAction(tr("Hapus segmen"))
            remove.triggered.connect(lambda _=False, s=sid: self.push(RemoveSegment(s)))
            recode = group.addAction(tr("Ganti kode…"))
            recode.triggered.connect(lambda _=False, s=sid: self.recode_segment(s))
            memo = group.addAction(tr("Memo segmen…"))
            memo.triggered.connect(lambda _=False, s=sid: self.memo_for_segment(s))
            review = group.addAction(tr("Telaah…"))
            review.triggered.connect(lambda _=False, s=sid: self.review_segment(s))
            for act in (remove, recode, memo):
                act.setEnabled(writable)
            review.setEnabled(supervisor)
            review.setVisible(supervisor)
        menu.addSeparator()

    def _view_menu(self, pos: QPoint) -> None:
        from qda.gui.autocode.panel import add_suggestion_actions

        cp = self.view.positions.to_codepoint(self.view.cursorForPosition(pos).position())
        menu = self.view_menu(cp)
        add_suggestion_actions(menu, self, cp)
        menu.exec(self.view.viewport().mapToGlobal(pos))
