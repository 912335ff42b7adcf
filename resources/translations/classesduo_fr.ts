<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>App</name>
    <message>
        <location filename="../../classesduo/ui/app.py" line="26"/>
        <source>Classes Duo — unexpected error</source>
        <translation>Classes Duo — erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/app.py" line="27"/>
        <source>Something went wrong: {error}

The details are in the log file:
{path}</source>
        <translation>Un problème est survenu : {error}

Les détails sont dans le journal :
{path}</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="31"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="35"/>
        <source>No upcoming sessions. Tick “Show past sessions” to see earlier ones, or load the demo data.</source>
        <translation>Aucune séance à venir. Cochez « Afficher les séances passées » pour voir les précédentes, ou chargez les données de démonstration.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="37"/>
        <source>No sessions yet — load the demo data to see a school year of sessions.</source>
        <translation>Aucune séance pour l’instant — chargez les données de démonstration pour voir une année scolaire de séances.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="40"/>
        <source>Show past sessions</source>
        <translation>Afficher les séances passées</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../classesduo/ui/dialogs.py" line="23"/>
        <source>Classes Duo — error</source>
        <translation>Classes Duo — erreur</translation>
    </message>
</context>
<context>
    <name>DuosPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="19"/>
        <source>Paris school</source>
        <translation>École parisienne</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="20"/>
        <source>Arr.</source>
        <translation>Arr.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="22"/>
        <source>Paris class</source>
        <translation>Classe parisienne</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="23"/>
        <source>Partner school</source>
        <translation>École partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="24"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="25"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="26"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="27"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="28"/>
        <source>Facilitator</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="35"/>
        <source>Duos</source>
        <translation>Duos</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="38"/>
        <source>No duos yet — load the demo data to see Paris classes paired with partner classes abroad.</source>
        <translation>Aucun duo pour l’instant — chargez les données de démonstration pour voir des classes parisiennes associées à des classes partenaires à l’étranger.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="66"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="68"/>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="71"/>
        <source>Welcome to Classes Duo. No schools yet — load the demo data to explore a school year of exchanges between Paris and partner cities.</source>
        <translation>Bienvenue dans Classes Duo. Aucune école pour l’instant — chargez les données de démonstration pour découvrir une année d’échanges entre Paris et ses villes partenaires.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="76"/>
        <source>{schools} schools, {duos} duos. Today: {today} sessions; this week: {week}; to log: {to_log}.</source>
        <translation>{schools} écoles, {duos} duos. Aujourd’hui : {today} séances ; cette semaine : {week} ; à renseigner : {to_log}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="81"/>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="82"/>
        <source>Past sessions still to log</source>
        <translation>Séances passées à renseigner</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="83"/>
        <source>No session this week.</source>
        <translation>Aucune séance cette semaine.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="84"/>
        <source>Nothing to log — well done.</source>
        <translation>Rien à renseigner — bravo.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="45"/>
        <location filename="../../classesduo/ui/pages/home_page.py" line="73"/>
        <location filename="../../classesduo/ui/pages/list_page.py" line="170"/>
        <location filename="../../classesduo/ui/pages/log_page.py" line="56"/>
        <source>Load the demo data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="25"/>
        <source>Present (Paris / partner)</source>
        <translation>Présents (Paris / partenaire)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="26"/>
        <source>What was done</source>
        <translation>Ce qui a été fait</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="42"/>
        <source>Exchange log</source>
        <translation>Journal des échanges</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="46"/>
        <source>Nothing to log: every past session has its outcome recorded.</source>
        <translation>Rien à renseigner : chaque séance passée a son compte rendu.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="47"/>
        <source>No exchange logged yet — load the demo data to see a term of logs.</source>
        <translation>Aucun échange renseigné pour l’instant — chargez les données de démonstration pour voir un trimestre de comptes rendus.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="50"/>
        <source>Logged exchanges</source>
        <translation>Échanges renseignés</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="51"/>
        <source>Past sessions still to log</source>
        <translation>Séances passées à renseigner</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="37"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="38"/>
        <source>Schools</source>
        <translation>Écoles</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="39"/>
        <source>Duos</source>
        <translation>Duos</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="40"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="42"/>
        <source>Exchange log</source>
        <translation>Journal des échanges</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="44"/>
        <source>Media</source>
        <translation>Médias</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="45"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="122"/>
        <source>Classes Duo</source>
        <translation>Classes Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="126"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="127"/>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="128"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="129"/>
        <source>Load &amp;demo data</source>
        <translation>Charger les &amp;données de démonstration</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="130"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="131"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="132"/>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="133"/>
        <source>&amp;Filter the list</source>
        <translation>&amp;Filtrer la liste</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="134"/>
        <source>Open the &amp;log folder</source>
        <translation>Ouvrir le dossier du &amp;journal</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="135"/>
        <source>&amp;About Classes Duo</source>
        <translation>À &amp;propos de Classes Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="145"/>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="154"/>
        <source>Data folder: {path}</source>
        <translation>Dossier des données : {path}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="160"/>
        <source>The database could not be opened.</source>
        <translation>La base de données n’a pas pu être ouverte.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="161"/>
        <source>The database could not be opened: {error}

