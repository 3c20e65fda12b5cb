"""Interface strings in Vietnamese (the default) and English, and number formatting."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal, get_args

Lang = Literal["vi", "en"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "vi"

_current: Lang = DEFAULT_LANG


def set_language(lang: Lang) -> None:
    """Choose the language of every message from now on (one per process)."""
    global _current  # noqa: PLW0603 - one interface language per process
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def current_language() -> Lang:
    return _current


def tr(key: str, /, lang: Lang | None = None, **params: object) -> str:
    """The message `key` in `lang` (default: the current language), with
    `{name}` placeholders filled from `params`."""
    entry = MESSAGES[key]
    template = entry[lang or _current]
    return template.format(**params) if params else template


def format_decimal(value: Fraction | Decimal | float | int, places: int = 1,
                   lang: Lang | None = None) -> str:
    """`value` rounded half-up to `places` decimals, with a decimal comma and
    a dot between thousands in Vietnamese (`1.234,5`), the English way otherwise."""
    if isinstance(value, Fraction):
        number = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        number = Decimal(str(value))
    quantum = Decimal(1).scaleb(-places)
    text = f"{number.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"
    if (lang or _current) == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_count(value: int, lang: Lang | None = None) -> str:
    """An integer with thousands grouped (`1.234` in Vietnamese)."""
    text = f"{value:,d}"
    return text.replace(",", ".") if (lang or _current) == "vi" else text


# Each entry: {"vi": ..., "en": ...}. Keys are grouped by where they are used.
MESSAGES: dict[str, dict[Lang, str]] = {
    # --- content problems (validator) -------------------------------------
    "problem.not_utf8": {
        "vi": "tệp không phải văn bản UTF-8 (byte 0x{byte:02X} ở đây); hãy lưu lại tệp "
              "với bảng mã UTF-8",
        "en": "the file is not UTF-8 text (byte 0x{byte:02X} here); save it again as UTF-8",
    },
    "problem.too_large": {
        "vi": "tệp quá lớn ({size} byte, tối đa {limit} byte); hãy chia thành nhiều tệp",
        "en": "the file is too large ({size} bytes, at most {limit}); split it into several files",
    },
    "problem.unreadable": {
        "vi": "không đọc được tệp: {reason}",
        "en": "cannot read the file: {reason}",
    },
    "problem.toml_syntax": {
        "vi": "lỗi cú pháp TOML: {detail}{near}",
        "en": "TOML syntax error: {detail}{near}",
    },
    "problem.too_deep": {
        "vi": "tệp TOML lồng nhau quá sâu, không đọc được ({detail})",
        "en": "the TOML nests too deeply to be read ({detail})",
    },
    "problem.toml_near": {"vi": " — {lines}", "en": " — {lines}"},
    "problem.toml_line": {"vi": "dòng {number}: «{text}»", "en": "line {number}: «{text}»"},
    "problem.no_front_matter": {
        "vi": "bài học thiếu phần đầu (front matter): tệp phải bắt đầu bằng một dòng `+++`, "
              "tiếp theo là các khóa TOML, rồi một dòng `+++` nữa",
        "en": "the lesson has no front matter: the file must start with a line `+++`, "
              "then its TOML keys, then another line `+++`",
    },
    "problem.front_matter_unclosed": {
        "vi": "phần đầu (front matter) mở bằng `+++` nhưng không có dòng `+++` đóng lại",
        "en": "the front matter opened with `+++` is never closed by another line `+++`",
    },
    "problem.missing_key": {
        "vi": "thiếu khóa bắt buộc `{key}`",
        "en": "the required key `{key}` is missing",
    },
    "problem.unknown_key": {
        "vi": "khóa không xác định `{key}`{suggestion}",
        "en": "unknown key `{key}`{suggestion}",
    },
    "problem.did_you_mean": {
        "vi": "; có phải ý bạn là `{match}`?",
        "en": "; did you mean `{match}`?",
    },
    "problem.wrong_type": {
        "vi": "`{key}` phải là {expected}, không phải {actual}",
        "en": "`{key}` must be {expected}, not {actual}",
    },
    "problem.bad_id": {
        "vi": "`{key}` = \"{value}\" chỉ được gồm chữ thường a-z, chữ số 0-9 và dấu '-'",
        "en": "`{key}` = \"{value}\" may contain only a-z, 0-9 and '-'",
    },
    "problem.empty_value": {
        "vi": "`{key}` không được để trống",
        "en": "`{key}` must not be empty",
    },
    "problem.key_points_count": {
        "vi": "`key_points` phải có từ 1 đến 10 ý, không phải {count}",
        "en": "`key_points` must have 1 to 10 items, not {count}",
    },
    "problem.unknown_format": {
        "vi": "`format` = {value}: chương trình chỉ đọc được định dạng {known}; "
              "hãy cập nhật studyapp",
        "en": "`format` = {value}: this program reads only format {known}; update studyapp",
    },
    "problem.bad_language": {
        "vi": "`language` = \"{value}\" không phải mã ngôn ngữ (ví dụ \"vi\")",
        "en": "`language` = \"{value}\" is not a language code (for example \"vi\")",
    },
    "problem.not_positive": {
        "vi": "`{key}` phải lớn hơn 0",
        "en": "`{key}` must be greater than 0",
    },
    "problem.out_of_scale": {
        "vi": "`{key}` = {value} nằm ngoài thang điểm 0..{scale}",
        "en": "`{key}` = {value} is outside the scale 0..{scale}",
    },
    "problem.bands_order": {
        "vi": "`bands` phải xếp từ mức cao nhất xuống thấp nhất",
        "en": "`bands` must be listed highest first",
    },
    "problem.bands_floor": {
        "vi": "không có mức xếp loại cho điểm dưới {value}; thường mức cuối cùng có min = 0",
        "en": "no band covers scores below {value}; the last band usually has min = 0",
    },
    "problem.unknown_type": {
        "vi": "`type` = \"{value}\" không phải loại câu hỏi nào (single, multi, truefalse, "
              "fill, number, order, match){suggestion}",
        "en": "`type` = \"{value}\" is not a question type (single, multi, truefalse, fill, "
              "number, order, match){suggestion}",
    },
    "problem.key_not_for_type": {
        "vi": "khóa `{key}` không dùng cho câu hỏi loại {type}",
        "en": "the key `{key}` does not apply to a question of type {type}",
    },
    "problem.bad_difficulty": {
        "vi": "`difficulty` = {value}: độ khó phải là 1 (dễ), 2 (trung bình) hoặc 3 (khó)",
        "en": "`difficulty` = {value}: the difficulty must be 1 (easy), 2 (medium) or 3 (hard)",
    },
    "problem.no_explanation": {
        "vi": "câu hỏi `{id}` chưa có lời giải thích (`explanation`): hãy dẫn đoạn văn bản trả lời "
              "câu hỏi",
        "en": "the question `{id}` has no `explanation`: quote the passage that answers it",
    },
    "problem.count_out_of_range": {
        "vi": "`{key}` có {count} mục, cần từ {low} đến {high}",
        "en": "`{key}` has {count} entries; it needs {low} to {high}",
    },
    "problem.duplicate_choice": {
        "vi": "lựa chọn bị lặp: «{value}»",
        "en": "a choice is repeated: «{value}»",
    },
    "problem.duplicate_answer": {
        "vi": "`answer` có chữ cái bị lặp",
        "en": "`answer` repeats a letter",
    },
    "problem.bad_letter": {
        "vi": "`answer` = \"{value}\" không phải một chữ cái từ A đến H (viết hoa)",
        "en": "`answer` = \"{value}\" is not a capital letter from A to H",
    },
    "problem.letter_without_choice": {
        "vi": "đáp án \"{value}\" không có lựa chọn tương ứng (câu hỏi có {count} lựa chọn)",
        "en": "the answer \"{value}\" names no choice (the question has {count} choices)",
    },
    "problem.not_finite": {"vi": "`{key}` phải là một số hữu hạn",
                           "en": "`{key}` must be a finite number"},
    "problem.negative": {"vi": "`{key}` không được âm", "en": "`{key}` must not be negative"},
    "problem.duplicate_item": {
        "vi": "mục bị lặp trong `items`: «{value}»",
        "en": "an entry of `items` is repeated: «{value}»",
    },
    "problem.bad_pair": {
        "vi": "mỗi phần tử của `pairs` phải là một cặp [\"vế trái\", \"vế phải\"] khác rỗng",
        "en": "each entry of `pairs` must be a pair [\"left\", \"right\"] of non-empty strings",
    },
    "problem.duplicate_left": {
        "vi": "vế trái bị lặp trong `pairs`: «{value}»",
        "en": "a left side is repeated in `pairs`: «{value}»",
    },
    "problem.duplicate_right": {
        "vi": "vế phải bị lặp trong `pairs`: «{value}»",
        "en": "a right side is repeated in `pairs`: «{value}»",
    },
    "problem.too_many_questions": {
        "vi": "ngân hàng có {count} câu hỏi, tối đa {limit}; hãy chia thành nhiều ngân hàng",
        "en": "the bank has {count} questions, at most {limit}; split it into several banks",
    },
    "problem.duplicate_question": {
        "vi": "mã câu hỏi `{id}` đã dùng ở dòng {line}; câu này bị bỏ qua",
        "en": "the question id `{id}` is already used at line {line}; this question is skipped",
    },
    "problem.empty_bank": {
        "vi": "ngân hàng chưa có câu hỏi nào",
        "en": "the bank has no questions",
    },
    "problem.duplicate_bank": {
        "vi": "mã ngân hàng `{id}` đã dùng ở {other}; ngân hàng này bị bỏ qua",
        "en": "the bank id `{id}` is already used at {other}; this bank is skipped",
    },
    "problem.unknown_lesson": {
        "vi": "`lesson` = \"{lesson}\" không phải mã của bài học nào trong bộ nội dung này; "
              "ngân hàng bị bỏ qua",
        "en": "`lesson` = \"{lesson}\" names no lesson of this pack; the bank is skipped",
    },
    "problem.lesson_skipped": {
        "vi": "bài học `{lesson}` không tải được; câu hỏi vẫn dùng được nhưng không gắn với "
              "bài học",
        "en": "the lesson `{lesson}` could not be loaded; its questions stay, without a lesson",
    },
    "problem.lesson_without_questions": {
        "vi": "bài học `{id}` chưa có câu hỏi nào",
        "en": "the lesson `{id}` has no questions",
    },
    "problem.duplicate_lesson": {
        "vi": "mã bài học `{id}` đã dùng ở {other}; bài này bị bỏ qua",
        "en": "the lesson id `{id}` is already used at {other}; this lesson is skipped",
    },
    "problem.duplicate_pack": {
        "vi": "mã bộ nội dung `{id}` đã dùng ở {other}; bộ này bị bỏ qua",
        "en": "the pack id `{id}` is already used at {other}; this pack is skipped",
    },
    "problem.unknown_parent": {
        "vi": "`parent` = \"{parent}\" không phải mã của bài học nào; bài này bị bỏ qua",
        "en": "`parent` = \"{parent}\" names no lesson; this lesson is skipped",
    },
    "problem.parent_skipped": {
        "vi": "bài cha `{parent}` không tải được; bài này được đặt ở cấp cao nhất",
        "en": "the parent `{parent}` could not be loaded; this lesson is shown at the top level",
    },
    "problem.parent_cycle": {
        "vi": "các liên kết `parent` tạo thành vòng lặp: {cycle}; các bài này bị bỏ qua",
        "en": "the `parent` links form a cycle: {cycle}; these lessons are skipped",
    },
    "problem.not_nfc": {
        "vi": "văn bản chưa ở dạng chuẩn NFC (dấu tách rời, thường do chép từ Word hay PDF); "
              "đã chuẩn hóa",
        "en": "the text is not in NFC form (separate accents, often copied from Word or PDF); "
              "it was normalised",
    },
    "problem.control_chars": {
        "vi": "đã xóa ký tự điều khiển, chuỗi thoát (escape) hoặc ký tự vô hình",
        "en": "control characters, escape sequences or invisible characters were removed",
    },
    "problem.body_too_long": {
        "vi": "nội dung bài dài {size} byte, quá khoảng 4 KB; nên tách thành các bài con",
        "en": "the lesson text is {size} bytes, over about 4 KB; split it into child lessons",
    },
    "problem.empty_body": {
        "vi": "bài học không có nội dung",
        "en": "the lesson has no text",
    },
    "problem.no_pack": {
        "vi": "không có bộ nội dung ở đây: một bộ là một thư mục có tệp pack.toml",
        "en": "no pack here: a pack is a folder with a pack.toml file",
    },
    "problem.not_found": {
        "vi": "không tìm thấy tệp hay thư mục này",
        "en": "no such file or folder",
    },
    "problem.not_content": {
        "vi": "không phải tệp nội dung (cần pack.toml, tệp .md trong lessons/ "
              "hoặc tệp .toml trong banks/)",
        "en": "not a content file (expected pack.toml, a .md file in lessons/ "
              "or a .toml file in banks/)",
    },
    "type.string": {"vi": "chuỗi văn bản", "en": "a string"},
    "type.integer": {"vi": "số nguyên", "en": "an integer"},
    "type.number": {"vi": "số", "en": "a number"},
    "type.boolean": {"vi": "true hoặc false", "en": "true or false"},
    "type.array": {"vi": "danh sách", "en": "an array"},
    "type.table": {"vi": "bảng (table)", "en": "a table"},
    "type.string_list": {"vi": "danh sách chuỗi văn bản", "en": "an array of strings"},
    "type.bands": {
        "vi": "danh sách các mức dạng {{ label = \"...\", min = số }}",
        "en": "an array of {{ label = \"...\", min = number }}",
    },
    "type.datetime": {"vi": "ngày giờ", "en": "a date or time"},
    "type.table_list": {"vi": "danh sách các bảng [[...]]", "en": "an array of tables [[...]]"},
    "type.string_or_list": {
        "vi": "chuỗi văn bản hoặc danh sách chuỗi",
        "en": "a string or an array of strings",
    },
    # --- interface: keys ---------------------------------------------------
    "key.quit": {"vi": "Thoát", "en": "Quit"},
    "key.help": {"vi": "Trợ giúp", "en": "Help"},
    "key.lessons": {"vi": "Bài học", "en": "Lessons"},
    "key.search": {"vi": "Tìm", "en": "Search"},
    "key.problems": {"vi": "Lỗi nội dung", "en": "Content problems"},
    "key.next": {"vi": "Bài tiếp", "en": "Next"},
    "key.previous": {"vi": "Bài trước", "en": "Previous"},
    "key.toggle_tree": {"vi": "Mục lục", "en": "Contents"},
    "key.back": {"vi": "Quay lại", "en": "Back"},
    "key.close": {"vi": "Đóng", "en": "Close"},
    "key.down": {"vi": "Xuống", "en": "Down"},
    "key.up": {"vi": "Lên", "en": "Up"},
    "app.quit_hint": {
        "vi": "Muốn thoát chương trình, nhấn Ctrl+Q (hoặc q ở màn hình chính).",
        "en": "To quit, press Ctrl+Q (or q on the home screen).",
    },
    # --- interface: home ---------------------------------------------------
    "home.subtitle": {"vi": "Màn hình chính", "en": "Home"},
    "home.studying": {"vi": "Học tập {source}", "en": "Study {source}"},
    "home.summary": {"vi": "{lessons} bài học", "en": "{lessons} lessons"},
    "home.intro": {
        "vi": "Chương trình giúp chi bộ và từng đảng viên đọc, tìm hiểu nội dung văn bản "
              "theo từng bài, có mục lục và tìm kiếm (gõ có dấu hay không dấu đều được).",
        "en": "Read and study the document lesson by lesson, with a table of contents and "
              "search (with or without diacritics).",
    },
    "home.no_content": {
        "vi": "Chưa có bài học nào. Hãy kiểm tra thư mục nội dung bằng lệnh: studyapp validate",
        "en": "There are no lessons. Check the content folders with: studyapp validate",
    },
    "home.problems": {
        "vi": "⚠ Có {files} tệp nội dung bị bỏ qua vì có lỗi. Nhấn v để xem chi tiết.",
        "en": "⚠ {files} content files were skipped because of errors. Press v for details.",
    },
    "home.what_next": {"vi": "Bạn muốn làm gì?", "en": "What would you like to do?"},
    "home.hint": {
        "vi": "↑ ↓ chọn · Enter mở · hoặc nhấn phím trong ngoặc · dùng được chuột",
        "en": "↑ ↓ choose · Enter opens · or press the key in brackets · the mouse works",
    },
    "home.menu.lessons": {"vi": "Đọc bài học", "en": "Read the lessons"},
    "home.menu.lessons.detail": {
        "vi": "Các phần của văn bản theo mục lục, từng bài một",
        "en": "The document's parts as a table of contents, one lesson at a time",
    },
    "home.menu.search": {"vi": "Tìm kiếm", "en": "Search"},
    "home.menu.search.detail": {
        "vi": "Tìm một từ trong tất cả bài học và mở bài tại chỗ tìm thấy",
        "en": "Find words in every lesson and open the lesson where they occur",
    },
    "home.menu.problems": {"vi": "Xem lỗi nội dung", "en": "Content problems"},
    "home.menu.problems.detail": {
        "vi": "Những tệp bị bỏ qua và lý do",
        "en": "Which files were skipped, and why",
    },
    "home.menu.help": {"vi": "Trợ giúp", "en": "Help"},
    "home.menu.help.detail": {
        "vi": "Các phím dùng trong chương trình",
        "en": "The keys of the program",
    },
    "home.menu.quit": {"vi": "Thoát", "en": "Quit"},
    "home.menu.quit.detail": {"vi": "Đóng chương trình", "en": "Close the program"},
    # --- interface: lessons --------------------------------------------------
    "lessons.subtitle": {"vi": "Bài học", "en": "Lessons"},
    "lessons.last": {"vi": "Đây là bài cuối cùng.", "en": "This is the last lesson."},
    "lessons.first": {"vi": "Đây là bài đầu tiên.", "en": "This is the first lesson."},
    "lesson.meta": {
        "vi": "Nguồn: {source}, {part} · bài {position}/{total}",
        "en": "Source: {source}, {part} · lesson {position} of {total}",
    },
    "lesson.part": {"vi": "mục {part}", "en": "part {part}"},
    "lesson.trail": {"vi": "Thuộc: {trail}", "en": "In: {trail}"},
    "lesson.key_points": {"vi": "Ý chính", "en": "Key points"},
    "lesson.children": {"vi": "Các bài trong phần này:", "en": "Lessons in this part:"},
    "lesson.end_hint": {
        "vi": "— Hết bài. Nhấn n để sang bài tiếp theo, p để về bài trước. —",
        "en": "— End of lesson. Press n for the next lesson, p for the previous one. —",
    },
    # --- interface: search ----------------------------------------------------
    "search.title": {"vi": "Tìm kiếm", "en": "Search"},
    "search.placeholder": {
        "vi": "Gõ từ cần tìm, có dấu hoặc không dấu (ví dụ: kien dinh)",
        "en": "Type what to look for, with or without diacritics (e.g. kien dinh)",
    },
    "search.empty": {
        "vi": "Kết quả sẽ hiện ở đây khi bạn gõ.",
        "en": "Results appear here as you type.",
    },
    "search.none": {"vi": "Không tìm thấy “{query}”.", "en": "Nothing found for “{query}”."},
    "search.count": {"vi": "{count} kết quả cho “{query}”", "en": "{count} results for “{query}”"},
    "search.question": {"vi": "Câu hỏi: {prompt}", "en": "Question: {prompt}"},
    "search.question_truefalse": {
        "vi": "Câu hỏi đúng hay sai: {prompt}",
        "en": "True or false: {prompt}",
    },
    "search.no_lesson": {
        "vi": "Câu hỏi này không gắn với bài học nào.",
        "en": "This question is not linked to a lesson.",
    },
    "search.hint": {
        "vi": "↑ ↓ chọn · Enter mở bài tại chỗ tìm thấy · Esc đóng",
        "en": "↑ ↓ choose · Enter opens the lesson at the match · Esc closes",
    },
    # --- interface: help and problems ------------------------------------------
    "help.title": {"vi": "Trợ giúp — các phím", "en": "Help — keys"},
    "help.screen_keys": {"vi": "Trên màn hình “{screen}”:", "en": "On the “{screen}” screen:"},
    "help.general_keys": {"vi": "Ở mọi nơi:", "en": "Everywhere:"},
    "help.key.arrows": {"vi": "di chuyển giữa các mục, cuộn bài",
                        "en": "move between items, scroll"},
    "help.key.enter": {"vi": "chọn, mở", "en": "choose, open"},
    "help.key.tab": {
        "vi": "chuyển sang vùng khác (mục lục ↔ nội dung bài)",
        "en": "move to the next area (contents ↔ lesson text)",
    },
    "help.key.pages": {"vi": "cuộn từng trang", "en": "scroll a page at a time"},
    "help.key.escape": {"vi": "quay lại, đóng hộp thoại", "en": "go back, close a dialog"},
    "help.key.help": {"vi": "mở trợ giúp này", "en": "open this help"},
    "help.key.quit": {"vi": "thoát chương trình", "en": "quit the program"},
    "help.mouse": {
        "vi": "Có chuột thì nhấp để chọn, cuộn bánh xe để đọc. Nhấn Esc để đóng trợ giúp.",
        "en": "With a mouse, click to choose and use the wheel to scroll. Esc closes this help.",
    },
    "problems.title": {"vi": "Lỗi nội dung", "en": "Content problems"},
    "problems.skipped": {
        "vi": "{count} tệp hoặc thư mục bị bỏ qua:",
        "en": "{count} files or folders were skipped:",
    },
    "problems.all": {"vi": "Tất cả các vấn đề:", "en": "Every problem:"},
    "problems.hint": {
        "vi": "Sửa các tệp trên rồi mở lại chương trình; lệnh studyapp validate cho kết quả "
              "tương tự. Esc để đóng.",
        "en": "Fix these files and start the program again; studyapp validate prints the "
              "same list. Esc closes.",
    },
    # --- quiz -----------------------------------------------------------------
    "quiz.not_enough": {
        "vi": "cần {requested} câu hỏi nhưng chỉ có {available} câu phù hợp với lựa chọn; "
              "hãy giảm số câu hoặc bỏ bớt điều kiện lọc",
        "en": "{requested} questions were asked for but only {available} match the choices; "
              "ask for fewer or loosen the filters",
    },
    "quiz.already_answered": {
        "vi": "câu này đã được trả lời; khi luyện tập, câu trả lời không đổi được",
        "en": "this question has been answered; in practice an answer cannot be changed",
    },
    "quiz.finished": {"vi": "bài đã nộp", "en": "the quiz is finished"},
    "quiz.time_up": {
        "vi": "đã hết giờ; bài được nộp với những câu đã trả lời",
        "en": "time is up; the quiz was handed in with the answers given",
    },
    "quiz.paused": {
        "vi": "đồng hồ đang tạm dừng; hãy tiếp tục để trả lời",
        "en": "the clock is paused; resume to answer",
    },
    "quiz.already_paused": {"vi": "đồng hồ đã tạm dừng", "en": "the clock is already paused"},
    "quiz.not_paused": {"vi": "đồng hồ không tạm dừng", "en": "the clock is not paused"},
    "quiz.no_such_question": {
        "vi": "không có câu {position} (đề có {size} câu)",
        "en": "there is no question {position} (the paper has {size})",
    },
    "quiz.bad_response": {
        "vi": "câu trả lời không hợp với câu hỏi {id}",
        "en": "the response does not fit the question {id}",
    },
    # --- the database ---------------------------------------------------------
    "db.not_database": {
        "vi": "Tệp {path} không phải cơ sở dữ liệu SQLite. Hãy kiểm tra đường dẫn (--db hoặc "
              "STUDYAPP_DB); tệp được giữ nguyên.",
        "en": "{path} is not an SQLite database. Check the path (--db or STUDYAPP_DB); the file "
              "was left as it is.",
    },
    "db.truncated": {
        "vi": "Tệp {path} bị cụt ({size} byte, đầu tệp ghi {expected} byte): có thể do chép dở "
              "hoặc đĩa hỏng. Tệp được giữ nguyên; hãy khôi phục từ bản sao lưu (studyapp db "
              "backup) hoặc dùng tệp khác bằng --db.",
        "en": "{path} is truncated ({size} bytes where its header says {expected}): an "
              "interrupted copy or a failing disk. The file was left as it is; restore it from a "
              "backup (studyapp db backup) or use another file with --db.",
    },
    "db.corrupt": {
        "vi": "Cơ sở dữ liệu {path} bị hỏng ({reason}). Tệp được giữ nguyên; hãy chạy "
              "studyapp db check và khôi phục từ bản sao lưu.",
        "en": "The database {path} is damaged ({reason}). The file was left as it is; run "
              "studyapp db check and restore from a backup.",
    },
    "db.foreign": {
        "vi": "Tệp {path} là cơ sở dữ liệu của một chương trình khác, không phải của studyapp; "
              "tệp được giữ nguyên. Hãy dùng tệp khác bằng --db.",
        "en": "{path} is another program's database, not studyapp's; it was left as it is. Use "
              "another file with --db.",
    },
    "db.newer": {
        "vi": "Cơ sở dữ liệu {path} được tạo bởi phiên bản studyapp mới hơn (lược đồ {version}, "
              "phiên bản này chỉ biết đến {known}). Hãy cập nhật studyapp; tệp được giữ nguyên.",
        "en": "The database {path} was made by a newer studyapp (schema {version}; this one knows "
              "up to {known}). Update studyapp; the file was left as it is.",
    },
    "db.locked": {
        "vi": "Cơ sở dữ liệu {path} đang bị một chương trình khác khóa. Hãy đóng chương trình "
              "đó (hoặc chờ một lát) rồi thử lại.",
        "en": "The database {path} is locked by another program. Close it (or wait a moment) "
              "and try again.",
    },
    "db.read_only": {
        "vi": "Không ghi được vào cơ sở dữ liệu {path} (chỉ đọc). Hãy kiểm tra quyền ghi của "
              "tệp và thư mục, hoặc dùng tệp khác bằng --db.",
        "en": "Cannot write to the database {path} (read-only). Check the file's and folder's "
              "permissions, or use another file with --db.",
    },
    "db.unreadable": {
        "vi": "Không đọc được tệp {path}: {reason}",
        "en": "Cannot read {path}: {reason}",
    },
    "db.cannot_create": {
        "vi": "Không tạo được cơ sở dữ liệu {path}: {reason}",
        "en": "Cannot create the database {path}: {reason}",
    },
    "db.cannot_open": {
        "vi": "Không mở được cơ sở dữ liệu {path} ({reason}).",
        "en": "Cannot open the database {path} ({reason}).",
    },
    "db.failed": {
        "vi": "Lỗi khi dùng cơ sở dữ liệu {path}: {reason}",
        "en": "The database {path} failed: {reason}",
    },
    "db.missing": {
        "vi": "Chưa có cơ sở dữ liệu {path} (chưa có kết quả nào được lưu).",
        "en": "There is no database at {path} yet (nothing has been saved).",
    },
    "db.backup_exists": {
        "vi": "Tệp {path} đã có; hãy chọn tên khác để không ghi đè.",
        "en": "{path} already exists; choose another name so as not to overwrite it.",
    },
    "db.backup_failed": {
        "vi": "Không sao lưu được vào {path}: {reason}",
        "en": "The backup to {path} failed: {reason}",
    },
    "db.check.foreign_key": {
        "vi": "bảng {table}, dòng {rowid}: tham chiếu đến một bản ghi không còn",
        "en": "table {table}, row {rowid}: refers to a record that no longer exists",
    },
    "db.check.old_schema": {
        "vi": "lược đồ {version} cũ hơn lược đồ {known}; sẽ được nâng cấp ở lần ghi tới "
              "(có sao lưu trước)",
        "en": "schema {version} is older than {known}; it will be upgraded at the next write "
              "(after a backup)",
    },
    "db.check.healthy": {
        "vi": "{path}: tốt (lược đồ {version}; {cells} chi bộ, {members} đảng viên, "
              "{sessions} buổi sinh hoạt, {attempts} lượt làm bài, {answers} câu trả lời)",
        "en": "{path}: healthy (schema {version}; {cells} cells, {members} members, "
              "{sessions} sessions, {attempts} attempts, {answers} answers)",
    },
    "db.check.unhealthy": {
        "vi": "{path}: có vấn đề (lược đồ {version}):",
        "en": "{path}: problems found (schema {version}):",
    },
    "db.backup_done": {"vi": "Đã sao lưu vào {path}", "en": "Backed up to {path}"},
    # --- the store --------------------------------------------------------------
    "store.member_empty": {"vi": "hãy nhập họ và tên", "en": "give a full name"},
    "store.cell_empty": {"vi": "hãy nhập tên chi bộ", "en": "give the cell's name"},
    "store.name_too_long": {
        "vi": "tên dài {length} ký tự, tối đa {limit}",
        "en": "the name is {length} characters long, at most {limit}",
    },
    "store.duplicate_member": {
        "vi": "“{name}” đã có trong danh sách chi bộ. Nếu đúng là hai người trùng họ tên, "
              "hãy thêm với --allow-duplicate.",
        "en": "“{name}” is already on the cell's roster. If two people really share the name, "
              "add with --allow-duplicate.",
    },
    "store.no_cell": {"vi": "không có chi bộ “{name}”", "en": "there is no cell “{name}”"},
    "store.no_member": {
        "vi": "không có đảng viên “{name}” trong chi bộ",
        "en": "there is no member “{name}” in the cell",
    },
    "store.ambiguous_member": {
        "vi": "có {count} người tên “{name}”; hãy chỉ rõ bằng --id (xem: studyapp members "
              "list --format json)",
        "en": "{count} people are called “{name}”; say which with --id (see: studyapp members "
              "list --format json)",
    },
    "store.no_session": {"vi": "không có buổi sinh hoạt {id}", "en": "there is no session {id}"},
    "store.no_attempt": {"vi": "không có lượt làm bài {id}", "en": "there is no attempt {id}"},
    "store.session_closed": {
        "vi": "buổi sinh hoạt đã kết thúc: kết quả của buổi không thay đổi được nữa",
        "en": "the session is closed: its results can no longer change",
    },
    "store.pin_needed": {
        "vi": "việc này cần mã PIN của bí thư chi bộ",
        "en": "this needs the cell secretary's PIN",
    },
    "store.pin_wrong": {"vi": "mã PIN không đúng", "en": "the PIN is wrong"},
    "store.who": {
        "vi": "lượt làm bài cần một đảng viên hoặc tên khách",
        "en": "an attempt needs a member or a guest's name",
    },
    "store.question_gone": {
        "vi": "câu hỏi {id} của lượt làm bài này không còn trong ngân hàng câu hỏi; không "
              "tiếp tục được",
        "en": "the question {id} of this attempt is no longer in the banks; it cannot resume",
    },
    # --- printed papers ----------------------------------------------------------
    "paper.title": {"vi": "BÀI KIỂM TRA — {title}", "en": "TEST — {title}"},
    "paper.key_title": {"vi": "ĐÁP ÁN — {title}", "en": "ANSWER KEY — {title}"},
    "paper.meta": {
        "vi": "{source} · {count} câu · Mã đề: {seed}",
        "en": "{source} · {count} questions · Paper code: {seed}",
    },
    "paper.fields": {
        "vi": "Họ và tên: ..................................................   "
              "Chi bộ: ..................................   Ngày: ..../..../........",
        "en": "Name: ..................................................   "
              "Cell: ..................................   Date: ..../..../........",
    },
    "paper.question": {"vi": "Câu {number}.", "en": "Question {number}."},
    "paper.key_number": {"vi": "Câu {number}:", "en": "Question {number}:"},
    "paper.how.single": {"vi": "Khoanh tròn một chữ cái đúng.",
                         "en": "Circle the one right letter."},
    "paper.how.multi": {"vi": "Khoanh tròn tất cả các chữ cái đúng.",
                        "en": "Circle every right letter."},
    "paper.how.truefalse": {"vi": "Khoanh tròn Đúng hoặc Sai.", "en": "Circle True or False."},
    "paper.how.fill": {"vi": "Viết từ còn thiếu vào dòng trả lời.",
                       "en": "Write the missing words on the answer line."},
    "paper.how.number": {"vi": "Viết con số vào dòng trả lời.",
                         "en": "Write the number on the answer line."},
    "paper.how.order": {
        "vi": "Đánh số 1, 2, 3… vào ô trước mỗi ý theo đúng thứ tự.",
        "en": "Number the boxes 1, 2, 3… in the right order.",
    },
    "paper.how.match": {
        "vi": "Ghép mỗi ý bên trái (1, 2, …) với một ý bên phải (A, B, …).",
        "en": "Match each item on the left (1, 2, …) with one on the right (A, B, …).",
    },
    "paper.true_false": {"vi": "Đúng        Sai", "en": "True        False"},
    "paper.true": {"vi": "Đúng", "en": "True"},
    "paper.false": {"vi": "Sai", "en": "False"},
    "paper.answer_line": {
        "vi": "Trả lời: ..........................................................................",
        "en": "Answer: ..........................................................................",
    },
    # --- command line ----------------------------------------------------
    "cli.description": {
        "vi": "studyapp: học tập và kiểm tra nghị quyết, ngoại tuyến, trong terminal. "
              "Không có lệnh con thì mở giao diện.",
        "en": "studyapp: study a Party document and test what was learned, offline, in a "
              "terminal. With no subcommand it opens the interface.",
    },
    "cli.opt.content": {
        "vi": "thư mục nội dung (một bộ hoặc thư mục chứa nhiều bộ); lặp lại được; "
              "thay cho nội dung kèm theo trừ khi có --with-bundled",
        "en": "a content folder (one pack or a folder of packs); repeatable; replaces the "
              "bundled packs unless --with-bundled is given",
    },
    "cli.opt.with_bundled": {
        "vi": "vẫn dùng nội dung kèm theo khi có --content",
        "en": "keep the bundled packs when --content is given",
    },
    "cli.opt.db": {
        "vi": "tệp cơ sở dữ liệu điểm (mặc định: STUDYAPP_DB, rồi thư mục dữ liệu người dùng)",
        "en": "the score database (default: STUDYAPP_DB, then the user data directory)",
    },
    "cli.opt.lang": {"vi": "ngôn ngữ giao diện (mặc định vi)",
                     "en": "interface language (default vi)"},
    "cli.opt.format": {"vi": "định dạng đầu ra", "en": "output format"},
    "cli.opt.strict": {"vi": "coi cảnh báo là lỗi", "en": "treat warnings as errors"},
    "cli.opt.limit": {"vi": "số kết quả tối đa (mặc định 20)",
                      "en": "at most this many results (default 20)"},
    "cli.cmd.validate": {"vi": "kiểm tra nội dung (bộ, bài học, ngân hàng câu hỏi)",
                         "en": "check content (packs, lessons, question banks)"},
    "cli.arg.paths": {"vi": "thư mục hoặc tệp cần kiểm tra (mặc định: nội dung đang dùng)",
                      "en": "folders or files to check (default: the content in use)"},
    "cli.cmd.lessons": {"vi": "in cây bài học", "en": "print the lesson tree"},
    "cli.cmd.search": {"vi": "tìm trong bài học (không phân biệt hoa thường, có dấu hay không)",
                       "en": "search the lessons (ignores case and diacritics)"},
    "cli.arg.query": {"vi": "từ cần tìm", "en": "what to look for"},
    "cli.cmd.questions": {
        "vi": "liệt kê câu hỏi kèm đáp án",
        "en": "list questions with their answers",
    },
    "cli.cmd.paper": {
        "vi": "tạo một đề kiểm tra (cùng mã đề cho cùng một đề), để in hoặc để xem",
        "en": "draw a test paper (the same seed gives the same paper), to print or inspect",
    },
    "cli.opt.pack": {
        "vi": "chỉ bộ nội dung này (lặp lại được)",
        "en": "only this pack (repeatable)",
    },
    "cli.opt.bank": {"vi": "chỉ ngân hàng này (lặp lại được)", "en": "only this bank (repeatable)"},
    "cli.opt.lesson": {"vi": "chỉ bài học này và các bài con (lặp lại được)",
                       "en": "only this lesson and its children (repeatable)"},
    "cli.opt.tag": {
        "vi": "chỉ câu có thẻ này (lặp lại được)",
        "en": "only questions with this tag (repeatable)",
    },
    "cli.opt.type": {
        "vi": "chỉ loại câu hỏi này (lặp lại được)",
        "en": "only this question type (repeatable)",
    },
    "cli.opt.difficulty": {"vi": "chỉ độ khó này: 1, 2 hoặc 3 (lặp lại được)",
                           "en": "only this difficulty: 1, 2 or 3 (repeatable)"},
    "cli.opt.count": {"vi": "số câu hỏi", "en": "how many questions"},
    "cli.opt.seed": {"vi": "mã đề (cùng mã cho cùng đề); mặc định: ngẫu nhiên",
                     "en": "the paper's seed (the same seed, the same paper); default: random"},
    "cli.opt.answer_key": {
        "vi": "in đáp án của đề thay cho đề",
        "en": "print the paper's answer key instead",
    },
    "cli.key_needs_seed": {
        "vi": "--answer-key cần --seed: mã đề in trên đề cần chấm",
        "en": "--answer-key needs --seed: the paper code printed on the paper to mark",
    },
    "cli.unknown_filter": {
        "vi": "không có {kind} `{value}`{suggestion}",
        "en": "there is no {kind} `{value}`{suggestion}",
    },
    "cli.filter.pack": {"vi": "bộ nội dung", "en": "pack"},
    "cli.filter.bank": {"vi": "ngân hàng", "en": "bank"},
    "cli.filter.lesson": {"vi": "bài học", "en": "lesson"},
    "cli.filter.tag": {"vi": "thẻ", "en": "tag"},
    "cli.no_questions": {"vi": "Không có câu hỏi nào phù hợp.", "en": "No question matches."},
    "cli.cmd.members": {
        "vi": "danh sách đảng viên của chi bộ: list, add, import, remove, pin",
        "en": "a cell's roster: list, add, import, remove, pin",
    },
    "cli.arg.members_action": {"vi": "việc cần làm", "en": "what to do"},
    "cli.arg.members_name": {
        "vi": "họ và tên (add, remove) hoặc tệp danh sách, mỗi dòng một tên (import)",
        "en": "a full name (add, remove) or a file with one name a line (import)",
    },
    "cli.opt.cell": {"vi": "tên chi bộ", "en": "the cell's name"},
    "cli.opt.allow_duplicate": {
        "vi": "thêm dù đã có người trùng họ tên",
        "en": "add even if someone has the same name",
    },
    "cli.opt.member_id": {
        "vi": "mã đảng viên, khi có người trùng tên",
        "en": "the member's id, when names are shared",
    },
    "cli.opt.pin": {
        "vi": "mã PIN của bí thư (hoặc biến STUDYAPP_PIN)",
        "en": "the secretary's PIN (or STUDYAPP_PIN)",
    },
    "cli.opt.new_pin": {"vi": "mã PIN mới (pin)", "en": "the new PIN (pin)"},
    "cli.opt.clear_pin": {"vi": "bỏ mã PIN (pin)", "en": "remove the PIN (pin)"},
    "cli.cmd.db": {
        "vi": "kiểm tra (check) hoặc sao lưu (backup -o TỆP) cơ sở dữ liệu",
        "en": "check (check) or back up (backup -o FILE) the database",
    },
    "cli.opt.output": {"vi": "tệp kết quả", "en": "the output file"},
    "cli.cmd.locate": {
        "vi": "cho biết cấu hình, dữ liệu và cơ sở dữ liệu nằm ở đâu",
        "en": "where the config, data and database live",
    },
    "cli.cmd.demo": {
        "vi": "điền dữ liệu mẫu (tên người, kết quả đều là giả) vào một cơ sở dữ liệu mới",
        "en": "fill a new database with made-up data (names and results are invented)",
    },
    "cli.opt.demo_seed": {"vi": "hạt giống ngẫu nhiên", "en": "random seed"},
    "cli.opt.demo_cells": {"vi": "số chi bộ", "en": "how many cells"},
    "cli.opt.demo_members": {"vi": "số đảng viên mỗi chi bộ", "en": "members per cell"},
    "cli.opt.demo_sessions": {"vi": "số buổi sinh hoạt mỗi chi bộ", "en": "sessions per cell"},
    "cli.opt.demo_questions": {"vi": "số câu mỗi bài kiểm tra", "en": "questions per test"},
    "cli.not_positive": {"vi": "“{value}” phải là số lớn hơn 0", "en": "“{value}” must be above 0"},
    "cli.members_needs_name": {
        "vi": "members {action} cần họ tên (hoặc tệp)",
        "en": "members {action} needs a name (or a file)",
    },
    "cli.members_needs_cell": {
        "vi": "members {action} cần --cell TÊN_CHI_BỘ",
        "en": "members {action} needs --cell NAME",
    },
    "cli.backup_needs_output": {
        "vi": "db backup cần -o TỆP (tệp chưa có)",
        "en": "db backup needs -o FILE (a new file)",
    },
    "members.heading": {"vi": "{cell} ({count} đảng viên)", "en": "{cell} ({count} members)"},
    "members.added": {"vi": "Đã thêm “{name}” vào {cell}.", "en": "Added “{name}” to {cell}."},
    "members.removed": {
        "vi": "Đã đưa “{name}” ra khỏi danh sách {cell} (kết quả cũ vẫn được giữ).",
        "en": "Took “{name}” off the {cell} roster (past results are kept).",
    },
    "members.imported": {
        "vi": "Đã thêm {added} người vào {cell}.",
        "en": "Added {added} to {cell}.",
    },
    "members.import_duplicate": {
        "vi": "bỏ qua “{name}”: đã có trong danh sách",
        "en": "skipped “{name}”: already on the roster",
    },
    "members.cannot_read": {
        "vi": "không đọc được tệp {path}: {reason}",
        "en": "cannot read {path}: {reason}",
    },
    "members.not_utf8": {
        "vi": "tệp {path} không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8",
        "en": "{path} is not UTF-8 text; save it again as UTF-8",
    },
    "members.pin_set": {"vi": "Đã đặt mã PIN cho {cell}.", "en": "The PIN of {cell} is set."},
    "members.pin_cleared": {
        "vi": "Đã bỏ mã PIN của {cell}.",
        "en": "The PIN of {cell} is removed.",
    },
    "members.pin_how": {
        "vi": "hãy cho mã PIN mới bằng --new-pin (hoặc chạy trong terminal để nhập)",
        "en": "give the new PIN with --new-pin (or run in a terminal to type it)",
    },
    "members.pin_prompt": {"vi": "Mã PIN mới: ", "en": "New PIN: "},
    "members.pin_again": {"vi": "Nhập lại mã PIN mới: ", "en": "The new PIN again: "},
    "members.pin_mismatch": {
        "vi": "hai lần nhập mã PIN không khớp (hoặc để trống)",
        "en": "the two PINs differ (or are empty)",
    },
    "locate.config": {"vi": "Tệp cấu hình", "en": "Config file"},
    "locate.data": {"vi": "Thư mục dữ liệu", "en": "Data folder"},
    "locate.cache": {"vi": "Thư mục bộ nhớ đệm", "en": "Cache folder"},
    "locate.database": {"vi": "Cơ sở dữ liệu", "en": "Database"},
    "locate.content": {"vi": "Nội dung kèm theo", "en": "Bundled content"},
    "demo.done": {
        "vi": "Đã điền dữ liệu mẫu vào {path}: {cells} chi bộ, {members} đảng viên, "
              "{sessions} buổi sinh hoạt, {attempts} lượt làm bài, {answers} câu trả lời.",
        "en": "Filled {path} with made-up data: {cells} cells, {members} members, "
              "{sessions} sessions, {attempts} attempts, {answers} answers.",
    },
    "demo.not_empty": {
        "vi": "Cơ sở dữ liệu {path} đã có dữ liệu; dữ liệu mẫu không được trộn với dữ liệu "
              "thật. Hãy dùng một tệp mới: studyapp demo --db TỆP_MỚI",
        "en": "The database {path} already has data; made-up data is never mixed with real "
              "data. Use a new file: studyapp demo --db NEW_FILE",
    },
    "demo.no_questions": {
        "vi": "không có câu hỏi nào để làm bài mẫu",
        "en": "there are no questions to take made-up tests from",
    },
    "cli.validate_summary": {
        "vi": "{files} tệp: {errors} lỗi, {warnings} cảnh báo",
        "en": "{files} files: {errors} errors, {warnings} warnings",
    },
    "cli.pack_counts": {
        "vi": "{pack}: {lessons} bài học, {questions} câu hỏi ({types})",
        "en": "{pack}: {lessons} lessons, {questions} questions ({types})",
    },
    "cli.problems_hidden": {
        "vi": "{warnings} cảnh báo về nội dung; xem bằng: studyapp validate",
        "en": "{warnings} content warnings; see them with: studyapp validate",
    },
    "cli.no_results": {"vi": "Không tìm thấy “{query}”.", "en": "Nothing found for “{query}”."},
    "cli.empty_query": {"vi": "hãy nhập từ cần tìm", "en": "give something to look for"},
    "cli.no_content_dir": {
        "vi": "không có thư mục nội dung {path} (từ {origin}); hãy kiểm tra lại đường dẫn",
        "en": "the content folder {path} does not exist (from {origin}); check the path",
    },
    "cli.config_problem": {
        "vi": "cảnh báo: bỏ qua tệp cấu hình {path}: {reason}",
        "en": "warning: ignoring the config file {path}: {reason}",
    },
    "cli.config_bad_key": {
        "vi": "khóa `{key}` phải là {expected}",
        "en": "the key `{key}` must be {expected}",
    },
    "cli.interrupted": {"vi": "Đã dừng.", "en": "Stopped."},
    "cli.bad_limit": {"vi": "--limit phải lớn hơn 0", "en": "--limit must be greater than 0"},
    "cli.no_lessons": {"vi": "Chưa có bài học nào.", "en": "There are no lessons."},
}
