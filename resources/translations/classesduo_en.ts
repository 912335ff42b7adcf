<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../classesduo/ui/app.py" line="26"/>
        <source>Classes Duo — unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/app.py" line="27"/>
        <source>Something went wrong: {error}

The details are in the log file:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="31"/>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="35"/>
        <source>No upcoming sessions. Tick “Show past sessions” to see earlier ones, or load the demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="37"/>
        <source>No sessions yet — load the demo data to see a school year of sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/calendar_page.py" line="40"/>
        <source>Show past sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../classesduo/ui/dialogs.py" line="23"/>
        <source>Classes Duo — error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuosPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="19"/>
        <source>Paris school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="20"/>
        <source>Arr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="22"/>
        <source>Paris class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="23"/>
        <source>Partner school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="24"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="25"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="26"/>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="27"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="28"/>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="35"/>
        <source>Duos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/duos_page.py" line="38"/>
        <source>No duos yet — load the demo data to see Paris classes paired with partner classes abroad.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="66"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="68"/>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="71"/>
        <source>Welcome to Classes Duo. No schools yet — load the demo data to explore a school year of exchanges between Paris and partner cities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="76"/>
        <source>{schools} schools, {duos} duos. Today: {today} sessions; this week: {week}; to log: {to_log}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="81"/>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="82"/>
        <source>Past sessions still to log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="83"/>
        <source>No session this week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/home_page.py" line="84"/>
        <source>Nothing to log — well done.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="25"/>
        <source>Present (Paris / partner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="26"/>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="42"/>
        <source>Exchange log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="46"/>
        <source>Nothing to log: every past session has its outcome recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="47"/>
        <source>No exchange logged yet — load the demo data to see a term of logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="50"/>
        <source>Logged exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/log_page.py" line="51"/>
        <source>Past sessions still to log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="37"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="38"/>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="39"/>
        <source>Duos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="40"/>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="42"/>
        <source>Exchange log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="44"/>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="45"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="122"/>
        <source>Classes Duo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="126"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="127"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="128"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="129"/>
        <source>Load &amp;demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="130"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="131"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="132"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="133"/>
        <source>&amp;Filter the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="134"/>
        <source>Open the &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="135"/>
        <source>&amp;About Classes Duo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="145"/>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="154"/>
        <source>Data folder: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="160"/>
        <source>The database could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="161"/>
        <source>The database could not be opened: {error}

Details are in the log: {log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="186"/>
        <source>Welcome to Classes Duo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="186"/>
        <source>Your database is empty. Load the demo programme (Paris schools paired with schools in Buenos Aires, Montréal, Tokyo, Dakar…) to explore the app? You can load it later from the File menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="203"/>
        <source>Demo data loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="204"/>
        <source>The demo data was already loaded: nothing added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="208"/>
        <source>Demo loading cancelled; nothing added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="213"/>
        <source>Loading the demo programme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="241"/>
        <source>Something went wrong: {error}

Details are in the log: {log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="248"/>
        <source>About Classes Duo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/main_window.py" line="248"/>
        <source>Classes Duo {version}
Plan and record the City of Paris school exchanges.

Data folder: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="18"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="19"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="20"/>
        <source>Duo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="21"/>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="22"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="25"/>
        <source>Publication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="27"/>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="34"/>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/media_page.py" line="37"/>
        <source>No media yet — load the demo data to see children&apos;s drawings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../classesduo/ui/operations.py" line="86"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="14"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="16"/>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="23"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="24"/>
        <source>A duo has gone quiet after (weeks):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/preferences_dialog.py" line="25"/>
        <source>Free time around a facilitator&apos;s sessions (minutes):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../../classesduo/ui/pages/list_page.py" line="97"/>
        <source>Filter… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/list_page.py" line="113"/>
        <source>{shown} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/list_page.py" line="114"/>
        <source>{total} rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="19"/>
        <source>School year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="20"/>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="21"/>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="22"/>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="29"/>
        <source>Reports — terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/reports_page.py" line="32"/>
        <source>No terms yet — they are created with the first duo of a school year, or load the demo data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchoolsPage</name>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="21"/>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="70"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="22"/>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="23"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="24"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="25"/>
        <source>Arr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="27"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="28"/>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="72"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="35"/>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="38"/>
        <source>No schools yet — load the demo data to explore the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="48"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="49"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="50"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="51"/>
        <source>Pupils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="53"/>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="61"/>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="64"/>
        <source>No classes yet — load the demo data to explore the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="71"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="79"/>
        <source>Facilitators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/schools_page.py" line="82"/>
        <source>No facilitators yet — load the demo data to explore the app.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="14"/>
        <source>Paris time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="16"/>
        <source>Partner time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="19"/>
        <source>Duo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="20"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="21"/>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="23"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/pages/sessions_columns.py" line="24"/>
        <source>Facilitator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../classesduo/services/errors.py" line="35"/>
        <source>This record was changed by someone else — reload it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="52"/>
        <source>A record with the same name already exists ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="54"/>
        <source>The change breaks a rule of the database ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/services/errors.py" line="58"/>
        <source>The database is busy (another Classes Duo window or command is writing); try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/services/records.py" line="20"/>
        <source>No {kind} with id {id}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="37"/>
        <source>Paris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="37"/>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="42"/>
        <source>Proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="43"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="44"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="45"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="51"/>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="52"/>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="53"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="54"/>
        <source>Postponed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="60"/>
        <source>Visio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="61"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="62"/>
        <source>Blog post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="63"/>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="69"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="70"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="71"/>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="72"/>
        <source>Drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="73"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="79"/>
        <source>Granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="80"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/ui/formatting.py" line="81"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="61"/>
        <location filename="../../classesduo/domain/scheduling.py" line="217"/>
        <source>the buffer cannot be negative, not {buffer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="65"/>
        <source>a session must end after it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="70"/>
        <source>Outside the Paris class&apos;s availability: {date} {start}–{end} (Paris time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="76"/>
        <source>Outside the partner class&apos;s availability: {date} {start}–{end} local time ({zone}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="86"/>
        <source>{date} is a Paris holiday: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="94"/>
        <source>{date} (local date) is a holiday for the partner class: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="113"/>
        <source>The facilitator already has a session on {date} {start}–{end} (Paris time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="117"/>
        <source>The facilitator has another session within {buffer} minutes: {date} {start}–{end} (Paris time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="124"/>
        <source>The Paris class already has a session on {date} {start}–{end} (Paris time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/conflicts.py" line="130"/>
        <source>The partner class already has a session on {date} {start}–{end} (Paris time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="85"/>
        <source>a slot must end after it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="212"/>
        <location filename="../../classesduo/domain/series.py" line="63"/>
        <source>the session length must be positive, not {minutes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="215"/>
        <source>the step must be positive, not {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="221"/>
        <location filename="../../classesduo/domain/series.py" line="67"/>
        <source>the start date {start} is after the end date {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="312"/>
        <source>The Paris class has no availability windows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="322"/>
        <source>{time} the next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="324"/>
        <source>{time} the day before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="333"/>
        <source>{city} is {hours} ahead: Paris {paris_time} is {partner_time} in {city}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="335"/>
        <source>{city} is {hours} behind: Paris {paris_time} is {partner_time} in {city}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="337"/>
        <source>{city} has the same time as Paris: Paris {paris_time} is {partner_time} in {city}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="349"/>
        <source>The class in {city} is available {hours} local time that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/scheduling.py" line="351"/>
        <source>The class in {city} has no availability that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/series.py" line="59"/>
        <source>the interval must be at least one week, not {weeks}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="44"/>
        <source>Unknown time zone: {zone}</source>
        <extracomment>Names that ``available_timezones()`` may list but that are not real places: ``localtime`` is the host&apos;s own setting, ``Factory`` a placeholder zone.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="77"/>
        <source>{time} on {date} does not exist in {zone}: clocks jump forward from {before} to {after}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="103"/>
        <source>{time} on {date} happens twice in {zone} (summer time and winter time); choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="108"/>
        <source>{time} on {date} happens twice in {zone} (UTC{first} and UTC{second}); choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="157"/>
        <source>fold must be 0, 1 or None, not {fold}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/timezones.py" line="159"/>
        <source>the wall-clock time must not carry a time zone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <location filename="../../classesduo/services/classes.py" line="53"/>
        <source>{duos} duos and {sessions} sessions use this class; archive it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/services/duos.py" line="101"/>
        <source>{sessions} sessions and {media} media items belong to this duo; close it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/services/facilitators.py" line="36"/>
        <source>{duos} duos are run by this facilitator; archive them instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/services/schools.py" line="60"/>
        <source>{classes} classes, {duos} duos and {sessions} sessions use this school; archive it instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="74"/>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="79"/>
        <source>Not an e-mail address: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="86"/>
        <source>Unknown language code (use ISO 639-1, e.g. fr, es): {codes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="95"/>
        <source>Weekday must be 0 (Monday) to 6 (Sunday).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="97"/>
        <source>A window must end after it starts ({start}–{end}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="107"/>
        <source>Holiday “{name}” ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="115"/>
        <source>Unknown country code (use ISO 3166-1, e.g. FR, AR): {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="118"/>
        <source>Unknown time zone (use an IANA name, e.g. Europe/Paris): {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="122"/>
        <source>A Paris school needs an arrondissement from 1 to 20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="125"/>
        <source>A Paris school is in France (FR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="127"/>
        <source>Only Paris schools have an arrondissement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="139"/>
        <source>Choose the class&apos;s school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="141"/>
        <source>The pupil count cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="154"/>
        <source>Choose a class of a Paris school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="156"/>
        <source>Choose a class of a partner school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="160"/>
        <source>Not a school year (expected e.g. 2026-2027): {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../classesduo/domain/validation.py" line="166"/>
        <source>Unknown exchange tool: {tools} (use email, visio, blog, letters)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
