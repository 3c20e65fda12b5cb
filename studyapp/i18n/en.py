"""Interface strings in English.

The same keys as the other catalog, with the same `{placeholders}` (a test checks);
keys are grouped by where they are used."""

MESSAGES: dict[str, str] = {
    # --- content problems (validator) -------------------------------------
    "problem.not_utf8": (
        "the file is not UTF-8 text (byte 0x{byte:02X} here); save it again as UTF-8"
    ),
    "problem.too_large": (
        "the file is too large ({size} bytes, at most {limit}); split it into several files"
    ),
    "problem.unreadable": "cannot read the file: {reason}",
    "problem.toml_syntax": "TOML syntax error: {detail}{near}",
    "problem.too_deep": "the TOML nests too deeply to be read ({detail})",
    "problem.toml_near": " — {lines}",
    "problem.toml_line": "line {number}: «{text}»",
    "problem.no_front_matter": (
        "the lesson has no front matter: the file must start with a line `+++`, then its TOML "
        "keys, then another line `+++`"
    ),
    "problem.front_matter_unclosed": (
        "the front matter opened with `+++` is never closed by another line `+++`"
    ),
    "problem.missing_key": "the required key `{key}` is missing",
    "problem.unknown_key": "unknown key `{key}`{suggestion}",
    "problem.did_you_mean": "; did you mean `{match}`?",
    "problem.wrong_type": "`{key}` must be {expected}, not {actual}",
    "problem.bad_id": "`{key}` = \"{value}\" may contain only a-z, 0-9 and '-'",
    "problem.empty_value": "`{key}` must not be empty",
    "problem.key_points_count": "`key_points` must have 1 to 10 items, not {count}",
    "problem.unknown_format": (
        "`format` = {value}: this program reads only format {known}; update studyapp"
    ),
    "problem.bad_language": "`language` = \"{value}\" is not a language code (for example \"vi\")",
    "problem.not_positive": "`{key}` must be greater than 0",
    "problem.out_of_scale": "`{key}` = {value} is outside the scale 0..{scale}",
    "problem.bands_order": "`bands` must be listed highest first",
    "problem.bands_floor": "no band covers scores below {value}; the last band usually has min = 0",
    "problem.unknown_type": (
        "`type` = \"{value}\" is not a question type (single, multi, truefalse, fill, number, "
        "order, match){suggestion}"
    ),
    "problem.key_not_for_type": "the key `{key}` does not apply to a question of type {type}",
    "problem.bad_difficulty": (
        "`difficulty` = {value}: the difficulty must be 1 (easy), 2 (medium) or 3 (hard)"
    ),
    "problem.no_explanation": (
        "the question `{id}` has no `explanation`: quote the passage that answers it"
    ),
    "problem.count_out_of_range": "`{key}` has {count} entries; it needs {low} to {high}",
    "problem.duplicate_choice": "a choice is repeated: «{value}»",
    "problem.duplicate_answer": "`answer` repeats a letter",
    "problem.bad_letter": "`answer` = \"{value}\" is not a capital letter from A to H",
    "problem.letter_without_choice": (
        "the answer \"{value}\" names no choice (the question has {count} choices)"
    ),
    "problem.not_finite": "`{key}` must be a finite number",
    "problem.negative": "`{key}` must not be negative",
    "problem.duplicate_item": "an entry of `items` is repeated: «{value}»",
    "problem.bad_pair": (
        "each entry of `pairs` must be a pair [\"left\", \"right\"] of non-empty strings"
    ),
    "problem.duplicate_left": "a left side is repeated in `pairs`: «{value}»",
    "problem.duplicate_right": "a right side is repeated in `pairs`: «{value}»",
    "problem.too_many_questions": (
        "the bank has {count} questions, at most {limit}; split it into several banks"
    ),
    "problem.duplicate_question": (
        "the question id `{id}` is already used at line {line}; this question is skipped"
    ),
    "problem.empty_bank": "the bank has no questions",
    "problem.duplicate_bank": "the bank id `{id}` is already used at {other}; this bank is skipped",
    "problem.unknown_lesson": (
        "`lesson` = \"{lesson}\" names no lesson of this pack; the bank is skipped"
    ),
    "problem.lesson_skipped": (
        "the lesson `{lesson}` could not be loaded; its questions stay, without a lesson"
    ),
    "problem.lesson_without_questions": "the lesson `{id}` has no questions",
    "problem.duplicate_lesson": (
        "the lesson id `{id}` is already used at {other}; this lesson is skipped"
    ),
    "problem.duplicate_pack": "the pack id `{id}` is already used at {other}; this pack is skipped",
    "problem.unknown_parent": "`parent` = \"{parent}\" names no lesson; this lesson is skipped",
    "problem.parent_skipped": (
        "the parent `{parent}` could not be loaded; this lesson is shown at the top level"
    ),
    "problem.parent_cycle": "the `parent` links form a cycle: {cycle}; these lessons are skipped",
    "problem.not_nfc": (
        "the text is not in NFC form (separate accents, often copied from Word or PDF); it was "
        "normalised"
    ),
    "problem.control_chars": (
        "control characters, escape sequences or invisible characters were removed"
    ),
    "problem.body_too_long": (
        "the lesson text is {size} bytes, over about 4 KB; split it into child lessons"
    ),
    "problem.empty_body": "the lesson has no text",
    "problem.no_pack": "no pack here: a pack is a folder with a pack.toml file",
    "problem.not_found": "no such file or folder",
    "problem.not_content": (
        "not a content file (expected pack.toml, a .md file in lessons/ or a .toml file in banks/)"
    ),
    "type.string": "a string",
    "type.integer": "an integer",
    "type.number": "a number",
    "type.boolean": "true or false",
    "type.array": "an array",
    "type.table": "a table",
    "type.string_list": "an array of strings",
    "type.bands": "an array of {{ label = \"...\", min = number }}",
    "type.datetime": "a date or time",
    "type.table_list": "an array of tables [[...]]",
    "type.string_or_list": "a string or an array of strings",
    # --- interface: keys ---------------------------------------------------
    "key.quit": "Quit",
    "key.help": "Help",
    "key.lessons": "Lessons",
    "key.search": "Search",
    "key.problems": "Content problems",
    "key.next": "Next",
    "key.previous": "Previous",
    "key.toggle_tree": "Show/hide contents",
    "key.back": "Back",
    "key.close": "Close",
    "key.down": "Down",
    "key.up": "Up",
    "app.quit_hint": "To quit, press Ctrl+Q (or q on the home screen).",
    # --- interface: home ---------------------------------------------------
    "home.subtitle": "Home",
    "home.studying": "Study {source}",
    "home.summary": "{lessons} lessons",
    "home.intro": "Read, practise, test yourself; scores are kept on this computer.",
    "home.no_content": "There are no lessons. Check the content folders with: studyapp validate",
    "home.problems": "⚠ {files} content files were skipped because of errors. Press v for details.",
    "home.what_next": "What would you like to do?",
    "home.hint": "↑ ↓ choose · Enter opens · or press the key in brackets · the mouse works",
    "home.menu.lessons": "Read the lessons",
    "home.menu.lessons.detail": "The parts of the document, by contents",
    "home.menu.search": "Search",
    "home.menu.search.detail": "A word in the lessons and questions",
    "home.menu.problems": "Content problems",
    "home.menu.problems.detail": "Files skipped, and why",
    "home.menu.help": "Help",
    "home.menu.help.detail": "The keys of the program",
    "home.menu.quit": "Quit",
    "home.menu.quit.detail": "Close the program",
    # --- interface: lessons --------------------------------------------------
    "lessons.subtitle": "Lessons",
    "lessons.last": "This is the last lesson.",
    "lessons.first": "This is the first lesson.",
    "lesson.meta": "Lesson {position} of {total} · Source: {source}, {part}",
    "lesson.part": "part {part}",
    "lesson.trail": "In: {trail}",
    "lesson.key_points": "Key points",
    "lesson.children": "Lessons in this part:",
    "lesson.end_hint": "— End of lesson. Press n for the next lesson, p for the previous one. —",
    # --- interface: search ----------------------------------------------------
    "search.title": "Search",
    "search.placeholder": "Type what to look for, with or without diacritics (e.g. kien dinh)",
    "search.empty": "Results appear here as you type.",
    "search.none": "Nothing found for “{query}”.",
    "search.count": "{count} results for “{query}”",
    "search.question": "Question: {prompt}",
    "search.question_truefalse": "True or false: {prompt}",
    "search.no_lesson": "This question is not linked to a lesson.",
    "search.hint": "↑ ↓ choose · Enter opens the lesson at the match · Esc closes",
    # --- interface: help and problems ------------------------------------------
    "help.title": "Help — keys",
    "help.screen_keys": "Keys here ({screen}):",
    "help.general_keys": "Everywhere:",
    "help.key.arrows": "move between items, scroll",
    "help.key.enter": "choose, open",
    "help.key.tab": "move to the next area (contents ↔ lesson text)",
    "help.key.pages": "scroll a page at a time",
    "help.key.escape": "go back, close a dialog",
    "help.key.help": "open this help",
    "help.key.quit": "quit the program",
    "help.mouse": (
        "With a mouse, click to choose and use the wheel to scroll. Esc closes this help."
    ),
    "problems.title": "Content problems",
    "problems.skipped": "{count} files or folders were skipped:",
    "problems.all": "Every problem:",
    "problems.hint": (
        "Fix these files and start the program again; studyapp validate prints the same list. Esc "
        "closes."
    ),
    # --- quiz -----------------------------------------------------------------
    "quiz.not_enough": (
        "{requested} questions were asked for but only {available} match the choices; ask for "
        "fewer or loosen the filters"
    ),
    "quiz.already_answered": (
        "this question has been answered; in practice an answer cannot be changed"
    ),
    "quiz.finished": "the quiz is finished",
    "quiz.time_up": "time is up; the quiz was handed in with the answers given",
    "quiz.paused": "the clock is paused; resume to answer",
    "quiz.already_paused": "the clock is already paused",
    "quiz.not_paused": "the clock is not paused",
    "quiz.no_such_question": "there is no question {position} (the paper has {size})",
    "quiz.bad_response": "the response does not fit the question {id}",
    # --- the database ---------------------------------------------------------
    "db.not_database": (
        "{path} is not an SQLite database. Check the path (--db or STUDYAPP_DB); the file was left "
        "as it is."
    ),
    "db.truncated": (
        "{path} is truncated ({size} bytes where its header says {expected}): an interrupted copy "
        "or a failing disk. The file was left as it is; restore it from a backup (studyapp db "
        "backup) or use another file with --db."
    ),
    "db.corrupt": (
        "The database {path} is damaged ({reason}). The file was left as it is; run studyapp db "
        "check and restore from a backup."
    ),
    "db.wal_foreign": (
        "The journal file {wal} does not belong to the database {path} (copied from another "
        "computer?): opening them together would damage the database. Both files were left as "
        "they are. Move {wal} away (if it came with another database file, put it back beside "
        "that one) and run again."
    ),
    "db.wal_not_wal": (
        "The file {wal} beside the database {path} is not an SQLite WAL journal. Both files were "
        "left as they are; move {wal} away and run again."
    ),
    "db.damaged_no_write": (
        "The database {path} is damaged ({reason}), so nothing more is written into it. The file "
        "was left as it is; run studyapp db check and restore from a backup (one made with "
        "studyapp db backup, or the …before-v…sqlite3 files beside it)."
    ),
    "db.foreign": (
        "{path} is another program's database, not studyapp's; it was left as it is. Use another "
        "file with --db."
    ),
    "db.newer": (
        "The database {path} was made by a newer studyapp (schema {version}; this one knows up to "
        "{known}). Update studyapp; the file was left as it is."
    ),
    "db.locked": (
        "The database {path} is locked by another program. Close it (or wait a moment) and try "
        "again."
    ),
    "db.read_only": (
        "Cannot write to the database {path} (read-only). Check the file's and folder's "
        "permissions, or use another file with --db."
    ),
    "db.unreadable": "Cannot read {path}: {reason}",
    "db.cannot_create": "Cannot create the database {path}: {reason}",
    "db.cannot_open": "Cannot open the database {path} ({reason}).",
    "db.failed": "The database {path} failed: {reason}",
    "db.missing": "There is no database at {path} yet (nothing has been saved).",
    "db.backup_exists": "{path} already exists; choose another name so as not to overwrite it.",
    "db.backup_failed": "The backup to {path} failed: {reason}",
    "db.check.foreign_key": "table {table}, row {rowid}: refers to a record that no longer exists",
    "db.check.old_schema": (
        "schema {version} is older than {known}; it will be upgraded at the next write (after a "
        "backup)"
    ),
    "db.check.healthy": (
        "{path}: healthy (schema {version}; {cells} cells, {members} members, {sessions} sessions, "
        "{attempts} attempts, {answers} answers)"
    ),
    "db.check.unhealthy": "{path}: problems found (schema {version}):",
    "db.backup_done": "Backed up to {path}",
    # --- the store --------------------------------------------------------------
    "store.member_empty": "give a full name",
    "store.cell_empty": "give the cell's name",
    "store.name_too_long": "the name is {length} characters long, at most {limit}",
    "store.duplicate_member": "“{name}” is already on the cell's roster.",
    "store.no_cell": "there is no cell “{name}”",
    "store.no_member": "there is no member “{name}” in the cell",
    "store.ambiguous_member": (
        "{count} people are called “{name}”; say which with --id (see: studyapp members list "
        "--format json)"
    ),
    "store.no_session": "there is no session {id}",
    "store.no_attempt": "there is no attempt {id}",
    "store.session_closed": "the session is closed: its results can no longer change",
    "store.pin_needed": "this needs the cell secretary's PIN",
    "store.pin_wrong": "the PIN is wrong",
    "store.who": "an attempt needs a member or a guest's name",
    "store.question_gone": (
        "the question {id} of this attempt is no longer in the banks; it cannot resume"
    ),
    # --- printed papers ----------------------------------------------------------
    "paper.title": "TEST — {title}",
    "paper.key_title": "ANSWER KEY — {title}",
    "paper.meta": "{source} · {count} questions · Paper code: {seed}",
    "paper.fields": (
        "Name: ..................................................   Cell: "
        "..................................   Date: ..../..../........"
    ),
    "paper.question": "Question {number}.",
    "paper.key_number": "Question {number}:",
    "paper.how.single": "Circle the one right letter.",
    "paper.how.multi": "Circle every right letter.",
    "paper.how.truefalse": "Circle True or False.",
    "paper.how.fill": "Write the missing words on the answer line.",
    "paper.how.number": "Write the number on the answer line.",
    "paper.how.order": "Number the boxes 1, 2, 3… in the right order.",
    "paper.how.match": "Match each item on the left (1, 2, …) with one on the right (A, B, …).",
    "paper.true_false": "True        False",
    "paper.true": "True",
    "paper.false": "False",
    "paper.answer_line": (
        "Answer: .........................................................................."
    ),
    # --- command line ----------------------------------------------------
    "cli.description": (
        "studyapp: study a Party document and test what was learned, offline, in a terminal. With "
        "no subcommand it opens the interface."
    ),
    "cli.opt.content": (
        "a content folder (one pack or a folder of packs); repeatable; replaces the bundled packs "
        "unless --with-bundled is given"
    ),
    "cli.opt.with_bundled": "keep the bundled packs when --content is given",
    "cli.opt.db": "the score database (default: STUDYAPP_DB, then the user data directory)",
    "cli.opt.lang": "interface language (default vi)",
    "cli.opt.format": "output format",
    "cli.opt.strict": "treat warnings as errors",
    "cli.opt.limit": "at most this many results (default 20)",
    "cli.cmd.validate": "check content (packs, lessons, question banks)",
    "cli.arg.paths": "folders or files to check (default: the content in use)",
    "cli.cmd.lessons": "print the lesson tree",
    "cli.cmd.search": "search the lessons (ignores case and diacritics)",
    "cli.arg.query": "what to look for",
    "cli.cmd.questions": "list questions with their answers",
    "cli.cmd.paper": "draw a test paper (the same seed gives the same paper), to print or inspect",
    "cli.opt.pack": "only this pack (repeatable)",
    "cli.opt.bank": "only this bank (repeatable)",
    "cli.opt.lesson": "only this lesson and its children (repeatable)",
    "cli.opt.tag": "only questions with this tag (repeatable)",
    "cli.opt.type": "only this question type (repeatable)",
    "cli.opt.difficulty": "only this difficulty: 1, 2 or 3 (repeatable)",
    "cli.opt.count": "how many questions",
    "cli.opt.seed": "the paper's seed (the same seed, the same paper); default: random",
    "cli.opt.answer_key": "print the paper's answer key instead",
    "cli.key_needs_seed": "--answer-key needs --seed: the paper code printed on the paper to mark",
    "cli.unknown_filter": "there is no {kind} `{value}`{suggestion}",
    "cli.filter.pack": "pack",
    "cli.filter.bank": "bank",
    "cli.filter.lesson": "lesson",
    "cli.filter.tag": "tag",
    "cli.no_questions": "No question matches.",
    "cli.cmd.members": "a cell's roster: list, add, import, remove, pin",
    "cli.arg.members_action": "what to do",
    "cli.arg.members_name": "a full name (add, remove) or a file with one name a line (import)",
    "cli.opt.cell": "the cell's name",
    "cli.opt.allow_duplicate": "kept for older scripts: a namesake is now added with --note",
    "cli.opt.member_id": "the member's id, when names are shared",
    "cli.opt.pin": "the secretary's PIN (or STUDYAPP_PIN)",
    "cli.opt.new_pin": "the new PIN (pin)",
    "cli.opt.clear_pin": "remove the PIN (pin)",
    "cli.cmd.db": "check (check) or back up (backup -o FILE) the database",
    "cli.opt.output": "the output file",
    "cli.opt.decimal": ("CSV: the decimal sign, comma (7,5; columns separated by ;) or point "
                        "(7.5; separated by ,); default from the interface language"),
    "cli.cmd.locate": "where the config, data and database live",
    "cli.cmd.demo": "fill a new database with made-up data (names and results are invented)",
    "cli.opt.demo_seed": "random seed",
    "cli.opt.demo_cells": "how many cells",
    "cli.opt.demo_members": "members per cell",
    "cli.opt.demo_sessions": "sessions per cell",
    "cli.opt.demo_questions": "questions per test",
    "cli.not_positive": "“{value}” must be above 0",
    "cli.members_needs_name": "members {action} needs a name (or a file)",
    "cli.members_needs_cell": "members {action} needs --cell NAME",
    "cli.backup_needs_output": "db backup needs -o FILE (a new file)",
    "members.heading": "{cell} ({count} members)",
    "members.added": "Added “{name}” to {cell}.",
    "members.removed": "Took “{name}” off the {cell} roster (past results are kept).",
    "members.imported": "Added {added} to {cell}.",
    "members.import_duplicate": "skipped “{name}”: already on the roster",
    "members.cannot_read": "cannot read {path}: {reason}",
    "members.not_utf8": "{path} is not UTF-8 text; save it again as UTF-8",
    "members.pin_set": "The PIN of {cell} is set.",
    "members.pin_cleared": "The PIN of {cell} is removed.",
    "members.pin_how": "give the new PIN with --new-pin (or run in a terminal to type it)",
    "members.pin_prompt": "New PIN: ",
    "members.pin_again": "The new PIN again: ",
    "members.pin_mismatch": "the two PINs differ (or are empty)",
    "locate.config": "Config file",
    "locate.data": "Data folder",
    "locate.cache": "Cache folder",
    "locate.database": "Database",
    "locate.content": "Bundled content",
    "demo.done": (
        "Filled {path} with made-up data: {cells} cells, {members} members, {sessions} sessions, "
        "{attempts} attempts, {answers} answers."
    ),
    "demo.not_empty": (
        "The database {path} already has data; made-up data is never mixed with real data. Use a "
        "new file: studyapp demo --db NEW_FILE"
    ),
    "demo.no_questions": "there are no questions to take made-up tests from",
    "cli.validate_summary": "{files} files: {errors} errors, {warnings} warnings",
    "cli.pack_counts": "{pack}: {lessons} lessons, {questions} questions ({types})",
    "cli.problems_hidden": "{warnings} content warnings; see them with: studyapp validate",
    "cli.no_results": "Nothing found for “{query}”.",
    "cli.empty_query": "give something to look for",
    "cli.no_content_dir": (
        "the content folder {path} does not exist (from {origin}); check the path"
    ),
    "cli.config_problem": "warning: ignoring the config file {path}: {reason}",
    "cli.config_bad_key": "the key `{key}` must be {expected}",
    "cli.interrupted": "Stopped.",
    "cli.bad_limit": "--limit must be greater than 0",
    "cli.no_lessons": "There are no lessons.",
    # --- answers in words (feedback, review) ---
    "quiz.true": "True",
    "quiz.false": "False",
    "quiz.no_answer": "(not answered)",
    "quiz.also_accepted": "also accepted: {others}",
    "quiz.number_tolerance": "{number} (within ± {tolerance})",
    # --- config file ---
    "config.keys_table": "a [keys] table of binding id = \"keys\"",
    "config.cannot_write": (
        "Could not write the config file {path} ({reason}); it was left as it was."
    ),
    "config.unknown_key_id": "Config file {path}: no key has the id “{id}” in [keys]; ignored.",
    "config.unknown_theme": "Config file {path}: there is no theme “{theme}”; using the default.",
    # --- interface: quiz, results, learner, setup, palette ---
    "answer.choose_first": "Choose an answer first (a letter key or Space).",
    "answer.match_rights": "Right-hand side:",
    "answer.number_placeholder": "Type a number, then Enter",
    "answer.text_placeholder": "Type your answer, then Enter",
    "answer.type_first": "Type an answer before pressing Enter.",
    "chart.practice": "Practice",
    "chart.tests": "Tests",
    "database.title": "The score database cannot be opened",
    "database.explain": (
        "Lessons and search still work. Practice, tests and results need the database, so they are "
        "unavailable for now. The file was not changed. To check it, run: studyapp db check"
    ),
    "database.continue": "Go on reading the lessons",
    "database.quit": "Quit",
    "duration.hours": "{hours} h {minutes} min",
    "duration.minutes": "{minutes} min {seconds} s",
    "duration.seconds": "{seconds} s",
    "form.cancel": "Cancel",
    "history.title": "Results of {name}",
    "history.empty": "No quiz finished yet. Practise (L on the home screen) or take a test (K).",
    "history.summary": "{count} quizzes finished, {tests} of them tests.",
    "history.average": "Average test score: {score}.",
    "history.cannot_open": "This quiz cannot be reviewed: {reason}",
    "history.changed": "{count} questions were edited since; the review shows the new text.",
    "history.column.when": "When",
    "history.column.kind": "Kind",
    "history.column.questions": "Right",
    "history.column.score": "Score",
    "history.column.band": "Band",
    "history.column.time": "Time",
    "home.guest_note": "(guest: results are kept under this name)",
    "home.learner_label": "Studying:",
    "home.member": "{name} — {cell}",
    "home.no_database": (
        "⚠ The score database cannot be opened: lessons can be read, but practice and tests are "
        "unavailable."
    ),
    "home.no_learner": "Nobody chosen yet: press n to pick your name (or study as a guest).",
    "home.read": "{read} of {total} lessons read",
    "home.summary_questions": "{questions} questions",
    "home.menu.practice": "Practice",
    "home.menu.practice.detail": "The answer and why, after each question",
    "home.menu.test": "Test",
    "home.menu.test.detail": "Timed; scored when handed in",
    "home.menu.results": "Progress, results",
    "home.menu.results.detail": "Lessons read, how well each is known, scores",
    "home.menu.learner": "Change learner",
    "home.menu.learner.detail": "Another name, or study as a guest",
    "home.menu.language": "Tiếng Việt",
    "home.menu.language.detail": "Chuyển giao diện sang tiếng Việt",
    "key.back_to_results": "Back to results",
    "key.cancel": "Cancel",
    "key.choose": "Choose",
    "key.confirm": "Answer",
    "key.flag": "Flag for later",
    "key.grab": "Lift/put",
    "key.language": "Tiếng Việt",
    "key.learner": "Learner",
    "key.mark": "Tick",
    "key.move_down": "Move down",
    "key.move_up": "Move up",
    "key.next_field": "Next field",
    "key.previous_field": "Previous field",
    "key.next_question": "Next",
    "key.previous_question": "Previous",
    "key.open_passage": "Open the lesson",
    "key.palette": "Commands",
    "key.pause": "Pause",
    "key.practice": "Practice",
    "key.results": "Progress",
    "key.review": "Review",
    "key.scroll_down": "Scroll down",
    "key.scroll_up": "Scroll up",
    "key.self_test": "Test yourself",
    "key.start": "Start",
    "key.submit": "Hand in",
    "key.test": "Test",
    "key.toggle_all": "All/none",
    "key.toggle_lesson": "Tick",
    "key.unpair": "Unpair",
    "learner.title": "Who is studying?",
    "learner.intro": (
        "Pick your name from your cell's roster; type a few letters to find it (no diacritics "
        "needed). Not there? Add your name, or study as a guest."
    ),
    "learner.filter": "Type to find a name…",
    "learner.cell": "{cell} ({count} members)",
    "learner.add": "+ Add a new name…",
    "learner.add_named": "+ Add “{name}” to a roster…",
    "learner.add_detail": "Put your name on a cell's roster to keep your results",
    "learner.guest": "Study as a guest…",
    "learner.guest_detail": "No roster needed; results are kept under the guest's name",
    "learner.form.title": "Add a new name",
    "learner.form.message": "The name goes on the cell's roster and keeps your results.",
    "learner.form.name": "Full name",
    "learner.form.name_hint": "For example: Nguyễn Thị Ánh",
    "learner.form.cell": "Cell",
    "learner.form.cell_hint": "For example: Chi bộ Khu phố 1",
    "learner.form.pin": "The secretary's PIN (if the cell has one)",
    "learner.form.submit": "Save",
    "learner.guest.title": "Study as a guest",
    "learner.guest.message": "Results are still kept, under this guest name (not on any roster).",
    "learner.guest.name": "Guest name",
    "learner.guest.default": "Guest",
    "learner.guest.submit": "Start",
    "lessons.no_questions": "This lesson has no questions yet.",
    "lessons.subtitle_read": "Lessons · {read} of {total} read",
    "palette.title": "Commands",
    "palette.placeholder": "Type to find a command or a lesson…",
    "palette.count": "{count} items",
    "palette.none": "Nothing matches.",
    "palette.practice": "Practice",
    "palette.practice.detail": "choose the content and size, then start",
    "palette.test": "Test",
    "palette.test.detail": "timed, scored when handed in",
    "palette.search": "Search",
    "palette.search.detail": "a word in the lessons and questions",
    "palette.lessons": "Read the lessons",
    "palette.lessons.detail": "the table of contents",
    "palette.results": "My results",
    "palette.results.detail": "quizzes taken",
    "palette.learner": "Change learner",
    "palette.learner.detail": "another name, or a guest",
    "palette.language": "Tiếng Việt",
    "palette.language.detail": "chuyển giao diện sang tiếng Việt",
    "palette.theme": "Light/dark theme",
    "palette.theme.detail": "change the colours",
    "palette.help": "Help",
    "palette.help.detail": "the keys of this screen",
    "palette.quit": "Quit",
    "palette.open_lesson": "Open lesson: {title}",
    "palette.practise_lesson": "Test yourself: {title}",
    "quiz.title.practice": "Practice",
    "quiz.title.test": "Test",
    "quiz.status.position": "Question {number}/{size}",
    "quiz.status.answered": "{count}/{size} answered",
    "quiz.status.flagged": "flagged: {count}",
    "quiz.status.this_flagged": "⚑ this one is flagged",
    "quiz.status.time_left": "{clock} left",
    "quiz.hint.single": "Choose one answer: A–{last} (or 1–{size}), then Enter.",
    "quiz.hint.multi": (
        "Choose every right answer: A–{last} (or 1–{size}) or Space to mark, then Enter."
    ),
    "quiz.hint.truefalse": "Press T (true) or F (false), or 1 / 2, then Enter.",
    "quiz.hint.fill": "Type the answer, then Enter. Without diacritics, Telex or VNI all work.",
    "quiz.hint.fill_strict": (
        "Type the answer, then Enter. This one needs the diacritics (Telex or VNI work)."
    ),
    "quiz.hint.number": "Type a number, then Enter (a decimal comma or point).",
    "quiz.hint.order": (
        "Put in order: ↑↓ choose, Space lifts, ↑↓ carries, Space puts down (or Shift+↑↓), then "
        "Enter."
    ),
    "quiz.hint.match": (
        "Pair each row with a right side: ↑↓ choose a row, type its letter A–{last} (the cursor "
        "moves on by itself), Delete to unpair, then Enter."
    ),
    "quiz.feedback.right": "✓ Right.",
    "quiz.feedback.wrong": "✗ Not right.",
    "quiz.feedback.partly": "◐ Partly right ({percent}%).",
    "quiz.feedback.without_diacritics": "Accepted without diacritics; with them it is “{answer}”.",
    "quiz.feedback.understood_as": "Your answer was read as: “{text}”.",
    "quiz.feedback.correct_answer": "The right answer:",
    "quiz.feedback.explanation": "Explanation:",
    "quiz.feedback.lesson": "Lesson:",
    "quiz.feedback.open_hint": "(b: open the lesson at this passage)",
    "quiz.feedback.next_hint": "Press Enter for the next question.",
    "quiz.feedback.results_hint": "That was the last one. Press Enter for the results.",
    "quiz.flagged": "Question {number} flagged.",
    "quiz.unflagged": "Question {number} unflagged.",
    "quiz.not_saved": "Not saved: {reason}",
    "quiz.time_up_notice": "Time is up. The test was handed in with the answers given.",
    "quiz.left_notice": (
        "Your quiz is saved. Next time (or before a new quiz) you will be offered to go on."
    ),
    "quiz.pause.title": "Paused",
    "quiz.pause.message": "What now?",
    "quiz.pause.message_timed": "The clock is stopped. What now?",
    "quiz.pause.continue": "Go on",
    "quiz.pause.submit": "Hand in",
    "quiz.pause.submit_detail": "See unanswered and flagged questions first",
    "quiz.pause.finish": "Hand in and see the results",
    "quiz.pause.finish_detail": "Unanswered questions count as wrong",
    "quiz.pause.leave": "Save and go on later",
    "quiz.pause.leave_detail": "Leave the quiz; next time it goes on from here",
    "quiz.submit.title": "Hand in?",
    "quiz.submit.answered": "{count} of {size} answered.",
    "quiz.submit.unanswered": "Unanswered: {numbers}.",
    "quiz.submit.flagged": "Flagged: {numbers}.",
    "quiz.submit.confirm": "Hand in",
    "quiz.submit.back": "Back to the test",
    "quiz.submit.go": "Go to question {number} ({why})",
    "quiz.submit.why_unanswered": "unanswered",
    "quiz.submit.why_flagged": "flagged",
    "results.title": "Results",
    "results.kind.practice": "Practice",
    "results.kind.test": "Test",
    "results.heading": "{kind} — started {when}",
    "results.score_label": "Score:",
    "results.band_label": "Band:",
    "results.passed": "Passed",
    "results.not_passed": "Not passed",
    "results.counts": "{correct} of {size} right ({answered} answered).",
    "results.time": "Time taken: {duration}.",
    "results.paused": "(paused {duration})",
    "results.expired": "Time ran out: handed in with the answers given.",
    "results.review_heading": "Review each question (↑↓, Enter):",
    "resume.title": "Unfinished quiz",
    "resume.message": (
        "You have an unfinished {kind}, started {when}: {answered} of {size} answered."
    ),
    "resume.resume": "Go on",
    "resume.resume_detail": "From the next unanswered question",
    "resume.abandon": "Drop it",
    "resume.abandon_detail": "Recorded as abandoned, not scored",
    "resume.later": "Later",
    "resume.failed": "This quiz cannot go on: {reason}",
    "resume.changed": "{count} questions were edited since this quiz began; it uses the new text.",
    "review.title": "Review",
    "review.position": "Question {number}/{size}",
    "review.right": "Right",
    "review.wrong": "Not right",
    "review.partly": "Partly right",
    "review.unanswered": "Not answered",
    "review.your_answer": "Your answer:",
    "review.correct_answer": "The right answer:",
    "setup.title.practice": "Practice — choose the content",
    "setup.title.test": "Test — choose the content",
    "setup.lessons": "Lessons (Space: tick)",
    "setup.mode": "Mode",
    "setup.mode.practice": "Practice (answers as you go)",
    "setup.mode.test": "Test (scored when handed in)",
    "setup.count": "Questions",
    "setup.minutes": "Time (minutes; 0 = no limit)",
    "setup.partial_credit": "Partial credit",
    "setup.difficulty": "Difficulty",
    "setup.difficulty.1": "Easy ({count})",
    "setup.difficulty.2": "Medium ({count})",
    "setup.difficulty.3": "Hard ({count})",
    "setup.banks": "Question banks",
    "setup.tags": "Tags (none ticked = all)",
    "setup.start": "Start",
    "setup.kind.practice": "practice",
    "setup.kind.test": "test",
    "setup.summary": "{available} questions fit. Enter: start a {count}-question {kind}.",
    "setup.too_few": (
        "Only {available} questions fit, not {count}: tick more lessons or ask for fewer."
    ),
    "setup.no_lessons": "No lesson ticked (Space to tick, a for all).",
    "setup.bad_count": "The number of questions must be above 0.",
    "setup.bad_minutes": "The time must be a number of minutes (0 for no limit).",
    "setup.nothing_chosen": "Tick at least one difficulty and one bank.",
    "home.menu.choose_learner": "Choose learner",
    "home.menu.choose_learner.detail": "Your name on a roster, or a guest",
    "quiz.in_progress": (
        "A quiz is in progress. Finish it, or press Esc on its screen to save it for later."
    ),
    "resume.kept": "Those answers are kept.",
    "history.hint": "↑↓ choose a quiz, Enter to review it.",
    "setup.partial_credit_note": "for several answers and matching: credit for each right part",
    "key.tick": "Tick",
    "quiz.hurry": "{clock} left.",
    "answer.not_a_number": "Type a number in digits, such as 14 or 2.5.",
    "results.verdict_label": "Result:",
    "duration.whole_minutes": "{minutes} min",
    "help.quiz.choose_keys": "A–H, 1–8",
    "help.quiz.choose": "choose an answer (matching: the right side of the current row)",
    "help.quiz.truth_keys": "T, F",
    "help.quiz.truth": "true, false (true/false questions)",
    "help.quiz.space": "tick an answer (several answers); lift or put down an item (ordering)",
    "help.quiz.enter": "answer; after the explanation: the next question",
    "key.scroll": "Scroll",
    # --- interface: cell sessions ---
    "home.menu.sessions": "Cell meeting",
    "home.menu.sessions.detail": "Attendance, tests in turn, summary",
    "key.sessions": "Cell meeting",
    "palette.sessions": "Cell meeting",
    "palette.sessions.detail": "open a meeting, attendance, tests in turn, summary",
    "sessions.title": "Cell meetings — {cell}",
    "sessions.intro": (
        "Meetings, newest first. Enter: open the one chosen (an open one goes on, a closed one "
        "shows its summary) · m: open a new one."
    ),
    "sessions.none": "No meeting yet. Press m to open one.",
    "sessions.open": "open",
    "sessions.closed": "closed",
    "sessions.column.date": "Date",
    "sessions.column.topic": "Topic",
    "sessions.column.state": "State",
    "sessions.column.present": "Present",
    "sessions.column.tested": "Tested",
    "sessions.column.average": "Average",
    "sessions.choose_cell": "Choose the cell",
    "sessions.choose_cell_text": "Which cell is meeting?",
    "sessions.new_cell": "A new cell…",
    "sessions.new_cell_detail": "Create it, then add members during attendance",
    "sessions.new_cell_text": "The name of the cell meeting today:",
    "key.new_session": "New meeting",
    "key.open_session": "Open",
    "open_session.title": "New meeting — {cell}",
    "open_session.lessons": "Lessons today (Space: tick)",
    "open_session.date": "Date (day/month/year)",
    "open_session.topic": "Topic",
    "open_session.run_by": "Run by",
    "open_session.run_by_hint": "For example: the cell secretary",
    "open_session.papers": "Test papers",
    "open_session.one_paper": "One paper for everyone",
    "open_session.variants": "A paper of their own for each",
    "open_session.submit": "Open the meeting",
    "open_session.ready": "Ctrl+S or the button: open it, then take attendance.",
    "open_session.bad_date": (
        "Write the date as day/month/year, a year 2000 to 2100, such as 26/11/2026."
    ),
    "open_session.no_topic": "Give the meeting a topic.",
    "key.open_new_session": "Open it",
    "attendance.title": "Attendance — {cell}",
    "attendance.counts": (
        "Present {present}/{total} · excused {excused} · absent {absent} · not marked {unmarked}"
    ),
    "attendance.empty": "The roster is empty. Press a to add each member present.",
    "attendance.hint": (
        "c: present · p: excused · v: absent · g: note · a: add a member · Enter: on to the test"
    ),
    "attendance.present": "Present",
    "attendance.excused": "Excused",
    "attendance.absent": "Absent",
    "attendance.not_tested": "Present, not tested",
    "attendance.unmarked": "— not marked",
    "attendance.twin": "{name} (code {code})",
    "attendance.twin_hint": (
        "If this is another person of the same name, press Save again to add them."
    ),
    "attendance.mark_first": "Mark this member first (c, p or v), then write the note.",
    "attendance.note_title": "Note: {name}",
    "attendance.note_label": "Note",
    "attendance.note_hint": "For example: ill, away on duty",
    "attendance.add_title": "Add a member",
    "attendance.add_text": "Added to the roster of {cell} and marked present.",
    "attendance.unmarked_title": "Some are not marked",
    "attendance.unmarked_text": "{count} members are not marked.",
    "attendance.mark_absent": "Mark them absent and go on to the test",
    "attendance.go_back": "Back to attendance",
    "key.present": "Present",
    "key.excused": "Excused",
    "key.absent": "Absent",
    "key.note": "Note",
    "key.add_member": "Add a member",
    "key.to_turns": "On to the test",
    "turns.title": "Tests in turn — {cell}",
    "turns.counts": "Finished {done}/{present} · unfinished {going} · still to go {to_go}",
    "turns.hint": (
        "Each member picks their name (↑↓, Enter), confirms it, and takes the test; then Enter "
        "hands the laptop on. Secretary: r retake · t summary · e attendance."
    ),
    "turns.to_go": "still to go",
    "turns.in_progress": "unfinished — can go on",
    "turns.done": "✓ finished",
    "turns.done_retake": "✓ finished (retaken)",
    "turns.confirm_title": "Confirm",
    "turns.confirm_text": "Are you {name}? The test starts at once.",
    "turns.confirm_resume": "Are you {name}? Your test goes on from the next unanswered question.",
    "turns.yes": "Yes, I am {name}",
    "turns.no": "No, that is not me",
    "turns.already_done": "{name} has finished. A retake needs the secretary (key r).",
    "turns.retake_not_done": "This member has not taken the test yet: pick the name (Enter).",
    "turns.retake_title": "Allow a retake",
    "turns.retake_text": (
        "Let {name} retake with a new paper? The retake counts instead of the first; the first "
        "stays recorded, marked as retaken."
    ),
    "turns.retake_yes": "Allow it",
    "turns.no_retake": "No",
    "turns.nobody": "Nobody is present: take attendance first.",
    "turns.left": "The test is saved; pick the name again to go on.",
    "key.take_test": "Take the test",
    "key.retake": "Retake",
    "key.summary": "Summary",
    "key.edit_attendance": "Attendance",
    "handover.title": "Your result",
    "handover.done": "{name} has handed in.",
    "handover.note": (
        "Your score is saved. The answers and explanations are gone through together at the "
        "summary."
    ),
    "handover.next": "Press Enter to hand the laptop on.",
    "key.hand_on": "Hand on",
    "summary.title": "Summary — {cell}",
    "summary.heading": "{date} · {topic}",
    "summary.run_by": "run by {name}",
    "summary.open": "open",
    "summary.closed": "closed on {date}",
    "summary.tab.figures": "1 Figures",
    "summary.tab.members": "2 Members",
    "summary.tab.questions": "3 Questions",
    "summary.tested": "{tested} of {present} present took the test ({total} on the roster).",
    "summary.scores": "Average {average} · median {median} · highest {highest} · lowest {lowest}",
    "summary.pass_rate": "Pass rate {rate} ({passed} of {tested})",
    "summary.bands": "Bands: {bands}",
    "summary.nobody": "Nobody has finished yet.",
    "summary.column.name": "Name",
    "summary.column.attendance": "Attendance",
    "summary.column.score": "Score",
    "summary.column.band": "Band",
    "summary.column.time": "Time",
    "summary.column.note": "Note",
    "summary.retake": "retaken {count}×",
    "summary.questions_hint": (
        "Most missed first. Enter: the question, its answer and the explanation, to discuss."
    ),
    "summary.item_line": "{percent} right ({right}/{asked})",
    "summary.discrimination": (
        "Discrimination (does it separate those who know from those who do not): {value} "
        "({quality})"
    ),
    "summary.discrimination.good": "good: those who know it answer it",
    "summary.discrimination.fair": "fair",
    "summary.discrimination.poor": "low: look again at the question or the teaching",
    "summary.discrimination_few": (
        "Discrimination (does it separate those who know from those who do not): needs at least 10 "
        "members answering."
    ),
    "summary.history_hint": "Choose a member on tab 2 Members, then press h.",
    "summary.close_title": "Close the meeting",
    "summary.close_text": "Once closed, its results and attendance cannot be changed.",
    "summary.close_waiting": "{count} present and not tested will be recorded as not tested.",
    "summary.keep_open": "Keep it open",
    "summary.close_confirm": "Close it",
    "summary.closed_notice": "The meeting is closed.",
    "key.tab_figures": "Figures",
    "key.tab_members": "Members",
    "key.tab_questions": "Questions",
    "key.member_history": "Member's history",
    "key.close_session": "Close it",
    "item.title": "A question to discuss",
    "item.facility": "Right: {percent} ({right} of {asked})",
    "item.top_wrong": "The wrong answer given most: “{answer}” ({count})",
    "item.gone": "The question {id} is no longer in the content.",
    "chart.bands": "Members by band",
    "pin.title": "The secretary's PIN",
    "pin.text": "This needs the PIN of {cell}.",
    "pin.label": "PIN",
    "pin.submit": "Confirm",
    "pin.tries_left": "{count} tries left.",
    "pin.locked": "Three wrong PINs. Try again in {seconds} seconds.",
    "members.allow_duplicate": "If two people really share the name, add with --allow-duplicate.",
    # sessions: review fixes
    "open_session.pin": "Secretary's PIN (4–12 digits, advised)",
    "open_session.pin_hint": "leave empty if not needed",
    "open_session.short_pin": "The PIN needs at least {length} digits.",
    "open_session.pin_set": (
        "PIN set: the summary, retakes, leaving the turns list and closing now need it."
    ),
    "item.wrong_all_different": "Every wrong answer was different: none was given twice.",
    # sessions: review fixes
    "history.session_open": (
        "This test belongs to a session still open: its answers are reviewed with the whole cell "
        "at the summary."
    ),
    # exports and imports (issue 7)
    "cli.cmd.export": (
        "export scores (csv, xlsx), a data bundle (json) or a printable report (md, html)"
    ),
    "cli.cmd.import": "merge a data bundle (json) from another laptop or cell",
    "cli.arg.bundle": "a .json bundle made by studyapp export --format json",
    "cli.opt.export_session": "one session (its id, or the start of it)",
    "cli.opt.export_cell": "the sessions of one cell",
    "cli.opt.export_member": "one member's results (full name or id)",
    "cli.opt.export_all": "every session of every cell (a ward report)",
    "cli.opt.date_from": "from this day (dd/mm/yyyy or yyyy-mm-dd), inclusive",
    "cli.opt.date_to": "to this day (dd/mm/yyyy or yyyy-mm-dd), inclusive",
    "cli.bad_date": (
        "“{value}” is not a date: write dd/mm/yyyy (26/11/2026) or yyyy-mm-dd, a year 2000"
        " to 2100."
    ),
    "cli.export_one_scope": "Choose only one of --session, --member, --all.",
    "cli.export_needs_scope": (
        "Say what to export: --session ID, --cell NAME, --member NAME, --all, or a date range "
        "--from/--to."
    ),
    "cli.export_dates_reversed": "--from must not be after --to.",
    "cli.no_session": "No session has the id “{id}”.",
    "cli.ambiguous_session": (
        "“{id}” matches several sessions (or is too short): give at least 6 characters."
    ),
    "cli.no_member": "No member is named or has the id “{name}”.",
    "cli.ambiguous_member": (
        "{count} members are named “{name}”: {ids}. Add --cell NAME or use the id."
    ),
    "cli.xlsx_needs_output": "An xlsx file cannot go to the terminal: add -o FILE.xlsx.",
    "cli.exported": "Wrote {path} ({what}).",
    "export.no_folder": (
        "The folder {folder} does not exist: create it or choose another place. Nothing was "
        "written."
    ),
    "export.is_folder": "{path} is a folder: give a file name.",
    "export.cannot_write": "Could not write {path}: {reason}. No half-written file was left.",
    "export.file_prefix": "results",
    "export.own_test": "Own test (outside sessions)",
    "export.yes": "yes",
    "export.no": "no",
    "export.sheet.scores": "Scores",
    "export.sheet.questions": "Per question",
    "export.col.cell": "Cell",
    "export.col.date": "Session date",
    "export.col.topic": "Topic",
    "export.col.member": "Member",
    "export.col.attendance": "Attendance",
    "export.col.score": "Score",
    "export.col.band": "Band",
    "export.col.passed": "Passed",
    "export.col.answered": "Answered",
    "export.col.correct": "Correct",
    "export.col.seconds": "Time (seconds)",
    "export.col.retake": "Retake",
    "export.col.counted": "Counted",
    "export.col.replaced_score": "Score replaced by a retake",
    "export.col.note": "Attendance note",
    "export.qcol.question": "Question",
    "export.qcol.lesson": "Lesson",
    "export.qcol.asked": "Asked",
    "export.qcol.right": "Right",
    "export.qcol.share": "Share right",
    "export.qcol.top_wrong": "Most chosen wrong answer",
    "export.qcol.top_count": "Members who chose it",
    "report.title": "Report of study and test results",
    "report.document": "Document",
    "report.cell": "Cell",
    "report.member": "Member",
    "report.period": "Period",
    "report.period_value": "from {first} to {last}",
    "report.made_on": "Report made on",
    "report.empty": "No session in the chosen range.",
    "report.ward": "Cells compared",
    "report.sessions": "Sessions",
    "report.present": "Present",
    "report.tested": "Tested",
    "report.tested_value": "{tested} of {present} present",
    "report.average": "Average",
    "report.median": "Median",
    "report.highest_lowest": "Highest / lowest",
    "report.pass_rate": "Pass rate",
    "report.pass_rate_value": "{rate} ({passed} of {tested})",
    "report.session_heading": "Session of {date}: {topic}",
    "report.date": "Date",
    "report.topic": "Topic",
    "report.run_by": "Chaired by",
    "report.state": "State",
    "report.attendance": "Attendance",
    "report.attendance_counts": (
        "Present {present} of {total} · excused {excused} · absent {absent}"
    ),
    "report.members": "Each member's result",
    "report.number": "No.",
    "report.figures": "Figures",
    "report.most_missed": "Questions most often missed",
    "report.share_right": "Answered right: {percent} ({right} of {asked})",
    "report.right_answer": "Right answer: {answer}",
    "report.lesson": "Lesson: {lesson}",
    "report.place_date": "{place}, {day}/{month}/{year}",
    "report.signer": "Cell secretary (signature and full name)",
    "report.signer_ward": "Prepared by (signature and full name)",
    "bundle.rejected": (
        "Did not import {path}: the bundle has {count} problem(s). The database is unchanged."
    ),
    "bundle.more_problems": "… and {count} more.",
    "bundle.too_big": "the file is too big ({size} bytes): a bundle is at most 1 GiB.",
    "bundle.unreadable": "Cannot read {path}: {reason}.",
    "bundle.not_utf8": "the file is not UTF-8 text (at byte {offset}).",
    "bundle.not_json": (
        "not valid JSON, line {line}, column {column}: {reason} (cut short or edited by hand?)."
    ),
    "bundle.too_deep": "nested too deeply: not a studyapp bundle.",
    "bundle.not_a_bundle": "this is not a studyapp bundle (no \"format\": \"studyapp-bundle\").",
    "bundle.version": (
        "the bundle is version {version}; this studyapp reads versions 1 to {supported}. "
        "Update studyapp or export the bundle again."
    ),
    "bundle.no_content": "the bundle has no \"content\".",
    "bundle.hash": (
        "the SHA-256 does not match (written {expected}, computed {actual}): the bundle was "
        "changed after export."
    ),
    "bundle.missing_table": "the table “{table}” is missing.",
    "bundle.not_row": "{where}: not a row (a JSON object is needed).",
    "bundle.missing_field": "{where}: the field “{field}” is missing.",
    "bundle.unknown_field": "{where}: unknown field “{field}”.",
    "bundle.not_text": "text is needed.",
    "bundle.too_long": "{length} characters long, at most {limit}.",
    "bundle.empty": "must not be empty.",
    "bundle.not_id": "not a valid id.",
    "bundle.not_integer": "a whole number is needed.",
    "bundle.out_of_range": "{value} is out of range ({low} to {high}).",
    "bundle.not_one_of": "must be one of: {values}.",
    "bundle.not_date": "not a yyyy-mm-dd date.",
    "bundle.not_time": "not an ISO 8601 time.",
    "bundle.not_object": "a JSON object is needed.",
    "bundle.not_list": "a JSON list is needed.",
    "bundle.attempt_nobody": "{where}: the attempt belongs to no member and no guest.",
    "bundle.finished_without_score": "{where}: a finished attempt without a score.",
    "bundle.half_score": "{where}: the score lacks its numerator or denominator.",
    "bundle.bad_paper": "{where}.paper: malformed paper (each item needs an id and a hash).",
    "bundle.credit_above_one": "{where}: the credit is more than the whole question.",
    "bundle.closed_at": "{where}: a closed session needs its closing time, an open one has none.",
    "bundle.bad_question": "{where}: malformed question (id, hash, text needed).",
    "bundle.duplicate_id": "{where}: the id {id} appears twice.",
    "bundle.duplicate_place": "{where}: this row takes the place of an earlier one.",
    "bundle.dangling": "{where}: refers to {id}, which is not in the bundle's {target}.",
    "bundle.unknown_question": (
        "{where}: the question {id} is in neither the bundle, the content in use, nor this "
        "database."
    ),
    "import.rejected": (
        "Did not import {path}: {count} row(s) differ from what is stored here. Nothing was "
        "overwritten or changed:"
    ),
    "import.conflicts": "{count} row(s) conflict with what is stored.",
    "import.conflict": "{table} {key}: differs in {columns}",
    "import.closed_here": "a session closed on this laptop",
    "import.ambiguous_member": (
        "member “{name}”: several people of the cell share this name; which one is meant is unknown"
    ),
    "import.integrity": "The bundle does not fit the database ({error}). Nothing was changed.",
    "import.nothing_new": "{path}: everything is already here. Nothing new.",
    "import.done": "Imported {path}:",
    "import.added": "added: {what}",
    "import.updated": (
        "updated (a session open here went on or was closed on the other laptop): {what}"
    ),
    "import.unchanged": "already here: {what}",
    "import.matched": "recognised by name (same cell or person from another laptop): {what}",
    "import.count.cells": "{count} cell(s)",
    "import.count.members": "{count} member(s)",
    "import.count.sessions": "{count} session(s)",
    "import.count.attendance": "{count} attendance row(s)",
    "import.count.attempts": "{count} attempt(s)",
    "import.count.events": "{count} event(s)",
    "import.count.answers": "{count} answer(s)",
    # exports and imports (issue 7)
    "bundle.control_characters": (
        "holds control characters or terminal escape codes (studyapp never writes them)."
    ),
    # import-questions / export-questions
    "cli.cmd.import_questions": (
        "convert a GIFT or Aiken (Moodle) question file into a question bank"
    ),
    "cli.arg.questions_file": (
        "the question file: Word (.docx) or text (.txt) in the «Câu 1.» style, "
        "Excel (.xlsx), GIFT, Aiken"
    ),
    "cli.opt.questions_in_format": (
        "the file's format: gift, aiken or excel (default: from the .gift/.aiken/.xlsx "
        "extension, else from the content)"
    ),
    "cli.opt.questions_bank_out": "the question bank file (.toml) to write",
    "cli.opt.questions_bank_id": "the bank's id (default: made of the file name)",
    "cli.opt.questions_lesson": "the default lesson of the questions",
    "cli.cmd.export_questions": (
        "write a question bank as GIFT or Aiken (to import into Moodle) or Excel (to edit)"
    ),
    "cli.opt.questions_bank": "the id of the bank to write",
    "cli.opt.questions_out_format": (
        "gift (every question type but order), aiken (single-answer questions only), "
        "xlsx or docx (every type; needs -o)"
    ),
    "cli.opt.questions_out_file": "the file to write (default: standard output)",
    "moodle.no_file": "no such file: {path}",
    "moodle.same_file": "the output is the input file {path}; choose another name for -o",
    "moodle.bad_id": "{option} \"{value}\" may hold only lower-case a-z, digits 0-9 and '-'",
    "moodle.unknown_format": (
        "cannot tell the format of {path}: add --format gift or --format aiken"
    ),
    "moodle.nothing_written": "No question could be converted; {path} was not written.",
    "moodle.check_failed": (
        "The bank made does not pass its own check (a bug: please report it); {path} was not "
        "written."
    ),
    "moodle.import_summary": (
        "Wrote {count} questions to {path} ({skipped} items skipped; {errors} errors, {warnings} "
        "warnings)."
    ),
    "moodle.bank_description": (
        "Converted from the {format} file \"{name}\" by studyapp import-questions."
    ),
    "moodle.export_nothing": (
        "Bank {bank} has no question that can be written as {format}; nothing written."
    ),
    "moodle.export_summary": "Wrote {count} questions ({format}) to {target}; {skipped} skipped.",
    "moodle.no_folder": (
        "there is no folder {folder}; create it first or choose another place for {path}"
    ),
    "moodle.is_folder": "{path} is a folder; give a file name",
    "moodle.cannot_write": "cannot write {path}: {reason}",
    "problem.import_empty": "the file holds no question (it is empty, or has only comments)",
    "problem.import_choice_count": (
        "the question has {count} choices, a bank takes {low} to {high}; question skipped"
    ),
    "problem.import_pair_count": (
        "the matching question has {count} pairs, a bank takes {low} to {high}; question skipped"
    ),
    "problem.import_duplicate_choice": "a choice given twice: «{value}»; question skipped",
    "problem.import_duplicate_pair": "a pair side given twice: «{value}»; question skipped",
    "problem.import_empty_option": "the question has an empty choice; question skipped",
    "problem.import_empty_choice": "an empty answer; left out",
    "problem.import_empty_text": (
        "the question has no text (once its HTML or Markdown is removed); question skipped"
    ),
    "problem.import_id_changed": (
        "question id \"{given}\" has characters a bank does not allow (only a-z, 0-9, '-', '_', "
        "'.'); `{id}` is used"
    ),
    "problem.import_duplicate_id": (
        "question id `{id}` is already used above; this question gets `{new}`"
    ),
    "problem.import_bad_meta": (
        "comment [{key}:{value}] ignored: the value is not valid, or not for this type of question"
    ),
    "problem.gift_title_unclosed": (
        "the question name opens with «::» but is never closed; what follows is read as the "
        "question"
    ),
    "problem.gift_description": "a description (no answers in braces) is not a question; skipped",
    "problem.gift_essay": "essay questions (empty answers) are not supported; skipped",
    "problem.gift_unclosed_brace": (
        "«{brace}» opens the answers but is not closed before a blank line or the end of the file; "
        "question skipped (write \\{brace} for a brace in the text)"
    ),
    "problem.gift_unopened_brace": (
        "«{brace}» closes answers that were never opened; question skipped (write \\{brace} for a "
        "brace in the text)"
    ),
    "problem.gift_extra_braces": (
        "the question has more than one pair of braces: several gaps in one question are not "
        "supported, question skipped (write \\{open} and \\{close} for braces in the text)"
    ),
    "problem.gift_too_few_answers": (
        "a multiple-choice or matching question needs at least 2 answers, this one has {count}; "
        "question skipped"
    ),
    "problem.gift_no_right_answer": (
        "no right answer (an «=» answer or a positive weight such as «~%50%» is needed); question "
        "skipped"
    ),
    "problem.gift_partial_credit": (
        "a single-answer question: the partial credit of {answers} is not kept, only the «=» "
        "answer counts as right"
    ),
    "problem.gift_several_right": (
        "{count} answers with «=»: imported as a multiple-answer question where all {count} must "
        "be chosen (in Moodle one is enough)"
    ),
    "problem.gift_unequal_weights": (
        "the right answers have different weights; in a bank every right answer counts the same"
    ),
    "problem.gift_partial_accepted": (
        "answers worth partial credit are not taken as right: {answers}"
    ),
    "problem.gift_no_number": "a numerical question with no answer after «#»; question skipped",
    "problem.gift_not_a_number": (
        "«{value}» is not a number (write x, x:margin or low..high, with a decimal point); "
        "question skipped"
    ),
    "problem.gift_numeric_several": (
        "a numerical question with several answers; only the one worth {weight}% is kept: {kept}"
    ),
    "problem.gift_match_format": "the matching answer «{value}» has no «->»; question skipped",
    "problem.gift_match_distractor": (
        "the extra right side «{value}» (with no left side) cannot be kept in a bank's matching "
        "question; left out"
    ),
    "problem.aiken_not_started": (
        "an option or ANSWER line outside a question (question not started)"
    ),
    "problem.aiken_looks_like_option": (
        "this line begins like an option («{marker}») so it is read as one, although the next "
        "option would be «{next}»; if it is a question, reword its start (for example «Lenin (V.I. "
        "Lenin) ...»)"
    ),
    "problem.aiken_answer_spelling": (
        "this line looks like an answer line, but Aiken takes only «ANSWER: X» (in capitals), so "
        "it is read as a new question"
    ),
    "problem.aiken_not_completed": (
        "question «{question}» (line {line}) has no ANSWER line before the next question starts "
        "here; it is skipped"
    ),
    "problem.aiken_unfinished": (
        "question «{question}» has no ANSWER line before the end of the file; question skipped"
    ),
    "problem.aiken_too_few_answers": (
        "question «{question}» needs at least 2 options before its ANSWER line; question skipped"
    ),
    "problem.aiken_bad_answer": (
        "«ANSWER: {value}» names no option (the question has options A..{last}); question skipped"
    ),
    "problem.export_not_gift": "question `{id}` of type {type} cannot be written as GIFT; skipped",
    "problem.export_gift_arrow": (
        "question `{id}` has «->» in an answer or left side, which GIFT would read as a matching "
        "question; skipped"
    ),
    "problem.export_not_aiken": (
        "question `{id}` of type {type}: Aiken holds only single-answer questions (single); skipped"
    ),
    "problem.export_aiken_prompt": (
        "question `{id}` begins like an option or an ANSWER line (or is too short), which Aiken "
        "would misread; skipped"
    ),
    "moodle.unknown_lesson": "there is no lesson `{lesson}` in the pack {pack}{suggestion}",
    "moodle.stdout": "standard output",
    "problem.import_unknown_lesson": (
        "lesson `{lesson}` is not in the pack the bank goes into; the question is imported without "
        "a lesson"
    ),
    # exports and imports (issue 7)
    "export.count.rows": "{count} rows",
    "export.count.sessions": "{count} sessions",
    # exports and imports (issue 7)
    "key.export": "Export",
    "export.title": "Export",
    "export.pick_format": "Choose the kind of file:",
    "export.format.xlsx": "Excel spreadsheet (.xlsx)",
    "export.format.xlsx.detail": "scores and per-question statistics, for the ward",
    "export.format.html": "Printable report (.html)",
    "export.format.html.detail": "open in a browser, print on A4, with a place to sign",
    "export.format.csv": "Scores as CSV (.csv)",
    "export.format.csv.detail": "for spreadsheets or other programs",
    "export.format.md": "Report as text (.md)",
    "export.format.md.detail": "Markdown, to paste into other documents",
    "export.format.json": "Data bundle (.json)",
    "export.format.json.detail": "to merge on another laptop: studyapp import FILE",
    "export.path_message": (
        "The file will be written to the path below; change it to put it elsewhere."
    ),
    "export.path_label": "Save to",
    "export.submit": "Export",
    "export.no_path": "A file name is needed.",
    "export.working": "Exporting…",
    "export.done": "Exported {what} to {path}",
    "export.failed": "Export failed",
    # --- spaced-repetition schedule (studyapp/review, studyapp/store/review.py) ---
    "schedule.limit_invalid": (
        "The number of questions to review a day must be a whole number of at least 1."
    ),
    "schedule.rating.again": "Again",
    "schedule.rating.hard": "Hard",
    "schedule.rating.good": "Good",
    "schedule.rating.easy": "Easy",
    # review and progress (issue 8)
    "home.menu.review": "Review",
    "home.menu.review.detail": "Questions you answered come back when they are due",
    "home.menu.review.due": "{count} questions due today",
    "home.menu.review.next": "Nothing due today; the next is due {date}",
    "home.menu.review.empty": "Nothing yet: practise or take a test first",
    "key.read_lesson": "Read",
    "key.practise_lesson": "Practise it",
    "key.daily_limit": "Daily number",
    "key.quizzes": "Quizzes taken",
    "key.rate": "Rate yourself",
    "review.guest": "Guests have no review schedule: pick your name (key n) to get one.",
    "review.nothing_due": "Nothing is due today. The next question is due on {when}.",
    "review.no_cards": (
        "Nothing to review yet: practise or take a test first; the questions you answer come back "
        "when due."
    ),
    "progress.title": "Progress — {name}",
    "progress.column.lesson": "Lesson (weakest first)",
    "progress.column.mastery": "Known",
    "progress.column.right": "Right/qs",
    "progress.column.due": "Due",
    "progress.column.read": "Read",
    "progress.read": "Read {read} of {total} lessons",
    "progress.due": "{count} questions due today",
    "progress.next_due": "next due {date}",
    "progress.nothing_scheduled": "nothing scheduled yet",
    "progress.limit": "at most {limit} a day",
    "progress.hint": (
        "“Known”: share of the lesson's questions right in your latest answer. Enter: read · l: "
        "practise it · o: review · g: questions a day · x: quizzes taken."
    ),
    "progress.limit_title": "Questions to review a day",
    "progress.limit_message": "At most this many questions a day (the most overdue first).",
    "progress.limit_label": "Questions (1–500)",
    "progress.bad_limit": "A number from 1 to 500 is needed.",
    "quiz.rate_hint": "Rate yourself (optional): 1 Again · 2 Hard · 3 Good · 4 Easy",
    "quiz.rated": "Noted “{rating}”: this question comes back on {date}.",
    # review and progress (issue 8)
    "review.limit_reached": (
        "Today's {limit} reviews are done ({due} more are due). To review more, raise the daily "
        "number on the Progress screen (key g)."
    ),
    # exports and imports (issue 7)
    "report.not_tested": "(of those present, {count} did not take the test)",
    # review and progress (issue 8)
    "home.menu.review.due_capped": "{count} to review today ({due} due; daily number: x then g)",
    "home.menu.review.done_today": "Today's reviews done; {due} more are due",
    "review.screen_title": "Review",
    # --- paper entry (studyapp/quiz/entry.py) ---------------------------
    "entry.at_question": "question {number} ({text}): {message}",
    "entry.unclosed": "a {mark} is not closed: close it, or remove the opening mark",
    "entry.not_truefalse": "write Đ (or D) for true, S for false",
    "entry.not_a_choice": "{letter} is not one of its choices (A–{last})",
    "entry.empty_text": "the answer is empty: write - for a blank",
    "entry.not_a_number": "not a number (write 3,5 or 3.5; after its number and a colon: 7:3,5)",
    "entry.one_character": "takes one letter only",
    "entry.twice": "{letter} is written twice",
    "entry.order_numbers": "write the numbers 1 to {size} in the boxes' order, each once",
    "entry.not_an_item": "{letter} is not one of its items (A–{last})",
    "entry.order_letters": "give all {size} letters A–{last} in the right order, each once",
    "entry.bad_pairs": "cannot read the pairs from {text!r}: write 1b,2a,3c",
    "entry.no_left": "there is no left side {left} (it has 1–{size})",
    "entry.left_twice": "the left side {left} is paired twice",
    "entry.match_letters": (
        "give one letter A–{last} for each of the {size} left sides, _ for none (or pairs 1b,2a)"
    ),
    "entry.right_twice": "a right-hand letter is used twice",
    "entry.not_a_right": "{letter} is not one of its right-hand sides (A–{last})",
    "entry.other_paper": (
        "the paper code #{code} is not this paper's (#{expected}): "
        "is it another member's paper or another session's?"
    ),
    "entry.no_question": "there is no question {number}: the paper has {size}",
    "entry.no_answer": "no answer after its number: write {number}- for a blank",
    "entry.too_many": "too many answers: the paper has {size} questions",
    "entry.answered_twice": "answered twice",
    "entry.too_few": "too few answers: the paper has {size} questions; no answer for {missing}",
    "entry.not_present": "{name} is not marked present at this session: mark them present first",
    "entry.no_such_code": (
        "no paper of this session has the code #{code}: "
        "is it another session's paper?"
    ),
    "entry.code_shared": (
        "everyone has the same paper (#{code}) in this session: "
        "choose the member by name"
    ),
    "entry.taken_otherwise": (
        "{"
        "name} has already taken, or is taking, the test at the laptop or on a phone"
    ),
    "entry.already_entered": (
        "{name}'s paper is already entered: "
        "correct it (with the cell's PIN) instead"
    ),
    "paper.fields_named": "Full name: {name} · Cell: {cell} · Date: {date}",
    "paper.footer": "{name} · Paper code {code} · Page ",
    "paper.session_title": "Test papers — {cell}, {date}",
    # --- i21p: content packs from outside, the PIN, dates ---
    "problem.outside_pack": (
        "this file leads outside its pack's folder (to {target}); it is not read: copy the file"
        " into the pack"
    ),
    "problem.not_regular": (
        "not a regular file (a device, pipe or socket); it is not read: put a text file here"
    ),
    "problem.link_loop": "this link leads round in a loop; it is not read: replace it by the file",
    "problem.broken_link": "this link leads to no file; it is not read",
    "problem.lesson_too_deep": (
        "this lesson is nested {depth} levels deep, at most {limit}; it is skipped: give it a"
        " parent higher up"
    ),
    "pin.rule": (
        "A PIN needs at least {digits} digits, or a passphrase of at least {letters} characters"
        " (no space at either end)."
    ),
    "pin.rule_repeated": "A PIN cannot be one character repeated: choose another.",
    "pin.weak_change": (
        "This cell's PIN is shorter than the rule ({digits} digits or a passphrase of {letters}"
        " characters): change it (members pin --cell NAME)."
    ),
    "pin.weak_change_ui": (
        "This cell's PIN is shorter than the rule ({digits} digits or a passphrase of {letters}"
        " characters): change it when the session opens (or with members pin)."
    ),
    "cli.unrecognized": "unrecognized arguments: {args}.",
    "cli.dash_name_hint": (
        "A name that begins with “-” comes last, after “--”: studyapp members add --cell NAME"
        " -- -3+4"
    ),
    # --- i20: safe files, full disks, read-only media, one window per attempt ---
    "file.is_link": (
        "{path} is a link (symlink): nothing is written through it; give the file's own path."
    ),
    "file.not_regular": (
        "{path} is not a regular file (a device, a FIFO…): nothing is written to it; "
        "choose another name."
    ),
    "file.exists": "{path} already exists; add --force to overwrite it, or choose another name.",
    "cli.opt.force": "overwrite an existing output file",
    "export.exists": "{path} already exists. Overwrite it?",
    "export.overwrite": "Overwrite",
    "export.keep": "Keep the old file (do not export)",
    "db.full": (
        "Could not save to {path}: the disk is full. Everything saved before is still there; "
        "free some space on the disk and try again."
    ),
    "lease.busy": (
        "{who}'s quiz is being answered in another window (computer {host}, since {since}): "
        "it is not resumed here, so that two windows never write into it. Go on in that "
        "window, or close it and try again."
    ),
    "lease.lost": (
        "This quiz was just opened in another window: the answers saved are all there; "
        "go on in that window."
    ),
    # --- i13paper: paper entry (CLI, screen, via column) ---
    "cli.cmd.session": "a session: print each member's paper, enter papers answered on paper",
    "cli.cmd.session_papers": "print the session's papers: one for each member present (HTML, A4)",
    "cli.cmd.session_enter": (
        "enter a member's paper answered on paper (syntax: docs/paper-entry.md)"
    ),
    "cli.opt.session_id": "the session's id (or at least its first 6 characters)",
    "cli.opt.papers_output": "the HTML file to write the papers to (prints on A4)",
    "cli.opt.papers_force": "replace a file that is already there",
    "cli.opt.entry_member": "the member's full name (diacritics optional) or member id",
    "cli.opt.entry_code": "the paper code printed on the paper (6 digits)",
    "cli.arg.entry_answers": "the answers, such as \"1B 2AC 3Đ 4CAB\" or \"BACDABCDAB\"",
    "cli.opt.entry_correct": (
        "correct a paper already entered (needs the cell's PIN; until the session closes)"
    ),
    "cli.papers_nobody": "Nobody is marked present at this session: take attendance first.",
    "cli.papers_written": "Wrote {count} papers to {path}.",
    "cli.entry_no_member": "Nobody called “{name}” is present at this session.",
    "cli.entry_twins": (
        "Several members present are called “{name}”: use --member with a member id, or --code "
        "({ids})."
    ),
    "cli.entry_problems": "{name}'s paper is not saved: {count} things to fix.",
    "cli.entry_saved": (
        "Saved {name}'s paper (code {code}): {answered}/{size} answered, score {score} {band}"
    ),
    "key.enter_papers": "Enter papers",
    "key.print_papers": "Print papers",
    "key.enter_paper": "Enter paper",
    "key.review_paper": "Review, save",
    "key.next_line": "Next question",
    "key.previous_line": "Previous question",
    "key.save_paper": "Save paper",
    "key.edit_paper": "Keep editing",
    "papers.file_prefix": "test-papers",
    "papers.print_title": "Print each member's paper",
    "papers.print_message": (
        "One paper for each member present (name, paper code, page numbers), in one HTML file to "
        "print on A4 from a browser."
    ),
    "papers.print_submit": "Write file",
    "papers.print_failed": "The papers could not be written",
    "papers.title": "Entering papers — {cell}",
    "papers.counts": "Entered {entered}/{present} papers · taken on the laptop or a phone {other}",
    "papers.find_placeholder": "Type a name or the paper code (6 digits)",
    "papers.pick_hint": (
        "Pick the member (↑↓ then Enter) or type the code printed on the paper. An entered paper "
        "can be corrected (with the PIN) until the session closes."
    ),
    "papers.state.todo": "to enter",
    "papers.state.entered": "✓ entered",
    "papers.state.other": "on the laptop/phone",
    "papers.entry_title": "Entering a paper",
    "papers.entry_heading": "{name}'s paper · code #{code}",
    "papers.correcting": "(correcting an entered paper)",
    "papers.entry_hint": (
        "As written: B · AC · T/F · CAB (ordering) · 1b 2a 3c (matching) · text or number; - if "
        "blank. Enter: next; on the last: review."
    ),
    "papers.kind.single": "single choice",
    "papers.kind.multi": "multiple choice",
    "papers.kind.truefalse": "true/false (T/F)",
    "papers.kind.fill": "fill in",
    "papers.kind.number": "number",
    "papers.kind.order": "ordering",
    "papers.kind.match": "matching",
    "papers.no_quotes": "the answer has double quotes: leave them out",
    "papers.missing": "question {numbers} not entered yet: write - if left blank",
    "papers.problems": "Not saved: {count} things to fix (in red).",
    "papers.review_title": "Review {name}'s paper",
    "papers.review_summary": "{answered}/{size} answered · score {score} {band}",
    "papers.review_correction": (
        "This corrects an entered paper: the cell's PIN is needed; the earlier entry is kept."
    ),
    "papers.review_keys": "Enter: save · Esc: keep editing",
    "papers.saved": "Saved {name}'s paper (score {score}).",
    "key.clear_line": "Clear line",
    "export.col.via": "Taken",
    "export.via.laptop": "laptop",
    "export.via.phone": "phone",
    "export.via.paper": "paper",
    "summary.column.via": "Taken",
    # --- i16: question sets in Excel ---
    "cli.opt.questions_template": "write a template to write questions in (xlsx), with examples",
    "sheet.needs_output": "an Excel file needs a file name to write: add -o FILE.xlsx",
    "sheet.needs_format": "choose --format gift, aiken or xlsx",
    "package.not_zip": (
        "{path} is not a .{want} file (it cannot be read as a zip package); open it in "
        "Word/Excel or LibreOffice and save it as .{want}"
    ),
    "package.ole": (
        "{path} is an old Office file (.doc/.xls) or a password-protected one; open it in "
        "Word/Excel or LibreOffice, remove the password if any, and save it as .{want}"
    ),
    "package.opendocument": (
        "{path} is an OpenDocument file (.{kind}); open it in LibreOffice and save it as .{want}"
    ),
    "package.wrong_kind": "{path} is a zip package but not a .{want} file",
    "package.bomb": (
        "{path} unpacks to far more than a question set ({size} bytes, limit {limit}); "
        "it was not read"
    ),
    "package.damaged": "{path} is damaged and cannot be read: {reason}",
    "package.no_header": (
        "{path}: no sheet has a header row with a «Câu hỏi» (or «Nội dung») column and an "
        "«Đáp án» column or choice columns A, B…; sheets looked at: {sheets}"
    ),
    "sheet.template_written": "Wrote the template to {path}",
    "problem.sheet_too_many_rows": "only the first {limit} rows of the sheet were read",
    "problem.sheet_formula_no_value": (
        "the cell holds a formula with no saved value (formulas are never computed here); "
        "open the file in Excel or LibreOffice and save it again"
    ),
    "problem.sheet_number_twice": "number {number} was already used on row {first}",
    "problem.sheet_no_prompt": "a row with choices or an answer but no question; row skipped",
    "problem.sheet_unknown_kind": (
        "unknown question type «{value}» (Một lựa chọn, Nhiều lựa chọn, Đúng/Sai, Điền, Số, "
        "Sắp xếp, Ghép); question skipped"
    ),
    "problem.sheet_no_answer": "the question has no right answer; question skipped",
    "problem.sheet_answer_not_a_choice": (
        "answer {letter} is not among the question's {count} choices; question skipped"
    ),
    "problem.sheet_single_many": (
        "a single-choice question whose answer has several letters ({letters}); skipped"
    ),
    "problem.sheet_no_truth": "a true/false question needs Đúng or Sai, not «{value}»",
    "problem.sheet_not_a_number": (
        "a number question needs a number (2,5; 5 ± 0,5; 1,5 .. 2), not «{value}»"
    ),
    "problem.sheet_bad_order": (
        "the order «{value}» must use each letter of the {count} items once; question skipped"
    ),
    "problem.sheet_bad_pair": "the cell «{value}» is not a pair «left → right»; question skipped",
    "problem.sheet_unknown_level": "unknown level «{value}» (NB, TH, VD, VDC or 1-3); TH used",
    "problem.sheet_bad_points": "points «{value}» must be a positive number; 1 used",
    "gift.if_answered": "If answered {answer}: {feedback}",
    "gift.if_other": "If answered another number: {feedback}",
    "gift.true": "True",
    "gift.false": "False",
    # --- i16: question sets in Word ---
    "problem.word_number_twice": (
        "question {number} is already at paragraph {first} of the same part"
    ),
    "problem.word_media": (
        "question {number} needs a picture or an equation, which cannot be kept; question skipped"
    ),
    "problem.word_no_answer": (
        "question {number} has no right answer (a «Đáp án:» line, a *, an underlined or coloured "
        "choice, or an answer table); skipped"
    ),
    "problem.word_answer_not_a_choice": (
        "answer {letter} of question {number} is not among its {count} choices; question skipped"
    ),
    "problem.word_essay": (
        "question {number} has no choices and no answer (an essay?); question skipped"
    ),
    "problem.word_marks_disagree": (
        "question {number}: the «Đáp án» line says {line} but the marked choice is {mark}; the "
        "line is kept"
    ),
    "problem.word_bad_order": (
        "the order «{value}» must use each letter of the {count} items once; question skipped"
    ),
    "problem.word_bad_pair": (
        "question {number}: the pair «{value}» names no such left or right side; question skipped"
    ),
    "problem.word_bad_pairs": (
        "question {number}: the answer must pair each item 1, 2… with exactly one a), b)…; "
        "skipped"
    ),
    "problem.word_preamble": (
        "{count} paragraphs before the first question were skipped (introduction, instructions)"
    ),
    "problem.word_key_unknown": (
        "the answer table names question {number}, which the file does not have"
    ),
    "problem.word_key_disagrees": (
        "question {number}: the answer table says {key} but the question already says {own}; kept"
    ),
    "cli.opt.questions_answers": (
        "docx: the answer under each question (inline), in an answer table at the end "
        "(table) or not at all (none, a paper to print)"
    ),
    "problem.word_number_skips": "question {number} follows question {previous}: one missing?",
    "problem.source_file_missing": (
        "`source_file = \"{value}\"`: no such file inside the pack's folder"
    ),
    # --- i15: a pack from a document ---
    "cli.cmd.pack": "make a study pack from a Word, PDF or text document (pack new)",
    "cli.arg.pack_action": "new: a new pack from a document",
    "cli.arg.pack_document": "the source document: .docx, .pdf (with a text layer), .txt or .md",
    "cli.opt.pack_output": "the folder to create for the pack (must not exist)",
    "cli.opt.pack_id": "the pack's id (default: from the folder's name)",
    "cli.opt.pack_title": "the pack's title (default: the document's kind and summary)",
    "cli.opt.pack_depth": "a lesson for each section down to this level (default: readable)",
    "pack.bad_id": "the id «{value}» may hold only a-z, 0-9 and -",
    "pack.target_exists": "{path} exists; choose a folder that does not exist yet",
    "pack.level": "level {depth}: {count} sections",
    "pack.report": "Made {path}: {lessons} lessons (a section each down to level {depth}); "
                   "structure: {levels}",
    "pack.invalid": "{path} cannot be used yet: see the errors above",
    "pack.next": "Next: read ERRATA.md and the lessons in {path}/lessons, then run "
                 "studyapp validate {path}",
    "document.missing": "no such file: {path}",
    "document.too_large": "{path} is too large ({size} bytes, limit {limit})",
    "document.unknown_kind": "cannot read a «{suffix}» file: use .docx, .pdf, .txt or .md",
    "document.not_text": (
        "{path}: byte {byte} on line {line} is neither UTF-8 nor UTF-16; save the file as UTF-8"
    ),
    "document.legacy_font": (
        "{path} is typed in a legacy font ({font}, TCVN3 or VNI encoding): its letters would "
        "be wrong; convert it to Unicode (Unikey's converter) and try again"
    ),
    "document.pdf_encrypted": "{path} is password-protected; save a copy without a password",
    "document.pdf_damaged": "{path} is damaged and cannot be read: {reason}",
    "document.pdf_no_text": (
        "{path} ({pages} pages) has no text layer, probably a scan; run OCR or use the Word file"
    ),
    "document.empty": "{path} holds no text",
    "document.doc_number_repeats": "section {reference} has the number of the one before",
    "document.doc_number_skips": "section {reference} follows number {after}: one missing?",
    "document.doc_heading_no_body": "section {reference} has a heading and no text",
    "document.doc_no_structure": (
        "no numbered section found: the whole text is one lesson; check it and split it by hand"
    ),
    "cli.validate_coverage": (
        "{pack}: {quoted}/{sentences} sentences of the source are in the lessons ({share}%)"
    ),
    "problem.errata_not_in_source": "ERRATA: line {line} of the source has no «{text}»",
    "problem.errata_unknown_lesson": "ERRATA: no lesson `{lesson}`",
    "problem.errata_not_applied": "ERRATA: lesson `{lesson}` does not have the correction «{text}»",
    "problem.not_in_source": (
        "this block is not in the source (even after ERRATA.md's corrections): «{words}…»; "
        "explanations belong in a «> Ghi chú:» block"
    ),
    "problem.coverage_below_full": (
        "the lessons quote {share}% of the source: {missing} sentences are missing, the first "
        "«{words}…»"
    ),
    "problem.bad_status": "`status = \"{value}\"`: only \"draft\" is known",
    "cli.pack_drafts": "{pack}: {count} draft questions waiting for review (never drawn)",
    "pack.needs_output": "pack new needs the folder to make: add -o DIR",
    "pack.not_a_pack": "{path} is not a pack's folder (no pack.toml)",
    "pack.drafts_exist": "{path} exists; review or remove the earlier drafts first",
    "pack.no_drafts": "no draft question could be made from the lessons of {path}",
    "pack.drafts_description": "Draft questions made from the document: an author reviews them",
    "pack.drafts_written": (
        "Wrote {count} draft questions to {path}; drafts are never drawn until accepted "
        "(the line status = \"draft\" removed)"
    ),
    "package.no_word_reader": (
        "{path}: this studyapp.pyz cannot read or write Word files (they need lxml); "
        "install studyapp with cai-dat.bat or cai-dat.sh and run it again"
    ),
    # --- i17: question groups (content-format-extensions.md) ---
    "problem.group_of_one": ("the group `{group}` has only one question (`{id}`): is its name "
                             "misspelt?"),
    # --- import in the interface ---
    "key.import_questions": "Import questions",
    "palette.import_questions": "Import questions from Word/Excel",
    "palette.import_questions.detail": "A question set in a Word, Excel or text file",
    "import_ui.title": "Import questions from Word/Excel",
    "import_ui.hint": (
        "Choose the question file (Word .docx, Excel .xlsx, text .txt, GIFT, Aiken) in the "
        "folder tree and press Enter, or type its path below. Tab: between the box and the tree."
    ),
    "import_ui.path_placeholder": "the path of the question file",
    "import_ui.no_file": "No such file: {path}",
    "import_ui.working": "Reading {name}…",
    "import_ui.done": "{count} questions imported",
    "import_ui.nothing": "No question was imported",
    "import_ui.pack_title": "Imported questions",
    "import_ui.pack_source": "Question sets imported from Word, Excel or text files",
    "item.top_wrong_uncounted": "The wrong answer given most: “{answer}”",
    "answer.match_first": "Match at least one row (type a right side's letter), then Enter.",
    # --- i21b: bundles checked for real ---
    "bundle.other_cell": "{where}: member {id} is not of the cell of session {session}.",
    "bundle.self_retake": "{where}: test {id} is recorded as a retake of itself.",
    "bundle.retake_of_other": (
        "{where}: a retake replacing test {id} of another person or another session."
    ),
    "bundle.retake_cycle": "{where}: retakes replace each other in a circle (from test {id}).",
    "import.integrity_net": (
        "The bundle does not fit this database. Nothing was changed. "
        "Please report this, with the bundle file."
    ),
    "bundle.outside_paper": "{where}: question {position} is not on a paper of {size}.",
    "bundle.not_on_paper": "{where}: question {id} is not the one at this place of the paper.",
    "bundle.line_break": "must be one line (it holds a line break).",
    "bundle.no_zone": "a time without its zone (expected like 2026-11-26T19:00:00+07:00).",
    "bundle.not_a_number": "the file holds {value}, which is not JSON: the bundle is refused.",
    "bundle.schema": "{where}: not of the shape the program writes (rule “{rule}”).",
    "bundle.more_than_paper": "{where}: {value} questions, more than the paper's {size}.",
    "bundle.correct_above_answered": "{where}: more questions right than answered.",
    "bundle.scale_zero": "{where}: the scale must be above 0.",
    "bundle.above_scale": "{where}: a pass mark or band above the scale of {scale}.",
    "bundle.score_above_scale": "{where}: a score above the scale of {scale}.",
    "bundle.recomputed_answer": (
        "{where}: the answer's credit differs from grading it again (test {attempt}): "
        "the bundle was edited after export."
    ),
    "bundle.recomputed_counts": (
        "{where}: the answered or right counts of test {id} differ from its answers: "
        "the bundle was edited after export."
    ),
    "bundle.recomputed_score": (
        "{where}: the score, band or pass of test {id} differ from recomputing them "
        "from its answers: the bundle was edited after export."
    ),
    "bundle.no_signature": (
        "a version {version} bundle must be signed (\"signature\": ed25519, public key, value)."
    ),
    "bundle.bad_signature": (
        "the signature does not match the content: the bundle was edited after export, "
        "or was not signed by studyapp."
    ),
    "import.unsigned": (
        "Warning: {path} is a version 1 bundle, unsigned: who exported it, and whether it "
        "was edited since, cannot be verified."
    ),
    "import.key_first": "{cell} — key {key}, first time",
    "import.key_known": "{cell} — key {key}, known",
    "import.key_changed": (
        "{cell}: the bundle is signed with key {key}, not the key {known} this cell's "
        "bundles had before. Nothing was imported. Call the cell's secretary to compare "
        "keys; if the cell changed laptops, import again with --accept-new-key."
    ),
    "import.key_accepted": "{cell} — new key {key} accepted (was {known})",
    "cli.opt.accept_new_key": (
        "take a known cell's bundle though signed with another key (once compared)"
    ),
    "import.merge_cell": (
        "the bundle's cell “{name}” (id {theirs}) would merge with the cell of that name "
        "here (id {ours})"
    ),
    "import.merge_member": (
        "the bundle's member “{name}” (id {theirs}) would be taken as the person of that "
        "name here (id {ours})"
    ),
    "import.merge_by_name": (
        "Nothing imported: {count} cells or members of the bundle match this database by "
        "name only. If they are the same cell and people (two laptops of one cell), import "
        "again with --merge-by-name; if another cell has the same name, rename one first:"
    ),
    "cli.opt.merge_by_name": (
        "merge cells and members that match by name only (once the list was read)"
    ),
    # --- i13web2: phone round ---
    'phone.round_ended': 'The phone round has ended. No more answers are taken.',
    'phone.throttled': 'Too many wrong codes. Wait {seconds} seconds and try again.',
    'phone.wrong_code': "Wrong round code. Check the 6 digits on the laptop's screen.",
    'phone.code_first': 'Enter the round code first.',
    'phone.device_has_claim': 'This phone has already chosen someone else.',
    'phone.name_taken': (
        'This name was chosen on another phone. If it is you, ask the secretary to release it.'
    ),
    'phone.not_choosable': "This person is not among the session's test takers.",
    'phone.already_tested': '{name} has taken the test (or is taking it another way).',
    'phone.no_claim': 'This phone has not chosen a name. Start again from the first page.',
    'phone.other_member': 'You cannot answer for someone else.',
    'phone.not_on_paper': 'This question is not on your paper. The answer was not saved.',
    'phone.already_finished': 'You have handed in. The answer was not saved.',
    'phone.time_up': 'Time is up. The answer was not saved.',
    'phone.bad_form': 'The page is stale or invalid. Open it again and retry.',
    'phone.too_large': 'What was sent is too large.',
    'phone.not_found': 'No such page.',
    'phone.title': 'Test on your phone',
    'phone.enter_code': "Enter the round code (6 digits on the laptop's screen)",
    'phone.code_button': 'Enter',
    'phone.choose_name': 'Choose your name',
    'phone.nobody': 'Nobody is waiting to take the test.',
    'phone.confirm': 'Are you {name}?',
    'phone.confirm_yes': 'Yes, start the test',
    'phone.confirm_no': 'No, choose again',
    'phone.question_of': 'Question {k}/{n}',
    'phone.time_left': '{minutes} min left',
    'phone.save': 'Save answer',
    'phone.saved': 'Saved.',
    'phone.previous': 'Previous',
    'phone.next': 'Next',
    'phone.hand_in': 'Hand in',
    'phone.hand_in_confirm': 'Hand in? Answers cannot be changed afterwards.',
    'phone.unanswered': '{count} questions unanswered.',
    'phone.true': 'True',
    'phone.false': 'False',
    'phone.order_hint': 'Choose a place for each item (1 is first).',
    'phone.match_hint': 'Choose the right side that goes with each left side.',
    'phone.fill_hint': 'Type the answer (without diacritics or in Telex/VNI is fine).',
    'phone.number_hint': 'Type a number.',
    'phone.multi_hint': 'Choose every right answer, then Save.',
    'phone.result_title': 'Your result',
    'phone.result_score': 'Score: {score}',
    'phone.result_note': 'The answers are gone through with the whole cell once everyone is done.',
    'phone.back': 'Back',
    'phone.order_incomplete': 'Each place can be chosen once, and every item needs one.',
    'phone.serve_address': 'Address for phones: {url}',
    'phone.serve_code': 'Round code: {code}',
    'phone.serve_stop': 'Press Ctrl+C to end the round.',
    'phone.serve_ended': 'The round has ended; the server has stopped.',
    'cli.cmd.session_serve': "open a session's test round on phones",
    'cli.opt.serve_host': "address to listen on (default: all of this computer's networks)",
    'cli.opt.serve_port': 'port (default: 8080)',
    # --- i13web: phone pages, serving, the round screen ---
    "phone.html_lang": "en",
    "phone.saved_number": "Question {number} saved.",
    "phone.single_hint": "Tap the right answer: it is saved at once.",
    "phone.answer_first": "No answer yet: choose or type one, then press Save.",
    "phone.place_of": "Place of item {letter}",
    "phone.questions": "Questions",
    "phone.result_band": "Band: {band}",
    "phone.result_answered": "{answered} of {size} questions answered.",
    "phone.round_running": (
        "Another phone round is running ({who}, on {host}, since {since}): only one round at "
        "a time. End that round first."
    ),
    "phone.cannot_listen": (
        "Cannot serve the phones on {host}:{port}: {reason}. Choose another port (--port) or "
        "close the program using this one."
    ),
    "cli.opt.serve_pin": "the cell's PIN, so that Ctrl+C ends the round for good (or STUDYAPP_PIN)",
    "cli.bad_port": "Port {port} is not valid: choose a number from 1 to 65535.",
    "phone.stage.joined": "{name}: joined, no answer yet",
    "phone.stage.answering": "{name}: at question {k}/{n} ({answered} answered)",
    "phone.stage.finished": "{name}: handed in",
    "phone.stage.disconnected": "{name}: disconnected ({answered}/{n} answered)",
    "phone.serve_paused": (
        "The server stopped; the round is still open. Run this command again for the phones "
        "to go on, or end the round with the PIN."
    ),
    "key.phone_round": "Phones",
    "key.release_phone": "Change phone",
    "key.end_round": "End round",
    "key.back_to_turns": "Back to turns",
    "phone_ui.title": "Phone round — {cell}",
    "phone_ui.address": "Open on a phone (or scan the QR code):",
    "phone_ui.code": "Round code:",
    "phone_ui.counts": (
        "Not joined: {waiting} · Answering: {joined} · Handed in: {finished} · "
        "Disconnected: {lost}"
    ),
    "phone_ui.stage.joined": "joined",
    "phone_ui.stage.answering": "question {k}/{n}",
    "phone_ui.stage.finished": "handed in",
    "phone_ui.stage.disconnected": "disconnected ({answered}/{n})",
    "phone_ui.start_title": "Answering on phones",
    "phone_ui.start_message": (
        "Members use their own phones on the same Wi-Fi as this laptop (or its hotspot); no "
        "Internet is needed. This laptop's addresses: {addresses}. Leave the address empty to "
        "listen on all of its networks."
    ),
    "phone_ui.host": "Listen on",
    "phone_ui.all_networks": "all networks",
    "phone_ui.port": "Port",
    "phone_ui.start": "Start",
    "phone_ui.other_running": "A phone round of another session is running: end it first.",
    "phone_ui.release_title": "Change phone",
    "phone_ui.release_message": (
        "Free the name {name} so that they can join again from another phone? Their answers "
        "are kept."
    ),
    "phone_ui.release": "Free it",
    "phone_ui.released": "{name} is free: join again from the other phone with the round code.",
    "phone_ui.nobody_to_release": "Nobody has joined from a phone yet.",
    "phone_ui.end_title": "End the round",
    "phone_ui.end_message": (
        "End the phone round? Phones can send no more answers; tests not handed in are kept "
        "and can be finished on the laptop."
    ),
    "phone_ui.end": "End",
    "phone_ui.ended": "The phone round has ended; the server stopped.",
    "phone_ui.running_line": "A phone round is running (code {code}) — d: show",
    "phone_ui.kept_line": "A phone round was left open — d: open it again",
    "turns.on_phone": "answering on a phone",
    "turns.taking_on_phone": (
        "{name} is answering on a phone. To go on at this laptop, the secretary frees the name "
        "(d, then g) or ends the phone round."
    ),
    # --- i14a ---
    "quit.title": "Quit the program?",
    "quit.text": (
        "A quiz is in progress. Every answer given is saved; next time the program starts, the "
        "quiz goes on from the first unanswered question."
    ),
    "quit.stay": "Go on with the quiz",
    "quit.confirm": "Quit",
    "quit.confirm_detail": "The clock stops until the quiz goes on",
    "home.turn_interrupted": "{name} did not finish the test of the {date} session — go on",
    "turns.interrupted": "{name} did not finish the test: pick the name and press Enter to go on.",
    "resume.title_of": "{name}'s unfinished quiz",
    "resume.message_of": (
        "{name} has an unfinished {kind}, started {when}: {answered}/{size} questions answered."
    ),
    "attendance.tested_title": "This member took the test",
    "attendance.tested_text": (
        "{name} took this session's test. Marked {status}, the answers and the score are kept "
        "and still count in the session's results; only the attendance changes. It can be set "
        "back to present at any time."
    ),
    "attendance.tested_going": (
        "{name} is in the middle of this session's test. Marked {status}, the unfinished test is "
        "kept and can still be finished; only the attendance changes."
    ),
    "attendance.tested_keep": "Keep the attendance as it is",
    "attendance.tested_change": "Mark {status} all the same",
    "summary.retake_mark": "(try {number})",
    "help.quiz.type_keys": "Typing",
    "help.quiz.type": "type the answer (diacritics, Telex or VNI optional)",
    "help.quiz.enter_test": "answer and go to the next unanswered question",
    # --- i21 ---
    "chart.clipped": "{count} off the scale, drawn at its edge.",
    "chart.left_out": "{count} unreadable, not drawn.",
    "chart.bad_scale": "Unreadable scale, drawn on a scale of {scale}.",
    # --- i15r ---
    "drafts.cannot_read": "cannot read {path}: {reason}",
    "drafts.not_found": "no question {id} in {path}",
    "drafts.edit_refused": "Not saved: the question edited so is not valid; {path} is unchanged.",
    "drafts.title": "Write questions: {pack}",
    "drafts.count": "{count} draft questions to review. A draft is never drawn into a paper.",
    "drafts.none": (
        "No draft question left to review. The accepted ones are drawn from now on. "
        "Esc to go back."
    ),
    "drafts.passage": "The passage the explanation quotes",
    "drafts.no_passage": "(the quoted passage was not found in lesson {lesson})",
    "drafts.lesson": "Lesson {source}: {title}",
    "drafts.answer": "Answer: {answer}",
    "drafts.explanation": "Explanation: {text}",
    "drafts.pair": "{left} → {right}",
    "drafts.accepted": "Accepted {id}: it is drawn into papers from now on.",
    "drafts.rejected": "Removed {id} from the question file.",
    "drafts.saved": "Saved {id}.",
    "drafts.reject_title": "Reject this draft?",
    "drafts.reject_text": "{id} will be removed from {path}. This cannot be undone.",
    "drafts.reject_confirm": "Reject it",
    "drafts.reject_keep": "Keep it",
    "key.accept_draft": "Accept",
    "key.edit_draft": "Edit",
    "key.reject_draft": "Reject",
    "key.save_draft": "Save",
    "draft_edit.title": "Edit {id}",
    "draft_edit.prompt": "Question",
    "draft_edit.choices": "Choices (one a line, in the order A, B, C…)",
    "draft_edit.answer.single": "Answer (one letter, e.g. B)",
    "draft_edit.answer.multi": "Answer (letters separated by commas, e.g. A, C)",
    "draft_edit.answer.fill": "Answer (accepted spellings separated by |)",
    "draft_edit.pairs": "Pairs (one a line: left | right)",
    "draft_edit.explanation": "Explanation (quoting the document)",
    "draft_edit.hint": "Tab to the next field · Ctrl+S saves · Esc leaves without saving",
    "draft_edit.bad_pair": "Line {line} of the pairs has no | between its two sides",
    "palette.drafts": "Write questions",
    "palette.drafts.detail": "Review the draft questions of pack {pack}",
    "home.menu.new_document": "Add a new document",
    "home.menu.new_document.detail": "Lessons and questions from a Word, PDF or text file",
    "key.new_document": "New document",
    "palette.new_document": "Add a new document",
    "palette.new_document.detail": "A study pack from the document sent (Word, PDF)",
    "new_doc.title": "Add a new document",
    "new_doc.hint": (
        "Pick the document (Word .docx, PDF with text, .txt) with ↑↓ and Enter, or type its "
        "path and press Enter. Ctrl+O: another folder (Documents, Downloads, home)."
    ),
    "new_doc.path_placeholder": "path to the document",
    "key.other_folder": "Other folder",
    "new_doc.reading": "Reading {name}…",
    "new_doc.cannot_read": "The document cannot be read",
    "new_doc.structure": "Structure found in {name}",
    "new_doc.kind": "{kind} {number}",
    "new_doc.level": "Level {depth}: {count} sections",
    "new_doc.lessons": "Down to level {depth}: {lessons} lessons (the introduction included)",
    "new_doc.depth_label": "Lessons down to level (1 to {deepest})",
    "new_doc.title_label": "Name of the pack",
    "new_doc.create": "Create the pack",
    "new_doc.bad_depth": "The level is a number from 1 to {deepest}",
    "new_doc.no_title": "Give the pack a name",
    "new_doc.notes": "To check: {count} places (numbering that skips or repeats, empty headings…)",
    "new_doc.hint_structure": "Tab to the next field · Enter or Ctrl+S creates · Esc goes back",
    "new_doc.creating": "Creating {title}…",
    "new_doc.created_title": "Pack created",
    "new_doc.created": "Created “{title}”: {lessons} lessons, in {path}.",
    "new_doc.invalid": "The new pack is not valid and was removed. The errors:",
    "new_doc.offer_text": (
        "“{title}” has {lessons} lessons, open now under Lessons. Draft questions from the "
        "document itself and review them one by one?"
    ),
    "new_doc.offer_drafts": "Draft questions",
    "new_doc.offer_drafts.detail": "Then accept, edit or reject each",
    "new_doc.offer_later": "Later",
    "new_doc.drafting": "Drafting questions…",
    "new_doc.no_drafts": "No draft question could be made from this pack's lessons.",
    "new_doc.drafts_made": "Drafted {count} questions.",
    # --- i14r ---
    "key.roster": "Roster",
    "key.roster_add": "Add",
    "key.roster_rename": "Rename",
    "key.roster_note": "Note",
    "key.roster_inactive": "Inactive",
    "key.roster_active": "Active again",
    "key.roster_import": "Import",
    "roster.title": "Roster — {cell}",
    "roster.column.name": "Full name",
    "roster.column.note": "Distinguishing note",
    "roster.column.state": "State",
    "roster.active": "active",
    "roster.inactive": "inactive",
    "roster.counts": "{active} active · {inactive} inactive",
    "roster.empty": "The cell has no members yet. Press a to add one, t to import a file.",
    "roster.no_pin": (
        "The cell has no PIN (studyapp members pin): anyone at the laptop can edit the "
        "roster."
    ),
    "roster.unlocked": (
        "PIN given: editing the roster does not ask again. It locks when you leave the "
        "secretary's screens or after {minutes} minutes without a key."
    ),
    "roster.locked": "Locked: the next change asks for the PIN.",
    "roster.locked_idle": "The roster locked after {minutes} minutes without a key.",
    "roster.add_title": "Add a member",
    "roster.add_text": (
        "Add to the roster of {cell}. If someone has the same name, give a note to tell "
        "them apart."
    ),
    "roster.note_label": "Distinguishing note (optional)",
    "roster.note_hint": "year of birth, group, “senior”/“junior”… (at most 40 characters)",
    "roster.twin_needs_note": (
        "“{name}” is already on the roster. If this is another person of the same name, "
        "give a note to tell them apart (year of birth, group…)."
    ),
    "roster.twin_keeps_note": (
        "Someone else in the cell is called “{name}”: keep a note to tell them apart."
    ),
    "roster.rename_title": "Rename",
    "roster.rename_text": "The right name of “{name}” (their results are kept):",
    "roster.note_title": "Note for {name}",
    "roster.note_text": (
        "A short note telling them from a member of the same name; empty removes it."
    ),
    "roster.made_inactive": (
        "“{name}” marked inactive: off the attendance lists, results kept. Press n again "
        "to bring them back."
    ),
    "roster.made_active": "“{name}” is active again.",
    "roster.import_title": "Import the roster from a file",
    "roster.import_text": (
        "A text file (UTF-8), one full name a line. A file name alone is looked for in "
        "{folder}."
    ),
    "roster.import_path": "File",
    "roster.import_example": "roster.txt",
    "roster.import_submit": "Import",
    "roster.import_no_path": "type the path of the file",
    "roster.import_is_folder": "{path} is a folder; type the file's name too",
    "roster.import_too_big": "{path} is too large to be a roster (at most 1 MB)",
    "roster.import_refused": "line {line}: {reason}",
    "roster.import_report": "Roster imported from {name}",
    "store.note_too_long": "the distinguishing note is {length} characters long, at most {limit}",
    "roster.twin_without_note": (
        "The “{name}” already on the roster has no note yet: select that name and press g, "
        "so the two are not mixed up."
    ),
    # --- i14u ---
    "progress.not_practised": "not practised",
    "summary.column.name_note": "Name · note",
    "help.quiz.pause_pin": "Pause (needs the secretary's PIN)",
    "help.quiz.quit_pin": "Quit (needs the secretary's PIN)",
    "palette.placeholder_meeting": "Type to find a command: help, light/dark theme…",
    # --- i14w ---
    "report.period_from": "from {first}",
    "report.period_to": "until {last}",
    "report.excused": "Excused",
    "report.absent": "Absent",
    "report.present_not_tested": "Present, not tested",
    "report.missed": "Who missed, over the period",
    "import.details": "attendance and answers",
    "import.session_line": (
        "{cell}, meeting of {date}: {present}/{total} present, {excused} excused, {absent} "
        "absent; {tested} tested"
    ),
    "report.verification": "Data",
    "report.verified": "verified (key {key})",
    "report.unverified_unsigned": "not verified: the bundle was not signed",
    "report.unverified_unknown_key": (
        "not verified: signed with key {key}, not a key known for the cell"
    ),
    "report.unverified_here": "not verified: entered on this computer, not from a bundle",
    "report.verification_part": "{what} ({count} meeting(s))",
    "export.col.verified": "Data verified",
    # --- i14n ---
    "member.label": "{name} ({note})",
    "store.twin_needs_note": (
        "If this is another person with the same name, give a note that tells them apart (year of "
        "birth, group, “junior”/“senior”…), at most 40 characters."
    ),
    "store.twin_same_note": (
        "“{name}” is already there with the note “{note}”; give another note to tell the two "
        "apart."
    ),
    "cli.opt.member_note": (
        "a note telling namesakes apart (year of birth, group…), at most 40 characters"
    ),
    "cli.members_note_only_add": "--note goes with members add only",
    "members.give_note": "Add with --note, for example: --note \"born 1960\".",
    "member.note_label": "Distinguishing note (year of birth, group…)",
    "member.note_hint": "for example: born 1960",
    "bundle.schema_rule": "not of the shape the program writes (rule “{rule}”).",
    "export.col.member_note": "Distinguishing note",
    "members.name_with_note": "Or give the name with its note: {names}.",
    # --- i20s ---
    "bundle.too_deep_at": "{where}: nested too deeply (over 64 levels): not a studyapp bundle.",
    "bundle.reason.truncated": "the file stops midway",
    "bundle.reason.unexpected": "a character out of place",
    "bundle.second_value": (
        "the file goes on after the bundle ends (a second JSON value): joined with another file, "
        "or edited by hand?"
    ),
    "bundle.duplicate_key": "content.{key}: twice in the bundle (joined or edited by hand?).",
    # --- main: twins without a note in the sheets ---
    "member.code": "code {code}",
    "papers.leave_title": "Leave this paper?",
    "papers.leave_message": "The answers just typed for {name}'s paper are not saved.",
    "papers.leave_stay": "Keep entering",
    "papers.leave_discard": "Discard them, back to the papers",
    # --- main: bundle version 3 ---
    "cli.opt.bundle_version": ("JSON: the bundle's version, 3 (the default) or 2 for an office "
                               "whose studyapp does not read version 3 yet"),
    # --- lo ---
    "pack.ids_prefixed": "Lesson ids clash with lessons already in the content in use, so every "
                         "id starts with “{prefix}” (as when adding a document in the interface)",
    "search.read_as": "Read as: {reading}",
    # --- mtg ---
    "meeting.locked_idle": (
        "Locked again after {minutes} minutes without a key: the secretary's next action asks "
        "for the PIN."
    ),
    # --- attack ---
    "bundle.not_normal": "not as studyapp writes it (Unicode NFC, no extra white space).",
    "bundle.unknown_content_key": (
        "content.{key}: studyapp writes no such entry in a bundle (joined or edited by hand?)."
    ),
    "bundle.cell_name_twice": "{where}: the cell “{name}” has the name of {other}.",
    "bundle.too_many_values_at": (
        "{where}: over {limit} values in one row: studyapp writes no such row."
    ),
    # --- main: a test retaken twice ---
    "bundle.retake_twice": (
        "{where}: test {id} is already replaced by another finished retake; a test is replaced "
        "by one retake only."
    ),
}
