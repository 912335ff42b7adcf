<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>App</name>
    <message>
        <location filename="../../classesduo/ui/app.py" line="37"/>
        <source>Something went wrong: {error}

The details are in the log file:
{path}</source>
        <translation>Un problème est survenu : {error}

Les détails sont dans le journal :
{path}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/app.py" line="75"/>
        <source>Classes Duo cannot start</source>
        <translation>Classes Duo ne peut pas démarrer</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/app.py" line="75"/>
        <source>Classes Duo cannot use the data folder {path} ({error}). Choose another folder with --data-dir, or check that it is a folder your user may write in.</source>
        <translation>Classes Duo ne peut pas utiliser le dossier de données {path} ({error}). Choisissez un autre dossier avec --data-dir, ou vérifiez qu’il s’agit d’un dossier où votre utilisateur peut écrire.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/app.py" line="119"/>
        <source>Classes Duo is already open</source>
        <translation>Classes Duo est déjà ouvert</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/app.py" line="119"/>
        <source>Classes Duo is already open on this data folder:
{path}

Its window has been brought to the front. One window at a time keeps the data safe.</source>
        <translation>Classes Duo est déjà ouvert sur ce dossier des données :
{path}

Sa fenêtre a été mise au premier plan. Une seule fenêtre à la fois protège les données.</translation>
    </message>
</context>
<context>
    <name>AvailabilityEditor</name>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="83"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="84"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="102"/>
        <source>Weekday</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="102"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="103"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="141"/>
        <source>Weekly availability (local time of the school{zone})</source>
        <translation>Disponibilités hebdomadaires (heure locale de l’école{zone})</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="143"/>
        <source>Reset to the default</source>
        <translation>Rétablir les valeurs par défaut</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="166"/>
        <source>Name</source>
        <extracomment>A closure was added, removed or edited (the school form&apos;s calendar follows).</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="166"/>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="167"/>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="167"/>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="179"/>
        <source>School break</source>
        <translation>Vacances scolaires</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="217"/>
        <source>The school&apos;s own closures (no exchange on these days)</source>
        <translation>Fermetures propres à l&apos;école (aucun échange ces jours-là)</translation>
    </message>
    <message>
        <source>Holidays (no exchange on these days)</source>
        <translation type="vanished">Vacances (aucun échange ces jours-là)</translation>
    </message>
