"""Indonesian for Qt's own texts: file dialogs, standard buttons, text context menus, colour dialog.

Qt's ``qtbase_id.qm`` is used when the installed Qt ships one; PySide6-Essentials does not, so the
texts qda's windows show are translated here. Translation follows the interface language at the
moment each text is asked for, so switching language needs no reinstall.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from qda.i18n import language

# (Qt context, English source) -> Indonesian
INDONESIAN: dict[tuple[str, str], str] = {
    # standard buttons (QDialogButtonBox, QMessageBox, QInputDialog)
    ("QPlatformTheme", "OK"): "OK",
    ("QPlatformTheme", "Save"): "Simpan",
    ("QPlatformTheme", "Save All"): "Simpan Semua",
    ("QPlatformTheme", "Open"): "Buka",
    ("QPlatformTheme", "&Yes"): "&Ya",
    ("QPlatformTheme", "Yes to &All"): "Ya untuk &Semua",
    ("QPlatformTheme", "&No"): "&Tidak",
    ("QPlatformTheme", "N&o to All"): "T&idak untuk Semua",
    ("QPlatformTheme", "Abort"): "Batalkan",
    ("QPlatformTheme", "Retry"): "Coba Lagi",
    ("QPlatformTheme", "Ignore"): "Abaikan",
    ("QPlatformTheme", "Close"): "Tutup",
    ("QPlatformTheme", "Cancel"): "Batal",
    ("QPlatformTheme", "Discard"): "Buang",
    ("QPlatformTheme", "Don't Save"): "Jangan Simpan",
    ("QPlatformTheme", "Close without Saving"): "Tutup tanpa Menyimpan",
    ("QPlatformTheme", "Help"): "Bantuan",
    ("QPlatformTheme", "Apply"): "Terapkan",
    ("QPlatformTheme", "Reset"): "Atur Ulang",
    ("QPlatformTheme", "Restore Defaults"): "Pulihkan Bawaan",
    ("QMessageBox", "Show Details..."): "Tampilkan Rincian…",
    ("QMessageBox", "Hide Details..."): "Sembunyikan Rincian…",
    # file dialog (Qt's own, used where the desktop offers none)
    ("QFileDialog", "&Look in:"): "&Cari di:",
    ("QFileDialog", "Look in:"): "Cari di:",
    ("QFileDialog", "File &name:"): "&Nama berkas:",
    ("QFileDialog", "Files of &type:"): "&Jenis berkas:",
    ("QFileDialog", "Files of type:"): "Jenis berkas:",
    ("QFileDialog", "&Open"): "&Buka",
    ("QFileDialog", "&Save"): "&Simpan",
    ("QFileDialog", "&Choose"): "&Pilih",
    ("QFileDialog", "Open"): "Buka",
    ("QFileDialog", "Save As"): "Simpan Sebagai",
    ("QFileDialog", "Find Directory"): "Pilih Folder",
    ("QFileDialog", "Directory:"): "Folder:",
    ("QFileDialog", "Directories"): "Folder",
    ("QFileDialog", "All Files (*)"): "Semua Berkas (*)",
    ("QFileDialog", "Files"): "Berkas",
    ("QFileDialog", "Back"): "Kembali",
    ("QFileDialog", "Forward"): "Maju",
    ("QFileDialog", "Go back"): "Kembali",
    ("QFileDialog", "Go forward"): "Maju",
    ("QFileDialog", "Parent Directory"): "Folder Induk",
    ("QFileDialog", "Go to the parent directory"): "Ke folder induk",
    ("QFileDialog", "Create New Folder"): "Buat Folder Baru",
    ("QFileDialog", "Create a New Folder"): "Buat folder baru",
    ("QFileDialog", "List View"): "Tampilan Daftar",
    ("QFileDialog", "Detail View"): "Tampilan Rincian",
    ("QFileDialog", "Change to list view mode"): "Ganti ke tampilan daftar",
    ("QFileDialog", "Change to detail view mode"): "Ganti ke tampilan rincian",
    ("QFileDialog", "Sidebar"): "Bilah samping",
    ("QFileDialog", "List of places and bookmarks"): "Daftar tempat dan penanda",
    ("QFileDialog", "Recent Places"): "Tempat Terakhir",
    ("QFileDialog", "New Folder"): "Folder Baru",
    ("QFileDialog", "&New Folder"): "Folder &Baru",
    ("QFileDialog", "&Delete"): "&Hapus",
    ("QFileDialog", "&Rename"): "&Ganti Nama",
    ("QFileDialog", "Show &hidden files"): "Tampilkan berkas &tersembunyi",
    ("QFileDialog", "My Computer"): "Komputer Saya",
    ("QFileDialog", "Confirm Delete"): "Konfirmasi Hapus",
    ("QFileDialog", "Are you sure you want to delete '%1'?"): "Yakin ingin menghapus '%1'?",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"): "%1 sudah ada.\nGanti berkas itu?",
    ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."):
        "%1\nBerkas tidak ditemukan.\nPeriksa kembali nama berkasnya.",
    ("QFileDialog", "%1\nDirectory not found.\nPlease verify the correct directory name was given."):
        "%1\nFolder tidak ditemukan.\nPeriksa kembali nama foldernya.",
    ("QFileSystemModel", "Name"): "Nama",
    ("QFileSystemModel", "Size"): "Ukuran",
    ("QFileSystemModel", "Type"): "Jenis",
    ("QFileSystemModel", "Kind"): "Jenis",
    ("QFileSystemModel", "Date Modified"): "Tanggal Diubah",
    ("QFileSystemModel", "Computer"): "Komputer",
    ("QFileSystemModel", "My Computer"): "Komputer Saya",
    ("QAbstractFileIconProvider", "Folder"): "Folder",
    ("QAbstractFileIconProvider", "File"): "Berkas",
    ("QAbstractFileIconProvider", "Drive"): "Drive",
    # context menus of text fields
    ("QLineEdit", "&Undo"): "&Urungkan",
    ("QLineEdit", "&Redo"): "Ula&ngi",
    ("QLineEdit", "Cu&t"): "Po&tong",
    ("QLineEdit", "&Copy"): "&Salin",
    ("QLineEdit", "&Paste"): "&Tempel",
    ("QLineEdit", "Delete"): "Hapus",
    ("QLineEdit", "Select All"): "Pilih Semua",
    ("QWidgetTextControl", "&Undo"): "&Urungkan",
    ("QWidgetTextControl", "&Redo"): "Ula&ngi",
    ("QWidgetTextControl", "Cu&t"): "Po&tong",
    ("QWidgetTextControl", "&Copy"): "&Salin",
    ("QWidgetTextControl", "Copy &Link Location"): "Salin &Lokasi Tautan",
    ("QWidgetTextControl", "&Paste"): "&Tempel",
    ("QWidgetTextControl", "Delete"): "Hapus",
    ("QWidgetTextControl", "Select All"): "Pilih Semua",
    # colour dialog (code colours)
    ("QColorDialog", "Select Color"): "Pilih Warna",
    ("QColorDialog", "&Basic colors"): "Warna &dasar",
    ("QColorDialog", "&Custom colors"): "Warna &sendiri",
    ("QColorDialog", "&Add to Custom Colors"): "&Tambahkan ke Warna Sendiri",
    ("QColorDialog", "&Pick Screen Color"): "&Ambil Warna Layar",
    ("QColorDialog", "Hu&e:"): "Ron&a:",
    ("QColorDialog", "&Sat:"): "&Saturasi:",
    ("QColorDialog", "&Val:"): "&Nilai:",
    ("QColorDialog", "&Red:"): "&Merah:",
    ("QColorDialog", "&Green:"): "&Hijau:",
    ("QColorDialog", "Bl&ue:"): "&Biru:",
    ("QColorDialog", "A&lpha channel:"): "Ka&nal alfa:",
    ("QColorDialog", "&HTML:"): "&HTML:",
}


class QtIndonesian(QTranslator):
    """Answers Qt's own texts in Indonesian while the interface language is Indonesian."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shipped = QTranslator(self)  # Qt's qtbase_id.qm where the installation has one
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        self.has_shipped = self.shipped.load(QLocale(QLocale.Language.Indonesian), "qtbase", "_", folder)

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:
        # None (a null QString) means "not translated here": Qt then asks the next translator or keeps
        # the English source; an empty string would blank the text
        if language() != "id":
            return None
        if self.has_shipped:
            found = self.shipped.translate(context, source, disambiguation, n)
            if found:
                return found
        return INDONESIAN.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802, D102
        return False


_installed: list[QtIndonesian] = []


def install_qt_translations() -> QtIndonesian:
    """Install (once) the translator of Qt's own texts into the running application."""
    app = QCoreApplication.instance()
    if _installed:
        return _installed[0]
    translator = QtIndonesian(app)
    app.installTranslator(translator)
    _installed.append(translator)
    return translator