Details are in the log: {log}</source>
        <translation>La base de données n’a pas pu être ouverte : {error}

Les détails sont dans le journal : {log}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="186"/>
        <source>Welcome to Classes Duo</source>
        <translation>Bienvenue dans Classes Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="186"/>
        <source>Your database is empty. Load the demo programme (Paris schools paired with schools in Buenos Aires, Montréal, Tokyo, Dakar…) to explore the app? You can load it later from the File menu.</source>
        <translation>Votre base de données est vide. Charger le programme de démonstration (des écoles parisiennes associées à des écoles de Buenos Aires, Montréal, Tokyo, Dakar…) pour découvrir l’application ? Vous pourrez le charger plus tard depuis le menu Fichier.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="203"/>
        <source>Demo data loaded.</source>
        <translation>Données de démonstration chargées.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="204"/>
        <source>The demo data was already loaded: nothing added.</source>
        <translation>Les données de démonstration étaient déjà chargées : rien n’a été ajouté.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="208"/>
        <source>Demo loading cancelled; nothing added.</source>
        <translation>Chargement de la démonstration annulé ; rien n’a été ajouté.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="213"/>
        <source>Loading the demo programme…</source>
        <translation>Chargement du programme de démonstration…</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="241"/>
        <source>Something went wrong: {error}

Details are in the log: {log}</source>
        <translation>Un problème est survenu : {error}

Les détails sont dans le journal : {log}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="248"/>
        <source>About Classes Duo</source>
        <translation>À propos de Classes Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="248"/>
        <source>Classes Duo {version}
Plan and record the City of Paris school exchanges.

Data folder: {path}</source>
        <translation>Classes Duo {version}
Planifier et suivre les échanges scolaires de la Ville de Paris.

Dossier des données : {path}</translation>
    </message>
</context>
<context>
    <name>MediaPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="18"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="19"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="20"/>
        <source>Duo</source>
        <translation>Duo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="21"/>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="22"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="25"/>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="27"/>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="34"/>
        <source>Media</source>
        <translation>Médias</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="37"/>
        <source>No media yet — load the demo data to see children&apos;s drawings.</source>
        <translation>Aucun média pour l’instant — chargez les données de démonstration pour voir des dessins d’enfants.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../classesduo/ui/operations.py" line="86"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="14"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="16"/>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="23"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="24"/>
        <source>A duo has gone quiet after (weeks):</source>
        <translation>Un duo est silencieux après (semaines) :</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="25"/>
        <source>Free time around a facilitator&apos;s sessions (minutes):</source>
        <translation>Temps libre autour des séances d’un·e intervenant·e (minutes) :</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../classesduo/ui/pages/list_page.py" line="97"/>
        <source>Filter… (Ctrl+F)</source>
        <translation>Filtrer… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/list_page.py" line="113"/>
        <source>{shown} of {total}</source>
        <translation>{shown} sur {total}</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/list_page.py" line="114"/>
        <source>{total} rows</source>
        <translation>{total} lignes</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="19"/>
        <source>School year</source>
        <translation>Année scolaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="20"/>
        <source>Term</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="21"/>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="22"/>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="29"/>
        <source>Reports — terms</source>
        <translation>Rapports — trimestres</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="32"/>
        <source>No terms yet — they are created with the first duo of a school year, or load the demo data.</source>
        <translation>Aucun trimestre pour l’instant — ils sont créés avec le premier duo d’une année scolaire, ou chargez les données de démonstration.</translation>
    </message>