</context>
<context>
    <name>Bundles</name>
    <message>
        <location filename="../../classesduo/services/bundles.py" line="177"/>
        <source>exchange consent expired on {day}</source>
        <extracomment>What reading a damaged zip raises (a bad CRC, lying sizes, truncated or garbled deflate data).</extracomment>
        <translation>autorisation d&apos;échange expirée le {day}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/bundles.py" line="179"/>
        <source>exchange consent refused</source>
        <translation>autorisation d&apos;échange refusée</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/bundles.py" line="181"/>
        <source>exchange consent unknown</source>
        <translation>autorisation d&apos;échange inconnue</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../classesduo/ui/calendar/items.py" line="56"/>
        <source>{paris} Paris · {partner}{shift} {city}</source>
        <translation>{paris} Paris · {partner}{shift} {city}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/items.py" line="66"/>
        <source>Paris: {date} {start}–{end}</source>
        <translation>Paris : {date} {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/items.py" line="69"/>
        <source>{city}: {date} {start} (local time)</source>
        <translation>{city} : {date} {start} (heure locale)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/items.py" line="73"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/items.py" line="76"/>
        <source>Facilitator: {name}</source>
        <translation>Intervenant·e : {name}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/items.py" line="78"/>
        <source>Problems:</source>
        <translation>Problèmes :</translation>
    </message>
    <message>
        <source>Month view</source>
        <translation type="vanished">Vue mensuelle</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/month_view.py" line="39"/>
        <source>Month view: arrows choose a session, Enter opens it</source>
        <translation>Vue mois : les flèches choisissent une séance, Entrée l’ouvre</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/month_view.py" line="132"/>
        <source>+{count} more</source>
        <translation>+{count} autres</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="85"/>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="85"/>
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="86"/>
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="90"/>
        <source>Previous (Alt+Left)</source>
        <translation>Précédent (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="91"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="92"/>
        <source>Back to today (Alt+Home)</source>
        <translation>Revenir à aujourd’hui (Alt+Home)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="94"/>
        <source>Next (Alt+Right)</source>
        <translation>Suivant (Alt+Right)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="95"/>
        <source>Find a slot…</source>
        <translation>Trouver un créneau…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="96"/>
        <source>Times when both classes are free (Ctrl+Shift+F)</source>
        <translation>Moments où les deux classes sont libres (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="97"/>
        <source>All duos…</source>
        <translation>Tous les duos…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="98"/>
        <source>Common times for every duo over a term: how many slots each duo has, the first one, or why there is none (Ctrl+Shift+A)</source>
        <translation>Créneaux communs de chaque duo sur un trimestre : combien de créneaux, le premier, ou pourquoi il n’y en a pas (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="101"/>
        <source>New visio…</source>
        <translation>Nouvelle visio…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="102"/>
        <source>Plan a visio at a time you choose (Ctrl+N)</source>
        <translation>Planifier une visio à l’heure de votre choix (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="103"/>
        <source>Export .ics…</source>
        <translation>Exporter en .ics…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="104"/>
        <source>Write the visios shown by the filters to a calendar file (Ctrl+E)</source>
        <translation>Écrire les visios affichées par les filtres dans un fichier d’agenda (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="106"/>
        <source>&amp;Facilitator:</source>
        <translation>&amp;Intervenant·e :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="107"/>
        <source>D&amp;uo:</source>
        <translation>D&amp;uo :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="108"/>
        <source>&amp;School:</source>
        <translation>É&amp;cole :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="110"/>
        <source>Show past sessions</source>
        <translation>Afficher les séances passées</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="111"/>
        <source>List view: include sessions before today</source>
        <translation>Vue en liste : inclure les séances antérieures à aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/toolbar.py" line="124"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/week_view.py" line="76"/>
        <source>Week view: arrows choose a session, Enter opens it</source>
        <translation>Vue semaine : les flèches choisissent une séance, Entrée l’ouvre</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/week_view.py" line="338"/>
        <source>Week view</source>
        <translation>Vue hebdomadaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="113"/>
        <source>Problems</source>
        <extracomment>Up to this many sessions in the range, the shown visios&apos; rule problems are checked at once; more go to a worker (the check reads every visio of the range, shown or filtered out). What each column of the list sorts by in the database (the problems are not sortable). Up to this many duos, the filters&apos; duos are read at once; more on a worker. How long the rule check waits for the first paint before it starts. A month cell shows at most this many sessions of a day (then &quot;+N more&quot;); only those are read in full. Each duo&apos;s (Paris, partner) weekly hours: where a week without a visio opens. True while a worker checks the shown visios&apos; rules; ``flags_shown`` is emitted when they are drawn. How dialogs are shown; tests replace it to fill a real dialog instead of running its modal loop. Call :meth:`show_dialog`, which frees the dialog once it is closed.</extracomment>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="152"/>
        <source>Log this exchange…</source>
        <extracomment>Ctrl+Z / Ctrl+Shift+Z: planning (one visio or a series), moving and deleting visios (``ui/calendar/undo_commands.py``).</extracomment>
        <translation>Renseigner cet échange…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="303"/>
        <source>All sessions</source>
        <translation>Toutes les séances</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="304"/>
        <source>Upcoming sessions</source>
        <translation>Séances à venir</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="321"/>
        <source>Week of {monday} – {sunday} (Paris time)</source>
        <translation>Semaine du {monday} au {sunday} (heure de Paris)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/item_keys.py" line="34"/>
        <source>Open… (Enter)</source>
        <translation>Ouvrir… (Entrée)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/item_keys.py" line="37"/>
        <source>Delete visio… (Delete)</source>
        <translation>Supprimer la visio… (Suppr)</translation>
    </message>
</context>
<context>
    <name>CalendarNotes</name>
    <message>
        <location filename="../../classesduo/ui/calendar/calendar_notes.py" line="15"/>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/calendar_notes.py" line="23"/>
        <source>⚠ {days}: {text}</source>
        <translation>⚠ {days} : {text}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/calendar_notes.py" line="24"/>
        <source>Left out {days}: {text}</source>
        <translation>Exclu le {days} : {text}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/calendar_notes.py" line="39"/>
        <source>Unknown: {years}</source>
        <translation>Inconnu : {years}</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="287"/>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="413"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="401"/>
        <source>No upcoming sessions. Tick “Show past sessions” to see earlier ones, or plan one with “Find a slot…”.</source>
        <translation>Aucune séance à venir. Cochez « Afficher les séances passées » pour voir les précédentes, ou planifiez-en une avec « Trouver un créneau… ».</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="403"/>
        <source>No sessions yet — use “Find a slot…” to plan one, or load the demo data.</source>
        <translation>Aucune séance pour l’instant — utilisez « Trouver un créneau… » pour en planifier une, ou chargez les données de démonstration.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_actions.py" line="36"/>
        <source>Series planned</source>
        <translation>Série planifiée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_actions.py" line="36"/>
        <source>{count} visios planned. These dates were skipped:
{dates}</source>
        <translation>{count} visios planifiées. Ces dates ont été sautées :
{dates}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="462"/>
        <source>No duo</source>
        <translation>Aucun duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="462"/>
        <source>Plan a visio for a duo: create one on the Duos page first.</source>
        <translation>Une visio se planifie pour un duo : créez-en d’abord un sur la page Duos.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_offer.py" line="48"/>
        <source>Tell both schools?</source>
        <translation>Prévenir les deux écoles ?</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_offer.py" line="51"/>
        <source>The visio is cancelled. Open the cancellation e-mail (it removes the visio from the schools&apos; calendars)?</source>
        <translation>La visio est annulée. Ouvrir l&apos;e-mail d&apos;annulation (il retire la visio des agendas des écoles) ?</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_offer.py" line="58"/>
        <source>The visio is postponed. Open the cancellation e-mail of the old date (it removes it from the schools&apos; calendars), then the invitation for the new date?</source>
        <translation>La visio est reportée. Ouvrir l&apos;e-mail d&apos;annulation de l&apos;ancienne date (il la retire des agendas des écoles), puis l&apos;invitation pour la nouvelle date ?</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_offer.py" line="62"/>
        <source>The visio changed. Open the updated invitation e-mail (it updates the schools&apos; calendars)?</source>
        <translation>La visio a changé. Ouvrir l&apos;e-mail d&apos;invitation mis à jour (il met à jour les agendas des écoles) ?</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="495"/>
        <source>Delete the {status} visio of {when} ({duo}) and its log? You can undo this with Ctrl+Z.</source>
        <translation>Supprimer la visio {status} du {when} ({duo}) et son compte rendu ? Vous pourrez l’annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="499"/>
        <source>Delete a visio</source>
        <translation>Supprimer une visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="550"/>
        <source>{reason}. Open the session to choose the time.</source>
        <translation>{reason}. Ouvrez la séance pour choisir l’heure.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="556"/>
        <source>Move the visio?</source>
        <translation>Déplacer la visio ?</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="556"/>
        <source>At {date} {time} (Paris time) this visio breaks a rule:
{problems}

Move it anyway?</source>
        <translation>Le {date} à {time} (heure de Paris), cette visio enfreint une règle :
{problems}

La déplacer quand même ?</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="582"/>
        <source>the visios of the chosen duo</source>
        <translation>les visios du duo choisi</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="583"/>
        <source>the visios of the chosen facilitator</source>
        <translation>les visios de l’intervenant·e choisi·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="584"/>
        <source>every visio</source>
        <translation>toutes les visios</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="586"/>
        <source>Nothing to export</source>
        <translation>Rien à exporter</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="586"/>
        <source>There is no visio to export here yet: plan one (Ctrl+N) or find a slot (Ctrl+Shift+F) first.</source>
        <translation>Il n’y a encore aucune visio à exporter ici : planifiez-en une (Ctrl+N) ou cherchez un créneau (Ctrl+Shift+F) d’abord.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="590"/>
        <source>Export {what} as .ics</source>
        <translation>Exporter {what} en .ics</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="592"/>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="598"/>
        <source>Writing {path}…</source>
        <translation>Écriture de {path}…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="600"/>
        <source>Export done</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="600"/>
        <source>{count} visios written to {path}.</source>
        <translation>{count} visios écrites dans {path}.</translation>
    </message>
</context>
<context>
    <name>CalendarUndo</name>
    <message>
        <location filename="../../classesduo/ui/calendar/undo_commands.py" line="71"/>
        <source>plan a visio</source>
        <translation>planifier une visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/undo_commands.py" line="72"/>
        <source>plan {count} visios</source>
        <translation>planifier {count} visios</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/undo_commands.py" line="92"/>
        <source>move a visio</source>
        <translation>déplacer une visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/undo_commands.py" line="116"/>
        <source>postpone a visio</source>
        <extracomment>(start before, start after) when the postponement moved the replacement an earlier one had planned</extracomment>
        <translation>reporter une visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/undo_commands.py" line="149"/>
        <source>delete a visio</source>
        <translation>supprimer une visio</translation>
    </message>
</context>
<context>
    <name>ClassDialog</name>
    <message>
        <location filename="../../classesduo/ui/forms/class_dialog.py" line="39"/>
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/class_dialog.py" line="40"/>
        <source>Class name</source>
        <translation>Nom de la classe</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/class_dialog.py" line="41"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/class_dialog.py" line="42"/>
        <source>Number of pupils</source>
        <translation>Nombre d’élèves</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/class_dialog.py" line="43"/>
        <source>Teacher</source>
        <translation>Enseignant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/class_dialog.py" line="44"/>
        <source>Teacher&apos;s e-mail</source>
        <translation>E-mail de l’enseignant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/class_dialog.py" line="66"/>
        <source>New class</source>
        <translation>Nouvelle classe</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/class_dialog.py" line="67"/>
        <source>Edit class — {name}</source>
        <translation>Modifier la classe — {name}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/class_dialog.py" line="73"/>
        <source>Level not recognised: partner suggestions will not compare it. Levels are compared by age, e.g. CM1 ≈ 4e année ≈ Grade 4 ≈ 4.º grado ≈ classe quarta ≈ Year 5.</source>
        <translation>Niveau non reconnu : les suggestions de partenaires n’en tiendront pas compte. Les niveaux sont comparés par âge, p. ex. CM1 ≈ 4e année ≈ Grade 4 ≈ 4.º grado ≈ classe quarta ≈ Year 5.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/class_dialog.py" line="78"/>
        <source>Compared with Paris classes as {level} (pupils aged about {age}).</source>
        <translation>Comparée aux classes parisiennes comme un {level} (élèves d’environ {age} ans).</translation>
    </message>
</context>
<context>
    <name>ClockText</name>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="17"/>
        <source>{hours} ahead</source>
        <translation>{hours} d’avance</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="19"/>
        <source>{hours} behind</source>
        <translation>{hours} de retard</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="20"/>
        <source>the same time</source>
        <translation>la même heure</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="25"/>
        <source>{city} is {hours} ahead of Paris</source>
        <translation>{city} a {hours} d’avance sur Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="27"/>
        <source>{city} is {hours} behind Paris</source>
        <translation>{city} a {hours} de retard sur Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="28"/>
        <source>{city} has the same time as Paris</source>
        <translation>{city} est à l’heure de Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="32"/>
        <source>from {start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="36"/>
        <source> now.</source>
        <translation> en ce moment.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="38"/>
        <source>The difference stays the same all through {year}.</source>
        <translation>Le décalage reste le même pendant toute l’année {year}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="40"/>
        <source>{hours} {span}</source>
        <translation>{hours} {span}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="42"/>
        <source>In {year} it is usually {hours}, but {exceptions} (daylight-saving time starts and ends on different dates in each country).</source>
        <translation>En {year}, c’est en général {hours}, mais {exceptions} (l’heure d’été commence et finit à des dates différentes selon les pays).</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/clock_text.py" line="52"/>
        <source>Local time now: Paris {paris} · {city} {partner}.</source>
        <translation>Heure locale actuelle : Paris {paris} · {city} {partner}.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../classesduo/ui/dialogs.py" line="22"/>
        <source>Choose</source>
        <translation>Choisir</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/dialogs.py" line="23"/>
        <source>Folder:</source>
        <translation>Dossier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/dialogs.py" line="38"/>
        <source>Classes Duo — error</source>
        <translation>Classes Duo — erreur</translation>
    </message>
</context>
<context>
    <name>DuoDialog</name>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="65"/>
        <source>— nobody yet —</source>
        <translation>— personne pour l’instant —</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="92"/>
        <source>Paris class</source>
        <translation>Classe parisienne</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="93"/>
        <source>Partner class</source>
        <translation>Classe partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="95"/>
        <source>School year</source>
        <translation>Année scolaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="96"/>
        <source>Facilitator</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="97"/>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="98"/>
        <source>Pedagogical project</source>
        <translation>Projet pédagogique</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="99"/>
        <source>Exchange tools</source>
        <translation>Outils d’échange</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="100"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="101"/>
        <source>Visio link</source>
        <translation>Lien de la visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="126"/>
        <source>Choose both classes to compare their clocks.</source>
        <translation>Choisissez les deux classes pour comparer leurs heures.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="132"/>
        <source>Type a school year such as 2026-2027 to see how the difference changes.</source>
        <translation>Saisissez une année scolaire comme 2026-2027 pour voir comment le décalage évolue.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="139"/>
        <source>Choose a class from the list.</source>
        <translation>Choisissez une classe dans la liste.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="154"/>
        <source>New duo</source>
        <translation>Nouveau duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="155"/>
        <source>Edit duo</source>
        <translation>Modifier le duo</translation>
    </message>
</context>
<context>
    <name>DuoPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="66"/>
        <source>Date (Paris)</source>
        <translation>Date (Paris)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="68"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="69"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="71"/>
        <source>Term</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="72"/>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="243"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="244"/>
        <source>Back to the list (Alt+Left, Esc)</source>
        <translation>Retour à la liste (Alt+Left, Esc)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="245"/>
        <source>Log an exchange…</source>
        <translation>Renseigner un échange…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="246"/>
        <source>&amp;Timetables…</source>
        <translation>Emplois du &amp;temps…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="247"/>
        <source>Both schools&apos; weekly windows and their overlap, week by week</source>
        <translation>Les créneaux hebdomadaires des deux écoles et leur chevauchement, semaine par semaine</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="249"/>
        <source>Record an e-mail, a letter, a blog post or an extra visio (Ctrl+L)</source>
        <translation>Enregistrer un e-mail, une lettre, un billet de blog ou une visio supplémentaire (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="251"/>
        <source>Log / edit the selected session…</source>
        <translation>Renseigner / modifier la séance sélectionnée…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="252"/>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="253"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="254"/>
        <source>Undo delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="255"/>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="256"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="259"/>
        <source>All terms</source>
        <translation>Tous les trimestres</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="260"/>
        <source>Nothing to log for this duo.</source>
        <translation>Rien à renseigner pour ce duo.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="261"/>
        <source>No exchange yet (or none matches the filters).</source>
        <translation>Aucun échange pour l’instant (ou aucun ne correspond aux filtres).</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="266"/>
        <source>Duo</source>
        <translation>Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="267"/>
        <source>Choose a duo in the Duos list.</source>
        <translation>Choisissez un duo dans la liste des duos.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="274"/>
        <source>Paris: {paris_school} ({arr}e), class {paris_class} ({paris_level}, {paris_pupils} pupils)
Partner: {partner_school}, {city} ({country}), class {partner_class} ({partner_level}, {partner_pupils} pupils), time zone {zone}
Facilitator: {facilitator} · School year {year} · {status} · Languages: {languages} · Tools: {tools}
Project: {project}</source>
        <translation>Paris : {paris_school} ({arr}e), classe {paris_class} ({paris_level}, {paris_pupils} élèves)
Partenaire : {partner_school}, {city} ({country}), classe {partner_class} ({partner_level}, {partner_pupils} élèves), fuseau horaire {zone}
Intervenant·e : {facilitator} · Année scolaire {year} · {status} · Langues : {languages} · Outils : {tools}
Projet : {project}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="284"/>
        <source>none</source>
        <translation>aucun·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="287"/>
        <source>&lt;b&gt;{held}&lt;/b&gt; held · &lt;b&gt;{planned}&lt;/b&gt; planned · &lt;b&gt;{cancelled}&lt;/b&gt; cancelled · &lt;b&gt;{postponed}&lt;/b&gt; postponed · last exchange: &lt;b&gt;{last}&lt;/b&gt; · &lt;b&gt;{media}&lt;/b&gt; media · &lt;b&gt;{to_log}&lt;/b&gt; to log</source>
        <translation>&lt;b&gt;{held}&lt;/b&gt; tenue(s) · &lt;b&gt;{planned}&lt;/b&gt; prévue(s) · &lt;b&gt;{cancelled}&lt;/b&gt; annulée(s) · &lt;b&gt;{postponed}&lt;/b&gt; reportée(s) · dernier échange : &lt;b&gt;{last}&lt;/b&gt; · &lt;b&gt;{media}&lt;/b&gt; média(s) · &lt;b&gt;{to_log}&lt;/b&gt; à renseigner</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="293"/>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="294"/>
        <source>Past sessions still to log</source>
        <translation>Séances passées à renseigner</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duo_page.py" line="295"/>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/timeline_text.py" line="32"/>
        <source>postponed to {when}</source>
        <translation>reportée au {when}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/timeline_text.py" line="35"/>
        <source>present {paris} / {partner}</source>
        <translation>présents {paris} / {partner}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/timeline_text.py" line="39"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/timeline_text.py" line="47"/>
        <source>Problems: {text}</source>
        <translation>Problèmes : {text}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/timeline_text.py" line="49"/>
        <source>Follow-up: {text}</source>
        <translation>Suites : {text}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/timeline_text.py" line="56"/>
        <source>Media</source>
        <translation>Médias</translation>
    </message>
</context>
<context>
    <name>DuosPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="57"/>
        <source>Paris school</source>
        <translation>École parisienne</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="58"/>
        <source>Arr.</source>
        <translation>Arr.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="60"/>
        <source>Paris class</source>
        <translation>Classe parisienne</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="61"/>
        <source>Partner school</source>
        <translation>École partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="62"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="63"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="64"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="65"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="66"/>
        <source>Facilitator</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="73"/>
        <source>Duos</source>
        <translation>Duos</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="76"/>
        <source>No duos yet — add one (Ctrl+N), ask for partner suggestions (Ctrl+Shift+N), or load the demo data to see Paris classes paired with partner classes abroad.</source>
        <translation>Aucun duo pour l’instant — ajoutez-en un (Ctrl+N), demandez des suggestions de partenaires (Ctrl+Shift+N) ou chargez les données de démonstration pour voir des classes parisiennes associées à des classes partenaires à l’étranger.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="84"/>
        <source>Suggest partners… (Ctrl+Shift+N)</source>
        <translation>Suggérer des partenaires… (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="85"/>
        <source>Add duo… (Ctrl+N)</source>
        <translation>Ajouter un duo… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="86"/>
        <source>Edit… (F2)</source>
        <translation>Modifier… (F2)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="121"/>
        <source>{sessions} and {media} belong to this duo</source>
        <translation>{sessions} et {media} appartiennent à ce duo</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation type="vanished">1 séance</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation type="vanished">{n} séances</translation>
    </message>
    <message>
        <source>1 media item</source>
        <translation type="vanished">1 média</translation>
    </message>
    <message>
        <source>{n} media items</source>
        <translation type="vanished">{n} médias</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="129"/>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="131"/>
        <source>{reason}: deleting the duo would lose that history.

Close the duo instead? It keeps its sessions and media.</source>
        <translation>{reason} : supprimer le duo ferait perdre cet historique.

Clôturer plutôt le duo ? Il garde ses séances et ses médias.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="133"/>
        <source>Cannot delete — close the duo?</source>
        <translation>Suppression impossible — clôturer le duo ?</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="141"/>
        <source>close the duo</source>
        <translation>la clôture du duo</translation>
    </message>
</context>
<context>
    <name>ExchangeLog</name>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="160"/>
        <source>{paris_school} ({paris_class}) and {partner_school} ({partner_class})</source>
        <extracomment>The fields a revision keeps (the log plus its status and link).</extracomment>
        <translation>{paris_school} ({paris_class}) et {partner_school} ({partner_class})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="163"/>
        <source>The visio of {day} at {time} (Paris time) of the duo {duo} is already logged as held: edit that record instead of holding this visio a second time.</source>
        <translation>La visio du {day} à {time} (heure de Paris) du duo {duo} est déjà renseignée comme tenue : modifiez cette fiche plutôt que de tenir cette visio une deuxième fois.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="308"/>
        <source>visio</source>
        <translation>visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="308"/>
        <source>e-mail</source>
        <translation>courriel</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="309"/>
        <source>letter</source>
        <translation>lettre</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="310"/>
        <source>blog post</source>
        <translation>article de blog</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="311"/>
        <source>planned, not logged yet</source>
        <translation>séance prévue, pas encore renseignée</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="312"/>
        <source>already logged as held</source>
        <translation>séance déjà renseignée comme tenue</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="313"/>
        <source>already logged as cancelled</source>
        <translation>séance déjà renseignée comme annulée</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="314"/>
        <source>postponed</source>
        <translation>séance reportée</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="316"/>
        <source>This duo already has this {kind} on {day} at {time} (Paris time), {status}: log that session instead of adding a second one.</source>
        <translation>Ce duo a déjà cet échange ({kind}) le {day} à {time} (heure de Paris) — {status} : renseignez cette séance plutôt que d’en ajouter une deuxième.</translation>
    </message>
</context>
<context>
    <name>FacilitatorDialog</name>
    <message>
        <location filename="../../classesduo/ui/forms/facilitator_dialog.py" line="22"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/facilitator_dialog.py" line="23"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/facilitator_dialog.py" line="24"/>
        <source>Languages (ISO 639-1)</source>
        <translation>Langues (ISO 639-1)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/facilitator_dialog.py" line="42"/>
        <source>New facilitator</source>
        <translation>Nouvel·le intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/facilitator_dialog.py" line="43"/>
        <source>Edit facilitator — {name}</source>
        <translation>Modifier l’intervenant·e — {name}</translation>
    </message>
</context>
<context>
    <name>FeedRefresher</name>
    <message>
        <location filename="../../classesduo/ui/feed_refresh.py" line="53"/>
        <source>Calendar feeds not written: {error}</source>
        <translation>Flux d&apos;agenda non écrits : {error}</translation>
    </message>
</context>
<context>
    <name>FinderDialog</name>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="37"/>
        <source>Find a slot</source>
        <translation>Trouver un créneau</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="48"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="50"/>
        <source>Duo:</source>
        <translation>Duo :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="52"/>
        <source>From:</source>
        <translation>Du :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="54"/>
        <source>to:</source>
        <translation>au :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="61"/>
        <source>Paris date</source>
        <translation>Date à Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="61"/>
        <source>Paris time</source>
        <translation>Heure de Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="62"/>
        <source>Partner time</source>
        <translation>Heure partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="62"/>
        <source>Partner day</source>
        <translation>Jour partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="63"/>
        <source>School calendars</source>
        <translation>Calendriers scolaires</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="73"/>
        <source>Repeat</source>
        <translation>Répéter</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="75"/>
        <source>every week</source>
        <translation>chaque semaine</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="76"/>
        <source>every other week</source>
        <translation>une semaine sur deux</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="82"/>
        <source>until</source>
        <translation>jusqu’au</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="105"/>
        <source>&amp;Plan this slot</source>
        <extracomment>What the series would leave out and where it would cross an unknown school calendar. A long series scrolls its note instead of growing the dialog past a 720-pixel screen.</extracomment>
        <translation>&amp;Planifier ce créneau</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="142"/>
        <source>There is no duo yet: create one on the Duos page.</source>
        <translation>Il n’y a encore aucun duo : créez-en un sur la page Duos.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="154"/>
        <source>Time in {city}</source>
        <translation>Heure à {city}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="155"/>
        <source>Day in {city}</source>
        <translation>Jour à {city}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="160"/>
        <source> (next day)</source>
        <translation> (lendemain)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="160"/>
        <source> (day before)</source>
        <translation> (veille)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="167"/>
        <source>⚠ {flag}</source>
        <translation>⚠ {flag}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="261"/>
        <source>• {reason}: {dates}</source>
        <translation>• {reason} : {dates}</translation>
    </message>
    <message>
        <source>{count} possible slots. Pick one and press “Plan this slot”.</source>
        <translation type="vanished">{count} créneaux possibles. Choisissez-en un et appuyez sur « Planifier ce créneau ».</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="216"/>
        <source>Left out:</source>
        <translation>Exclus :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="224"/>
        <source>School calendar unknown</source>
        <translation>Calendrier scolaire inconnu</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="225"/>
        <source>Plan the series anyway?</source>
        <translation>Planifier la série quand même ?</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="50"/>
        <location filename="../../classesduo/ui/pages/home_page.py" line="61"/>
        <source>Duo</source>
        <extracomment>Set by the window: &quot;now&quot; and the gone-quiet threshold (Settings.quiet_weeks).</extracomment>
        <translation>Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="51"/>
        <source>Facilitator</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="52"/>
        <source>Last exchange</source>
        <translation>Dernier échange</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="53"/>
        <source>none yet</source>
        <translation>aucun pour l’instant</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="54"/>
        <source>School days since</source>
        <translation>Jours d’école depuis</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="59"/>
        <source>Partner class</source>
        <translation>Classe partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="62"/>
        <source>Absent on</source>
        <translation>Absente le</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="67"/>
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="68"/>
        <source>Unknown school year</source>
        <translation>Année scolaire inconnue</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="69"/>
        <source>From</source>
        <translation>À partir du</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="128"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="130"/>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="133"/>
        <source>Welcome to Classes Duo. No schools yet — load the demo data to explore a school year of exchanges between Paris and partner cities.</source>
        <translation>Bienvenue dans Classes Duo. Aucune école pour l’instant — chargez les données de démonstration pour découvrir une année d’échanges entre Paris et ses villes partenaires.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="138"/>
        <source>{schools} schools, {duos} duos. Today: {today} sessions; this week: {week}; to log: {to_log}; gone quiet: {quiet}; partners absent twice: {absent}.</source>
        <translation>{schools} écoles, {duos} duos. Aujourd’hui : {today} séances ; cette semaine : {week} ; à renseigner : {to_log} ; silencieux : {quiet} ; partenaires absents deux fois : {absent}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="145"/>
        <source>This week ({today} today) — Enter opens the duo</source>
        <translation>Cette semaine ({today} aujourd’hui) — Entrée ouvre le duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="147"/>
        <source>Past sessions still to log — Enter opens the log form</source>
        <translation>Séances passées à renseigner — Entrée ouvre le compte rendu</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="148"/>
        <source>Duos gone quiet (no exchange held for {weeks} school weeks)</source>
        <translation>Duos silencieux (aucun échange tenu depuis {weeks} semaines d’école)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="150"/>
        <source>Partner classes absent twice in a row</source>
        <translation>Classes partenaires absentes deux fois de suite</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="151"/>
        <source>School calendars unknown for this term or the next — Enter opens the school</source>
        <translation>Calendriers scolaires inconnus pour ce trimestre ou le suivant — Entrée ouvre l&apos;école</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="153"/>
        <source>Every school&apos;s calendar is known for this term and the next.</source>
        <translation>Le calendrier de chaque école est connu pour ce trimestre et le suivant.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="157"/>
        <source>Every active duo exchanged recently.</source>
        <translation>Chaque duo actif a échangé récemment.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="158"/>
        <source>No partner class missed two sessions in a row.</source>
        <translation>Aucune classe partenaire n’a manqué deux séances de suite.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="155"/>
        <source>No session this week.</source>
        <translation>Aucune séance cette semaine.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="156"/>
        <source>Nothing to log — well done.</source>
        <translation>Rien à renseigner — bravo.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="19"/>
        <source>Schools</source>
        <translation>Écoles</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="20"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="21"/>
        <source>Facilitators</source>
        <translation>Intervenant·es</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="22"/>
        <source>Duos</source>
        <translation>Duos</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="23"/>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="85"/>
        <location filename="../../classesduo/ui/import_dialog.py" line="121"/>
        <source>Import CSV</source>
        <translation>Importer un CSV</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="88"/>
        <source>&amp;Records:</source>
        <translation>&amp;Type de fiches :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="89"/>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="90"/>
        <source>A .csv file, UTF-8, comma or semicolon separated</source>
        <translation>Un fichier .csv, en UTF-8, séparé par des virgules ou des points-virgules</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="91"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="92"/>
        <source>Only chec&amp;k the file (write nothing)</source>
        <translation>&amp;Vérifier seulement le fichier (ne rien écrire)</translation>
    </message>
    <message>
        <source>Only &amp;check the file (write nothing)</source>
        <translation type="vanished">&amp;Vérifier seulement le fichier (ne rien écrire)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="93"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="100"/>
        <source>Required columns: {required}
Optional columns: {optional}
Import in this order: schools, classes, facilitators, duos, sessions. Rows already stored (same {key}) are updated, not duplicated.</source>
        <translation>Colonnes obligatoires : {required}
Colonnes facultatives : {optional}
Importez dans cet ordre : écoles, classes, intervenant·es, duos, séances. Les lignes déjà enregistrées (même {key}) sont mises à jour, pas dupliquées.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="122"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_dialog.py" line="137"/>
        <source>Importing {file}…</source>
        <translation>Import de {file}…</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location filename="../../classesduo/ui/import_result_dialog.py" line="68"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_result_dialog.py" line="69"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_result_dialog.py" line="70"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_result_dialog.py" line="72"/>
        <source>&amp;Copy all</source>
        <translation>&amp;Tout copier</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_result_dialog.py" line="74"/>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_result_dialog.py" line="80"/>
        <source>Import refused</source>
        <translation>Import refusé</translation>
    </message>
    <message>
        <source>{file}: {count} problem(s). Nothing was imported: fix the file and import it again.</source>
        <translation type="vanished">{file} : {count} problème(s). Rien n’a été importé : corrigez le fichier et importez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/import_result_dialog.py" line="84"/>
        <source>The first {shown} are listed; “Copy all” copies every one.</source>
        <translation>Les {shown} premiers sont listés ; « Tout copier » les copie tous.</translation>
    </message>
</context>
<context>
    <name>InvitationDialog</name>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="26"/>
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="27"/>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="32"/>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="33"/>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="35"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="37"/>
        <source>Open in &amp;mail app</source>
        <translation>Ouvrir dans la &amp;messagerie</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="48"/>
        <source>Without a calendar invitation: {reason}</source>
        <translation>Sans invitation d&apos;agenda : {reason}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="55"/>
        <source>Copied to the clipboard.</source>
        <translation>Copié dans le presse-papiers.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="67"/>
        <source>Could not write the e-mail: {reason}</source>
        <translation>Impossible d&apos;écrire l&apos;e-mail : {reason}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="71"/>
        <source>Opened in your mail app: {path}</source>
        <translation>Ouvert dans votre messagerie : {path}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/invitation_dialog.py" line="75"/>
        <source>No mail app answered; use Copy and paste the text into your mail.</source>
        <translation>Aucune messagerie n’a répondu ; utilisez Copier puis collez le texte dans votre message.</translation>
    </message>
</context>
<context>
    <name>InvitationText</name>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="29"/>
        <source>dddd d MMMM yyyy</source>
        <translation>dddd d MMMM yyyy</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="31"/>
        <source>{day} at {time}</source>
        <translation>{day} à {time}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="39"/>
        <source>in Paris: {start}–{end}</source>
        <translation>à Paris : {start}–{end}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="41"/>
        <source>in {city}: {start}–{end} (local time)</source>
        <translation>à {city} : {start}–{end} (heure locale)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="44"/>
        <source>The Classes Duo video call between {paris_school} ({paris_class}) and {partner_school} ({partner_class}) planned below is cancelled:</source>
        <translation>La visio Classes Duo entre {paris_school} ({paris_class}) et {partner_school} ({partner_class}) prévue ci-dessous est annulée :</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="47"/>
        <source>The next Classes Duo video call between {paris_school} ({paris_class}) and {partner_school} ({partner_class}) will take place:</source>
        <translation>La prochaine visio Classes Duo entre {paris_school} ({paris_class}) et {partner_school} ({partner_class}) aura lieu :</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="49"/>
        <source>To prepare: {prepare}</source>
        <translation>À préparer : {prepare}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="51"/>
        <source>Hello,</source>
        <translation>Bonjour,</translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/services/invitation.py" line="55"/>
        <source>Length: %n minute(s).</source>
        <translation>
            <numerusform>Durée : %n minute.</numerusform>
            <numerusform>Durée : %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="56"/>
        <source>Video call link: {link}</source>
        <translation>Lien de la visio : {link}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="57"/>
        <source>Facilitator: {name}</source>
        <translation>Animation : {name}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="60"/>
        <source>Please join a few minutes early to check sound and picture.</source>
        <translation>Merci de vous connecter quelques minutes en avance pour vérifier le son et l&apos;image.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="62"/>
        <source>Best regards,</source>
        <translation>Bien cordialement,</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="106"/>
        <source>Classes Duo video call — {date} {time} (Paris)</source>
        <translation>Visio Classes Duo — {date} {time} (Paris)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="109"/>
        <source>video call {time} ({city})</source>
        <translation>visio {time} ({city})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation.py" line="112"/>
        <location filename="../../classesduo/services/invitation.py" line="114"/>
        <source>CANCELLED</source>
        <translation>ANNULÉ</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="301"/>
        <location filename="../../classesduo/ui/pages/home_page.py" line="135"/>
        <location filename="../../classesduo/ui/pages/list_page.py" line="261"/>
        <location filename="../../classesduo/ui/pages/log_page.py" line="128"/>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="319"/>
        <source>Load the demo data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
</context>
<context>
    <name>LogActions</name>
    <message>
        <location filename="../../classesduo/ui/log_actions.py" line="131"/>
        <source>Undone: {what}.</source>
        <extracomment>Returns &quot;now&quot;; tests replace it to pin the date. Runs each offered invitation e-mail dialog; tests replace it to dismiss them. Ctrl+Z / Ctrl+Shift+Z for postponing a visio (``ui/calendar/undo_commands.py``); a form opened from the calendar pushes onto the calendar&apos;s stack instead (``open_session(..., undo_stack=...)``).</extracomment>
        <translation>Annulé : {what}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_actions.py" line="146"/>
        <source>Exchange logged.</source>
        <translation>Échange renseigné.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_actions.py" line="163"/>
        <source>Delete the {status} session of {when} ({duo}) and its log? You can undo this with Ctrl+Z.</source>
        <translation>Supprimer la séance {status} du {when} ({duo}) et son compte rendu ? Vous pourrez annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_actions.py" line="167"/>
        <source>Delete a session</source>
        <translation>Supprimer une séance</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_actions.py" line="174"/>
        <source>Session deleted. Undo: Ctrl+Z (Exchange log or duo page).</source>
        <translation>Séance supprimée. Annuler : Ctrl+Z (journal des échanges ou page du duo).</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_actions.py" line="194"/>
        <source>Deleted session restored.</source>
        <translation>Séance supprimée restaurée.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_actions.py" line="207"/>
        <source>This log has not been edited since it was first recorded.</source>
        <translation>Ce compte rendu n’a pas été modifié depuis sa première saisie.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_actions.py" line="219"/>
        <source>{when} — changed by {who}. Before: {status}; {summary}</source>
        <translation>{when} — modifié par {who}. Avant : {status} ; {summary}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_actions.py" line="225"/>
        <source>History of this log</source>
        <translation>Historique de ce compte rendu</translation>
    </message>
</context>
<context>
    <name>LogForm</name>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="152"/>
        <source>Your unsaved draft was restored: save it or discard it.</source>
        <translation>Votre brouillon non enregistré a été rétabli : enregistrez-le ou abandonnez-le.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="373"/>
        <source>This text seems to name a child ({names}). Logs and reports count children, never name them: please write “a pupil” or “the group” instead.</source>
        <translation>Ce texte semble nommer un enfant ({names}). Les comptes rendus et les rapports comptent les enfants, sans jamais les nommer : écrivez plutôt « un élève » ou « le groupe ».</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="438"/>
        <source>Choose a duo.</source>
        <translation>Choisissez un duo.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="462"/>
        <source>Already in the log</source>
        <translation>Déjà dans le journal</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="463"/>
        <source>Log that session</source>
        <translation>Renseigner cette séance</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="463"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="482"/>
        <source>Log an exchange</source>
        <translation>Renseigner un échange</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="483"/>
        <source>{duo}
{kind} planned {paris} (Paris) — {partner} ({city}). Currently: {status}.</source>
        <translation>{duo}
{kind} prévue le {paris} (Paris) — {partner} ({city}). Statut actuel : {status}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="490"/>
        <source>Log an unplanned exchange</source>
        <translation>Renseigner un échange non planifié</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="491"/>
        <source>An exchange that was not planned: an e-mail, a letter, a blog post or an extra visio.</source>
        <translation>Un échange qui n’était pas planifié : un e-mail, une lettre, un billet de blog ou une visio supplémentaire.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="494"/>
        <source>&amp;Duo:</source>
        <translation>&amp;Duo :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="494"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="495"/>
        <source>&amp;When (Paris time):</source>
        <translation>&amp;Quand (heure de Paris) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="495"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Résultat :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="496"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="496"/>
        <source>&amp;New date (Paris time):</source>
        <translation>&amp;Nouvelle date (heure de Paris) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="497"/>
        <source>D&amp;uration (minutes):</source>
        <translation>D&amp;urée (minutes) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="498"/>
        <source>Pupils present in &amp;Paris:</source>
        <translation>Élèves présents à &amp;Paris :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="499"/>
        <source>Pupils present in the pa&amp;rtner class:</source>
        <translation>Élèves présents dans la classe p&amp;artenaire :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="500"/>
        <source>&amp;What was done:</source>
        <translation>&amp;Ce qui a été fait :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="500"/>
        <source>Activities:</source>
        <translation>Activités :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="501"/>
        <source>&amp;Languages used:</source>
        <translation>&amp;Langues utilisées :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="502"/>
        <source>Tec&amp;hnical problems:</source>
        <translation>Problèmes tec&amp;hniques :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="503"/>
        <source>No&amp;tes:</source>
        <translation>N&amp;otes :</translation>
    </message>
    <message>
        <source>Technical &amp;problems:</source>
        <translation type="vanished">Problèmes tec&amp;hniques :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="503"/>
        <source>&amp;Follow-up to do:</source>
        <translation>&amp;Suites à donner :</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="vanished">N&amp;otes :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="511"/>
        <source>— choose a reason —</source>
        <translation>— choisissez un motif —</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="516"/>
        <source>ISO codes, e.g. fr, es</source>
        <translation>Codes ISO, p. ex. fr, es</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="517"/>
        <source>Songs, questions, presentations…</source>
        <translation>Chansons, questions, présentations…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="518"/>
        <source>A count only, never names. “—” = not recorded.</source>
        <translation>Un nombre seulement, jamais de noms. « — » = non renseigné.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_form.py" line="521"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>Enregistrer (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="42"/>
        <source>Present (Paris / partner)</source>
        <extracomment>The service&apos;s sort key for each column (Paris time, partner time, duo, kind, minutes, status, facilitator, presence, what was done).</extracomment>
        <translation>Présents (Paris / partenaire)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="43"/>
        <source>What was done</source>
        <translation>Ce qui a été fait</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="105"/>
        <source>Exchange log</source>
        <translation>Journal des échanges</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="109"/>
        <source>Nothing to log: every past session has its outcome recorded.</source>
        <translation>Rien à renseigner : chaque séance passée a son compte rendu.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="110"/>
        <source>No exchange logged yet — load the demo data to see a term of logs.</source>
        <translation>Aucun échange renseigné pour l’instant — chargez les données de démonstration pour voir un trimestre de comptes rendus.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="113"/>
        <source>Logged exchanges</source>
        <translation>Échanges renseignés</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="114"/>
        <source>Past sessions still to log</source>
        <translation>Séances passées à renseigner</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="115"/>
        <source>Log an exchange…</source>
        <translation>Renseigner un échange…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="116"/>
        <source>Record an exchange that was not planned (Ctrl+L); Enter on a row logs that session</source>
        <translation>Enregistrer un échange non planifié (Ctrl+L) ; Entrée sur une ligne renseigne cette séance</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="44"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="45"/>
        <source>Schools</source>
        <translation>Écoles</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="46"/>
        <source>Duos</source>
        <translation>Duos</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="47"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="48"/>
        <source>Exchange log</source>
        <translation>Journal des échanges</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="49"/>
        <source>Media</source>
        <translation>Médias</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="50"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="230"/>
        <source>Classes Duo</source>
        <extracomment>The room every page gets at least (see MainWindow.__init__); with the navigation, the menus and the status bar the window&apos;s own minimum stays well inside a 1280×720 screen. Anything may have changed (kept for callers that cannot say what): the visible page refreshes now, the others when shown. Prefer ``changes_made`` with a :class:`~classesduo.ui.changes.Changes`.</extracomment>
        <translation>Classes Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="231"/>
        <source>Areas</source>
        <translation>Rubriques</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="238"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="239"/>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="240"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="241"/>
        <source>Load &amp;demo data</source>
        <translation>Charger les &amp;données de démonstration</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="242"/>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="243"/>
        <source>&amp;Log an exchange…</source>
        <translation>&amp;Renseigner un échange…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="245"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="246"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="247"/>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="248"/>
        <source>&amp;Filter the list</source>
        <translation>&amp;Filtrer la liste</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="249"/>
        <source>Open the &amp;log folder</source>
        <translation>Ouvrir le dossier du &amp;journal</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="250"/>
        <source>&amp;About Classes Duo</source>
        <translation>À &amp;propos de Classes Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="425"/>
        <source>Classes Duo {version}
Plan and record the City of Paris school exchanges.

Time zone database: {tzdata} (shipped with the app)
Data folder: {path}</source>
        <translation>Classes Duo {version}
Planifier et suivre les échanges scolaires de la Ville de Paris.

Base des fuseaux horaires : {tzdata} (fournie avec l&apos;application)
Dossier des données : {path}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="232"/>
        <location filename="../../classesduo/ui/main_window.py" line="261"/>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="275"/>
        <source>Data folder: {path}</source>
        <translation>Dossier des données : {path}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="288"/>
        <source>The database could not be opened.</source>
        <translation>La base de données n’a pas pu être ouverte.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="292"/>
        <source>The database could not be opened: {error}

Details are in the log: {log}</source>
        <translation>La base de données n’a pas pu être ouverte : {error}

Les détails sont dans le journal : {log}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="338"/>
        <source>Welcome to Classes Duo</source>
        <translation>Bienvenue dans Classes Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="338"/>
        <source>Your database is empty. Load the demo programme (Paris schools paired with schools in Buenos Aires, Montréal, Tokyo, Dakar…) to explore the app? You can load it later from the File menu.</source>
        <translation>Votre base de données est vide. Charger le programme de démonstration (des écoles parisiennes associées à des écoles de Buenos Aires, Montréal, Tokyo, Dakar…) pour découvrir l’application ? Vous pourrez le charger plus tard depuis le menu Fichier.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="355"/>
        <source>Demo data loaded.</source>
        <translation>Données de démonstration chargées.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="356"/>
        <source>The demo data was already loaded: nothing added.</source>
        <translation>Les données de démonstration étaient déjà chargées : rien n’a été ajouté.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="360"/>
        <source>Demo loading cancelled; nothing added.</source>
        <translation>Chargement de la démonstration annulé ; rien n’a été ajouté.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="365"/>
        <source>Loading the demo programme…</source>
        <translation>Chargement du programme de démonstration…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="418"/>
        <source>Something went wrong: {error}

Details are in the log: {log}</source>
        <translation>Un problème est survenu : {error}

Les détails sont dans le journal : {log}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="425"/>
        <source>About Classes Duo</source>
        <translation>À propos de Classes Duo</translation>
    </message>
    <message>
        <source>Classes Duo {version}
Plan and record the City of Paris school exchanges.

Data folder: {path}</source>
        <translation type="vanished">Classes Duo {version}
Planifier et suivre les échanges scolaires de la Ville de Paris.

Dossier des données : {path}</translation>
    </message>
</context>
<context>
    <name>ManagedList</name>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="79"/>
        <source>Undo {action}</source>
        <translation>Annuler {action}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="77"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="80"/>
        <source>Redo {action}</source>
        <translation>Rétablir {action}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="78"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="128"/>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="130"/>
        <source>{reason}: deleting “{name}” would orphan that history.

Archive it instead? It stays in past duos and reports but is no longer offered for new ones.</source>
        <translation>{reason} : supprimer « {name} » rendrait cet historique orphelin.

L’archiver plutôt ? La fiche reste dans les duos passés et les rapports, mais n’est plus proposée pour les nouveaux duos.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="134"/>
        <source>Cannot delete — archive instead?</source>
        <translation>Suppression impossible — archiver plutôt ?</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="165"/>
        <source>Add… (Ctrl+N)</source>
        <translation>Ajouter… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="166"/>
        <source>Edit… (Enter)</source>
        <translation>Modifier… (Enter)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="167"/>
        <source>Delete… (Del)</source>
        <translation>Supprimer… (Del)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="181"/>
        <source>Unarchive</source>
        <translation>Désarchiver</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="182"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="228"/>
        <source>add “{name}”</source>
        <translation>l’ajout de « {name} »</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="229"/>
        <source>edit “{name}”</source>
        <translation>la modification de « {name} »</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="247"/>
        <source>Delete “{name}”? Nothing depends on it. You can undo with Ctrl+Z.</source>
        <translation>Supprimer « {name} » ? Rien n’en dépend. Vous pourrez annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="248"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="257"/>
        <source>delete “{name}”</source>
        <translation>la suppression de « {name} »</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="276"/>
        <source>archive “{name}”</source>
        <translation>l’archivage de « {name} »</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/managed_list.py" line="277"/>
        <source>unarchive “{name}”</source>
        <translation>le désarchivage de « {name} »</translation>
    </message>
</context>
<context>
    <name>MediaAlbum</name>
    <message>
        <location filename="../../classesduo/services/media_album.py" line="46"/>
        <source>Album export cancelled; nothing was written.</source>
        <translation>Export de l’album annulé ; rien n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_album.py" line="99"/>
        <source>{paris} and {partner} — term {term}</source>
        <translation>{paris} et {partner} — trimestre {term}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_album.py" line="120"/>
        <source>{folder} is not empty and holds no earlier album; choose an empty or new folder.</source>
        <translation>{folder} n’est pas vide et ne contient pas d’album précédent ; choisissez un dossier vide ou nouveau.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_album.py" line="143"/>
        <source>the stored file is missing</source>
        <translation>le fichier enregistré est introuvable</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_album.py" line="149"/>
        <source>the image could not be read</source>
        <translation>l’image n’a pas pu être lue</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_album.py" line="101"/>
        <source>No item of this term is cleared for publication.</source>
        <translation>Aucun élément de ce trimestre n’est autorisé à la publication.</translation>
    </message>
</context>
<context>
    <name>MediaDetail</name>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="86"/>
        <source>Caption (&amp;French):</source>
        <extracomment>The session the item belongs to (none, or one of its duo&apos;s): attach, move or detach after import. Fills the session list for a duo: ``[(label, session id)]``; the page sets it.</extracomment>
        <translation>Légende (&amp;français) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="86"/>
        <source>Caption (&amp;partner):</source>
        <translation>Légende (&amp;partenaire) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="87"/>
        <source>&amp;Tags (comma-separated):</source>
        <translation>&amp;Mots-clés (séparés par des virgules) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="87"/>
        <source>Kin&amp;d:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="88"/>
        <source>Made by:</source>
        <translation>Réalisé par :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="88"/>
        <source>Sessio&amp;n:</source>
        <translation>Sé&amp;ance :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="89"/>
        <source>&amp;Identifiable children:</source>
        <translation>Enfants &amp;identifiables :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="90"/>
        <source>Shown in the &amp;exchange:</source>
        <translation>Montré dans l’é&amp;change :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="91"/>
        <source>Published (&amp;blog, album):</source>
        <translation>Publié (&amp;blog, album) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="92"/>
        <source>Used in &amp;reports:</source>
        <translation>Utilisé dans les &amp;rapports :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="92"/>
        <source>Authorisation &amp;until:</source>
        <translation>Autorisation &amp;jusqu’au :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="95"/>
        <source>How many children can be recognised; 0 for a drawing or a landscape.</source>
        <translation>Nombre d’enfants reconnaissables ; 0 pour un dessin ou un paysage.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="104"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="105"/>
        <source>&amp;Open file</source>
        <translation>&amp;Ouvrir le fichier</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="107"/>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="121"/>
        <source>Select an item to see it here.</source>
        <translation>Sélectionnez un élément pour l’afficher ici.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="134"/>
        <source>{name} — {kind}, {size}, {date}
{duo}</source>
        <translation>{name} — {kind}, {size}, {date}
{duo}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/detail_panel.py" line="142"/>
        <source>— no session —</source>
        <translation>— aucune séance —</translation>
    </message>
    <message>
        <source>{name} — {kind}, {size} KB, {date}
{duo}</source>
        <translation type="vanished">{name} — {kind}, {size} Ko, {date}
{duo}</translation>
    </message>
</context>
<context>
    <name>MediaFilters</name>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="57"/>
        <source>&amp;Duo:</source>
        <translation>&amp;Duo :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="57"/>
        <source>Sessio&amp;n:</source>
        <translation>&amp;Séance :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="58"/>
        <source>Te&amp;rm:</source>
        <translation>&amp;Trimestre :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="58"/>
        <source>&amp;Kind:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="59"/>
        <source>Si&amp;de:</source>
        <translation>&amp;Côté :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="59"/>
        <source>&amp;Consent:</source>
        <translation>&amp;Autorisation :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="62"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="64"/>
        <source>Both sides</source>
        <translation>Les deux côtés</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="67"/>
        <source>Any consent</source>
        <translation>Toute autorisation</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="68"/>
        <source>Needs consent (badged)</source>
        <translation>Autorisation à obtenir (pastille)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="69"/>
        <source>Not cleared for publication</source>
        <translation>Non autorisé à la publication</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="70"/>
        <source>Cleared for publication</source>
        <translation>Autorisé à la publication</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="85"/>
        <source>All duos</source>
        <translation>Tous les duos</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="90"/>
        <source>All sessions</source>
        <translation>Toutes les séances</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/filter_bar.py" line="98"/>
        <source>All terms</source>
        <translation>Tous les trimestres</translation>
    </message>
</context>
<context>
    <name>MediaGrid</name>
    <message>
        <location filename="../../classesduo/ui/media/grid_model.py" line="186"/>
        <source>Not cleared for: {channels}</source>
        <translation>Non autorisé pour : {channels}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/grid_model.py" line="193"/>
        <source>the exchange</source>
        <translation>l’échange</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/grid_model.py" line="194"/>
        <source>publication</source>
        <translation>la publication</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/grid_model.py" line="195"/>
        <source>reports</source>
        <translation>les rapports</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/grid_view.py" line="77"/>
        <source>Media gallery</source>
        <translation>Galerie des médias</translation>
    </message>
</context>
<context>
    <name>MediaImport</name>
    <message>
        <source>{count} file(s) imported.</source>
        <extracomment>Progress is reported in thousandths of the total bytes (Qt&apos;s progress bars take ints).</extracomment>
        <translation type="vanished">{count} fichier(s) importé(s).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="58"/>
        <source>Import cancelled: the file being copied was not kept.</source>
        <translation>Import annulé : le fichier en cours de copie n’a pas été conservé.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="60"/>
        <source>{name}: already in this duo (not stored twice).</source>
        <translation>{name} : déjà dans ce duo (pas enregistré deux fois).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="62"/>
        <source>{name}: skipped — {reason}.</source>
        <translation>{name} : ignoré — {reason}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="176"/>
        <source>No session with id {id}.</source>
        <translation>Aucune séance avec l’identifiant {id}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="178"/>
        <source>Session {id} belongs to another duo.</source>
        <translation>La séance {id} appartient à un autre duo.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="185"/>
        <source>the file name is not valid UTF-8; rename the file</source>
        <translation>le nom du fichier n’est pas en UTF-8 valide ; renommez le fichier</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="187"/>
        <source>not a file, or not found</source>
        <translation>pas un fichier, ou introuvable</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="189"/>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="194"/>
        <source>cannot be read ({error})</source>
        <translation>illisible ({error})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="197"/>
        <source>unsupported kind of file (photos, videos, audio, drawings, PDFs and text documents are accepted)</source>
        <translation>type de fichier non pris en charge (photos, vidéos, audio, dessins, PDF et documents texte sont acceptés)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_batch.py" line="135"/>
        <location filename="../../classesduo/services/media_batch.py" line="173"/>
        <location filename="../../classesduo/services/media_import.py" line="202"/>
        <source>cannot be copied ({error})</source>
        <extracomment>A batch is committed when the first of these is reached.</extracomment>
        <translation>impossible à copier ({error})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_import.py" line="219"/>
        <source>the file changed while it was being copied</source>
        <translation>le fichier a changé pendant sa copie</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_probe.py" line="73"/>
        <source>HEIC photos cannot be read by this version of Qt; export them as JPEG from the phone or computer first</source>
        <extracomment>Larger images are refused: no camera or scanner a school owns makes them.</extracomment>
        <translation>cette version de Qt ne sait pas lire les photos HEIC ; exportez-les d’abord en JPEG depuis le téléphone ou l’ordinateur</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_probe.py" line="75"/>
        <source>this image format cannot be read</source>
        <translation>ce format d’image n’est pas lisible</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_probe.py" line="79"/>
        <location filename="../../classesduo/services/media_probe.py" line="108"/>
        <source>the image is damaged (its header cannot be read)</source>
        <extracomment>Start-of-frame markers (SOF0–SOF15 without DHT, JPG and DAC), start of scan, end of image.</extracomment>
        <translation>l’image est endommagée (son en-tête est illisible)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_probe.py" line="81"/>
        <source>the image claims absurd dimensions ({width} × {height} pixels)</source>
        <translation>l’image annonce des dimensions absurdes ({width} × {height} pixels)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_probe.py" line="88"/>
        <source>the image is damaged ({error})</source>
        <translation>l’image est endommagée ({error})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_probe.py" line="118"/>
        <source>the photo is incomplete (its end is missing); copy it again from the camera or phone</source>
        <translation>la photo est incomplète (il manque sa fin) ; copiez-la à nouveau depuis l’appareil ou le téléphone</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media_probe.py" line="205"/>
        <source>the PDF is incomplete or damaged (no end-of-file marker)</source>
        <translation>le PDF est incomplet ou endommagé (pas de marqueur de fin de fichier)</translation>
    </message>
</context>
<context>
    <name>MediaPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="192"/>
        <source>Media</source>
        <translation>Médias</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="193"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="194"/>
        <source>Import files into the selected duo (Ctrl+Shift+I); you can also drop files on the gallery.</source>
        <translation>Importer des fichiers dans le duo sélectionné (Ctrl+Shift+I) ; vous pouvez aussi déposer des fichiers sur la galerie.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="196"/>
        <source>made by:</source>
        <translation>réalisé par :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="199"/>
        <source>scanned drawings</source>
        <translation>dessins numérisés</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="200"/>
        <source>Export &amp;album…</source>
        <translation>Exporter l’&amp;album…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="201"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="202"/>
        <source>Export album…</source>
        <translation>Exporter l’album…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="203"/>
        <source>Erase &amp;old media…</source>
        <translation>&amp;Effacer les anciens médias…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="204"/>
        <source>Load the demo data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="205"/>
        <source>Badges: E exchange · P publication · R reports — ? unknown, ✗ refused or expired</source>
        <translation>Pastilles : E échange · P publication · R rapports — ? inconnue, ✗ refusée ou expirée</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation type="vanished">{count} éléments</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="262"/>
        <source>No duos yet: media belong to a duo. Pair two classes in Duos, or load the demo data to explore.</source>
        <translation>Aucun duo pour l’instant : les médias appartiennent à un duo. Associez deux classes dans Duos, ou chargez les données de démonstration pour découvrir l’application.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="265"/>
        <source>No media here. Choose a duo, then drop photos, videos, drawings or documents on the gallery, or use Import…</source>
        <translation>Aucun média ici. Choisissez un duo, puis déposez des photos, vidéos, dessins ou documents sur la galerie, ou utilisez Importer…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="268"/>
        <source>No media matches. Drop files on the gallery or use Import… to add some to this duo, or widen the filters.</source>
        <translation>Aucun média ne correspond. Déposez des fichiers sur la galerie ou utilisez Importer… pour en ajouter à ce duo, ou élargissez les filtres.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="344"/>
        <location filename="../../classesduo/ui/pages/media_page.py" line="370"/>
        <source>import files</source>
        <translation>importer des fichiers</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="346"/>
        <source>Media (*.jpg *.jpeg *.png *.gif *.webp *.tif *.tiff *.heic *.mp4 *.mov *.webm *.mp3 *.m4a *.wav *.ogg *.flac *.pdf *.txt *.md *.docx *.odt);;All files (*)</source>
        <translation>Médias (*.jpg *.jpeg *.png *.gif *.webp *.tif *.tiff *.heic *.mp4 *.mov *.webm *.mp3 *.m4a *.wav *.ogg *.flac *.pdf *.txt *.md *.docx *.odt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="349"/>
        <source>Import media</source>
        <translation>Importer des médias</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="358"/>
        <source>Choose a duo in the Duo list first, to {action}.</source>
        <translation>Choisissez d’abord un duo dans la liste des duos pour {action}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="364"/>
        <source>Please wait</source>
        <translation>Veuillez patienter</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="364"/>
        <source>An import, export or erasure is still running; try again when it has finished.</source>
        <translation>Un import, un export ou un effacement est encore en cours ; réessayez quand il sera terminé.</translation>
    </message>
    <message>
        <source>Importing {count} file(s)…</source>
        <translation type="vanished">Import de {count} fichier(s)…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="390"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="398"/>
        <source>Something went wrong: {error}</source>
        <translation>Un problème est survenu : {error}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="20"/>
        <source>export its album</source>
        <translation>exporter son album</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="26"/>
        <source>Export album</source>
        <translation>Exporter l’album</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="27"/>
        <source>Term:</source>
        <translation>Trimestre :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="33"/>
        <source>Folder for the album (new or empty)</source>
        <translation>Dossier de l’album (nouveau ou vide)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="47"/>
        <source>Album exported</source>
        <translation>Album exporté</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="69"/>
        <source>{label} ({year}): {media}, {logs}</source>
        <translation>{label} ({year}) : {media}, {logs}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="85"/>
        <source>Erased {media} and the text of {logs} in {duos}.</source>
        <translation>{media} et le texte de {logs} effacés dans {duos}.</translation>
    </message>
    <message>
        <source>{included} item(s) written to {folder}.
{left} item(s) not cleared for publication were left out; {docs} document(s) are not part of albums.</source>
        <translation type="vanished">{included} élément(s) écrit(s) dans {folder}.
{left} élément(s) non autorisé(s) à la publication ont été écartés ; {docs} document(s) ne font pas partie des albums.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="55"/>
        <source>Exporting the album…</source>
        <translation>Export de l’album…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="66"/>
        <location filename="../../classesduo/ui/media/actions.py" line="85"/>
        <source>Retention</source>
        <translation>Conservation</translation>
    </message>
    <message>
        <source>Nothing is older than the retention period ({years} school year(s) after a duo&apos;s year).</source>
        <translation type="vanished">Rien ne dépasse la durée de conservation ({years} année(s) scolaire(s) après l’année du duo).</translation>
    </message>
    <message>
        <source>{label} ({year}): {media} media, {logs} log(s)</source>
        <translation type="vanished">{label} ({year}) : {media} média(s), {logs} compte(s) rendu(s)</translation>
    </message>
    <message>
        <source>… and {count} more duos</source>
        <translation type="vanished">… et {count} autres duos</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="74"/>
        <source>These duos&apos; media (files, thumbnails, records) and the text of their logs are past the retention period and will be erased for good. Only anonymous counts are kept for the reports.

{list}

Erase them?</source>
        <translation>Les médias de ces duos (fichiers, vignettes, fiches) et le texte de leurs comptes rendus ont dépassé la durée de conservation et seront définitivement effacés. Seuls des décomptes anonymes sont conservés pour les rapports.

{list}

Les effacer ?</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="78"/>
        <source>Erase old media and logs</source>
        <translation>Effacer les anciens médias et comptes rendus</translation>
    </message>
    <message>
        <source>Erased {media} media and the text of {logs} log(s) in {duos} duo(s).</source>
        <translation type="vanished">{media} média(s) et le texte de {logs} compte(s) rendu(s) effacés dans {duos} duo(s).</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/media/actions.py" line="92"/>
        <source>Erasing old media…</source>
        <translation>Effacement des anciens médias…</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../classesduo/ui/operations.py" line="108"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>OverlapPicture</name>
    <message>
        <location filename="../../classesduo/ui/calendar/overlap_picture.py" line="43"/>
        <source>Overlap of the two timetables</source>
        <translation>Chevauchement des deux emplois du temps</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/overlap_picture.py" line="131"/>
        <location filename="../../classesduo/ui/calendar/overlap_picture.py" line="175"/>
        <source>Paris class</source>
        <translation>Classe parisienne</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/overlap_picture.py" line="132"/>
        <source>Class in {city} (on the Paris clock)</source>
        <translation>Classe de {city} (à l’heure de Paris)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/overlap_picture.py" line="134"/>
        <source>Both free</source>
        <translation>Toutes deux libres</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/overlap_picture.py" line="170"/>
        <source>Previous week</source>
        <extracomment>Why days of the week are left out (holiday, side, source) and which are unknown.</extracomment>
        <translation>Semaine précédente</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/overlap_picture.py" line="171"/>
        <source>Next week</source>
        <translation>Semaine suivante</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/overlap_picture.py" line="187"/>
        <source>Week of {monday} (Paris time): both classes free {hours} h {minutes:02d}</source>
        <translation>Semaine du {monday} (heure de Paris) : les deux classes sont libres {hours} h {minutes:02d}</translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message numerus="yes">
        <location filename="../../classesduo/ui/paged_table.py" line="189"/>
        <source>at least %n row(s)</source>
        <extracomment>Columns are sized to the contents of this many rows (Qt would otherwise measure every cell of the first page).</extracomment>
        <translation>
            <numerusform>au moins %n ligne</numerusform>
            <numerusform>au moins %n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/paged_table.py" line="192"/>
        <location filename="../../classesduo/ui/pages/list_page.py" line="203"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/services/classes.py" line="57"/>
        <location filename="../../classesduo/services/duos.py" line="144"/>
        <location filename="../../classesduo/services/schools.py" line="74"/>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="122"/>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="53"/>
        <location filename="../../classesduo/ui/safety_menu.py" line="136"/>
        <location filename="../../classesduo/ui/safety_menu.py" line="246"/>
        <location filename="../../classesduo/ui/safety_menu.py" line="252"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/services/duos.py" line="145"/>
        <location filename="../../classesduo/ui/media/actions.py" line="70"/>
        <location filename="../../classesduo/ui/media/actions.py" line="87"/>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="123"/>
        <location filename="../../classesduo/ui/safety_menu.py" line="137"/>
        <location filename="../../classesduo/ui/safety_menu.py" line="253"/>
        <source>%n media item(s)</source>
        <translation>
            <numerusform>%n média</numerusform>
            <numerusform>%n médias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/pages/media_page.py" line="250"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/pages/media_page.py" line="252"/>
        <source>at least %n item(s)</source>
        <translation>
            <numerusform>au moins %n élément</numerusform>
            <numerusform>au moins %n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/pages/media_page.py" line="383"/>
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Import de %n fichier…</numerusform>
            <numerusform>Import de %n fichiers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/services/classes.py" line="56"/>
        <location filename="../../classesduo/services/facilitators.py" line="55"/>
        <location filename="../../classesduo/services/schools.py" line="73"/>
        <location filename="../../classesduo/ui/media/actions.py" line="89"/>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="49"/>
        <location filename="../../classesduo/ui/safety_menu.py" line="135"/>
        <source>%n duo(s)</source>
        <translation>
            <numerusform>%n duo</numerusform>
            <numerusform>%n duos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/services/schools.py" line="72"/>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="96"/>
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n classe</numerusform>
            <numerusform>%n classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/pages/report_preview.py" line="98"/>
        <source>Possible children&apos;s names in %n text(s) of this report ({names}): edit those logs or captions before exporting — reports count children, never name them.</source>
        <translation>
            <numerusform>Prénoms d’enfants possibles dans %n texte de ce rapport ({names}) : corrigez ce compte rendu ou cette légende avant d’exporter — les rapports comptent les enfants, sans jamais les nommer.</numerusform>
            <numerusform>Prénoms d’enfants possibles dans %n textes de ce rapport ({names}) : corrigez ces comptes rendus ou légendes avant d’exporter — les rapports comptent les enfants, sans jamais les nommer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/services/importing/report.py" line="35"/>
        <source>%n problem(s); nothing was imported.</source>
        <translation>
            <numerusform>%n problème ; rien n&apos;a été importé.</numerusform>
            <numerusform>%n problèmes ; rien n&apos;a été importé.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/services/media_import.py" line="56"/>
        <source>%n file(s) imported.</source>
        <extracomment>Progress is reported in thousandths of the total bytes (Qt&apos;s progress bars take ints).</extracomment>
        <translation>
            <numerusform>%n fichier importé.</numerusform>
            <numerusform>%n fichiers importés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="176"/>
        <source>%n possible slot(s). Pick one and press “Plan this slot”.</source>
        <translation>
            <numerusform>%n créneau possible. Choisissez-le et appuyez sur « Planifier ce créneau ».</numerusform>
            <numerusform>%n créneaux possibles. Choisissez-en un et appuyez sur « Planifier ce créneau ».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="212"/>
        <source>⚠ %n date(s) of this series where a school calendar is unknown:</source>
        <translation>
            <numerusform>⚠ %n date de cette série où un calendrier scolaire est inconnu :</numerusform>
            <numerusform>⚠ %n dates de cette série où un calendrier scolaire est inconnu :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/calendar/finder_dialog.py" line="260"/>
        <source>%n date(s)</source>
        <translation>
            <numerusform>%n date</numerusform>
            <numerusform>%n dates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="198"/>
        <source>⚠ %n duo(s) with a school calendar unknown in these dates (see “School calendars”).</source>
        <translation>
            <numerusform>⚠ %n duo dont un calendrier scolaire est inconnu à ces dates (voir « Calendriers scolaires »).</numerusform>
            <numerusform>⚠ %n duos dont un calendrier scolaire est inconnu à ces dates (voir « Calendriers scolaires »).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="226"/>
        <source>%n possible slot(s). Double-click to see them all and plan one.</source>
        <translation>
            <numerusform>%n créneau possible. Double-cliquez pour le voir et le planifier.</numerusform>
            <numerusform>%n créneaux possibles. Double-cliquez pour les voir tous et en planifier un.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/import_result_dialog.py" line="81"/>
        <source>{file}: %n problem(s). Nothing was imported: fix the file and import it again.</source>
        <translation>
            <numerusform>{file} : %n problème. Rien n&apos;a été importé : corrigez le fichier et importez-le de nouveau.</numerusform>
            <numerusform>{file} : %n problèmes. Rien n&apos;a été importé : corrigez le fichier et importez-le de nouveau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/media/actions.py" line="48"/>
        <source>%n item(s) written to {folder}.</source>
        <translation>
            <numerusform>%n élément écrit dans {folder}.</numerusform>
            <numerusform>%n éléments écrits dans {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/media/actions.py" line="50"/>
        <source>%n item(s) not cleared for publication left out.</source>
        <translation>
            <numerusform>%n élément non autorisé à la publication laissé de côté.</numerusform>
            <numerusform>%n éléments non autorisés à la publication laissés de côté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/media/actions.py" line="52"/>
        <source>%n document(s) left out (not part of albums).</source>
        <translation>
            <numerusform>%n document laissé de côté (les albums n&apos;en contiennent pas).</numerusform>
            <numerusform>%n documents laissés de côté (les albums n&apos;en contiennent pas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/media/actions.py" line="67"/>
        <source>Nothing is older than the retention period (%n school year(s) after a duo&apos;s year).</source>
        <translation>
            <numerusform>Rien ne dépasse la durée de conservation (%n année scolaire après celle du duo).</numerusform>
            <numerusform>Rien ne dépasse la durée de conservation (%n années scolaires après celle du duo).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/media/actions.py" line="71"/>
        <location filename="../../classesduo/ui/media/actions.py" line="88"/>
        <source>%n log(s)</source>
        <translation>
            <numerusform>%n compte rendu</numerusform>
            <numerusform>%n comptes rendus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/media/actions.py" line="73"/>
        <source>… and %n more duo(s)</source>
        <translation>
            <numerusform>… et %n autre duo</numerusform>
            <numerusform>… et %n autres duos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/services/reports/fonts.py" line="142"/>
        <source>No font on this computer draws %n character(s) of this report ({chars}): they will print as boxes. Install a font for Japanese, Chinese and Korean (Debian/Ubuntu: fonts-noto-cjk) and export again.</source>
        <translation>
            <numerusform>Aucune police de cet ordinateur ne dessine %n caractère de ce rapport ({chars}) : il s&apos;imprimera comme un carré. Installez une police pour le japonais, le chinois et le coréen (Debian/Ubuntu : fonts-noto-cjk) et exportez de nouveau.</numerusform>
            <numerusform>Aucune police de cet ordinateur ne dessine %n caractères de ce rapport ({chars}) : ils s&apos;imprimeront comme des carrés. Installez une police pour le japonais, le chinois et le coréen (Debian/Ubuntu : fonts-noto-cjk) et exportez de nouveau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/safety_menu.py" line="125"/>
        <source>%n media item(s) without valid exchange consent today will be left out of the bundle (Show Details lists them).</source>
        <translation>
            <numerusform>%n média sans consentement valide aujourd&apos;hui pour l&apos;échange sera laissé hors du paquet (« Afficher les détails » le nomme).</numerusform>
            <numerusform>%n médias sans consentement valide aujourd&apos;hui pour l&apos;échange seront laissés hors du paquet (« Afficher les détails » les liste).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/safety_menu.py" line="140"/>
        <source>%n left out for lack of consent.</source>
        <translation>
            <numerusform>%n laissé de côté faute de consentement.</numerusform>
            <numerusform>%n laissés de côté faute de consentement.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/safety_menu.py" line="246"/>
        <source>%n media file(s)</source>
        <translation>
            <numerusform>%n fichier média</numerusform>
            <numerusform>%n fichiers médias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/log_form.py" line="388"/>
        <source>of %n pupil(s) in the class</source>
        <translation>
            <numerusform>sur %n élève dans la classe</numerusform>
            <numerusform>sur %n élèves dans la classe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="184"/>
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n congé</numerusform>
            <numerusform>%n congés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="185"/>
        <source>%n school year(s)</source>
        <translation>
            <numerusform>%n année scolaire</numerusform>
            <numerusform>%n années scolaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="91"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n modification en attente</numerusform>
            <numerusform>%n modifications en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="97"/>
        <source>%n conflict(s): changed or refused on the server, not overwritten</source>
        <translation>
            <numerusform>%n conflit : modifié ou refusé sur le serveur, non remplacé</numerusform>
            <numerusform>%n conflits : modifiés ou refusés sur le serveur, non remplacés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="15"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="17"/>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="24"/>
        <source>Empty: your computer user name</source>
        <translation>Vide : votre nom d’utilisateur sur l’ordinateur</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="29"/>
        <source>empty: the data folder&apos;s own database</source>
        <translation>vide : la base de données du dossier des données</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="30"/>
        <source>Shared mode: a PostgreSQL server the team shares, e.g. postgresql+psycopg://me@server/classesduo</source>
        <translation>Mode partagé : un serveur PostgreSQL commun à l’équipe, par exemple postgresql+psycopg://moi@serveur/classesduo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="34"/>
        <source>empty: the data folder&apos;s media folder</source>
        <translation>vide : le dossier des médias du dossier des données</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="35"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="42"/>
        <source>empty: no feeds</source>
        <translation>vide : pas de flux</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="43"/>
        <source>One .ics per facilitator, per school and for the programme, rewritten after every change (for a synced folder or a web server)</source>
        <translation>Un .ics par intervenant·e, par école et pour le programme, réécrit après chaque modification (pour un dossier synchronisé ou un serveur web)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="46"/>
        <source>B&amp;rowse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="52"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="53"/>
        <source>A duo has gone quiet after (weeks):</source>
        <translation>Un duo est silencieux après (semaines) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="54"/>
        <source>Free time around a facilitator&apos;s sessions (minutes):</source>
        <translation>Temps libre autour des séances d’un·e intervenant·e (minutes) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="56"/>
        <source>Your &amp;name in the history of log edits:</source>
        <translation>Votre &amp;nom dans l’historique des modifications :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="57"/>
        <source>Keep media and logs after a duo&apos;s year (school years):</source>
        <translation>Conserver médias et comptes rendus après l’année du duo (années scolaires) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="59"/>
        <source>Shared &amp;database URL:</source>
        <translation>&amp;URL de la base de données partagée :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="60"/>
        <source>Shared &amp;media folder:</source>
        <translation>Dossier des &amp;médias partagé :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="63"/>
        <source>Calendar &amp;feeds folder:</source>
        <translation>Dossier des &amp;flux d&apos;agenda :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="76"/>
        <source>Shared media folder</source>
        <translation>Dossier des médias partagé</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="82"/>
        <source>Calendar feeds folder</source>
        <translation>Dossier des flux d&apos;agenda</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../classesduo/ui/qt_strings.py" line="13"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/qt_strings.py" line="14"/>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../classesduo/ui/pages/list_page.py" line="184"/>
        <source>Filter… (Ctrl+F)</source>
        <extracomment>No column starts wider than this: a long name is elided (its full text is the cell&apos;s tooltip), so the other columns stay in view without a horizontal scroll bar.</extracomment>
        <translation>Filtrer… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/list_page.py" line="185"/>
        <source>Filter the list</source>
        <translation>Filtrer la liste</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/list_page.py" line="186"/>
        <source>Open (Enter)</source>
        <translation>Ouvrir (Entrée)</translation>
    </message>
    <message>
        <source>at least {shown} rows</source>
        <translation type="vanished">au moins {shown} lignes</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/paged_table.py" line="190"/>
        <location filename="../../classesduo/ui/pages/media_page.py" line="254"/>
        <source>counting…</source>
        <translation>comptage…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/paged_table.py" line="194"/>
        <location filename="../../classesduo/ui/pages/list_page.py" line="202"/>
        <source>{shown} of {total}</source>
        <translation>{shown} sur {total}</translation>
    </message>
    <message>
        <source>{total} rows</source>
        <translation type="vanished">{total} lignes</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="21"/>
        <source>Classes Duo — activity report</source>
        <extracomment>key → English source text (its French is in resources/translations/classesduo_fr.ts, context &quot;Report&quot;).</extracomment>
        <translation>Classes Duo — rapport d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="22"/>
        <source>City of Paris international school exchanges</source>
        <translation>Échanges scolaires internationaux de la Ville de Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="23"/>
        <source>City of Paris — Classes Duo programme</source>
        <translation>Ville de Paris — programme Classes Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="24"/>
        <source>Term {number}, {year}</source>
        <translation>Trimestre {number}, {year}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="25"/>
        <source>From {start} to {end}</source>
        <translation>Du {start} au {end}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="26"/>
        <source>Made on {day}</source>
        <translation>Établi le {day}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="27"/>
        <source>Whole programme</source>
        <translation>Ensemble du programme</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="28"/>
        <source>Paris {value}</source>
        <translation>Paris {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="29"/>
        <source>Partner country: {value}</source>
        <translation>Pays partenaire : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="30"/>
        <source>Facilitator: {value}</source>
        <translation>Intervenant·e : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="31"/>
        <source>Duo: {value}</source>
        <translation>Duo : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="32"/>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="33"/>
        <location filename="../../classesduo/services/reports/labels.py" line="46"/>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="34"/>
        <source>Cancellation reasons</source>
        <translation>Motifs d&apos;annulation</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="35"/>
        <source>Sessions held per week</source>
        <translation>Séances tenues par semaine</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="36"/>
        <source>Sessions held per month</source>
        <translation>Séances tenues par mois</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="37"/>
        <source>Sessions by partner country</source>
        <translation>Séances par pays partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="38"/>
        <location filename="../../classesduo/services/reports/labels.py" line="50"/>
        <location filename="../../classesduo/services/reports/labels.py" line="116"/>
        <source>Duos</source>
        <translation>Duos</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="39"/>
        <source>Duos with no exchange in the period</source>
        <translation>Duos sans échange sur la période</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="40"/>
        <source>Consent coverage of the media shared</source>
        <translation>Consentements des médias partagés</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="41"/>
        <location filename="../../classesduo/services/reports/labels.py" line="53"/>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="42"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="43"/>
        <source>How the figures are counted</source>
        <translation>Méthode de calcul</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="44"/>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="47"/>
        <source>Cancellations</source>
        <translation>Annulations</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="48"/>
        <source>Sessions held over time</source>
        <translation>Séances tenues dans le temps</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="49"/>
        <source>By country</source>
        <translation>Par pays</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="51"/>
        <source>Duos with no exchange</source>
        <translation>Duos sans échange</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="52"/>
        <source>Consent</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="54"/>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="55"/>
        <source>Trend against earlier periods</source>
        <translation>Évolution par rapport aux périodes précédentes</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="56"/>
        <location filename="../../classesduo/services/reports/labels.py" line="62"/>
        <source>By arrondissement</source>
        <translation>Par arrondissement</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="57"/>
        <location filename="../../classesduo/services/reports/labels.py" line="63"/>
        <source>By exchange kind</source>
        <translation>Par type d&apos;échange</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="58"/>
        <source>By class level (Paris)</source>
        <translation>Par niveau de classe (Paris)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="59"/>
        <source>By language of the duos</source>
        <translation>Par langue des duos</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="60"/>
        <location filename="../../classesduo/services/reports/labels.py" line="66"/>
        <source>Facilitator workload</source>
        <translation>Charge des intervenant·es</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="61"/>
        <source>Trend</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="64"/>
        <source>By level</source>
        <translation>Par niveau</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="65"/>
        <source>By language</source>
        <translation>Par langue</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="67"/>
        <source>Held / planned and due (%)</source>
        <translation>Tenues / prévues échues (%)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="68"/>
        <source>Children reached / enrolled, Paris (%)</source>
        <translation>Enfants touchés / inscrits, Paris (%)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="69"/>
        <source>Children reached / enrolled, abroad (%)</source>
        <translation>Enfants touchés / inscrits, à l&apos;étranger (%)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="70"/>
        <source>Average attendance, Paris (%)</source>
        <translation>Présence moyenne, Paris (%)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="71"/>
        <source>Average attendance, abroad (%)</source>
        <translation>Présence moyenne, à l&apos;étranger (%)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="72"/>
        <source>Cancellation rate (%)</source>
        <translation>Taux d&apos;annulation (%)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="73"/>
        <source>of the sessions due were held ({held} of {due})</source>
        <translation>des séances échues ont été tenues ({held} sur {due})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="74"/>
        <source>of the pupils enrolled were reached ({reached} of {enrolled})</source>
        <translation>des élèves inscrits ont été touchés ({reached} sur {enrolled})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="75"/>
        <source>average attendance at the exchanges held (Paris / abroad)</source>
        <translation>présence moyenne aux échanges tenus (Paris / étranger)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="76"/>
        <source>of the exchanges logged were cancelled ({cancelled})</source>
        <translation>des échanges renseignés ont été annulés ({cancelled})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="77"/>
        <source>This period</source>
        <translation>Cette période</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="78"/>
        <source>Term before</source>
        <translation>Trimestre précédent</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="79"/>
        <source>Period before</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="80"/>
        <source>A year earlier</source>
        <translation>Un an plus tôt</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="81"/>
        <source>Arrondissement</source>
        <translation>Arrondissement</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="82"/>
        <source>Cancelled</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="83"/>
        <source>Cancelled (%)</source>
        <translation>Annulées (%)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="84"/>
        <source>Enrolled (Paris)</source>
        <translation>Inscrits (Paris)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="85"/>
        <source>Reached / enrolled (%)</source>
        <translation>Touchés / inscrits (%)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="87"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="88"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="90"/>
        <source>Figure</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="91"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="92"/>
        <source>Duos in the report</source>
        <translation>Duos du rapport</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="93"/>
        <source>Active duos (at least one exchange held)</source>
        <translation>Duos actifs (au moins un échange tenu)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="94"/>
        <source>Paris schools</source>
        <translation>Écoles parisiennes</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="95"/>
        <source>Partner schools</source>
        <translation>Écoles partenaires</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="96"/>
        <source>Arrondissements covered</source>
        <translation>Arrondissements couverts</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="97"/>
        <source>Countries covered</source>
        <translation>Pays couverts</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="98"/>
        <source>Sessions planned</source>
        <translation>Séances prévues</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="99"/>
        <source>Sessions held</source>
        <translation>Séances tenues</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="100"/>
        <source>Sessions cancelled</source>
        <translation>Séances annulées</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="101"/>
        <source>Sessions postponed</source>
        <translation>Séances reportées</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="102"/>
        <source>Sessions planned, not yet logged (past or to come)</source>
        <translation>Séances prévues, pas encore renseignées (passées ou à venir)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="86"/>
        <location filename="../../classesduo/services/reports/labels.py" line="103"/>
        <source>Hours of visio</source>
        <translation>Heures de visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="104"/>
        <source>Children reached in Paris</source>
        <translation>Enfants touchés à Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="105"/>
        <source>Children reached abroad</source>
        <translation>Enfants touchés à l&apos;étranger</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="106"/>
        <source>Media shared</source>
        <translation>Médias partagés</translation>
    </message>
    <message>
        <source>of which erased after the retention period (counts kept)</source>
        <translation type="vanished">dont effacés après la durée de conservation (comptes gardés)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="107"/>
        <source>of which erased since (retention)</source>
        <translation>dont effacés depuis (conservation)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="108"/>
        <source>Media cleared for publication</source>
        <translation>Médias autorisés à la publication</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="109"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="110"/>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="111"/>
        <source>Week of</source>
        <translation>Semaine du</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="112"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="113"/>
        <source>Held</source>
        <translation>Tenues</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="114"/>
        <source>Planned</source>
        <translation>Prévues</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="115"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="117"/>
        <source>Paris school</source>
        <translation>École parisienne</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="118"/>
        <source>Arr.</source>
        <translation>Arr.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="119"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="120"/>
        <source>Partner school</source>
        <translation>École partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="121"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="122"/>
        <source>Facilitator</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="123"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="124"/>
        <source>Last exchange</source>
        <translation>Dernier échange</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="125"/>
        <source>Children (Paris)</source>
        <translation>Enfants (Paris)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="126"/>
        <source>Children (partner)</source>
        <translation>Enfants (partenaire)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="127"/>
        <source>Highlights</source>
        <translation>Temps forts</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="128"/>
        <source>Children (Paris / partner)</source>
        <translation>Enfants (Paris / part.)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="129"/>
        <source>Duo</source>
        <translation>Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="130"/>
        <source>Use</source>
        <translation>Usage</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="131"/>
        <source>Cleared</source>
        <translation>Autorisés</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="132"/>
        <source>Refused</source>
        <translation>Refusés</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="133"/>
        <source>Unknown</source>
        <translation>Inconnus</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="134"/>
        <source>Expired</source>
        <translation>Expirés</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="135"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="136"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="137"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="138"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="139"/>
        <source>Present (Paris / partner)</source>
        <translation>Présents (Paris / partenaire)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="140"/>
        <source>What happened</source>
        <translation>Déroulé</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="141"/>
        <source>None.</source>
        <translation>Aucun.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="89"/>
        <location filename="../../classesduo/services/reports/labels.py" line="142"/>
        <source>not given</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="143"/>
        <source>Exchange between the classes</source>
        <translation>Échange entre les classes</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="144"/>
        <source>City reports</source>
        <translation>Rapports de la Ville</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="145"/>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="146"/>
        <source>proposed</source>
        <translation>proposé</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="147"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="148"/>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="149"/>
        <source>closed</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="150"/>
        <source>planned</source>
        <translation>prévue</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="151"/>
        <source>held</source>
        <translation>tenue</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="152"/>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="153"/>
        <source>postponed</source>
        <translation>reportée</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="154"/>
        <source>visio</source>
        <translation>visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="155"/>
        <source>e-mail</source>
        <translation>courriel</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="156"/>
        <source>blog post</source>
        <translation>article de blog</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="157"/>
        <source>letter</source>
        <translation>lettre</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="158"/>
        <source>technical problem</source>
        <translation>problème technique</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="159"/>
        <source>partner class absent</source>
        <translation>classe partenaire absente</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="160"/>
        <source>school event</source>
        <translation>événement scolaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="161"/>
        <source>weather</source>
        <translation>météo</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="162"/>
        <source>strike</source>
        <translation>grève</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="163"/>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/reports/labels.py" line="164"/>
        <source>Duos in the report: duos in the scope that are active or paused in the school year, plus any duo with a session in the period. Active duos: at least one exchange held in the period. Sessions planned: sessions scheduled in the period except postponed ones (held + cancelled + not yet logged). Hours of visio: actual length of the held visios (planned length when not logged). Children reached: for each duo, the largest presence logged at one held exchange (the class size when a held exchange has no count), summed over the duos. Media are counted in the period of their exchange; a consent is cleared when granted and not expired on the day the report is made.</source>
        <translation>Duos du rapport : duos du périmètre actifs ou en pause dans l&apos;année scolaire, et tout duo ayant une séance sur la période. Duos actifs : au moins un échange tenu sur la période. Séances prévues : séances programmées sur la période hors séances reportées (tenues + annulées + à renseigner). Heures de visio : durée réelle des visios tenues (durée prévue si non renseignée). Enfants touchés : pour chaque duo, la plus forte présence notée lors d&apos;un échange tenu (l&apos;effectif de la classe si un échange tenu n&apos;a pas de compte), additionnée sur les duos. Les médias sont comptés sur la période de leur échange ; un consentement est valable s&apos;il est accordé et non expiré le jour où le rapport est établi.</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../classesduo/ui/pages/report_preview.py" line="146"/>
        <location filename="../../classesduo/ui/pages/report_preview.py" line="154"/>
        <source>Open the duo (Enter)</source>
        <translation>Ouvrir le duo (Entrée)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/report_export.py" line="46"/>
        <source>Export the report</source>
        <extracomment>The path written, or &quot;&quot; when cancelled or failed (the error was already shown).</extracomment>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/report_export.py" line="61"/>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="237"/>
        <source>Computing the figures…</source>
        <translation>Calcul des chiffres…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/report_export.py" line="72"/>
        <location filename="../../classesduo/ui/pages/report_export.py" line="93"/>
        <source>Writing the report…</source>
        <translation>Écriture du rapport…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/report_export.py" line="86"/>
        <source>Missing font</source>
        <translation>Police manquante</translation>
    </message>
    <message>
        <source>No font on this computer draws {count} character(s) of this report ({chars}): they will print as boxes. Install a font for Japanese, Chinese and Korean (Debian/Ubuntu: fonts-noto-cjk) and export again.</source>
        <translation type="vanished">Aucune police de cet ordinateur ne dessine {count} caractère(s) de ce rapport ({chars}) : ils s’imprimeront comme des carrés. Installez une police pour le japonais, le chinois et le coréen (Debian/Ubuntu : fonts-noto-cjk) et exportez de nouveau.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/report_export.py" line="100"/>
        <source>The report could not be written: {error}</source>
        <translation>Le rapport n’a pas pu être écrit : {error}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="140"/>
        <source>Term {number}, {year}</source>
        <translation>Trimestre {number}, {year}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="142"/>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="323"/>
        <source>Custom range</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="193"/>
        <source>Paris {number}</source>
        <translation>Paris {number}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="208"/>
        <source>Check the dates: {problem}.</source>
        <translation>Vérifiez les dates : {problem}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="231"/>
        <source>Nothing to choose for this scope yet.</source>
        <translation>Rien à choisir pour ce périmètre pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="288"/>
        <source>Report saved: {path}</source>
        <translation>Rapport enregistré : {path}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="291"/>
        <source>Export cancelled; no file written.</source>
        <translation>Export annulé ; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="295"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="296"/>
        <source>&amp;Period:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="298"/>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="299"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="300"/>
        <source>Edit the term&apos;s &amp;dates…</source>
        <translation>Modifier les da&amp;tes du trimestre…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="301"/>
        <source>&amp;Scope:</source>
        <translation>Pé&amp;rimètre :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="304"/>
        <source>Whole programme</source>
        <translation>Ensemble du programme</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="305"/>
        <source>One arrondissement</source>
        <translation>Un arrondissement</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="306"/>
        <source>One partner country</source>
        <translation>Un pays partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="307"/>
        <source>One facilitator</source>
        <translation>Un·e intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="308"/>
        <source>One duo</source>
        <translation>Un duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="312"/>
        <source>Report &amp;language:</source>
        <translation>&amp;Langue du rapport :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="314"/>
        <source>CSV for French Excel (;)</source>
        <translation>CSV pour Excel en français (;)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="315"/>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="316"/>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="317"/>
        <source>Export &amp;XLSX…</source>
        <translation>Exporter en &amp;XLSX…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="318"/>
        <source>Nothing to report yet — add schools and duos, or load the demo data.</source>
        <translation>Rien à présenter pour l’instant — ajoutez des écoles et des duos, ou chargez les données de démonstration.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="14"/>
        <source>on demand</source>
        <translation>à la demande</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="15"/>
        <source>daily, at start-up</source>
        <translation>quotidienne, au démarrage</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="16"/>
        <source>before an import</source>
        <translation>avant un import</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="17"/>
        <source>before a restore</source>
        <translation>avant une restauration</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="18"/>
        <source>before erasing a duo</source>
        <translation>avant l’effacement d’un duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="24"/>
        <source>before a database upgrade</source>
        <translation>avant une mise à jour de la base de données</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="80"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="81"/>
        <source>Choose the state to go back to. The current data is backed up first, so a restore can itself be undone.</source>
        <translation>Choisissez l’état auquel revenir. Les données actuelles sont d’abord sauvegardées : une restauration peut donc elle-même être annulée.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="83"/>
        <source>No backups yet in this data folder. Use File › Back up now, or restore a backup file from elsewhere.</source>
        <translation>Aucune sauvegarde pour l’instant dans ce dossier des données. Utilisez Fichier › Sauvegarder maintenant, ou restaurez un fichier de sauvegarde venu d’ailleurs.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="85"/>
        <source>Taken</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="85"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="86"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="87"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="88"/>
        <source>From a &amp;file…</source>
        <translation>Depuis un &amp;fichier…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="100"/>
        <source>Restore a backup file</source>
        <translation>Restaurer un fichier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/restore_dialog.py" line="101"/>
        <source>Classes Duo backups (*.sqlite3);;All files (*)</source>
        <translation>Sauvegardes Classes Duo (*.sqlite3);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>SafetyMenu</name>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="39"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="40"/>
        <source>&amp;Restore a backup…</source>
        <translation>Res&amp;taurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="41"/>
        <source>&amp;Export a bundle…</source>
        <translation>&amp;Exporter un paquet…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="42"/>
        <source>&amp;Import a bundle…</source>
        <translation>I&amp;mporter un paquet…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="43"/>
        <source>&amp;Check the data</source>
        <translation>&amp;Vérifier les données</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="44"/>
        <source>E&amp;rase a duo…</source>
        <translation>E&amp;ffacer un duo…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="66"/>
        <source>Backup written and checked: {path}</source>
        <translation>Sauvegarde écrite et vérifiée : {path}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="68"/>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="73"/>
        <source>You are working on a shared PostgreSQL database: it is backed up and restored on its server (pg_dump / pg_restore), not from this window.</source>
        <translation>Vous travaillez sur une base de données PostgreSQL partagée : elle est sauvegardée et restaurée sur son serveur (pg_dump / pg_restore), pas depuis cette fenêtre.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="80"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="80"/>
        <source>Replace the current data with the backup {name}? The current data is backed up first.</source>
        <translation>Remplacer les données actuelles par la sauvegarde {name} ? Les données actuelles sont d’abord sauvegardées.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="96"/>
        <source>Restored {name}.</source>
        <translation>Sauvegarde {name} restaurée.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="98"/>
        <source>The previous data was backed up to {path}.</source>
        <translation>Les données précédentes ont été sauvegardées dans {path}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="101"/>
        <source>The damaged database was kept as {path}.</source>
        <translation>La base de données endommagée a été conservée sous {path}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="103"/>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="105"/>
        <source>Restoring…</source>
        <translation>Restauration en cours…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="112"/>
        <source>Export a bundle</source>
        <translation>Exporter un paquet</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="124"/>
        <source>Media without exchange consent</source>
        <translation>Médias sans autorisation d&apos;échange</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="134"/>
        <source>Bundle written: {path} ({duos}, {sessions}, {media}).</source>
        <translation>Paquet écrit : {path} ({duos}, {sessions}, {media}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="159"/>
        <source>{added} rows added, {updated} updated (changed on the other laptop), {unchanged} unchanged; {files} new media files.</source>
        <translation>{added} lignes ajoutées, {updated} mises à jour (modifiées sur l’autre ordinateur), {unchanged} inchangées ; {files} nouveaux fichiers de médias.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="165"/>
        <source>{count} rows were dated in the future (the other laptop&apos;s clock is wrong): their dates were set to now.</source>
        <translation>{count} lignes étaient datées dans le futur (l’horloge de l’autre ordinateur est fausse) : leur date a été ramenée à maintenant.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="181"/>
        <source>{what} “{label}” — here: {mine:%Y-%m-%d %H:%M}, in the bundle: {theirs:%Y-%m-%d %H:%M} (UTC)</source>
        <translation>{what} « {label} » — ici : {mine:%Y-%m-%d %H:%M}, dans le lot : {theirs:%Y-%m-%d %H:%M} (UTC)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="185"/>
        <source>Changed on both laptops</source>
        <translation>Modifié sur les deux ordinateurs</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="185"/>
        <source>These records were changed here and on the other laptop since they last agreed. Tick those for which you want the bundle&apos;s version; the others keep this laptop&apos;s version.</source>
        <translation>Ces fiches ont été modifiées ici et sur l’autre ordinateur depuis leur dernier accord. Cochez celles pour lesquelles vous voulez la version du lot ; les autres gardent la version de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="190"/>
        <source>Nothing decided: this laptop&apos;s versions are kept for now.</source>
        <translation>Rien n’a été tranché : les versions de cet ordinateur sont conservées pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="197"/>
        <source>Conflicts decided: {theirs} from the bundle, {mine} kept from this laptop.</source>
        <translation>Conflits tranchés : {theirs} repris du lot, {mine} conservés de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="242"/>
        <source>Erase this duo with {sessions} (and their logs) and {media}? Its data is removed from the database file, the media folder, every backup in the data folder and the log files. This cannot be undone.</source>
        <translation>Effacer ce duo avec {sessions} (et leurs comptes rendus) et {media} ? Ses données sont retirées du fichier de la base de données, du dossier des médias, de chaque sauvegarde du dossier de données et des fichiers journaux. C&apos;est définitif.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="251"/>
        <source>Duo erased: {sessions} and {media} removed.</source>
        <translation>Duo effacé : {sessions} et {media} supprimés.</translation>
    </message>
    <message numerus="yes">
        <source>%n media item(s) have no valid exchange consent today and will be left out of the bundle (Show Details lists them).</source>
        <translation type="vanished">
            <numerusform>%n média n&apos;a pas d&apos;autorisation d&apos;échange valable aujourd&apos;hui et sera laissé hors du paquet (Afficher les détails le nomme).</numerusform>
            <numerusform>%n médias n&apos;ont pas d&apos;autorisation d&apos;échange valable aujourd&apos;hui et seront laissés hors du paquet (Afficher les détails les énumère).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="127"/>
        <source>Include them anyway (the bundle records it)</source>
        <translation>Les inclure quand même (le paquet le consigne)</translation>
    </message>
    <message>
        <source>Bundle written: {path} ({duos} duos, {sessions} sessions, {media} media).</source>
        <translation type="vanished">Paquet écrit : {path} ({duos} duo(s), {sessions} séance(s), {media} média(s)).</translation>
    </message>
    <message numerus="yes">
        <source>%n left out for lack of consent.</source>
        <translation type="vanished">
            <numerusform>%n laissé de côté faute d&apos;autorisation.</numerusform>
            <numerusform>%n laissés de côté faute d&apos;autorisation.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="143"/>
        <source>Writing the bundle…</source>
        <translation>Écriture du paquet…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="151"/>
        <source>Import a bundle</source>
        <translation>Importer un paquet</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="168"/>
        <source>Bundle imported</source>
        <translation>Paquet importé</translation>
    </message>
    <message>
        <source>{added} rows added, {updated} updated (newer in the bundle), {unchanged} unchanged; {files} new media files.</source>
        <translation type="vanished">{added} ligne(s) ajoutée(s), {updated} mise(s) à jour (plus récente(s) dans le paquet), {unchanged} inchangée(s) ; {files} nouveau(x) fichier(s) média.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="172"/>
        <location filename="../../classesduo/ui/safety_menu.py" line="200"/>
        <source>Importing the bundle…</source>
        <translation>Import du paquet…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="212"/>
        <source>Check the data</source>
        <translation>Vérifier les données</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="212"/>
        <source>All good: the database is sound and {count} media files match their fingerprints.</source>
        <translation>Tout va bien : la base de données est intègre et {count} fichier(s) média correspondent à leur empreinte.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="217"/>
        <source>{count} problems found. Restore a backup (File › Restore a backup…) if data is damaged.</source>
        <translation>{count} problème(s) trouvé(s). Restaurez une sauvegarde (Fichier › Restaurer une sauvegarde…) si des données sont endommagées.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="221"/>
        <source>Checking the data…</source>
        <translation>Vérification des données…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="234"/>
        <location filename="../../classesduo/ui/safety_menu.py" line="237"/>
        <location filename="../../classesduo/ui/safety_menu.py" line="242"/>
        <source>Erase a duo</source>
        <translation>Effacer un duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="235"/>
        <source>There is no duo to erase.</source>
        <translation>Il n’y a aucun duo à effacer.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="238"/>
        <source>Duo to erase:</source>
        <translation>Duo à effacer :</translation>
    </message>
    <message>
        <source>Erase this duo with its {sessions} sessions and logs and {media} media files? Its data is removed from the database file, the media folder, every backup in the data folder and the log files. This cannot be undone.</source>
        <translation type="vanished">Effacer ce duo avec ses {sessions} séance(s) et comptes rendus et ses {media} fichier(s) média ? Ses données sont retirées du fichier de la base de données, du dossier des médias, de chaque sauvegarde du dossier de données et des fichiers journaux. C&apos;est définitif.</translation>
    </message>
    <message>
        <source>Erase this duo with its {sessions} sessions and logs and {media} media files? Its data is removed from the database file and the media folder; only the backups taken before keep a copy.</source>
        <translation type="vanished">Effacer ce duo avec ses {sessions} séance(s) et comptes rendus et ses {media} fichier(s) média ? Ses données sont retirées du fichier de la base de données et du dossier des médias ; seules les sauvegardes faites auparavant en gardent une copie.</translation>
    </message>
    <message>
        <source>Duo erased: {sessions} sessions and {media} media items removed.</source>
        <translation type="vanished">Duo effacé : {sessions} séance(s) et {media} média(s) supprimé(s).</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="255"/>
        <source>Erasing the duo…</source>
        <translation>Effacement du duo…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="268"/>
        <source>Restore the backup of {when}</source>
        <translation>Restaurer la sauvegarde du {when}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="269"/>
        <source>Open another data folder…</source>
        <translation>Ouvrir un autre dossier des données…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="270"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="271"/>
        <source>The database in {folder} is damaged and was not opened:
{problem}

Nothing has been changed. Restoring a backup keeps the damaged file aside (renamed with today&apos;s date), never overwrites it.</source>
        <translation>La base de données de {folder} est endommagée et n’a pas été ouverte :
{problem}

Rien n’a été modifié. Restaurer une sauvegarde met le fichier endommagé de côté (renommé avec la date du jour), sans jamais l’écraser.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="276"/>
        <source>There is no sound backup in this data folder.</source>
        <translation>Il n’y a aucune sauvegarde intègre dans ce dossier des données.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="277"/>
        <source>Damaged database</source>
        <translation>Base de données endommagée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="281"/>
        <source>Open a data folder</source>
        <translation>Ouvrir un dossier des données</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/safety_menu.py" line="295"/>
        <source>{folder} is already open in another Classes Duo window.</source>
        <translation>{folder} est déjà ouvert dans une autre fenêtre de Classes Duo.</translation>
    </message>
</context>
<context>
    <name>SchoolCalendar</name>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="35"/>
        <source>School year</source>
        <translation>Année scolaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="35"/>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="36"/>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="90"/>
        <source>School years (first and last day of classes)</source>
        <translation>Années scolaires (premier et dernier jour de classe)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="158"/>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="167"/>
        <source>⚠ {first} to {last}: {text}</source>
        <translation>⚠ du {first} au {last} : {text}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="174"/>
        <source>The school&apos;s calendar (closed days, by rule and entered)</source>
        <translation>Calendrier de l&apos;école (jours de fermeture, d&apos;office et saisis)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="175"/>
        <source>&amp;Year:</source>
        <translation>&amp;Année :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="176"/>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="177"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_calendar_editor.py" line="178"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>SchoolDialog</name>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="73"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="74"/>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="75"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="76"/>
        <source>Country (ISO code)</source>
        <translation>Pays (code ISO)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="77"/>
        <source>Region (public holidays)</source>
        <translation>Région (jours fériés)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="79"/>
        <source>Arrondissement</source>
        <translation>Arrondissement</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="80"/>
        <source>Time zone (IANA)</source>
        <translation>Fuseau horaire (IANA)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="81"/>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="82"/>
        <source>Contact e-mail</source>
        <translation>E-mail de contact</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="147"/>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="252"/>
        <source>The whole country</source>
        <translation>Tout le pays</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="161"/>
        <source>Import the school&apos;s calendar</source>
        <translation>Importer le calendrier de l&apos;école</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="162"/>
        <source>School calendars (*.ics *.csv)</source>
        <translation>Calendriers scolaires (*.ics *.csv)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="182"/>
        <source>{file}: {breaks} and {years} added, {same} already there; saved with the school.</source>
        <translation>{file} : {breaks} et {years} ajoutés, {same} déjà présents ; enregistrés avec l’école.</translation>
    </message>
    <message>
        <source>{file}: {breaks} breaks and {years} school years added, {same} already there; saved with the school.</source>
        <translation type="vanished">{file} : {breaks} congés et {years} années scolaires ajoutés, {same} déjà présents ; enregistrés avec l&apos;école.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="198"/>
        <source>This school</source>
        <translation>Cette école</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="201"/>
        <source>Type the school&apos;s time zone to see its calendar.</source>
        <translation>Saisissez le fuseau horaire de l&apos;école pour voir son calendrier.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="206"/>
        <source>No public holidays are known for {country}: enter the school&apos;s days off as breaks.</source>
        <translation>Aucun jour férié n&apos;est connu pour {country} : saisissez les jours de fermeture de l&apos;école comme congés.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="239"/>
        <source>French zone C school holidays (the shipped calendar) and French public holidays apply to every Paris school by rule; list here only this school&apos;s own closures.</source>
        <translation>Les vacances scolaires de la zone C (calendrier fourni) et les jours fériés français s&apos;appliquent d&apos;office à toutes les écoles parisiennes ; n&apos;indiquez ici que les fermetures propres à cette école.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="242"/>
        <source>The country&apos;s (and region&apos;s) public holidays apply by rule, and the days between two school years; list here the school&apos;s own breaks.</source>
        <translation>Les jours fériés du pays (et de la région) s&apos;appliquent d&apos;office, ainsi que les jours entre deux années scolaires ; indiquez ici les congés propres à l&apos;école.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="245"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="246"/>
        <source>Breaks and school years from a CSV file (kind, name, first_day, last_day) or an .ics calendar the school publishes</source>
        <translation>Congés et années scolaires depuis un fichier CSV (kind, name, first_day, last_day) ou un calendrier .ics publié par l&apos;école</translation>
    </message>
    <message>
        <source>The country&apos;s public holidays apply by rule; list here the school&apos;s own breaks.</source>
        <translation type="vanished">Les jours fériés du pays s&apos;appliquent d&apos;office ; indiquez ici les congés propres à l&apos;école.</translation>
    </message>
    <message>
        <source>French zone C holidays of {years} filled in.</source>
        <translation type="vanished">Vacances scolaires de la zone C ajoutées pour {years}.</translation>
    </message>
    <message>
        <source>The shipped calendar has no zone C holidays for {years}.</source>
        <translation type="vanished">Le calendrier fourni ne contient pas les vacances de la zone C pour {years}.</translation>
    </message>
    <message>
        <source>Type the school&apos;s country code first (ISO 3166-1, e.g. AR).</source>
        <translation type="vanished">Saisissez d’abord le code pays de l’école (ISO 3166-1, p. ex. AR).</translation>
    </message>
    <message>
        <source>Public holidays of {country} for {years} filled in; add the school&apos;s own breaks by hand.</source>
        <translation type="vanished">Jours fériés du pays {country} ajoutés pour {years} ; ajoutez à la main les vacances propres à l’école.</translation>
    </message>
    <message>
        <source>No public holidays are known for {country}.</source>
        <translation type="vanished">Aucun jour férié connu pour le pays {country}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="234"/>
        <source>New school</source>
        <translation>Nouvelle école</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/school_dialog.py" line="235"/>
        <source>Edit school — {name}</source>
        <translation>Modifier l’école — {name}</translation>
    </message>
    <message>
        <source>Fill French zone C holidays</source>
        <translation type="vanished">Ajouter les vacances de la zone C</translation>
    </message>
    <message>
        <source>Fill public holidays</source>
        <translation type="vanished">Ajouter les jours fériés</translation>
    </message>
</context>
<context>
    <name>SchoolsPage</name>
    <message>
        <source>1 duo</source>
        <translation type="vanished">1 duo</translation>
    </message>
    <message>
        <source>{n} duos</source>
        <translation type="vanished">{n} duos</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation type="vanished">1 séance</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation type="vanished">{n} séances</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="57"/>
        <source>Archived</source>
        <translation>Archivage</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="58"/>
        <source>archived</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="64"/>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="153"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="65"/>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="66"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="67"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="68"/>
        <source>Arr.</source>
        <translation>Arr.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="70"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="71"/>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="155"/>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="79"/>
        <source>Schools</source>
        <translation>Écoles</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="82"/>
        <source>No schools yet — add one (Ctrl+N) or load the demo data to explore the app.</source>
        <translation>Aucune école pour l’instant — ajoutez-en une (Ctrl+N) ou chargez les données de démonstration pour découvrir l’application.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="95"/>
        <source>{classes}, {duos} and {sessions} use this school</source>
        <translation>{classes}, {duos} et {sessions} utilisent cette école</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="185"/>
        <source>This facilitator runs {duos}</source>
        <translation>Cet·te intervenant·e anime {duos}</translation>
    </message>
    <message>
        <source>1 class</source>
        <translation type="vanished">1 classe</translation>
    </message>
    <message>
        <source>{n} classes</source>
        <translation type="vanished">{n} classes</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="124"/>
        <source>No classes yet — add a school, then its classes (Ctrl+N), or load the demo data.</source>
        <translation>Aucune classe pour l’instant — ajoutez une école, puis ses classes (Ctrl+N), ou chargez les données de démonstration.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="138"/>
        <source>{duos} and {sessions} use this class</source>
        <translation>{duos} et {sessions} utilisent cette classe</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="172"/>
        <source>No facilitators yet — add one (Ctrl+N) or load the demo data.</source>
        <translation>Aucun·e intervenant·e pour l’instant — ajoutez-en un·e (Ctrl+N) ou chargez les données de démonstration.</translation>
    </message>
    <message>
        <source>1 duo is run by this facilitator</source>
        <translation type="vanished">1 duo est animé par cet·te intervenant·e</translation>
    </message>
    <message>
        <source>{n} duos are run by this facilitator</source>
        <translation type="vanished">{n} duos sont animés par cet·te intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="107"/>
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="108"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="109"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="110"/>
        <source>Pupils</source>
        <translation>Élèves</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="112"/>
        <source>Teacher</source>
        <translation>Enseignant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="121"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="154"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="156"/>
        <source>Active duos</source>
        <translation>Duos actifs</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="158"/>
        <source>Sessions this week</source>
        <translation>Séances cette semaine</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="169"/>
        <source>Facilitators</source>
        <translation>Intervenant·es</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="36"/>
        <source>Edit session</source>
        <translation>Modifier la séance</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="37"/>
        <source>Plan a visio</source>
        <translation>Planifier une visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="43"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="52"/>
        <source>Only this session</source>
        <translation>Cette séance seulement</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="53"/>
        <source>This session and the following ones of the series</source>
        <translation>Cette séance et les suivantes de la série</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="56"/>
        <source>This visio is part of a series. Change:</source>
        <translation>Cette visio fait partie d’une série. Modifier :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="64"/>
        <source>&amp;Duo:</source>
        <translation>&amp;Duo :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="65"/>
        <source>&amp;When:</source>
        <translation>&amp;Quand :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="66"/>
        <source>Le&amp;ngth:</source>
        <translation>D&amp;urée :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="67"/>
        <source>Visio l&amp;ink:</source>
        <translation>&amp;Lien visio :</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="vanished">D&amp;urée :</translation>
    </message>
    <message>
        <source>Visio &amp;link:</source>
        <translation type="vanished">&amp;Lien visio :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="71"/>
        <source>Cancel this visio…</source>
        <translation>Annuler cette visio…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="73"/>
        <source>Invitation…</source>
        <translation>Invitation…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="75"/>
        <source>&amp;Log this exchange…</source>
        <translation>&amp;Renseigner cet échange…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="159"/>
        <source>Choose a time.</source>
        <translation>Choisissez une heure.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="192"/>
        <source>Cancel this visio? It stays in the calendar as cancelled, and a re-exported .ics tells the partner&apos;s calendar.</source>
        <translation>Annuler cette visio ? Elle reste dans le calendrier comme annulée, et un .ics réexporté en informera l’agenda du partenaire.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/session_dialog.py" line="194"/>
        <source>Cancel visio</source>
        <translation>Annuler la visio</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="14"/>
        <source>Paris time</source>
        <translation>Heure de Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="16"/>
        <source>Partner time</source>
        <translation>Heure partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="19"/>
        <source>Duo</source>
        <translation>Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="20"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="21"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="23"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="24"/>
        <source>Facilitator</source>
        <translation>Intervenant·e</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="42"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="44"/>
        <source>Partner school</source>
        <translation>École partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="45"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="46"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="47"/>
        <source>Facilitator</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="49"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="96"/>
        <source>Every partner class already has a duo in {year}. Add partner classes in the Schools area.</source>
        <translation>Chaque classe partenaire a déjà un duo en {year}. Ajoutez des classes partenaires sur la page Écoles.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="114"/>
        <source>{school} ({city}), {name} — score {score}: {why}</source>
        <translation>{school} ({city}), {name} — score {score} : {why}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="133"/>
        <source>Suggest partner classes</source>
        <translation>Suggérer des classes partenaires</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="134"/>
        <source>Paris class</source>
        <translation>Classe parisienne</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="135"/>
        <source>School year</source>
        <translation>Année scolaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="136"/>
        <source>Partner classes without a duo that year, best first. Score: same level +3 (adjacent +1) · French spoken or a facilitator speaking the partner&apos;s language +2 · weekly overlap of the two timetables ≥ 60 min +2 (less +1). Classes with no overlap can only exchange asynchronously.</source>
        <translation>Classes partenaires sans duo cette année-là, les meilleures d’abord. Score : même niveau +3 (niveau voisin +1) · français parlé ou intervenant·e parlant la langue du partenaire +2 · moments communs des deux emplois du temps ≥ 60 min par semaine +2 (moins +1). Les classes sans moment commun ne peuvent échanger qu’en asynchrone.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="141"/>
        <source>Create a duo from this suggestion…</source>
        <translation>Créer un duo à partir de cette suggestion…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/suggestions_dialog.py" line="142"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="22"/>
        <source>Connect a CalDAV calendar</source>
        <translation>Connecter un agenda CalDAV</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="27"/>
        <source>The password is kept in the system keyring.</source>
        <translation>Le mot de passe est conservé dans le trousseau du système.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="29"/>
        <source>No system keyring on this computer: the password is asked again each time the app starts, never written to disk.</source>
        <translation>Pas de trousseau système sur cet ordinateur : le mot de passe est redemandé à chaque démarrage de l&apos;application, jamais écrit sur le disque.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="32"/>
        <source>Calendar &amp;address:</source>
        <translation>&amp;Adresse de l&apos;agenda :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="33"/>
        <source>&amp;User name:</source>
        <translation>&amp;Nom d&apos;utilisateur :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="34"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="60"/>
        <source>CalDAV calendar…</source>
        <extracomment>How the connect dialog is shown; tests replace it.</extracomment>
        <translation>Agenda CalDAV…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="61"/>
        <source>Connect the calendar (Nextcloud, iCloud, Fastmail, Radicale…) that receives every visio</source>
        <translation>Connecter l&apos;agenda (Nextcloud, iCloud, Fastmail, Radicale…) qui reçoit chaque visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="63"/>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="87"/>
        <source>No CalDAV calendar connected.</source>
        <translation>Aucun agenda CalDAV connecté.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="88"/>
        <source>CalDAV: {user} at {url}</source>
        <translation>CalDAV : {user} sur {url}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation type="vanished">
            <numerusform>%n modification en attente</numerusform>
            <numerusform>%n modifications en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="92"/>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="95"/>
        <source>the server did not answer</source>
        <translation>le serveur n&apos;a pas répondu</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): changed or refused on the server, not overwritten</source>
        <translation type="vanished">
            <numerusform>%n conflit : modifié ou refusé sur le serveur, non remplacé</numerusform>
            <numerusform>%n conflits : modifiés ou refusés sur le serveur, non remplacés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="100"/>
        <source>last complete sync {when}</source>
        <translation>dernière synchronisation complète {when}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="131"/>
        <source>CalDAV password</source>
        <translation>Mot de passe CalDAV</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="132"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="166"/>
        <source>Syncing with the CalDAV calendar…</source>
        <translation>Synchronisation avec l&apos;agenda CalDAV…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/sync_bar.py" line="181"/>
        <source>The sync failed: {error}</source>
        <translation>La synchronisation a échoué : {error}</translation>
    </message>
</context>
<context>
    <name>TableMenu</name>
    <message>
        <location filename="../../classesduo/ui/context_menus.py" line="87"/>
        <source>Copy (Ctrl+C)</source>
        <translation>Copier (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/context_menus.py" line="89"/>
        <source>Select all (Ctrl+A)</source>
        <translation>Tout sélectionner (Ctrl+A)</translation>
    </message>
</context>
<context>
    <name>TermDatesDialog</name>
    <message>
        <location filename="../../classesduo/ui/term_dates_dialog.py" line="31"/>
        <source>Dates of term {number}, {year}</source>
        <translation>Dates du trimestre {number}, {year}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/term_dates_dialog.py" line="39"/>
        <source>&amp;First day:</source>
        <translation>&amp;Premier jour :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/term_dates_dialog.py" line="40"/>
        <source>&amp;Last day (included):</source>
        <translation>&amp;Dernier jour (inclus) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/term_dates_dialog.py" line="46"/>
        <source>Reports of this term count the sessions from the first to the last day.</source>
        <translation>Les rapports de ce trimestre comptent les séances du premier au dernier jour.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/term_dates_dialog.py" line="70"/>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/term_dates_dialog.py" line="70"/>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
</context>
<context>
    <name>TermSlotsDialog</name>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="49"/>
        <source> (next day)</source>
        <extracomment>Duos without a slot sort after every first slot. The duo column never takes more than this, so the times and reasons stay in view.</extracomment>
        <translation> (le lendemain)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="50"/>
        <source> (day before)</source>
        <translation> (la veille)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="61"/>
        <source>Duo</source>
        <translation>Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="62"/>
        <source>Facilitator</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="63"/>
        <source>Slots</source>
        <translation>Créneaux</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="65"/>
        <source>First slot (Paris)</source>
        <translation>Premier créneau (Paris)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="66"/>
        <source>Partner&apos;s time</source>
        <translation>Heure du partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="69"/>
        <source>School calendars</source>
        <translation>Calendriers scolaires</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="70"/>
        <source>Why none</source>
        <translation>Pourquoi aucun</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="151"/>
        <source>Looking for common times…</source>
        <translation>Recherche des créneaux communs…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="153"/>
        <source>Looking for common times from {start} to {end}…</source>
        <translation>Recherche des créneaux communs du {start} au {end}…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="176"/>
        <source>Search cancelled. Press “Search” to try again.</source>
        <translation>Recherche annulée. Appuyez sur « Rechercher » pour réessayer.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="191"/>
        <source>{total} duos from {start} to {end}: {with_slots} with common times, {without} without.</source>
        <translation>{total} duos du {start} au {end} : {with_slots} avec des créneaux communs, {without} sans.</translation>
    </message>
    <message>
        <source>⚠ %n duo(s) with a school calendar unknown in these dates (see “School calendars”).</source>
        <translation type="vanished">⚠ %n duo dont un calendrier scolaire est inconnu à ces dates (voir « Calendriers scolaires »).</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="211"/>
        <source>Every duo has common times in these dates.</source>
        <translation>Chaque duo a des créneaux communs à ces dates.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="213"/>
        <source>No active duo. Untick “Active duos only” to include proposed, paused and closed duos.</source>
        <translation>Aucun duo actif. Décochez « Duos actifs seulement » pour inclure les duos proposés, en pause et clos.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="215"/>
        <source>There is no duo yet: create one on the Duos page.</source>
        <translation>Il n’y a pas encore de duo : créez-en un dans la page Duos.</translation>
    </message>
    <message>
        <source>{count} possible slots. Double-click to see them all and plan one.</source>
        <translation type="vanished">{count} créneaux possibles. Double-cliquez pour les voir tous et en planifier un.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="248"/>
        <source>Common times for every duo</source>
        <translation>Créneaux communs de chaque duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="249"/>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="250"/>
        <source>&amp;to:</source>
        <translation>&amp;au :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="251"/>
        <source>&amp;Length:</source>
        <translation>Duré&amp;e :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="252"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="253"/>
        <source>&amp;Active duos only</source>
        <translation>Duos ac&amp;tifs seulement</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="254"/>
        <source>Leave out proposed, paused and closed duos</source>
        <translation>Laisser de côté les duos proposés, en pause et clos</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="255"/>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/term_slots_dialog.py" line="256"/>
        <source>Only duos &amp;without common times</source>
        <translation>Seulement les duos &amp;sans créneau commun</translation>
    </message>
</context>
<context>
    <name>TimeEntry</name>
    <message>
        <location filename="../../classesduo/ui/calendar/time_entry.py" line="63"/>
        <source>Paris time</source>
        <translation>Heure de Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/time_entry.py" line="64"/>
        <source>{city} time</source>
        <translation>Heure de {city}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/time_entry.py" line="108"/>
        <source>Choose which one…</source>
        <translation>Choisissez laquelle…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/time_entry.py" line="109"/>
        <source>The first {time} (summer time, UTC {utc})</source>
        <translation>Le premier {time} (heure d’été, UTC {utc})</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/time_entry.py" line="111"/>
        <source>The second {time} (winter time, UTC {utc})</source>
        <translation>Le second {time} (heure d’hiver, UTC {utc})</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/time_entry.py" line="122"/>
        <source>Paris: {paris} · {city}: {partner} (local time)</source>
        <translation>Paris : {paris} · {city} : {partner} (heure locale)</translation>
    </message>
</context>
<context>
    <name>TimetablesDialog</name>
    <message>
        <location filename="../../classesduo/ui/calendar/timetables_dialog.py" line="18"/>
        <source>Timetables — {duo}</source>
        <translation>Emplois du temps — {duo}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/calendar/timetables_dialog.py" line="22"/>
        <source>Paris time down the side. Use ◀ ▶ to see another week, e.g. around a clock change in March or October.</source>
        <translation>Heure de Paris sur le côté. Utilisez ◀ ▶ pour voir une autre semaine, par exemple autour d’un changement d’heure en mars ou en octobre.</translation>
    </message>
</context>
<context>
    <name>Tooltips</name>
    <message>
        <location filename="../../classesduo/ui/tooltips.py" line="82"/>
        <source>Clear the text</source>
        <translation>Effacer le texte</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/tooltips.py" line="84"/>
        <source>More actions</source>
        <translation>Plus d’actions</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <location filename="../../classesduo/ui/unsaved.py" line="102"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/unsaved.py" line="103"/>
        <source>You have changed this form. Save the changes, discard them, or go back to it?</source>
        <translation>Vous avez modifié ce formulaire. Enregistrer les modifications, les abandonner, ou y revenir ?</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/unsaved.py" line="104"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/unsaved.py" line="104"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/unsaved.py" line="105"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <location filename="../../classesduo/services/backups.py" line="40"/>
        <source>Backups here are for a data folder&apos;s SQLite database; a shared PostgreSQL database is backed up on its server (pg_dump).</source>
        <extracomment>Start-up takes a backup when the newest one is older than this.</extracomment>
        <translation>Ces sauvegardes concernent la base SQLite d’un dossier des données ; une base PostgreSQL partagée est sauvegardée sur son serveur (pg_dump).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/backups.py" line="62"/>
        <source>{target} is the live database: a backup must go to another file</source>
        <translation>{target} est la base de données en service : une sauvegarde doit aller dans un autre fichier</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/backups.py" line="140"/>
        <source>{name} cannot be restored: it is damaged or not a Classes Duo backup ({problem}).</source>
        <translation>{name} ne peut pas être restauré : le fichier est endommagé ou n’est pas une sauvegarde Classes Duo ({problem}).</translation>
    </message>
</context>
<context>
    <name>calendar</name>
    <message>
        <location filename="../../classesduo/domain/school_calendar.py" line="87"/>
        <source>Between school years {before} and {after}</source>
        <extracomment>Two school years further apart than this leave the time between them unknown, not closed. Where school years usually turn over, for naming a year nobody entered yet (see terms.year_label): 1 = years named by a calendar year (southern hemisphere), else the month they start in.</extracomment>
        <translation>Entre les années scolaires {before} et {after}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/school_calendar.py" line="124"/>
        <source>French zone C school calendar</source>
        <translation>calendrier scolaire français, zone C</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/school_calendar.py" line="125"/>
        <source>public holiday</source>
        <translation>jour férié</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/school_calendar.py" line="126"/>
        <source>entered for the school</source>
        <translation>saisi pour l&apos;école</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/school_calendar.py" line="127"/>
        <source>imported for the school</source>
        <translation>importé pour l&apos;école</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/school_calendar.py" line="128"/>
        <source>outside the school&apos;s school years</source>
        <translation>hors des années scolaires de l&apos;école</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/school_calendar.py" line="142"/>
        <source>{source}, checked {day}</source>
        <extracomment>How the shipped zone C rows name their origin (kept in English in data: JSON, bundles); shown translated.</extracomment>
        <translation>{source}, vérifié le {day}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/school_calendar.py" line="144"/>
        <source>{source}, not yet checked</source>
        <translation>{source}, pas encore vérifié</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/school_calendar.py" line="157"/>
        <source>{name} — {school}: {source}</source>
        <translation>{name} — {school} : {source}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/school_calendar.py" line="223"/>
        <source>{school}: school holidays for {year} are unknown — add them</source>
        <translation>{school} : vacances scolaires {year} inconnues — ajoutez-les</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../classesduo/services/errors.py" line="42"/>
        <source>This record was changed by someone else — reload it and try again.</source>
        <translation>Cette fiche a été modifiée par quelqu’un d’autre — rechargez-la et réessayez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="68"/>
        <source>Your data is not damaged: do not restore a backup.</source>
        <translation>Vos données ne sont pas endommagées : ne restaurez pas de sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="70"/>
        <source>The disk holding {path} is full ({detail}). Free some space on it, then try again.</source>
        <translation>Le disque qui contient {path} est plein ({detail}). Libérez de la place, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="73"/>
        <source>{path} is read-only ({detail}). Make it writable for your user (or move the data folder to a writable disk), then try again.</source>
        <translation>{path} est en lecture seule ({detail}). Rendez-le modifiable pour votre utilisateur (ou placez le dossier de données sur un disque inscriptible), puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="76"/>
        <source>Classes Duo cannot open or write {path} ({detail}). Check that the folder exists and that your user may write in it, or choose another data folder (--data-dir), then try again.</source>
        <translation>Classes Duo ne peut pas ouvrir ni écrire {path} ({detail}). Vérifiez que le dossier existe et que votre utilisateur peut y écrire, ou choisissez un autre dossier de données (--data-dir), puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="80"/>
        <source>The disk could not read or write {path} ({detail}). The disk may be full, disconnected or failing: free some space or check the disk, then try again.</source>
        <translation>Le disque n’a pas pu lire ou écrire {path} ({detail}). Il est peut-être plein, déconnecté ou défaillant : libérez de la place ou vérifiez le disque, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="86"/>
        <source>The database server cannot be reached or restarted during the change ({detail}); the change was not saved. Check the network or the server, then try again.</source>
        <translation>Le serveur de base de données est injoignable ou a redémarré pendant la modification ({detail}) ; elle n’a pas été enregistrée. Vérifiez le réseau ou le serveur, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="90"/>
        <source>Someone else changed the same records at the same moment, twice in a row; your change was not saved. Try again.</source>
        <translation>Quelqu’un d’autre a modifié les mêmes fiches au même moment, deux fois de suite ; votre modification n’a pas été enregistrée. Réessayez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="93"/>
        <source>The database could not be used ({detail}).</source>
        <translation>La base de données n’a pas pu être utilisée ({detail}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="140"/>
        <source>School name</source>
        <extracomment>What the length triggers of db/versions/0008 say (our own text, recognised only with SQLITE_CONSTRAINT_TRIGGER).</extracomment>
        <translation>Nom de l’école</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="141"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="142"/>
        <source>School contact e-mail</source>
        <translation>E-mail de contact de l’école</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="143"/>
        <source>Class name</source>
        <translation>Nom de la classe</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="144"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="145"/>
        <source>Teacher&apos;s name</source>
        <translation>Nom de l’enseignant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="146"/>
        <source>Teacher&apos;s e-mail</source>
        <translation>E-mail de l’enseignant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="147"/>
        <source>Facilitator&apos;s name</source>
        <translation>Nom de l’intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="148"/>
        <source>Facilitator&apos;s e-mail</source>
        <translation>E-mail de l’intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="149"/>
        <source>Visio link</source>
        <translation>Lien de visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="156"/>
        <source>{field}: at most {limit} characters; the change was not saved.</source>
        <translation>{field} : {limit} caractères au plus ; la modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="178"/>
        <source>A record with the same name already exists ({detail}).</source>
        <translation>Une fiche du même nom existe déjà ({detail}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="180"/>
        <location filename="../../classesduo/services/errors.py" line="184"/>
        <source>The change breaks a rule of the database ({detail}).</source>
        <translation>La modification enfreint une règle de la base de données ({detail}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="182"/>
        <source>the database</source>
        <translation>la base de données</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="83"/>
        <source>The database is busy (another Classes Duo window or command is writing); try again.</source>
        <translation>La base de données est occupée (une autre fenêtre ou commande Classes Duo écrit) ; réessayez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/ics_export.py" line="147"/>
        <location filename="../../classesduo/services/records.py" line="20"/>
        <source>No {kind} with id {id}.</source>
        <translation>Aucun enregistrement « {kind} » avec l’identifiant {id}.</translation>
    </message>
</context>
<context>
    <name>ics</name>
    <message>
        <location filename="../../classesduo/services/ics_export.py" line="52"/>
        <source>Paris: {date} {start}–{end} ({zone})</source>
        <translation>Paris : {date} {start}–{end} ({zone})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/ics_export.py" line="55"/>
        <source>{city}: {date} {start}–{end} ({zone})</source>
        <translation>{city} : {date} {start}–{end} ({zone})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/ics_export.py" line="61"/>
        <source>Visio link: {link}</source>
        <translation>Lien visio : {link}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/ics_export.py" line="63"/>
        <source>Facilitator: {name}</source>
        <translation>Intervenant·e : {name}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/ics_export.py" line="65"/>
        <source>This session is cancelled.</source>
        <translation>Cette séance est annulée.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/ics_export.py" line="67"/>
        <source>This session is postponed; the new date is a separate event.</source>
        <translation>Cette séance est reportée ; la nouvelle date est un événement à part.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/ics_export.py" line="98"/>
        <source>Classes Duo visio: {duo}</source>
        <translation>Visio Classes Duo : {duo}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/ics_export.py" line="108"/>
        <source>Visio in 30 minutes: {duo}</source>
        <translation>Visio dans 30 minutes : {duo}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../classesduo/services/importing/classes.py" line="45"/>
        <source>No school “{name}”{city}; import the schools first.</source>
        <translation>Aucune école « {name} »{city} ; importez d’abord les écoles.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/classes.py" line="46"/>
        <location filename="../../classesduo/services/importing/lookup.py" line="59"/>
        <source> in {city}</source>
        <translation> à {city}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/classes.py" line="49"/>
        <source>Several schools are called “{name}”; fill in the city.</source>
        <translation>Plusieurs écoles s’appellent « {name} » ; indiquez la ville.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/engine.py" line="88"/>
        <source>Same {key} as line {line}: a file names each record once.</source>
        <translation>Même {key} qu’à la ligne {line} : un fichier ne nomme chaque fiche qu’une fois.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/engine.py" line="125"/>
        <source>The file has a header but no rows.</source>
        <translation>Le fichier a un en-tête mais aucune ligne.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/facilitators.py" line="42"/>
        <source>Several stored facilitators match this row; give their e-mail.</source>
        <translation>Plusieurs intervenant·es enregistré·es correspondent à cette ligne ; indiquez l’e-mail.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/fields.py" line="47"/>
        <source>Not a whole number: {value}</source>
        <extracomment>Weekday names (English and French, short and long) to Monday = 0.</extracomment>
        <translation>Nombre entier invalide : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/fields.py" line="56"/>
        <source>Expected yes or no: {value}</source>
        <translation>Oui ou non attendu : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/fields.py" line="65"/>
        <source>Unknown value “{value}” (use one of: {choices})</source>
        <translation>Valeur inconnue « {value} » (utilisez l’une de : {choices})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/fields.py" line="76"/>
        <source>Not a time of day (expected e.g. 15:00): {value}</source>
        <translation>Heure invalide (attendu p. ex. 15:00) : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/fields.py" line="88"/>
        <source>Not an availability window (expected e.g. “Tue 15:00-16:30”): {value}</source>
        <translation>Créneau de disponibilité invalide (attendu p. ex. « mar 15:00-16:30 ») : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/fields.py" line="107"/>
        <source>Not a date and time (expected e.g. 2027-03-16 15:00): {value}</source>
        <translation>Date et heure invalides (attendu p. ex. 2027-03-16 15:00) : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/lookup.py" line="58"/>
        <source>No class “{name}” at school “{school}”{city}; import the classes first.</source>
        <translation>Aucune classe « {name} » à l’école « {school} »{city} ; importez d’abord les classes.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/lookup.py" line="62"/>
        <source>Several schools “{school}” have a class “{name}”; fill in {column}.</source>
        <translation>Plusieurs écoles « {school} » ont une classe « {name} » ; remplissez {column}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/lookup.py" line="89"/>
        <source>No facilitator “{value}”; import the facilitators first.</source>
        <translation>Aucun·e intervenant·e « {value} » ; importez d’abord les intervenant·es.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/lookup.py" line="91"/>
        <source>Several facilitators are called “{value}”; give the e-mail instead.</source>
        <translation>Plusieurs intervenant·es s’appellent « {value} » ; indiquez plutôt l’e-mail.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="105"/>
        <source>The file is not UTF-8 text (byte 0x{byte:02x} on line {line}). Save it as “CSV UTF-8” in your spreadsheet and import it again.</source>
        <translation>Le fichier n’est pas du texte UTF-8 (octet 0x{byte:02x} à la ligne {line}). Enregistrez-le au format « CSV UTF-8 » dans votre tableur et importez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="118"/>
        <source>The file is too large ({size} MB; the limit is {limit} MB). Split it into several files.</source>
        <translation>Le fichier est trop volumineux ({size} Mo ; la limite est de {limit} Mo). Découpez-le en plusieurs fichiers.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="124"/>
        <source>The file cannot be read: {error}</source>
        <translation>Le fichier est illisible : {error}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="128"/>
        <source>The file is empty; it needs a header line naming the columns, then one line per record.</source>
        <translation>Le fichier est vide ; il faut une ligne d’en-tête nommant les colonnes, puis une ligne par fiche.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="132"/>
        <source>The file contains a NUL character: it is not a CSV text file.</source>
        <translation>Le fichier contient un caractère NUL : ce n’est pas un fichier texte CSV.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="152"/>
        <source>The file has more than {limit} rows; split it into several files.</source>
        <translation>Le fichier a plus de {limit} lignes ; découpez-le en plusieurs fichiers.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="155"/>
        <source>This line has {cells} cells but the header has {columns} columns (a separator inside a value needs quotes).</source>
        <translation>Cette ligne a {cells} cellules mais l’en-tête a {columns} colonnes (un séparateur dans une valeur doit être entre guillemets).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="160"/>
        <source>This line has a value in a column without a name in the header.</source>
        <translation>Cette ligne a une valeur dans une colonne sans nom dans l’en-tête.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="165"/>
        <source>The file cannot be read as CSV: {error}</source>
        <translation>Le fichier ne peut pas être lu comme CSV : {error}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="178"/>
        <source>Missing required column(s): {missing}.</source>
        <translation>Colonne(s) obligatoire(s) manquante(s) : {missing}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="182"/>
        <source>Unknown column(s): {unknown}. The columns are: {known}.</source>
        <translation>Colonne(s) inconnue(s) : {unknown}. Les colonnes sont : {known}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/reader.py" line="186"/>
        <source>Column(s) named twice: {columns}.</source>
        <translation>Colonne(s) nommée(s) deux fois : {columns}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/report.py" line="23"/>
        <source>, line {line}</source>
        <translation>, ligne {line}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/report.py" line="25"/>
        <source>, field {field}</source>
        <translation>, champ {field}</translation>
    </message>
    <message>
        <source>{count} problem(s); nothing was imported.</source>
        <translation type="vanished">{count} problème(s) ; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/report.py" line="41"/>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import annulé ; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/report.py" line="59"/>
        <source>{file}: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>{file} : {added} ajoutée(s), {updated} mise(s) à jour, {unchanged} inchangée(s).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/report.py" line="62"/>
        <source>(Check only: nothing was written.)</source>
        <translation>(Vérification seulement : rien n’a été écrit.)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/schools.py" line="50"/>
        <source>Several stored schools match this name and city.</source>
        <translation>Plusieurs écoles enregistrées correspondent à ce nom et à cette ville.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/sessions.py" line="49"/>
        <source>A session lasts from 1 to {limit} minutes, not {value}.</source>
        <translation>Une séance dure de 1 à {limit} minutes, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/sessions.py" line="87"/>
        <source>The offset {given} does not match {zone} at that time (UTC{expected}); remove the offset or fix the time zone.</source>
        <translation>Le décalage {given} ne correspond pas au fuseau {zone} à cette date (UTC{expected}) ; retirez le décalage ou corrigez le fuseau horaire.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/sessions.py" line="97"/>
        <source>Add the UTC offset to say which, e.g. {example}</source>
        <translation>Ajoutez le décalage UTC pour préciser laquelle, p. ex. {example}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/sessions.py" line="115"/>
        <source>Give the time in the Paris school&apos;s zone ({paris}) or the partner school&apos;s ({partner}), not {zone}.</source>
        <translation>Indiquez l’heure dans le fuseau de l’école parisienne ({paris}) ou de l’école partenaire ({partner}), pas {zone}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/importing/sessions.py" line="125"/>
        <source>No duo of these two classes in {year}; import the duos first.</source>
        <translation>Aucun duo de ces deux classes en {year} ; importez d’abord les duos.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="77"/>
        <source>Paris</source>
        <translation>Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="77"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="82"/>
        <source>Proposed</source>
        <translation>Proposé</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="83"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="84"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="85"/>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="91"/>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="92"/>
        <source>Held</source>
        <translation>Tenue</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="93"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="94"/>
        <source>Postponed</source>
        <translation>Reportée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="100"/>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="36"/>
        <source>Visio</source>
        <translation>Visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="101"/>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="36"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="102"/>
        <source>Blog post</source>
        <translation>Billet de blog</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="103"/>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="109"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="110"/>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="111"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="112"/>
        <source>Drawing</source>
        <translation>Dessin</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="113"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="119"/>
        <source>Granted</source>
        <translation>Accordée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="120"/>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="121"/>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="128"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="129"/>
        <source>visio</source>
        <translation>visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="130"/>
        <source>blog</source>
        <translation>blog</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="131"/>
        <source>letters</source>
        <translation>lettres</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="11"/>
        <source>Presentation</source>
        <translation>Présentation</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="12"/>
        <source>Song</source>
        <translation>Chanson</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="13"/>
        <source>Q&amp;A</source>
        <translation>Questions-réponses</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="14"/>
        <source>Game</source>
        <translation>Jeu</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="15"/>
        <source>Drawing exchange</source>
        <translation>Échange de dessins</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="16"/>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="17"/>
        <location filename="../../classesduo/ui/log_labels.py" line="28"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="23"/>
        <source>Technical problem</source>
        <translation>Problème technique</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="24"/>
        <source>Partner absent</source>
        <translation>Partenaire absent</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="25"/>
        <source>School event</source>
        <translation>Événement scolaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="26"/>
        <source>Weather</source>
        <translation>Météo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/log_labels.py" line="27"/>
        <source>Strike</source>
        <translation>Grève</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="22"/>
        <source>Zone C calendar</source>
        <translation>Calendrier de la zone C</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="23"/>
        <source>Public holiday</source>
        <translation>Jour férié</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="24"/>
        <source>Added by hand</source>
        <translation>Ajouté à la main</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="25"/>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="26"/>
        <source>Between school years</source>
        <translation>Entre deux années scolaires</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="37"/>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/duo_dialog.py" line="37"/>
        <source>Letters</source>
        <translation>Lettres</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../classesduo/domain/reports.py" line="89"/>
        <source>the end date is before the start date</source>
        <extracomment>The arrondissement number, ISO country code, facilitator id or duo id; &quot;&quot; for the programme.</extracomment>
        <translation>la date de fin est antérieure à la date de début</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/reports.py" line="91"/>
        <source>a report covers at most about a year (400 days)</source>
        <translation>un rapport couvre au plus une année environ (400 jours)</translation>
    </message>
</context>
<context>
    <name>scheduling</name>
    <message>
        <location filename="../../classesduo/domain/busy_index.py" line="79"/>
        <location filename="../../classesduo/domain/conflicts.py" line="31"/>
        <location filename="../../classesduo/domain/scheduling.py" line="136"/>
        <location filename="../../classesduo/domain/timezones.py" line="199"/>
        <location filename="../../classesduo/domain/timezones.py" line="280"/>
        <location filename="../../classesduo/services/planning.py" line="34"/>
        <source>a naive date-time has no time zone; give an aware one</source>
        <extracomment>Any two zones are less than 27 h apart, so an instant&apos;s local dates in two zones differ by at most this many days. The names of the school years that are known (an unknown day is never given one of them).</extracomment>
        <translation>une date-heure sans fuseau horaire est ambiguë ; indiquez le fuseau</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/visio_buffer.py" line="30"/>
        <source>the buffer cannot be negative, not {buffer}</source>
        <translation>la marge ne peut pas être négative ({buffer})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="66"/>
        <source>a session must end after it starts</source>
        <translation>une séance doit finir après son début</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="71"/>
        <source>Outside the Paris class&apos;s availability: {date} {start}–{end} (Paris time).</source>
        <translation>En dehors des disponibilités de la classe parisienne : {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="77"/>
        <source>Outside the partner class&apos;s availability: {date} {start}–{end} local time ({zone}).</source>
        <translation>En dehors des disponibilités de la classe partenaire : {date} {start}–{end} heure locale ({zone}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="87"/>
        <source>{date} is a Paris holiday: {name}.</source>
        <translation>Le {date} est un jour de vacances à Paris : {name}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="95"/>
        <source>{date} (local date) is a holiday for the partner class: {name}.</source>
        <translation>Le {date} (date locale) est un jour de vacances pour la classe partenaire : {name}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="111"/>
        <source>The facilitator already has a session on {date} {start}–{end} (Paris time).</source>
        <translation>L’intervenant·e a déjà une séance le {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="113"/>
        <source>The facilitator has another session within {buffer} minutes: {date} {start}–{end} (Paris time).</source>
        <translation>L’intervenant·e a une autre séance à moins de {buffer} minutes : {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="117"/>
        <source>The Paris class already has a session on {date} {start}–{end} (Paris time).</source>
        <translation>La classe parisienne a déjà une séance le {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="119"/>
        <source>The Paris class has another session within {buffer} minutes: {date} {start}–{end} (Paris time).</source>
        <translation>La classe parisienne a une autre séance à moins de {buffer} minutes : {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="122"/>
        <source>The partner class already has a session on {date} {start}–{end} (Paris time).</source>
        <translation>La classe partenaire a déjà une séance le {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="124"/>
        <source>The partner class has another session within {buffer} minutes: {date} {start}–{end} (Paris time).</source>
        <translation>La classe partenaire a une autre séance à moins de {buffer} minutes : {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="151"/>
        <source>a slot must end after it starts</source>
        <translation>un créneau doit finir après son début</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="307"/>
        <location filename="../../classesduo/domain/series.py" line="63"/>
        <source>the session length must be positive, not {minutes}</source>
        <translation>la durée de la séance doit être positive ({minutes})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="310"/>
        <source>the step must be positive, not {step}</source>
        <translation>le pas doit être positif ({step})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="314"/>
        <location filename="../../classesduo/domain/series.py" line="67"/>
        <location filename="../../classesduo/services/slot_search.py" line="141"/>
        <source>the start date {start} is after the end date {end}</source>
        <translation>la date de début {start} est après la date de fin {end}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/no_overlap.py" line="46"/>
        <source>The Paris class has no availability windows.</source>
        <translation>La classe parisienne n’a aucun créneau de disponibilité.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/no_overlap.py" line="56"/>
        <source>{time} the next day</source>
        <translation>{time} le lendemain</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/no_overlap.py" line="58"/>
        <source>{time} the day before</source>
        <translation>{time} la veille</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/no_overlap.py" line="67"/>
        <source>{city} is {hours} ahead: Paris {paris_time} is {partner_time} in {city}.</source>
        <translation>{city} a {hours} d’avance : {paris_time} à Paris, c’est {partner_time} à {city}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/no_overlap.py" line="69"/>
        <source>{city} is {hours} behind: Paris {paris_time} is {partner_time} in {city}.</source>
        <translation>{city} a {hours} de retard : {paris_time} à Paris, c’est {partner_time} à {city}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/no_overlap.py" line="71"/>
        <source>{city} has the same time as Paris: Paris {paris_time} is {partner_time} in {city}.</source>
        <translation>{city} est à l’heure de Paris : {paris_time} à Paris, c’est {partner_time} à {city}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/no_overlap.py" line="83"/>
        <source>The class in {city} is available {hours} local time that day.</source>
        <translation>La classe de {city} est disponible {hours} heure locale ce jour-là.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/no_overlap.py" line="85"/>
        <source>The class in {city} has no availability that day.</source>
        <translation>La classe de {city} n’a aucune disponibilité ce jour-là.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/series.py" line="59"/>
        <source>the interval must be at least one week, not {weeks}</source>
        <translation>l’intervalle doit être d’au moins une semaine ({weeks})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="47"/>
        <source>Unknown time zone: {zone}</source>
        <extracomment>The programme&apos;s time zone: Paris schools&apos; clock, the calendar&apos;s and the reports&apos; days. Written only here. Names that ``available_timezones()`` may list but that are not real places: ``localtime`` is the host&apos;s own setting, ``Factory`` a placeholder zone.</extracomment>
        <translation>Fuseau horaire inconnu : {zone}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="80"/>
        <source>{time} on {date} does not exist in {zone}: clocks jump forward from {before} to {after}</source>
        <translation>{time} le {date} n’existe pas dans le fuseau {zone} : les horloges passent de {before} à {after}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="106"/>
        <source>{time} on {date} happens twice in {zone} (summer time and winter time); choose one</source>
        <translation>{time} le {date} existe deux fois dans le fuseau {zone} (heure d’été et heure d’hiver) ; choisissez</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="111"/>
        <source>{time} on {date} happens twice in {zone} (UTC{first} and UTC{second}); choose one</source>
        <translation>{time} le {date} existe deux fois dans le fuseau {zone} (UTC{first} et UTC{second}) ; choisissez</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="171"/>
        <source>fold must be 0, 1 or None, not {fold}</source>
        <translation>fold doit valoir 0, 1 ou None (et non {fold})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="173"/>
        <source>the wall-clock time must not carry a time zone</source>
        <translation>l’heure locale ne doit pas porter de fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/planning.py" line="28"/>
        <source>a session lasts from 5 to {max} minutes, not {minutes}</source>
        <translation>une séance dure de 5 à {max} minutes, pas {minutes}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/slot_search.py" line="133"/>
        <source>Live visios are not possible with {city} in these timetables. Plan asynchronous exchanges instead: recorded video messages, letters, e-mails or blog posts, answered at each class&apos;s own time.</source>
        <extracomment>The finder refuses ranges longer than this (a school year and a bit). (date, hours before, hours after): when the difference between the clocks changes in the range. What either school&apos;s calendar leaves out of the range (with the reason) or does not know.</extracomment>
        <translation>Les visios en direct ne sont pas possibles avec {city} dans ces emplois du temps. Prévoyez plutôt des échanges asynchrones : messages vidéo enregistrés, lettres, e-mails ou billets de blog, auxquels chaque classe répond à son rythme.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/slot_search.py" line="144"/>
        <source>the date range is too long ({days} days); search at most {max} days at a time</source>
        <translation>la période est trop longue ({days} jours) ; cherchez sur {max} jours au plus à la fois</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/slot_search.py" line="170"/>
        <source>The two timetables do meet, but every common time from {start} to {end} falls on a holiday, is shorter than {minutes} minutes, or is taken by another visio of the facilitator or of one of the classes (with {buffer} minutes around it). Try other dates or a shorter session.</source>
        <translation>Les deux emplois du temps se recoupent, mais chaque moment commun du {start} au {end} tombe pendant des vacances, dure moins de {minutes} minutes, ou est pris par une autre visio de l’intervenant·e ou de l’une des classes (avec {buffer} minutes autour). Essayez d’autres dates ou une séance plus courte.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/slot_search.py" line="182"/>
        <source>From {date} {city} is {hours} {direction} Paris (was {previous}).</source>
        <translation>À partir du {date}, {city} a {hours} {direction} Paris (auparavant {previous}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/slot_search.py" line="183"/>
        <source>ahead of</source>
        <translation>d’avance sur</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/slot_search.py" line="183"/>
        <source>behind</source>
        <translation>de retard sur</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/slot_search.py" line="184"/>
        <source>level with</source>
        <translation>de décalage avec</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/term_slots.py" line="30"/>
        <source>The search for common times was cancelled.</source>
        <extracomment>Progress is reported every this many duos.</extracomment>
        <translation>La recherche des créneaux communs a été annulée.</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>{duos} duos and {sessions} sessions use this class; archive it instead.</source>
        <translation type="vanished">{duos} duos et {sessions} séances utilisent cette classe ; archivez-la plutôt.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/duos.py" line="122"/>
        <source>These two classes already form a duo in {year}.</source>
        <translation>Ces deux classes forment déjà un duo en {year}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/duos.py" line="143"/>
        <source>{sessions} and {media} belong to this duo; close it instead.</source>
        <translation>{sessions} et {media} appartiennent à ce duo ; clôturez-le plutôt.</translation>
    </message>
    <message>
        <source>{sessions} sessions and {media} media items belong to this duo; close it instead.</source>
        <translation type="vanished">{sessions} séances et {media} médias appartiennent à ce duo ; clôturez-le plutôt.</translation>
    </message>
    <message>
        <source>{classes} classes, {duos} duos and {sessions} sessions use this school; archive it instead.</source>
        <translation type="vanished">{classes} classes, {duos} duos et {sessions} séances utilisent cette école ; archivez-la plutôt.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="276"/>
        <source>This session is already there; nothing to undo.</source>
        <translation>Cette séance est déjà là ; rien à annuler.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/planning.py" line="74"/>
        <source>This session is cancelled; plan a new one instead.</source>
        <translation>Cette séance est annulée ; planifiez-en plutôt une nouvelle.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/series.py" line="50"/>
        <source>This series crosses {count} dates whose school calendar is unknown ({first} to {last}): {notes}</source>
        <extracomment>Dates left out, with the reason (a holiday&apos;s name, or a clock change). Dates planned although a school&apos;s calendar is unknown there, with the flag.</extracomment>
        <translation>Cette série passe par {count} dates dont le calendrier scolaire est inconnu (du {first} au {last}) : {notes}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/series.py" line="98"/>
        <source>No date of this series is possible: every one is skipped.</source>
        <translation>Aucune date de cette série n’est possible : toutes sont sautées.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/series.py" line="100"/>
        <source>A series holds at most {max} sessions; this one would have {count}.</source>
        <translation>Une série compte au plus {max} séances ; celle-ci en aurait {count}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation_mail.py" line="101"/>
        <source>The duo&apos;s facilitator has no e-mail address; add one (Schools › Facilitators) to send an invitation.</source>
        <translation>L&apos;intervenant·e du duo n&apos;a pas d&apos;adresse e-mail ; ajoutez-en une (Écoles › Intervenant·es) pour envoyer une invitation.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation_mail.py" line="104"/>
        <source>Neither school has a contact e-mail address; add one to send an invitation.</source>
        <translation>Aucune des deux écoles n&apos;a d&apos;adresse e-mail de contact ; ajoutez-en une pour envoyer une invitation.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation_mail.py" line="131"/>
        <source>Only visios have invitations.</source>
        <translation>Seules les visios ont des invitations.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation_mail.py" line="154"/>
        <location filename="../../classesduo/services/series.py" line="144"/>
        <source>This session is not part of a series.</source>
        <translation>Cette séance ne fait pas partie d’une série.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/invitation_mail.py" line="158"/>
        <source>No planned visio left in this series.</source>
        <translation>Il ne reste aucune visio prévue dans cette série.</translation>
    </message>
    <message>
        <source>{duos} duos are run by this facilitator; archive the facilitator instead.</source>
        <translation type="vanished">{duos} duos sont animés par cet·te intervenant·e ; archivez plutôt l’intervenant·e.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/suggestions.py" line="43"/>
        <source>Choose a class of a Paris school.</source>
        <translation>Choisissez une classe d’une école parisienne.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="70"/>
        <source>Several schools are called {name}; give the school&apos;s id.</source>
        <translation>Plusieurs écoles s&apos;appellent {name} ; donnez l&apos;identifiant de l&apos;école.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="72"/>
        <source>No school with id or name {key}.</source>
        <translation>Aucune école n&apos;a l&apos;identifiant ou le nom {key}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="86"/>
        <source>A break needs a name.</source>
        <translation>Un congé doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="98"/>
        <source>{school} has no break called {name}.</source>
        <translation>{school} n&apos;a pas de congé nommé {name}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="101"/>
        <source>{school} has {count} breaks called {name}; give the first day (--start).</source>
        <translation>{school} a {count} congés nommés {name} ; donnez le premier jour (--start).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="111"/>
        <source>Paris schools follow the zone C calendar; their school years come with it.</source>
        <translation>Les écoles parisiennes suivent le calendrier de la zone C ; leurs années scolaires en découlent.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="122"/>
        <source>{school} has no school year {name}.</source>
        <translation>{school} n&apos;a pas d&apos;année scolaire {name}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="151"/>
        <source>{file}: not a calendar file (use .csv or .ics).</source>
        <translation>{file} : pas un fichier de calendrier (utilisez .csv ou .ics).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="159"/>
        <source>{file}: Paris schools follow the zone C calendar; import only breaks for them.</source>
        <translation>{file} : les écoles parisiennes suivent le calendrier de la zone C ; n&apos;importez que des congés pour elles.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="219"/>
        <source>{file}: line 1: missing column(s) {columns} (expected kind, name, first_day, last_day).</source>
        <translation>{file} : ligne 1 : colonne(s) manquante(s) {columns} (attendu : kind, name, first_day, last_day).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="230"/>
        <source>{file}: line {line}</source>
        <translation>{file} : ligne {line}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="237"/>
        <source>{where}: {column}: not a date (YYYY-MM-DD): {value!r}</source>
        <translation>{where} : {column} : pas une date (AAAA-MM-JJ) : {value!r}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="240"/>
        <source>{where}: name: empty</source>
        <translation>{where} : name : vide</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="242"/>
        <source>{where}: kind: {value!r} is neither break nor school_year</source>
        <translation>{where} : kind : {value!r} n&apos;est ni break ni school_year</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="245"/>
        <source>{where}: last_day {last} is before first_day {first}</source>
        <translation>{where} : last_day {last} est avant first_day {first}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="258"/>
        <source>{file}: school year {name} is listed twice.</source>
        <translation>{file} : l&apos;année scolaire {name} figure deux fois.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="274"/>
        <source>{file}: not an iCalendar file ({error}).</source>
        <translation>{file} : pas un fichier iCalendar ({error}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="282"/>
        <source>{file}: event {number}</source>
        <translation>{file} : événement {number}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="290"/>
        <source>{where}: the event has no SUMMARY (the break&apos;s name)</source>
        <translation>{where} : l&apos;événement n&apos;a pas de SUMMARY (le nom du congé)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="294"/>
        <source>{where}: a recurring event, left out</source>
        <translation>{where} : événement récurrent, laissé de côté</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="297"/>
        <source>{where}: a timed event within one day, left out</source>
        <translation>{where} : événement à heure fixe sur une seule journée, laissé de côté</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="315"/>
        <source>the event has no DTSTART</source>
        <translation>l&apos;événement n&apos;a pas de DTSTART</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="322"/>
        <source>DTSTART is a date-time but DTEND is a date</source>
        <translation>DTSTART est une date et une heure mais DTEND une date</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="324"/>
        <source>DTEND is before DTSTART</source>
        <translation>DTEND est avant DTSTART</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="332"/>
        <source>DTSTART is a date but DTEND is a date-time</source>
        <translation>DTSTART est une date mais DTEND une date et une heure</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/school_calendars.py" line="334"/>
        <source>DTEND is not after DTSTART (an all-day DTEND is the day after the last day)</source>
        <translation>DTEND n&apos;est pas après DTSTART (pour un événement sur la journée, DTEND est le lendemain du dernier jour)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="105"/>
        <source>The CalDAV sync state {path} is damaged ({error}); connect the calendar again.</source>
        <translation>L&apos;état de synchronisation CalDAV {path} est endommagé ({error}) ; connectez à nouveau l&apos;agenda.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="122"/>
        <source>A CalDAV calendar address starts with https:// (or http://), not {url!r}.</source>
        <translation>L&apos;adresse d&apos;un agenda CalDAV commence par https:// (ou http://), pas {url!r}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="245"/>
        <source>No CalDAV calendar is connected; connect one first.</source>
        <translation>Aucun agenda CalDAV n&apos;est connecté ; connectez-en un d&apos;abord.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="249"/>
        <source>The CalDAV password is needed (no keyring on this computer).</source>
        <translation>Le mot de passe CalDAV est nécessaire (pas de trousseau sur cet ordinateur).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="262"/>
        <source>There is no calendar at {url}.</source>
        <translation>Il n&apos;y a pas d&apos;agenda à l&apos;adresse {url}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="266"/>
        <source>The CalDAV server refused the user name or password.</source>
        <translation>Le serveur CalDAV a refusé le nom d&apos;utilisateur ou le mot de passe.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="280"/>
        <location filename="../../classesduo/services/caldav_sync.py" line="297"/>
        <source>deleted on the server</source>
        <translation>supprimé sur le serveur</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="282"/>
        <source>changed on the server</source>
        <translation>modifié sur le serveur</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="301"/>
        <location filename="../../classesduo/services/caldav_sync.py" line="316"/>
        <source>changed on the server; not overwritten</source>
        <translation>modifié sur le serveur ; non remplacé</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="314"/>
        <source>already on the server with other content; not overwritten</source>
        <translation>déjà sur le serveur avec un autre contenu ; non remplacé</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="318"/>
        <location filename="../../classesduo/services/caldav_sync.py" line="331"/>
        <location filename="../../classesduo/services/caldav_sync.py" line="334"/>
        <source>refused by the server ({status})</source>
        <translation>refusé par le serveur ({status})</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/caldav_sync.py" line="329"/>
        <source>changed on the server; not deleted</source>
        <translation>modifié sur le serveur ; non supprimé</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/classes.py" line="55"/>
        <source>{duos} and {sessions} use this class; archive it instead.</source>
        <translation>{duos} et {sessions} utilisent cette classe ; archivez-la plutôt.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/facilitators.py" line="54"/>
        <source>This facilitator runs {duos}; archive the facilitator instead.</source>
        <translation>Cet·te intervenant·e anime {duos} ; archivez plutôt l’intervenant·e.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/schools.py" line="71"/>
        <source>{classes}, {duos} and {sessions} use this school; archive it instead.</source>
        <translation>{classes}, {duos} et {sessions} utilisent cette école ; archivez-la plutôt.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/smtp_send.py" line="66"/>
        <source>The mail server refused the user name or password.</source>
        <translation>Le serveur de messagerie a refusé le nom d&apos;utilisateur ou le mot de passe.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/smtp_send.py" line="68"/>
        <source>The mail server {host} offers no TLS; nothing was sent.</source>
        <translation>Le serveur de messagerie {host} ne propose pas TLS ; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/smtp_send.py" line="71"/>
        <source>The mail server&apos;s certificate could not be verified ({error}); nothing was sent.</source>
        <translation>Le certificat du serveur de messagerie n&apos;a pas pu être vérifié ({error}) ; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/smtp_send.py" line="74"/>
        <source>Could not send through {host}:{port}: {error}</source>
        <translation>Envoi impossible par {host}:{port} : {error}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/smtp_send.py" line="77"/>
        <source>The mail server refused: {addresses}</source>
        <translation>Le serveur de messagerie a refusé : {addresses}</translation>
    </message>
</context>
<context>
    <name>suggestions</name>
    <message>
        <location filename="../../classesduo/domain/suggestions.py" line="125"/>
        <source>asynchronous only (e-mail, blog, letters)</source>
        <translation>en asynchrone seulement (e-mail, blog, lettres)</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/suggestions.py" line="134"/>
        <source>level unknown (“{level}”)</source>
        <translation>niveau inconnu (« {level} »)</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/suggestions.py" line="137"/>
        <source>same level ({paris} ≈ {partner})</source>
        <translation>même niveau ({paris} ≈ {partner})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/suggestions.py" line="140"/>
        <source>adjacent level ({paris} / {partner})</source>
        <translation>niveau voisin ({paris} / {partner})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/suggestions.py" line="141"/>
        <source>{gap} levels apart ({paris} / {partner})</source>
        <translation>{gap} niveaux d’écart ({paris} / {partner})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/suggestions.py" line="158"/>
        <source>facilitator speaks {language} ({name})</source>
        <translation>intervenant·e parlant {language} ({name})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/suggestions.py" line="162"/>
        <source>the partner class speaks French</source>
        <translation>la classe partenaire parle français</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/suggestions.py" line="164"/>
        <source>no facilitator speaks {languages}</source>
        <translation>aucun·e intervenant·e ne parle {languages}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/suggestions.py" line="170"/>
        <source>{minutes} min/week overlap</source>
        <translation>{minutes} min/semaine en commun</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/suggestions.py" line="172"/>
        <source>{minutes} from {start} to {end}</source>
        <translation>{minutes} du {start} au {end}</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <location filename="../../classesduo/domain/terms.py" line="106"/>
        <source>The term ends before it starts.</source>
        <translation>Le trimestre finit avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/terms.py" line="110"/>
        <source>{day} is outside the school year {year} (1 August to 31 July).</source>
        <translation>Le {day} est en dehors de l’année scolaire {year} (du 1er août au 31 juillet).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/terms.py" line="114"/>
        <source>These dates overlap term {number} ({start} to {end}).</source>
        <translation>Ces dates chevauchent le trimestre {number} (du {start} au {end}).</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="101"/>
        <location filename="../../classesduo/services/importing/reader.py" line="53"/>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="110"/>
        <source>Remove the invisible control characters (text direction overrides, line breaks…) from this field.</source>
        <translation>Retirez de ce champ les caractères de contrôle invisibles (inversions du sens du texte, sauts de ligne…).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="118"/>
        <source>Not an e-mail address: {value}</source>
        <translation>Adresse e-mail invalide : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="47"/>
        <source>A number of pupils cannot be negative.</source>
        <extracomment>The documented activity tags, in the order forms show them.</extracomment>
        <translation>Un nombre d’élèves ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="49"/>
        <source>{count} pupils present, but the class has only {pupils}.</source>
        <translation>{count} élèves présents, mais la classe n’en compte que {pupils}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="68"/>
        <source>How many pupils were present? (the class has {pupils})</source>
        <translation>Combien d’élèves étaient présents ? (la classe en compte {pupils})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="71"/>
        <source>Choose what happened: held, cancelled or postponed.</source>
        <translation>Choisissez ce qui s’est passé : tenue, annulée ou reportée.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="74"/>
        <source>This exchange is in the future: it cannot have been held yet.</source>
        <translation>Cet échange est dans le futur : il ne peut pas encore avoir eu lieu.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="78"/>
        <source>Say why it was cancelled.</source>
        <translation>Indiquez pourquoi il a été annulé.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="80"/>
        <source>Unknown reason: {reason} (use {known})</source>
        <translation>Motif inconnu : {reason} (utilisez {known})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="85"/>
        <source>Give the new date and time.</source>
        <translation>Indiquez la nouvelle date et l’heure.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="87"/>
        <source>The new date must be after the original one.</source>
        <translation>La nouvelle date doit être postérieure à la date initiale.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="92"/>
        <source>The duration must be between 1 and 1440 minutes.</source>
        <translation>La durée doit être comprise entre 1 et 1440 minutes.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="96"/>
        <source>Unknown activity tag: {tags} (use {known})</source>
        <translation>Activité inconnue : {tags} (utilisez {known})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/exchange_log.py" line="101"/>
        <location filename="../../classesduo/domain/validation.py" line="125"/>
        <source>Unknown language code (use ISO 639-1, e.g. fr, es): {codes}</source>
        <translation>Code de langue inconnu (ISO 639-1, p. ex. fr, es) : {codes}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="94"/>
        <source>At most {limit} characters ({count} typed).</source>
        <extracomment>The longest text each field takes; the database columns are declared with the same numbers (``storage/models.py`` reads them from here; PostgreSQL enforces them, SQLite through the triggers of migration 0008, whose frozen copy a test compares with the columns).</extracomment>
        <translation>{limit} caractères au plus ({count} saisis).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="134"/>
        <source>Weekday must be 0 (Monday) to 6 (Sunday).</source>
        <translation>Le jour doit aller de 0 (lundi) à 6 (dimanche).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="136"/>
        <source>A window must end after it starts ({start}–{end}).</source>
        <translation>Un créneau doit finir après son début ({start}–{end}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="146"/>
        <source>Holiday “{name}” ends before it starts.</source>
        <translation>Les vacances « {name} » finissent avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="157"/>
        <source>A school year needs a name (e.g. 2027).</source>
        <translation>Une année scolaire doit avoir un nom (par ex. 2027).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="159"/>
        <source>School year {name} ends before it starts.</source>
        <translation>L&apos;année scolaire {name} se termine avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="163"/>
        <source>School years {first} and {second} overlap.</source>
        <translation>Les années scolaires {first} et {second} se chevauchent.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="167"/>
        <source>School year {name} is listed twice.</source>
        <translation>L&apos;année scolaire {name} figure deux fois.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="178"/>
        <source>Unknown subdivision {code} for {country} (known: {known}).</source>
        <translation>Subdivision {code} inconnue pour {country} (connues : {known}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="179"/>
        <source>No subdivisions are known for {country}; leave it empty.</source>
        <translation>Aucune subdivision n&apos;est connue pour {country} ; laissez ce champ vide.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="189"/>
        <source>Unknown country code (use ISO 3166-1, e.g. FR, AR): {code}</source>
        <translation>Code pays inconnu (ISO 3166-1, p. ex. FR, AR) : {code}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="192"/>
        <location filename="../../classesduo/services/importing/sessions.py" line="79"/>
        <source>Unknown time zone (use an IANA name, e.g. Europe/Paris): {zone}</source>
        <translation>Fuseau horaire inconnu (nom IANA, p. ex. Europe/Paris) : {zone}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="196"/>
        <source>A Paris school needs an arrondissement from 1 to 20.</source>
        <translation>Une école parisienne a un arrondissement de 1 à 20.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="199"/>
        <source>A Paris school is in France (FR).</source>
        <translation>Une école parisienne est en France (FR).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="201"/>
        <source>Only Paris schools have an arrondissement.</source>
        <translation>Seules les écoles parisiennes ont un arrondissement.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="219"/>
        <source>Choose the class&apos;s school.</source>
        <translation>Choisissez l’école de la classe.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="221"/>
        <source>The pupil count cannot be negative.</source>
        <translation>Le nombre d’élèves ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="236"/>
        <source>Choose a class of a Paris school.</source>
        <translation>Choisissez une classe d’une école parisienne.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="238"/>
        <source>Choose a class of a partner school.</source>
        <translation>Choisissez une classe d’une école partenaire.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="242"/>
        <location filename="../../classesduo/services/importing/sessions.py" line="58"/>
        <source>Not a school year (expected e.g. 2026-2027): {value}</source>
        <translation>Année scolaire invalide (attendu p. ex. 2026-2027) : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="249"/>
        <source>Unknown exchange tool: {tools} (use email, visio, blog, letters)</source>
        <translation>Outil d’échange inconnu : {tools} (email, visio, blog, letters)</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/exchange_log.py" line="205"/>
        <source>An unplanned exchange is held or cancelled, not postponed.</source>
        <translation>Un échange non planifié est tenu ou annulé, pas reporté.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media.py" line="148"/>
        <source>The number of children shown cannot be negative.</source>
        <extracomment>Thumbnails are cached at this size (longest side, pixels). When the item was made: its EXIF date, else its session&apos;s start, else its import.</extracomment>
        <translation>Le nombre d’enfants montrés ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media.py" line="151"/>
        <source>More than 200 identifiable children? Check the number.</source>
        <translation>Plus de 200 enfants identifiables ? Vérifiez le nombre.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media.py" line="154"/>
        <source>A caption is at most 2000 characters.</source>
        <translation>Une légende fait au plus 2000 caractères.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media.py" line="157"/>
        <source>Each tag is 1 to 40 characters, without commas: {tag!r}</source>
        <translation>Chaque mot-clé fait de 1 à 40 caractères, sans virgule : {tag!r}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/media.py" line="176"/>
        <source>Choose a session of this item&apos;s duo.</source>
        <translation>Choisissez une séance du duo de cet élément.</translation>
    </message>
</context>
<context>
    <name>weekdays</name>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="16"/>
        <source>Monday</source>
        <translation>Lundi</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="16"/>
        <source>Tuesday</source>
        <translation>Mardi</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="16"/>
        <source>Wednesday</source>
        <translation>Mercredi</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="17"/>
        <source>Thursday</source>
        <translation>Jeudi</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="17"/>
        <source>Friday</source>
        <translation>Vendredi</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="17"/>
        <source>Saturday</source>
        <translation>Samedi</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/forms/availability_editor.py" line="18"/>
        <source>Sunday</source>
        <translation>Dimanche</translation>
    </message>
</context>
<context>
    <name>workspace</name>
    <message>
        <location filename="../../classesduo/services/workspace.py" line="44"/>
        <source>The database {path} is damaged ({problem}). Restore a backup (File › Restore, or `classesduo restore --latest`) or open another data folder; the damaged file will be kept aside, never overwritten.</source>
        <translation>La base de données {path} est endommagée ({problem}). Restaurez une sauvegarde (Fichier › Restaurer une sauvegarde, ou `classesduo restore --latest`) ou ouvrez un autre dossier des données ; le fichier endommagé sera mis de côté, jamais écrasé.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/workspace.py" line="64"/>
        <source>The file {wal} does not belong to the database {path} ({reason}); Classes Duo stopped before SQLite merged it, so the database is unchanged. It was probably copied from another folder or left by a database restored by hand: move it out of the folder (keep it until you are sure), then start again.</source>
        <translation>Le fichier {wal} n’appartient pas à la base de données {path} ({reason}) ; Classes Duo s’est arrêté avant que SQLite ne le fusionne : la base est inchangée. Il a sans doute été copié depuis un autre dossier ou laissé par une base restaurée à la main : sortez-le du dossier (gardez-le jusqu’à en être sûr), puis relancez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/workspace.py" line="115"/>
        <source>This database was written by a newer Classes Duo (schema {revision}); this version knows up to {head}. Update Classes Duo to open it; the database was not changed.</source>
        <translation>Cette base a été écrite par une version plus récente de Classes Duo (schéma {revision}) ; cette version connaît jusqu’à {head}. Mettez Classes Duo à jour pour l’ouvrir ; la base n’a pas été modifiée.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/workspace.py" line="123"/>
        <source>Cannot open the database {url}: {error}</source>
        <translation>Impossible d’ouvrir la base de données {url} : {error}</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/workspace.py" line="167"/>
        <source>&quot;{url}&quot; is not a database URL ({error}); expected e.g. postgresql+psycopg://user:password@server/classesduo</source>
        <translation>« {url} » n’est pas une URL de base de données ({error}) ; attendu par exemple postgresql+psycopg://utilisateur:motdepasse@serveur/classesduo</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/workspace.py" line="175"/>
        <source>Unknown database driver &quot;{driver}&quot; in the database URL: use sqlite:///FILE or postgresql+psycopg://…</source>
        <translation>Pilote de base de données « {driver} » inconnu dans l’URL : utilisez sqlite:///FICHIER ou postgresql+psycopg://…</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/workspace.py" line="180"/>
        <source>PostgreSQL support is not installed ({error}): install it with pip install &apos;classesduo[postgres]&apos;</source>
        <translation>La prise en charge de PostgreSQL n’est pas installée ({error}) : installez-la avec pip install &apos;classesduo[postgres]&apos;</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/workspace.py" line="183"/>
        <source>The database driver is not installed ({error}).</source>
        <translation>Le pilote de base de données n’est pas installé ({error}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/workspace.py" line="189"/>
        <source>The folder {folder} of the SQLite database URL does not exist; create it or correct the URL.</source>
        <translation>Le dossier {folder} de l’URL de la base SQLite n’existe pas ; créez-le ou corrigez l’URL.</translation>
    </message>
</context>
</TS>
