"""File-menu actions that keep data safe: back up, restore, bundles, check, erase; and the damaged-database
choice at start-up. Each long step runs off the GUI thread with progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from classesduo.domain.i18n import Plural
from classesduo.ui.changes import Changes
from classesduo.ui.operations import Operation, run_with_progress
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, translate

if TYPE_CHECKING:
    from classesduo.services.workspace import DatabaseDamagedError
    from classesduo.ui.window_interface import WindowInterface

BUNDLE_FILTER = "Classes Duo bundles (*.zip)"


class SafetyMenu(QtCore.QObject):
    """The actions, added to ``menu``; they reach the window only through ``host`` (see ``ui/window_interface.py``)."""

    def __init__(self, host: WindowInterface, menu: QtWidgets.QMenu) -> None:
        super().__init__(host.parent)
        self.host = host
        self.operation: Operation | None = None
        self.backup_action = menu.addAction("", self.back_up_now)
        self.backup_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+B"))
        self.restore_action = menu.addAction("", self.restore)
        menu.addSeparator()
        self.export_action = menu.addAction("", self.export_bundle)
        self.import_action = menu.addAction("", self.import_bundle)
        self.check_action = menu.addAction("", self.check)
        self.erase_action = menu.addAction("", self.erase_duo)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.backup_action.setText(translate("SafetyMenu", "&Back up now"))
        self.restore_action.setText(translate("SafetyMenu", "&Restore a backup…"))
        self.export_action.setText(translate("SafetyMenu", "&Export a bundle…"))
        self.import_action.setText(translate("SafetyMenu", "&Import a bundle…"))
        self.check_action.setText(translate("SafetyMenu", "&Check the data"))
        self.erase_action.setText(translate("SafetyMenu", "E&rase a duo…"))

    # helpers ----------------------------------------------------------------------------------------
    def _run(self, label: str, work: Any, done: Any, after_failure: Any = None) -> None:
        def failed(error: BaseException, details: str) -> None:
            self.host.report_error(error, details)
            if after_failure:
                after_failure()

        self.operation = run_with_progress(self.host.parent, label, work, done, failed)

    def _status(self, text: str) -> None:
        self.host.show_status(text, 10_000)

    # actions ----------------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        workspace = self.host.workspace
        if workspace is None:
            return
        from classesduo.services.backups import backup_now

        def done(path: Path) -> None:
            self._status(translate("SafetyMenu", "Backup written and checked: {path}").format(path=path))

        self._run(translate("SafetyMenu", "Backing up…"), lambda progress, cancelled: backup_now(workspace), done)

    def restore(self) -> None:
        workspace = self.host.workspace
        if workspace is not None and not workspace.db.is_sqlite:
            self.host.dialogs.error(self.host.parent, translate(
                "SafetyMenu", "You are working on a shared PostgreSQL database: it is backed up and restored on its "
                              "server (pg_dump / pg_restore), not from this window."))
            return
        chosen = self.host.dialogs.choose_backup(self.host.parent, self.host.paths)
        if chosen is None:
            return
        if not self.host.dialogs.confirm(self.host.parent, translate("SafetyMenu", "Restore a backup"), translate(
                "SafetyMenu", "Replace the current data with the backup {name}? The current data is backed up "
                              "first.").format(name=chosen.name)):
            return
        self.restore_file(chosen)

    def restore_file(self, chosen: Path) -> None:
        from classesduo.services.backups import restore

        workspace, paths = self.host.workspace, self.host.paths
        self.host.replace_workspace(None)
        if workspace is not None:
            workspace.close()

        def done(result: Any) -> None:
            self.host.reopen()
            text = translate("SafetyMenu", "Restored {name}.").format(name=result.restored.name)
            if result.safety_backup:
                text += " " + translate("SafetyMenu", "The previous data was backed up to {path}.").format(
                    path=result.safety_backup)
            if result.moved_aside:
                text += " " + translate("SafetyMenu", "The damaged database was kept as {path}.").format(
                    path=result.moved_aside)
            self.host.dialogs.info(self.host.parent, translate("SafetyMenu", "Backup restored"), text)

        self._run(translate("SafetyMenu", "Restoring…"), lambda progress, cancelled: restore(paths, chosen), done,
                  after_failure=self.host.reopen)

    def export_bundle(self) -> None:
        workspace = self.host.workspace
        if workspace is None:
            return
        target = self.host.dialogs.save_file(self.host.parent, translate("SafetyMenu", "Export a bundle"),
                                               "classesduo-bundle.zip", BUNDLE_FILTER)
        if target is None:
            return
        from classesduo.services.bundles import export_bundle, uncleared_media

        uncleared = uncleared_media(workspace)
        include = False
        if uncleared:
            count = len(uncleared)
            details = "\n".join(f"{item.original_name}: {item.reason}" for item in uncleared)
            answer = self.host.dialogs.confirm_with_option(
                self.host.parent, translate("SafetyMenu", "Media without exchange consent"),
                Plural.tr("%n media item(s) without valid exchange consent today will be left out of the bundle "
                          "(Show Details lists them).", "", count),
                details, translate("SafetyMenu", "Include them anyway (the bundle records it)"))
            if answer is None:
                return
            include = answer

        def done(result: Any) -> None:
            counts = result.rows
            text = translate("SafetyMenu", "Bundle written: {path} ({duos}, {sessions}, {media}).").format(
                path=target, duos=Plural.tr("%n duo(s)", "", counts["duo"]),
                sessions=Plural.tr("%n session(s)", "", counts["exchange_session"]),
                media=Plural.tr("%n media item(s)", "", counts["media_item"]))
            left_out = len(result.left_out)
            if left_out:
                text += " " + Plural.tr("%n left out for lack of consent.", "", left_out)
            self._status(text)

        self._run(translate("SafetyMenu", "Writing the bundle…"),
                  lambda progress, cancelled: export_bundle(workspace, target, progress=progress,
                                                            cancelled=cancelled, include_uncleared=include), done)

    def import_bundle(self) -> None:
        workspace = self.host.workspace
        if workspace is None:
            return
        source = self.host.dialogs.open_file(self.host.parent, translate("SafetyMenu", "Import a bundle"),
                                               BUNDLE_FILTER)
        if source is None:
            return
        from classesduo.services.bundles import import_bundle

        def done(summary: Any) -> None:
            self.host.notify(Changes.everything())
            text = translate(
                "SafetyMenu", "{added} rows added, {updated} updated (changed on the other laptop), {unchanged} "
                              "unchanged; {files} new media files.").format(
                added=sum(summary.added.values()), updated=sum(summary.updated.values()),
                unchanged=sum(summary.unchanged.values()), files=summary.media_files)
            if summary.future_clamped:
                text += " " + translate("SafetyMenu", "{count} rows were dated in the future (the other laptop's clock "
                                                      "is wrong): their dates were set to now.").format(
                    count=summary.future_clamped)
            self.host.dialogs.info(self.host.parent, translate("SafetyMenu", "Bundle imported"), text)
            if summary.conflicts:
                self._decide_conflicts(workspace, source, summary.conflicts)

        self._run(translate("SafetyMenu", "Importing the bundle…"),
                  lambda progress, cancelled: import_bundle(workspace, source, progress=progress,
                                                            cancelled=cancelled), done)

    def _decide_conflicts(self, workspace: Any, source: Any, conflicts: list[Any]) -> None:
        """Records changed on both laptops: the user ticks those to take from the bundle; the others keep this
        laptop's copy (and are not asked again). Cancel decides nothing: they are asked at the next import."""
        from classesduo.services.bundles import import_bundle

        items = [translate("SafetyMenu", "{what} “{label}” — here: {mine:%Y-%m-%d %H:%M}, in the bundle: "
                                         "{theirs:%Y-%m-%d %H:%M} (UTC)").format(
            what=conflict.table.replace("_", " "), label=conflict.label, mine=conflict.mine_updated_at,
            theirs=conflict.theirs_updated_at) for conflict in conflicts]
        ticked = self.host.dialogs.choose_many(self.host.parent, translate("SafetyMenu", "Changed on both laptops"), translate(
            "SafetyMenu", "These records were changed here and on the other laptop since they last agreed. Tick "
                          "those for which you want the bundle's version; the others keep this laptop's version."),
            items)
        if ticked is None:
            self._status(translate("SafetyMenu", "Nothing decided: this laptop's versions are kept for now."))
            return
        theirs = {conflicts[index].id for index in ticked}
        mine = {conflict.id for conflict in conflicts} - theirs

        def decided(_summary: Any) -> None:
            self.host.notify(Changes.everything())
            self._status(translate("SafetyMenu", "Conflicts decided: {theirs} from the bundle, {mine} kept from this "
                                                 "laptop.").format(theirs=len(theirs), mine=len(mine)))

        self._run(translate("SafetyMenu", "Importing the bundle…"),
                  lambda progress, cancelled: import_bundle(workspace, source, progress=progress, cancelled=cancelled,
                                                            take_theirs=theirs, keep_mine=mine), decided)

    def check(self) -> None:
        workspace = self.host.workspace
        if workspace is None:
            return
        from classesduo.services.integrity import check_workspace

        def done(report: Any) -> None:
            if report.ok:
                self.host.dialogs.info(self.host.parent, translate("SafetyMenu", "Check the data"), translate(
                    "SafetyMenu", "All good: the database is sound and {count} media files match their "
                                  "fingerprints.").format(count=report.media_checked))
            else:
                problems = report.database + report.media
                self.host.dialogs.error(self.host.parent, translate(
                    "SafetyMenu", "{count} problems found. Restore a backup (File › Restore a backup…) if data is "
                                  "damaged.").format(count=len(problems)), "\n".join(problems))

        self._run(translate("SafetyMenu", "Checking the data…"),
                  lambda progress, cancelled: check_workspace(workspace, progress), done)

    def erase_duo(self) -> None:
        workspace = self.host.workspace
        if workspace is None:
            return
        from classesduo.services.duos import duo_dependents, list_duos
        from classesduo.services.erase import erase_duo

        duos = [(view.duo.id, f"{view.paris.school} ({view.paris.class_name}) ↔ {view.partner.school} "
                              f"({view.partner.class_name}) — {view.duo.school_year}") for view in list_duos(workspace.db)]
        if not duos:
            self.host.dialogs.info(self.host.parent, translate("SafetyMenu", "Erase a duo"),
                                     translate("SafetyMenu", "There is no duo to erase."))
            return
        duo_id = self.host.dialogs.choose_item(self.host.parent, translate("SafetyMenu", "Erase a duo"),
                                                 translate("SafetyMenu", "Duo to erase:"), duos)
        if duo_id is None:
            return
        sessions, media = duo_dependents(workspace.db, duo_id)
        if not self.host.dialogs.confirm(self.host.parent, translate("SafetyMenu", "Erase a duo"), translate(
                "SafetyMenu", "Erase this duo with {sessions} (and their logs) and {media}? Its "
                              "data is removed from the database file, the media folder, every backup in the "
                              "data folder and the log files. This cannot be undone.").format(
                sessions=Plural.tr("%n session(s)", "", sessions), media=Plural.tr("%n media file(s)", "", media))):
            return

        def done(summary: Any) -> None:
            self.host.notify(Changes.everything())
            self._status(translate("SafetyMenu", "Duo erased: {sessions} and {media} removed.").format(
                sessions=Plural.tr("%n session(s)", "", summary.sessions),
                media=Plural.tr("%n media item(s)", "", summary.media_items)))

        self._run(translate("SafetyMenu", "Erasing the duo…"),
                  lambda progress, cancelled: erase_duo(workspace, duo_id), done)

    # start-up ---------------------------------------------------------------------------------------
    def database_damaged(self, error: DatabaseDamagedError) -> None:
        """Offer: restore the newest good backup, open another data folder, or quit."""
        from classesduo.services.backups import newest_good_backup

        newest = newest_good_backup(self.host.paths)
        choices = []
        if newest is not None:
            when = QtCore.QDateTime.fromSecsSinceEpoch(int(newest.taken_at.timestamp())).toLocalTime().toString(
                "yyyy-MM-dd HH:mm")
            choices.append(("restore", translate("SafetyMenu", "Restore the backup of {when}").format(when=when)))
        choices += [("folder", translate("SafetyMenu", "Open another data folder…")),
                    ("quit", translate("SafetyMenu", "Quit"))]
        text = translate("SafetyMenu", "The database in {folder} is damaged and was not opened:\n{problem}\n\n"
                                       "Nothing has been changed. Restoring a backup keeps the damaged file aside "
                                       "(renamed with today's date), never overwrites it.").format(
            folder=self.host.paths.data_dir, problem=error.problems[0])
        if newest is None:
            text += "\n\n" + translate("SafetyMenu", "There is no sound backup in this data folder.")
        answer = self.host.dialogs.choose(self.host.parent, translate("SafetyMenu", "Damaged database"), text, choices)
        if answer == "restore" and newest is not None:
            self.restore_file(newest.path)
        elif answer == "folder":
            folder = self.host.dialogs.choose_folder(self.host.parent, translate("SafetyMenu", "Open a data folder"))
            if folder is None:
                self.database_damaged(error)
            else:
                self.switch_folder(folder)
        else:
            QtCore.QTimer.singleShot(0, self.host.close_window)

    def switch_folder(self, folder: Path) -> None:
        if self.host.instance_guard() is not None:
            from classesduo.ui.single_instance import InstanceGuard

            new_guard = InstanceGuard(folder)
            if not new_guard.acquire():
                self.host.dialogs.error(self.host.parent, translate(
                    "SafetyMenu", "{folder} is already open in another Classes Duo window.").format(folder=folder))
                return
            self.host.swap_instance_guard(new_guard).release()
        self.host.reopen(folder)