</context>
<context>
    <name>SchoolsPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="21"/>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="70"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="22"/>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="23"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="24"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="25"/>
        <source>Arr.</source>
        <translation>Arr.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="27"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="28"/>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="72"/>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="35"/>
        <source>Schools</source>
        <translation>Écoles</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="38"/>
        <source>No schools yet — load the demo data to explore the app.</source>
        <translation>Aucune école pour l’instant — chargez les données de démonstration pour découvrir l’application.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="48"/>
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="49"/>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="50"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="51"/>
        <source>Pupils</source>
        <translation>Élèves</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="53"/>
        <source>Teacher</source>
        <translation>Enseignant·e</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="61"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="64"/>
        <source>No classes yet — load the demo data to explore the app.</source>
        <translation>Aucune classe pour l’instant — chargez les données de démonstration pour découvrir l’application.</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="71"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="79"/>
        <source>Facilitators</source>
        <translation>Intervenant·es</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="82"/>
        <source>No facilitators yet — load the demo data to explore the app.</source>
        <translation>Aucun·e intervenant·e pour l’instant — chargez les données de démonstration pour découvrir l’application.</translation>
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
    <name>errors</name>
    <message>
        <location filename="../../classesduo/services/errors.py" line="35"/>
        <source>This record was changed by someone else — reload it and try again.</source>
        <translation>Cette fiche a été modifiée par quelqu’un d’autre — rechargez-la et réessayez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="52"/>
        <source>A record with the same name already exists ({detail}).</source>
        <translation>Une fiche du même nom existe déjà ({detail}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="54"/>
        <source>The change breaks a rule of the database ({detail}).</source>
        <translation>La modification enfreint une règle de la base de données ({detail}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="58"/>
        <source>The database is busy (another Classes Duo window or command is writing); try again.</source>
        <translation>La base de données est occupée (une autre fenêtre ou commande Classes Duo écrit) ; réessayez.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/records.py" line="20"/>
        <source>No {kind} with id {id}.</source>
        <translation>Aucun enregistrement « {kind} » avec l’identifiant {id}.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="37"/>
        <source>Paris</source>
        <translation>Paris</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="37"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="42"/>
        <source>Proposed</source>
        <translation>Proposé</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="43"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="44"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="45"/>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="51"/>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="52"/>
        <source>Held</source>
        <translation>Tenue</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="53"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="54"/>
        <source>Postponed</source>
        <translation>Reportée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="60"/>
        <source>Visio</source>
        <translation>Visio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="61"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="62"/>
        <source>Blog post</source>
        <translation>Billet de blog</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="63"/>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="69"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="70"/>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="71"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="72"/>
        <source>Drawing</source>
        <translation>Dessin</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="73"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="79"/>
        <source>Granted</source>
        <translation>Accordée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="80"/>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="81"/>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
</context>
<context>
    <name>scheduling</name>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="29"/>
        <location filename="../../classesduo/domain/scheduling.py" line="70"/>
        <location filename="../../classesduo/domain/timezones.py" line="185"/>
        <location filename="../../classesduo/domain/timezones.py" line="247"/>
        <source>a naive date-time has no time zone; give an aware one</source>
        <extracomment>Any two zones are less than 27 h apart, so an instant&apos;s local dates in two zones differ by at most this many days.</extracomment>
        <translation>une date-heure sans fuseau horaire est ambiguë ; indiquez le fuseau</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="61"/>
        <location filename="../../classesduo/domain/scheduling.py" line="217"/>
        <source>the buffer cannot be negative, not {buffer}</source>
        <translation>la marge ne peut pas être négative ({buffer})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="65"/>
        <source>a session must end after it starts</source>
        <translation>une séance doit finir après son début</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="70"/>
        <source>Outside the Paris class&apos;s availability: {date} {start}–{end} (Paris time).</source>
        <translation>En dehors des disponibilités de la classe parisienne : {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="76"/>
        <source>Outside the partner class&apos;s availability: {date} {start}–{end} local time ({zone}).</source>
        <translation>En dehors des disponibilités de la classe partenaire : {date} {start}–{end} heure locale ({zone}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="86"/>
        <source>{date} is a Paris holiday: {name}.</source>
        <translation>Le {date} est un jour de vacances à Paris : {name}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="94"/>
        <source>{date} (local date) is a holiday for the partner class: {name}.</source>
        <translation>Le {date} (date locale) est un jour de vacances pour la classe partenaire : {name}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="113"/>
        <source>The facilitator already has a session on {date} {start}–{end} (Paris time).</source>
        <translation>L’intervenant·e a déjà une séance le {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="117"/>
        <source>The facilitator has another session within {buffer} minutes: {date} {start}–{end} (Paris time).</source>
        <translation>L’intervenant·e a une autre séance à moins de {buffer} minutes : {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="124"/>
        <source>The Paris class already has a session on {date} {start}–{end} (Paris time).</source>
        <translation>La classe parisienne a déjà une séance le {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="130"/>
        <source>The partner class already has a session on {date} {start}–{end} (Paris time).</source>
        <translation>La classe partenaire a déjà une séance le {date} {start}–{end} (heure de Paris).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="85"/>
        <source>a slot must end after it starts</source>
        <translation>un créneau doit finir après son début</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="212"/>
        <location filename="../../classesduo/domain/series.py" line="63"/>
        <source>the session length must be positive, not {minutes}</source>
        <translation>la durée de la séance doit être positive ({minutes})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="215"/>
        <source>the step must be positive, not {step}</source>
        <translation>le pas doit être positif ({step})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="221"/>
        <location filename="../../classesduo/domain/series.py" line="67"/>
        <source>the start date {start} is after the end date {end}</source>
        <translation>la date de début {start} est après la date de fin {end}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="312"/>
        <source>The Paris class has no availability windows.</source>
        <translation>La classe parisienne n’a aucun créneau de disponibilité.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="322"/>
        <source>{time} the next day</source>
        <translation>{time} le lendemain</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="324"/>
        <source>{time} the day before</source>
        <translation>{time} la veille</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="333"/>
        <source>{city} is {hours} ahead: Paris {paris_time} is {partner_time} in {city}.</source>
        <translation>{city} a {hours} d’avance : {paris_time} à Paris, c’est {partner_time} à {city}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="335"/>
        <source>{city} is {hours} behind: Paris {paris_time} is {partner_time} in {city}.</source>
        <translation>{city} a {hours} de retard : {paris_time} à Paris, c’est {partner_time} à {city}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="337"/>
        <source>{city} has the same time as Paris: Paris {paris_time} is {partner_time} in {city}.</source>
        <translation>{city} est à l’heure de Paris : {paris_time} à Paris, c’est {partner_time} à {city}.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="349"/>
        <source>The class in {city} is available {hours} local time that day.</source>
        <translation>La classe de {city} est disponible {hours} heure locale ce jour-là.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="351"/>
        <source>The class in {city} has no availability that day.</source>
        <translation>La classe de {city} n’a aucune disponibilité ce jour-là.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/series.py" line="59"/>
        <source>the interval must be at least one week, not {weeks}</source>
        <translation>l’intervalle doit être d’au moins une semaine ({weeks})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="44"/>
        <source>Unknown time zone: {zone}</source>
        <extracomment>Names that ``available_timezones()`` may list but that are not real places: ``localtime`` is the host&apos;s own setting, ``Factory`` a placeholder zone.</extracomment>
        <translation>Fuseau horaire inconnu : {zone}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="77"/>
        <source>{time} on {date} does not exist in {zone}: clocks jump forward from {before} to {after}</source>
        <translation>{time} le {date} n’existe pas dans le fuseau {zone} : les horloges passent de {before} à {after}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="103"/>
        <source>{time} on {date} happens twice in {zone} (summer time and winter time); choose one</source>
        <translation>{time} le {date} existe deux fois dans le fuseau {zone} (heure d’été et heure d’hiver) ; choisissez</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="108"/>
        <source>{time} on {date} happens twice in {zone} (UTC{first} and UTC{second}); choose one</source>
        <translation>{time} le {date} existe deux fois dans le fuseau {zone} (UTC{first} et UTC{second}) ; choisissez</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="157"/>
        <source>fold must be 0, 1 or None, not {fold}</source>
        <translation>fold doit valoir 0, 1 ou None (et non {fold})</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="159"/>
        <source>the wall-clock time must not carry a time zone</source>
        <translation>l’heure locale ne doit pas porter de fuseau horaire</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <location filename="../../classesduo/services/classes.py" line="53"/>
        <source>{duos} duos and {sessions} sessions use this class; archive it instead.</source>
        <translation>{duos} duos et {sessions} séances utilisent cette classe ; archivez-la plutôt.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/duos.py" line="101"/>
        <source>{sessions} sessions and {media} media items belong to this duo; close it instead.</source>
        <translation>{sessions} séances et {media} médias appartiennent à ce duo ; clôturez-le plutôt.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/facilitators.py" line="36"/>
        <source>{duos} duos are run by this facilitator; archive them instead.</source>
        <translation>{duos} duos sont animés par cet·te intervenant·e ; archivez-le·la plutôt.</translation>
    </message>
    <message>
        <location filename="../../classesduo/services/schools.py" line="60"/>
        <source>{classes} classes, {duos} duos and {sessions} sessions use this school; archive it instead.</source>
        <translation>{classes} classes, {duos} duos et {sessions} séances utilisent cette école ; archivez-la plutôt.</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="74"/>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="79"/>
        <source>Not an e-mail address: {value}</source>
        <translation>Adresse e-mail invalide : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="86"/>
        <source>Unknown language code (use ISO 639-1, e.g. fr, es): {codes}</source>
        <translation>Code de langue inconnu (ISO 639-1, p. ex. fr, es) : {codes}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="95"/>
        <source>Weekday must be 0 (Monday) to 6 (Sunday).</source>
        <translation>Le jour doit aller de 0 (lundi) à 6 (dimanche).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="97"/>
        <source>A window must end after it starts ({start}–{end}).</source>
        <translation>Un créneau doit finir après son début ({start}–{end}).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="107"/>
        <source>Holiday “{name}” ends before it starts.</source>
        <translation>Les vacances « {name} » finissent avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="115"/>
        <source>Unknown country code (use ISO 3166-1, e.g. FR, AR): {code}</source>
        <translation>Code pays inconnu (ISO 3166-1, p. ex. FR, AR) : {code}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="118"/>
        <source>Unknown time zone (use an IANA name, e.g. Europe/Paris): {zone}</source>
        <translation>Fuseau horaire inconnu (nom IANA, p. ex. Europe/Paris) : {zone}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="122"/>
        <source>A Paris school needs an arrondissement from 1 to 20.</source>
        <translation>Une école parisienne a un arrondissement de 1 à 20.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="125"/>
        <source>A Paris school is in France (FR).</source>
        <translation>Une école parisienne est en France (FR).</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="127"/>
        <source>Only Paris schools have an arrondissement.</source>
        <translation>Seules les écoles parisiennes ont un arrondissement.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="139"/>
        <source>Choose the class&apos;s school.</source>
        <translation>Choisissez l’école de la classe.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="141"/>
        <source>The pupil count cannot be negative.</source>
        <translation>Le nombre d’élèves ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="154"/>
        <source>Choose a class of a Paris school.</source>
        <translation>Choisissez une classe d’une école parisienne.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="156"/>
        <source>Choose a class of a partner school.</source>
        <translation>Choisissez une classe d’une école partenaire.</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="160"/>
        <source>Not a school year (expected e.g. 2026-2027): {value}</source>
        <translation>Année scolaire invalide (attendu p. ex. 2026-2027) : {value}</translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="166"/>
        <source>Unknown exchange tool: {tools} (use email, visio, blog, letters)</source>
        <translation>Outil d’échange inconnu : {tools} (email, visio, blog, letters)</translation>
    </message>
</context>
</TS>
