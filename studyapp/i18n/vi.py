"""Interface strings in Vietnamese, the default language.

The same keys as the other catalog, with the same `{placeholders}` (a test checks);
keys are grouped by where they are used."""

MESSAGES: dict[str, str] = {
    # --- content problems (validator) -------------------------------------
    "problem.not_utf8": (
        "tệp không phải văn bản UTF-8 (byte 0x{byte:02X} ở đây); hãy lưu lại tệp với bảng mã UTF-8"
    ),
    "problem.too_large": "tệp quá lớn ({size} byte, tối đa {limit} byte); hãy chia thành nhiều tệp",
    "problem.unreadable": "không đọc được tệp: {reason}",
    "problem.toml_syntax": "lỗi cú pháp TOML: {detail}{near}",
    "problem.too_deep": "tệp TOML lồng nhau quá sâu, không đọc được ({detail})",
    "problem.toml_near": " — {lines}",
    "problem.toml_line": "dòng {number}: «{text}»",
    "problem.no_front_matter": (
        "bài học thiếu phần đầu (front matter): tệp phải bắt đầu bằng một dòng `+++`, tiếp theo là "
        "các khóa TOML, rồi một dòng `+++` nữa"
    ),
    "problem.front_matter_unclosed": (
        "phần đầu (front matter) mở bằng `+++` nhưng không có dòng `+++` đóng lại"
    ),
    "problem.missing_key": "thiếu khóa bắt buộc `{key}`",
    "problem.unknown_key": "khóa không xác định `{key}`{suggestion}",
    "problem.did_you_mean": "; có phải ý bạn là `{match}`?",
    "problem.wrong_type": "`{key}` phải là {expected}, không phải {actual}",
    "problem.bad_id": "`{key}` = \"{value}\" chỉ được gồm chữ thường a-z, chữ số 0-9 và dấu '-'",
    "problem.empty_value": "`{key}` không được để trống",
    "problem.key_points_count": "`key_points` phải có từ 1 đến 10 ý, không phải {count}",
    "problem.unknown_format": (
        "`format` = {value}: chương trình chỉ đọc được định dạng {known}; hãy cập nhật studyapp"
    ),
    "problem.bad_language": "`language` = \"{value}\" không phải mã ngôn ngữ (ví dụ \"vi\")",
    "problem.not_positive": "`{key}` phải lớn hơn 0",
    "problem.out_of_scale": "`{key}` = {value} nằm ngoài thang điểm 0..{scale}",
    "problem.bands_order": "`bands` phải xếp từ mức cao nhất xuống thấp nhất",
    "problem.bands_floor": (
        "không có mức xếp loại cho điểm dưới {value}; thường mức cuối cùng có min = 0"
    ),
    "problem.unknown_type": (
        "`type` = \"{value}\" không phải loại câu hỏi nào (single, multi, truefalse, fill, number, "
        "order, match){suggestion}"
    ),
    "problem.key_not_for_type": "khóa `{key}` không dùng cho câu hỏi loại {type}",
    "problem.bad_difficulty": (
        "`difficulty` = {value}: độ khó phải là 1 (dễ), 2 (trung bình) hoặc 3 (khó)"
    ),
    "problem.no_explanation": (
        "câu hỏi `{id}` chưa có lời giải thích (`explanation`): hãy dẫn đoạn văn bản trả lời câu "
        "hỏi"
    ),
    "problem.count_out_of_range": "`{key}` có {count} mục, cần từ {low} đến {high}",
    "problem.duplicate_choice": "lựa chọn bị lặp: «{value}»",
    "problem.duplicate_answer": "`answer` có chữ cái bị lặp",
    "problem.bad_letter": "`answer` = \"{value}\" không phải một chữ cái từ A đến H (viết hoa)",
    "problem.letter_without_choice": (
        "đáp án \"{value}\" không có lựa chọn tương ứng (câu hỏi có {count} lựa chọn)"
    ),
    "problem.not_finite": "`{key}` phải là một số hữu hạn",
    "problem.negative": "`{key}` không được âm",
    "problem.duplicate_item": "mục bị lặp trong `items`: «{value}»",
    "problem.bad_pair": (
        "mỗi phần tử của `pairs` phải là một cặp [\"vế trái\", \"vế phải\"] khác rỗng"
    ),
    "problem.duplicate_left": "vế trái bị lặp trong `pairs`: «{value}»",
    "problem.duplicate_right": "vế phải bị lặp trong `pairs`: «{value}»",
    "problem.too_many_questions": (
        "ngân hàng có {count} câu hỏi, tối đa {limit}; hãy chia thành nhiều ngân hàng"
    ),
    "problem.duplicate_question": "mã câu hỏi `{id}` đã dùng ở dòng {line}; câu này bị bỏ qua",
    "problem.empty_bank": "ngân hàng chưa có câu hỏi nào",
    "problem.duplicate_bank": "mã ngân hàng `{id}` đã dùng ở {other}; ngân hàng này bị bỏ qua",
    "problem.unknown_lesson": (
        "`lesson` = \"{lesson}\" không phải mã của bài học nào trong bộ nội dung này; ngân hàng bị "
        "bỏ qua"
    ),
    "problem.lesson_skipped": (
        "bài học `{lesson}` không tải được; câu hỏi vẫn dùng được nhưng không gắn với bài học"
    ),
    "problem.lesson_without_questions": "bài học `{id}` chưa có câu hỏi nào",
    "problem.duplicate_lesson": "mã bài học `{id}` đã dùng ở {other}; bài này bị bỏ qua",
    "problem.duplicate_pack": "mã bộ nội dung `{id}` đã dùng ở {other}; bộ này bị bỏ qua",
    "problem.unknown_parent": (
        "`parent` = \"{parent}\" không phải mã của bài học nào; bài này bị bỏ qua"
    ),
    "problem.parent_skipped": "bài cha `{parent}` không tải được; bài này được đặt ở cấp cao nhất",
    "problem.parent_cycle": (
        "các liên kết `parent` tạo thành vòng lặp: {cycle}; các bài này bị bỏ qua"
    ),
    "problem.not_nfc": (
        "văn bản chưa ở dạng chuẩn NFC (dấu tách rời, thường do chép từ Word hay PDF); đã chuẩn hóa"
    ),
    "problem.control_chars": "đã xóa ký tự điều khiển, chuỗi thoát (escape) hoặc ký tự vô hình",
    "problem.body_too_long": (
        "nội dung bài dài {size} byte, quá khoảng 4 KB; nên tách thành các bài con"
    ),
    "problem.empty_body": "bài học không có nội dung",
    "problem.no_pack": "không có bộ nội dung ở đây: một bộ là một thư mục có tệp pack.toml",
    "problem.not_found": "không tìm thấy tệp hay thư mục này",
    "problem.not_content": (
        "không phải tệp nội dung (cần pack.toml, tệp .md trong lessons/ hoặc tệp .toml trong "
        "banks/)"
    ),
    "type.string": "chuỗi văn bản",
    "type.integer": "số nguyên",
    "type.number": "số",
    "type.boolean": "true hoặc false",
    "type.array": "danh sách",
    "type.table": "bảng (table)",
    "type.string_list": "danh sách chuỗi văn bản",
    "type.bands": "danh sách các mức dạng {{ label = \"...\", min = số }}",
    "type.datetime": "ngày giờ",
    "type.table_list": "danh sách các bảng [[...]]",
    "type.string_or_list": "chuỗi văn bản hoặc danh sách chuỗi",
    # --- interface: keys ---------------------------------------------------
    "key.quit": "Thoát",
    "key.help": "Trợ giúp",
    "key.lessons": "Bài học",
    "key.search": "Tìm",
    "key.problems": "Lỗi nội dung",
    "key.next": "Bài tiếp",
    "key.previous": "Bài trước",
    "key.toggle_tree": "Ẩn/hiện mục lục",
    "key.back": "Quay lại",
    "key.close": "Đóng",
    "key.down": "Xuống",
    "key.up": "Lên",
    "app.quit_hint": "Muốn thoát chương trình, nhấn Ctrl+Q (hoặc q ở màn hình chính).",
    # --- interface: home ---------------------------------------------------
    "home.subtitle": "Màn hình chính",
    "home.studying": "Học tập {source}",
    "home.summary": "{lessons} bài học",
    "home.intro": "Đọc bài, luyện tập, kiểm tra; điểm được lưu ngay trên máy này.",
    "home.no_content": (
        "Chưa có bài học nào. Hãy kiểm tra thư mục nội dung bằng lệnh: studyapp validate"
    ),
    "home.problems": "⚠ Có {files} tệp nội dung bị bỏ qua vì có lỗi. Nhấn v để xem chi tiết.",
    "home.what_next": "Bạn muốn làm gì?",
    "home.hint": "↑ ↓ chọn · Enter mở · hoặc nhấn phím trong ngoặc · dùng được chuột",
    "home.menu.lessons": "Đọc bài học",
    "home.menu.lessons.detail": "Các phần của văn bản, theo mục lục",
    "home.menu.search": "Tìm kiếm",
    "home.menu.search.detail": "Một từ trong bài học và câu hỏi",
    "home.menu.problems": "Xem lỗi nội dung",
    "home.menu.problems.detail": "Những tệp bị bỏ qua và lý do",
    "home.menu.help": "Trợ giúp",
    "home.menu.help.detail": "Các phím dùng trong chương trình",
    "home.menu.quit": "Thoát",
    "home.menu.quit.detail": "Đóng chương trình",
    # --- interface: lessons --------------------------------------------------
    "lessons.subtitle": "Bài học",
    "lessons.last": "Đây là bài cuối cùng.",
    "lessons.first": "Đây là bài đầu tiên.",
    "lesson.meta": "Bài {position}/{total} · Nguồn: {source}, {part}",
    "lesson.part": "mục {part}",
    "lesson.trail": "Thuộc: {trail}",
    "lesson.key_points": "Ý chính",
    "lesson.children": "Các bài trong phần này:",
    "lesson.end_hint": "— Hết bài. Nhấn n để sang bài tiếp theo, p để về bài trước. —",
    # --- interface: search ----------------------------------------------------
    "search.title": "Tìm kiếm",
    "search.placeholder": "Gõ từ cần tìm, có dấu hoặc không dấu (ví dụ: kien dinh)",
    "search.empty": "Kết quả sẽ hiện ở đây khi bạn gõ.",
    "search.none": "Không tìm thấy “{query}”.",
    "search.count": "{count} kết quả cho “{query}”",
    "search.question": "Câu hỏi: {prompt}",
    "search.question_truefalse": "Câu hỏi đúng hay sai: {prompt}",
    "search.no_lesson": "Câu hỏi này không gắn với bài học nào.",
    "search.hint": "↑ ↓ chọn · Enter mở bài tại chỗ tìm thấy · Esc đóng",
    # --- interface: help and problems ------------------------------------------
    "help.title": "Trợ giúp — các phím",
    "help.screen_keys": "Các phím ở đây ({screen}):",
    "help.general_keys": "Ở mọi nơi:",
    "help.key.arrows": "di chuyển giữa các mục, cuộn bài",
    "help.key.enter": "chọn, mở",
    "help.key.tab": "chuyển sang vùng khác (mục lục ↔ nội dung bài)",
    "help.key.pages": "cuộn từng trang",
    "help.key.escape": "quay lại, đóng hộp thoại",
    "help.key.help": "mở trợ giúp này",
    "help.key.quit": "thoát chương trình",
    "help.mouse": "Có chuột thì nhấp để chọn, cuộn bánh xe để đọc. Nhấn Esc để đóng trợ giúp.",
    "problems.title": "Lỗi nội dung",
    "problems.skipped": "{count} tệp hoặc thư mục bị bỏ qua:",
    "problems.all": "Tất cả các vấn đề:",
    "problems.hint": (
        "Sửa các tệp trên rồi mở lại chương trình; lệnh studyapp validate cho kết quả tương tự. "
        "Esc để đóng."
    ),
    # --- quiz -----------------------------------------------------------------
    "quiz.not_enough": (
        "cần {requested} câu hỏi nhưng chỉ có {available} câu phù hợp với lựa chọn; hãy giảm số "
        "câu hoặc bỏ bớt điều kiện lọc"
    ),
    "quiz.already_answered": "câu này đã được trả lời; khi luyện tập, câu trả lời không đổi được",
    "quiz.finished": "bài đã nộp",
    "quiz.time_up": "đã hết giờ; bài được nộp với những câu đã trả lời",
    "quiz.paused": "đồng hồ đang tạm dừng; hãy tiếp tục để trả lời",
    "quiz.already_paused": "đồng hồ đã tạm dừng",
    "quiz.not_paused": "đồng hồ không tạm dừng",
    "quiz.no_such_question": "không có câu {position} (đề có {size} câu)",
    "quiz.bad_response": "câu trả lời không hợp với câu hỏi {id}",
    # --- the database ---------------------------------------------------------
    "db.not_database": (
        "Tệp {path} không phải cơ sở dữ liệu SQLite. Hãy kiểm tra đường dẫn (--db hoặc "
        "STUDYAPP_DB); tệp được giữ nguyên."
    ),
    "db.truncated": (
        "Tệp {path} bị cụt ({size} byte, đầu tệp ghi {expected} byte): có thể do chép dở hoặc đĩa "
        "hỏng. Tệp được giữ nguyên; hãy khôi phục từ bản sao lưu (studyapp db backup) hoặc dùng "
        "tệp khác bằng --db."
    ),
    "db.corrupt": (
        "Cơ sở dữ liệu {path} bị hỏng ({reason}). Tệp được giữ nguyên; hãy chạy studyapp db check "
        "và khôi phục từ bản sao lưu."
    ),
    "db.wal_foreign": (
        "Tệp nhật ký {wal} không thuộc cơ sở dữ liệu {path} (có lẽ được chép từ một máy khác): mở "
        "chung sẽ làm hỏng cơ sở dữ liệu. Cả hai tệp được giữ nguyên. Hãy chuyển {wal} ra chỗ khác "
        "(nếu nó đi cùng một tệp cơ sở dữ liệu khác, hãy đặt lại cạnh tệp ấy) rồi chạy lại."
    ),
    "db.wal_not_wal": (
        "Tệp {wal} cạnh cơ sở dữ liệu {path} không phải tệp nhật ký WAL của SQLite. Cả hai tệp "
        "được giữ nguyên; hãy chuyển {wal} ra chỗ khác rồi chạy lại."
    ),
    "db.damaged_no_write": (
        "Cơ sở dữ liệu {path} bị hỏng ({reason}), nên chương trình không ghi gì thêm vào đó. Tệp "
        "được giữ nguyên; hãy chạy studyapp db check và khôi phục từ bản sao lưu (bản tạo bằng "
        "studyapp db backup, hoặc các tệp …before-v…sqlite3 cạnh nó)."
    ),
    "db.foreign": (
        "Tệp {path} là cơ sở dữ liệu của một chương trình khác, không phải của studyapp; tệp được "
        "giữ nguyên. Hãy dùng tệp khác bằng --db."
    ),
    "db.newer": (
        "Cơ sở dữ liệu {path} được tạo bởi phiên bản studyapp mới hơn (lược đồ {version}, phiên "
        "bản này chỉ biết đến {known}). Hãy cập nhật studyapp; tệp được giữ nguyên."
    ),
    "db.locked": (
        "Cơ sở dữ liệu {path} đang bị một chương trình khác khóa. Hãy đóng chương trình đó (hoặc "
        "chờ một lát) rồi thử lại."
    ),
    "db.read_only": (
        "Không ghi được vào cơ sở dữ liệu {path} (chỉ đọc). Hãy kiểm tra quyền ghi của tệp và thư "
        "mục, hoặc dùng tệp khác bằng --db."
    ),
    "db.unreadable": "Không đọc được tệp {path}: {reason}",
    "db.cannot_create": "Không tạo được cơ sở dữ liệu {path}: {reason}",
    "db.cannot_open": "Không mở được cơ sở dữ liệu {path} ({reason}).",
    "db.failed": "Lỗi khi dùng cơ sở dữ liệu {path}: {reason}",
    "db.missing": "Chưa có cơ sở dữ liệu {path} (chưa có kết quả nào được lưu).",
    "db.backup_exists": "Tệp {path} đã có; hãy chọn tên khác để không ghi đè.",
    "db.backup_failed": "Không sao lưu được vào {path}: {reason}",
    "db.check.foreign_key": "bảng {table}, dòng {rowid}: tham chiếu đến một bản ghi không còn",
    "db.check.old_schema": (
        "lược đồ {version} cũ hơn lược đồ {known}; sẽ được nâng cấp ở lần ghi tới (có sao lưu "
        "trước)"
    ),
    "db.check.healthy": (
        "{path}: tốt (lược đồ {version}; {cells} chi bộ, {members} đảng viên, {sessions} buổi sinh "
        "hoạt, {attempts} lượt làm bài, {answers} câu trả lời)"
    ),
    "db.check.unhealthy": "{path}: có vấn đề (lược đồ {version}):",
    "db.backup_done": "Đã sao lưu vào {path}",
    # --- the store --------------------------------------------------------------
    "store.member_empty": "hãy nhập họ và tên",
    "store.cell_empty": "hãy nhập tên chi bộ",
    "store.name_too_long": "tên dài {length} ký tự, tối đa {limit}",
    "store.duplicate_member": "“{name}” đã có trong danh sách chi bộ.",
    "store.no_cell": "không có chi bộ “{name}”",
    "store.no_member": "không có đảng viên “{name}” trong chi bộ",
    "store.ambiguous_member": (
        "có {count} người tên “{name}”; hãy chỉ rõ bằng --id (xem: studyapp members list --format "
        "json)"
    ),
    "store.no_session": "không có buổi sinh hoạt {id}",
    "store.no_attempt": "không có lượt làm bài {id}",
    "store.session_closed": "buổi sinh hoạt đã kết thúc: kết quả của buổi không thay đổi được nữa",
    "store.pin_needed": "việc này cần mã PIN của bí thư chi bộ",
    "store.pin_wrong": "mã PIN không đúng",
    "store.who": "lượt làm bài cần một đảng viên hoặc tên khách",
    "store.question_gone": (
        "câu hỏi {id} của lượt làm bài này không còn trong ngân hàng câu hỏi; không tiếp tục được"
    ),
    # --- printed papers ----------------------------------------------------------
    "paper.title": "BÀI KIỂM TRA — {title}",
    "paper.key_title": "ĐÁP ÁN — {title}",
    "paper.meta": "{source} · {count} câu · Mã đề: {seed}",
    "paper.fields": (
        "Họ và tên: ..................................................   Chi bộ: "
        "..................................   Ngày: ..../..../........"
    ),
    "paper.question": "Câu {number}.",
    "paper.key_number": "Câu {number}:",
    "paper.how.single": "Khoanh tròn một chữ cái đúng.",
    "paper.how.multi": "Khoanh tròn tất cả các chữ cái đúng.",
    "paper.how.truefalse": "Khoanh tròn Đúng hoặc Sai.",
    "paper.how.fill": "Viết từ còn thiếu vào dòng trả lời.",
    "paper.how.number": "Viết con số vào dòng trả lời.",
    "paper.how.order": "Đánh số 1, 2, 3… vào ô trước mỗi ý theo đúng thứ tự.",
    "paper.how.match": "Ghép mỗi ý bên trái (1, 2, …) với một ý bên phải (A, B, …).",
    "paper.true_false": "Đúng        Sai",
    "paper.true": "Đúng",
    "paper.false": "Sai",
    "paper.answer_line": (
        "Trả lời: .........................................................................."
    ),
    # --- command line ----------------------------------------------------
    "cli.description": (
        "studyapp: học tập và kiểm tra nghị quyết, ngoại tuyến, trong terminal. Không có lệnh con "
        "thì mở giao diện."
    ),
    "cli.opt.content": (
        "thư mục nội dung (một bộ hoặc thư mục chứa nhiều bộ); lặp lại được; thay cho nội dung kèm "
        "theo trừ khi có --with-bundled"
    ),
    "cli.opt.with_bundled": "vẫn dùng nội dung kèm theo khi có --content",
    "cli.opt.db": "tệp cơ sở dữ liệu điểm (mặc định: STUDYAPP_DB, rồi thư mục dữ liệu người dùng)",
    "cli.opt.lang": "ngôn ngữ giao diện (mặc định vi)",
    "cli.opt.format": "định dạng đầu ra",
    "cli.opt.strict": "coi cảnh báo là lỗi",
    "cli.opt.limit": "số kết quả tối đa (mặc định 20)",
    "cli.cmd.validate": "kiểm tra nội dung (bộ, bài học, ngân hàng câu hỏi)",
    "cli.arg.paths": "thư mục hoặc tệp cần kiểm tra (mặc định: nội dung đang dùng)",
    "cli.cmd.lessons": "in cây bài học",
    "cli.cmd.search": "tìm trong bài học (không phân biệt hoa thường, có dấu hay không)",
    "cli.arg.query": "từ cần tìm",
    "cli.cmd.questions": "liệt kê câu hỏi kèm đáp án",
    "cli.cmd.paper": "tạo một đề kiểm tra (cùng mã đề cho cùng một đề), để in hoặc để xem",
    "cli.opt.pack": "chỉ bộ nội dung này (lặp lại được)",
    "cli.opt.bank": "chỉ ngân hàng này (lặp lại được)",
    "cli.opt.lesson": "chỉ bài học này và các bài con (lặp lại được)",
    "cli.opt.tag": "chỉ câu có thẻ này (lặp lại được)",
    "cli.opt.type": "chỉ loại câu hỏi này (lặp lại được)",
    "cli.opt.difficulty": "chỉ độ khó này: 1, 2 hoặc 3 (lặp lại được)",
    "cli.opt.count": "số câu hỏi",
    "cli.opt.seed": "mã đề (cùng mã cho cùng đề); mặc định: ngẫu nhiên",
    "cli.opt.answer_key": "in đáp án của đề thay cho đề",
    "cli.key_needs_seed": "--answer-key cần --seed: mã đề in trên đề cần chấm",
    "cli.unknown_filter": "không có {kind} `{value}`{suggestion}",
    "cli.filter.pack": "bộ nội dung",
    "cli.filter.bank": "ngân hàng",
    "cli.filter.lesson": "bài học",
    "cli.filter.tag": "thẻ",
    "cli.no_questions": "Không có câu hỏi nào phù hợp.",
    "cli.cmd.members": "danh sách đảng viên của chi bộ: list, add, import, remove, pin",
    "cli.arg.members_action": "việc cần làm",
    "cli.arg.members_name": "họ và tên (add, remove) hoặc tệp danh sách, mỗi dòng một tên (import)",
    "cli.opt.cell": "tên chi bộ",
    "cli.opt.allow_duplicate": "giữ cho lệnh cũ: người trùng họ tên nay được thêm bằng --note",
    "cli.opt.member_id": "mã đảng viên, khi có người trùng tên",
    "cli.opt.pin": "mã PIN của bí thư (hoặc biến STUDYAPP_PIN)",
    "cli.opt.new_pin": "mã PIN mới (pin)",
    "cli.opt.clear_pin": "bỏ mã PIN (pin)",
    "cli.cmd.db": "kiểm tra (check) hoặc sao lưu (backup -o TỆP) cơ sở dữ liệu",
    "cli.opt.output": "tệp kết quả",
    "cli.opt.decimal": ("CSV: dấu thập phân, comma (7,5; cột cách nhau bằng ;) hoặc point "
                        "(7.5; cách nhau bằng ,); mặc định theo ngôn ngữ giao diện"),
    "cli.cmd.locate": "cho biết cấu hình, dữ liệu và cơ sở dữ liệu nằm ở đâu",
    "cli.cmd.demo": "điền dữ liệu mẫu (tên người, kết quả đều là giả) vào một cơ sở dữ liệu mới",
    "cli.opt.demo_seed": "hạt giống ngẫu nhiên",
    "cli.opt.demo_cells": "số chi bộ",
    "cli.opt.demo_members": "số đảng viên mỗi chi bộ",
    "cli.opt.demo_sessions": "số buổi sinh hoạt mỗi chi bộ",
    "cli.opt.demo_questions": "số câu mỗi bài kiểm tra",
    "cli.not_positive": "“{value}” phải là số lớn hơn 0",
    "cli.members_needs_name": "members {action} cần họ tên (hoặc tệp)",
    "cli.members_needs_cell": "members {action} cần --cell TÊN_CHI_BỘ",
    "cli.backup_needs_output": "db backup cần -o TỆP (tệp chưa có)",
    "members.heading": "{cell} ({count} đảng viên)",
    "members.added": "Đã thêm “{name}” vào {cell}.",
    "members.removed": "Đã đưa “{name}” ra khỏi danh sách {cell} (kết quả cũ vẫn được giữ).",
    "members.imported": "Đã thêm {added} người vào {cell}.",
    "members.import_duplicate": "bỏ qua “{name}”: đã có trong danh sách",
    "members.cannot_read": "không đọc được tệp {path}: {reason}",
    "members.not_utf8": "tệp {path} không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8",
    "members.pin_set": "Đã đặt mã PIN cho {cell}.",
    "members.pin_cleared": "Đã bỏ mã PIN của {cell}.",
    "members.pin_how": "hãy cho mã PIN mới bằng --new-pin (hoặc chạy trong terminal để nhập)",
    "members.pin_prompt": "Mã PIN mới: ",
    "members.pin_again": "Nhập lại mã PIN mới: ",
    "members.pin_mismatch": "hai lần nhập mã PIN không khớp (hoặc để trống)",
    "locate.config": "Tệp cấu hình",
    "locate.data": "Thư mục dữ liệu",
    "locate.cache": "Thư mục bộ nhớ đệm",
    "locate.database": "Cơ sở dữ liệu",
    "locate.content": "Nội dung kèm theo",
    "demo.done": (
        "Đã điền dữ liệu mẫu vào {path}: {cells} chi bộ, {members} đảng viên, {sessions} buổi sinh "
        "hoạt, {attempts} lượt làm bài, {answers} câu trả lời."
    ),
    "demo.not_empty": (
        "Cơ sở dữ liệu {path} đã có dữ liệu; dữ liệu mẫu không được trộn với dữ liệu thật. Hãy "
        "dùng một tệp mới: studyapp demo --db TỆP_MỚI"
    ),
    "demo.no_questions": "không có câu hỏi nào để làm bài mẫu",
    "cli.validate_summary": "{files} tệp: {errors} lỗi, {warnings} cảnh báo",
    "cli.pack_counts": "{pack}: {lessons} bài học, {questions} câu hỏi ({types})",
    "cli.problems_hidden": "{warnings} cảnh báo về nội dung; xem bằng: studyapp validate",
    "cli.no_results": "Không tìm thấy “{query}”.",
    "cli.empty_query": "hãy nhập từ cần tìm",
    "cli.no_content_dir": (
        "không có thư mục nội dung {path} (từ {origin}); hãy kiểm tra lại đường dẫn"
    ),
    "cli.config_problem": "cảnh báo: bỏ qua tệp cấu hình {path}: {reason}",
    "cli.config_bad_key": "khóa `{key}` phải là {expected}",
    "cli.interrupted": "Đã dừng.",
    "cli.bad_limit": "--limit phải lớn hơn 0",
    "cli.no_lessons": "Chưa có bài học nào.",
    # --- answers in words (feedback, review) ---
    "quiz.true": "Đúng",
    "quiz.false": "Sai",
    "quiz.no_answer": "(chưa trả lời)",
    "quiz.also_accepted": "cũng chấp nhận: {others}",
    "quiz.number_tolerance": "{number} (sai số cho phép ± {tolerance})",
    # --- config file ---
    "config.keys_table": "một bảng [keys] với mã phím = \"phím\"",
    "config.cannot_write": "Không ghi được tệp cấu hình {path} ({reason}); tệp được giữ nguyên.",
    "config.unknown_key_id": (
        "Tệp cấu hình {path}: không có phím nào mang mã “{id}” trong [keys]; bỏ qua."
    ),
    "config.unknown_theme": (
        "Tệp cấu hình {path}: không có giao diện “{theme}”; dùng giao diện mặc định."
    ),
    # --- interface: quiz, results, learner, setup, palette ---
    "answer.choose_first": "Hãy chọn một đáp án trước (phím chữ cái hoặc Space).",
    "answer.match_rights": "Vế phải:",
    "answer.number_placeholder": "Gõ một số rồi nhấn Enter",
    "answer.text_placeholder": "Gõ câu trả lời rồi nhấn Enter",
    "answer.type_first": "Hãy gõ câu trả lời trước khi nhấn Enter.",
    "chart.practice": "Luyện tập",
    "chart.tests": "Kiểm tra",
    "database.title": "Không mở được cơ sở dữ liệu điểm",
    "database.explain": (
        "Bài học và tìm kiếm vẫn dùng được. Luyện tập, kiểm tra và kết quả cần cơ sở dữ liệu nên "
        "tạm thời chưa dùng được. Tệp không bị thay đổi. Để kiểm tra tệp, chạy lệnh: studyapp db "
        "check"
    ),
    "database.continue": "Tiếp tục đọc bài học",
    "database.quit": "Thoát chương trình",
    "duration.hours": "{hours} giờ {minutes} phút",
    "duration.minutes": "{minutes} phút {seconds} giây",
    "duration.seconds": "{seconds} giây",
    "form.cancel": "Hủy",
    "history.title": "Kết quả của {name}",
    "history.empty": (
        "Chưa có bài nào được làm xong. Hãy luyện tập (phím L ở màn hình chính) hoặc làm bài kiểm "
        "tra (phím K)."
    ),
    "history.summary": "Đã làm xong {count} bài, trong đó {tests} bài kiểm tra.",
    "history.average": "Điểm kiểm tra trung bình: {score}.",
    "history.cannot_open": "Không xem lại được bài này: {reason}",
    "history.changed": (
        "{count} câu hỏi đã được sửa sau khi làm bài; phần xem lại dùng nội dung mới."
    ),
    "history.column.when": "Ngày giờ",
    "history.column.kind": "Loại",
    "history.column.questions": "Đúng",
    "history.column.score": "Điểm",
    "history.column.band": "Xếp loại",
    "history.column.time": "Thời gian",
    "home.guest_note": "(khách: kết quả được lưu dưới tên này)",
    "home.learner_label": "Người học:",
    "home.member": "{name} — {cell}",
    "home.no_database": (
        "⚠ Không mở được cơ sở dữ liệu điểm: vẫn đọc được bài học, nhưng chưa luyện tập hay kiểm "
        "tra được."
    ),
    "home.no_learner": "Chưa chọn người học: nhấn n để chọn tên (hoặc học với tư cách khách).",
    "home.read": "đã đọc {read}/{total} bài",
    "home.summary_questions": "{questions} câu hỏi",
    "home.menu.practice": "Luyện tập",
    "home.menu.practice.detail": "Xem đáp án và giải thích sau mỗi câu",
    "home.menu.test": "Kiểm tra",
    "home.menu.test.detail": "Có tính giờ; chấm điểm khi nộp bài",
    "home.menu.results": "Tiến độ, kết quả",
    "home.menu.results.detail": "Bài đã đọc, mức thuộc từng bài, điểm các lần làm",
    "home.menu.learner": "Đổi người học",
    "home.menu.learner.detail": "Chọn tên khác, hoặc học với tư cách khách",
    "home.menu.language": "English",
    "home.menu.language.detail": "Switch the interface to English",
    "key.back_to_results": "Về kết quả",
    "key.cancel": "Hủy",
    "key.choose": "Chọn",
    "key.confirm": "Trả lời",
    "key.flag": "Gắn cờ xem lại",
    "key.grab": "Nhấc/đặt",
    "key.language": "English",
    "key.learner": "Người học",
    "key.mark": "Chọn/bỏ",
    "key.move_down": "Chuyển xuống",
    "key.move_up": "Chuyển lên",
    "key.next_field": "Ô sau",
    "key.previous_field": "Ô trước",
    "key.next_question": "Câu sau",
    "key.previous_question": "Câu trước",
    "key.open_passage": "Xem bài học",
    "key.palette": "Lệnh",
    "key.pause": "Tạm dừng",
    "key.practice": "Luyện tập",
    "key.results": "Tiến độ",
    "key.review": "Ôn tập",
    "key.scroll_down": "Cuộn xuống",
    "key.scroll_up": "Cuộn lên",
    "key.self_test": "Tự kiểm tra",
    "key.start": "Bắt đầu",
    "key.submit": "Nộp bài",
    "key.test": "Kiểm tra",
    "key.toggle_all": "Chọn/bỏ tất cả",
    "key.toggle_lesson": "Chọn/bỏ",
    "key.unpair": "Bỏ ghép",
    "learner.title": "Ai đang học?",
    "learner.intro": (
        "Chọn tên của bạn trong danh sách chi bộ; gõ vài chữ để tìm nhanh (không cần dấu). Chưa có "
        "tên thì thêm tên mới, hoặc học với tư cách khách."
    ),
    "learner.filter": "Gõ để tìm tên…",
    "learner.cell": "{cell} ({count} đảng viên)",
    "learner.add": "+ Thêm tên mới…",
    "learner.add_named": "+ Thêm “{name}” vào danh sách…",
    "learner.add_detail": "Ghi tên vào danh sách chi bộ để lưu kết quả của bạn",
    "learner.guest": "Học với tư cách khách…",
    "learner.guest_detail": "Không cần có tên trong danh sách; kết quả lưu dưới tên khách",
    "learner.form.title": "Thêm tên mới",
    "learner.form.message": "Tên được ghi vào danh sách chi bộ và dùng để lưu kết quả của bạn.",
    "learner.form.name": "Họ và tên",
    "learner.form.name_hint": "Ví dụ: Nguyễn Thị Ánh",
    "learner.form.cell": "Chi bộ",
    "learner.form.cell_hint": "Ví dụ: Chi bộ Khu phố 1",
    "learner.form.pin": "Mã PIN của bí thư (nếu chi bộ có đặt PIN)",
    "learner.form.submit": "Lưu",
    "learner.guest.title": "Học với tư cách khách",
    "learner.guest.message": (
        "Kết quả vẫn được lưu, dưới tên khách này (không vào danh sách chi bộ)."
    ),
    "learner.guest.name": "Tên khách",
    "learner.guest.default": "Khách",
    "learner.guest.submit": "Bắt đầu học",
    "lessons.no_questions": "Bài này chưa có câu hỏi để tự kiểm tra.",
    "lessons.subtitle_read": "Bài học · đã đọc {read}/{total}",
    "palette.title": "Lệnh",
    "palette.placeholder": "Gõ để tìm lệnh hoặc bài học (không cần dấu)…",
    "palette.count": "{count} mục",
    "palette.none": "Không có mục nào khớp.",
    "palette.practice": "Luyện tập",
    "palette.practice.detail": "chọn nội dung, số câu, rồi bắt đầu",
    "palette.test": "Kiểm tra",
    "palette.test.detail": "có tính giờ, chấm điểm khi nộp",
    "palette.search": "Tìm kiếm",
    "palette.search.detail": "một từ trong bài học và câu hỏi",
    "palette.lessons": "Đọc bài học",
    "palette.lessons.detail": "mục lục các bài",
    "palette.results": "Kết quả của tôi",
    "palette.results.detail": "các bài đã làm",
    "palette.learner": "Đổi người học",
    "palette.learner.detail": "chọn tên khác hoặc học với tư cách khách",
    "palette.language": "English",
    "palette.language.detail": "switch the interface to English",
    "palette.theme": "Giao diện sáng/tối",
    "palette.theme.detail": "đổi màu nền cho dễ đọc",
    "palette.help": "Trợ giúp",
    "palette.help.detail": "các phím của màn hình này",
    "palette.quit": "Thoát",
    "palette.open_lesson": "Mở bài: {title}",
    "palette.practise_lesson": "Tự kiểm tra: {title}",
    "quiz.title.practice": "Luyện tập",
    "quiz.title.test": "Kiểm tra",
    "quiz.status.position": "Câu {number}/{size}",
    "quiz.status.answered": "đã trả lời {count}/{size}",
    "quiz.status.flagged": "gắn cờ: {count}",
    "quiz.status.this_flagged": "⚑ câu này có cờ",
    "quiz.status.time_left": "còn {clock}",
    "quiz.hint.single": "Chọn một đáp án: phím A–{last} (hoặc 1–{size}), rồi Enter.",
    "quiz.hint.multi": (
        "Chọn mọi đáp án đúng: phím A–{last} (hoặc 1–{size}) hay Space để đánh dấu/bỏ, rồi Enter."
    ),
    "quiz.hint.truefalse": "Nhấn D (Đúng) hoặc S (Sai), hay 1 / 2, rồi Enter.",
    "quiz.hint.fill": "Gõ câu trả lời rồi Enter. Gõ không dấu, kiểu Telex hay VNI đều được.",
    "quiz.hint.fill_strict": (
        "Gõ câu trả lời rồi Enter. Câu này cần gõ đúng dấu (gõ kiểu Telex hay VNI cũng được)."
    ),
    "quiz.hint.number": "Gõ một số rồi Enter (dấu phẩy hay dấu chấm thập phân đều được).",
    "quiz.hint.order": (
        "Xếp cho đúng thứ tự: ↑↓ chọn mục, Space nhấc lên, ↑↓ mang đi, Space đặt xuống (hoặc "
        "Shift+↑↓), rồi Enter."
    ),
    "quiz.hint.match": (
        "Ghép mỗi dòng với một vế phải: ↑↓ chọn dòng, gõ chữ A–{last} của vế phải (con trỏ tự sang "
        "dòng kế tiếp), Delete để bỏ ghép, rồi Enter."
    ),
    "quiz.feedback.right": "✓ Đúng.",
    "quiz.feedback.wrong": "✗ Chưa đúng.",
    "quiz.feedback.partly": "◐ Đúng một phần ({percent}%).",
    "quiz.feedback.without_diacritics": "Chấp nhận dù gõ thiếu dấu; viết đủ dấu là: “{answer}”.",
    "quiz.feedback.understood_as": "Chương trình hiểu câu trả lời của bạn là: “{text}”.",
    "quiz.feedback.correct_answer": "Đáp án đúng:",
    "quiz.feedback.explanation": "Giải thích:",
    "quiz.feedback.lesson": "Bài học:",
    "quiz.feedback.open_hint": "(b: mở bài tại đoạn này)",
    "quiz.feedback.next_hint": "Nhấn Enter để sang câu tiếp theo.",
    "quiz.feedback.results_hint": "Đây là câu cuối. Nhấn Enter để xem kết quả.",
    "quiz.flagged": "Đã gắn cờ câu {number}.",
    "quiz.unflagged": "Đã bỏ cờ câu {number}.",
    "quiz.not_saved": "Chưa lưu được: {reason}",
    "quiz.time_up_notice": "Hết giờ. Bài đã được nộp với những câu đã trả lời.",
    "quiz.left_notice": (
        "Bài làm đã được lưu. Lần sau mở chương trình (hoặc khi bắt đầu bài mới), bạn sẽ được mời "
        "làm tiếp."
    ),
    "quiz.pause.title": "Tạm dừng",
    "quiz.pause.message": "Bạn muốn làm gì?",
    "quiz.pause.message_timed": "Đồng hồ đã dừng. Bạn muốn làm gì?",
    "quiz.pause.continue": "Làm tiếp",
    "quiz.pause.submit": "Nộp bài",
    "quiz.pause.submit_detail": "Xem những câu chưa trả lời hoặc gắn cờ trước khi nộp",
    "quiz.pause.finish": "Nộp bài và xem kết quả",
    "quiz.pause.finish_detail": "Những câu chưa trả lời được tính là sai",
    "quiz.pause.leave": "Lưu lại, làm tiếp sau",
    "quiz.pause.leave_detail": "Rời bài làm; lần sau được làm tiếp từ chỗ này",
    "quiz.submit.title": "Nộp bài?",
    "quiz.submit.answered": "Đã trả lời {count}/{size} câu.",
    "quiz.submit.unanswered": "Chưa trả lời: câu {numbers}.",
    "quiz.submit.flagged": "Đã gắn cờ: câu {numbers}.",
    "quiz.submit.confirm": "Nộp bài",
    "quiz.submit.back": "Quay lại làm tiếp",
    "quiz.submit.go": "Đến câu {number} ({why})",
    "quiz.submit.why_unanswered": "chưa trả lời",
    "quiz.submit.why_flagged": "gắn cờ",
    "results.title": "Kết quả",
    "results.kind.practice": "Luyện tập",
    "results.kind.test": "Kiểm tra",
    "results.heading": "{kind} — bắt đầu lúc {when}",
    "results.score_label": "Điểm:",
    "results.band_label": "Xếp loại:",
    "results.passed": "Đạt",
    "results.not_passed": "Không đạt",
    "results.counts": "Đúng {correct}/{size} câu (đã trả lời {answered} câu).",
    "results.time": "Thời gian làm bài: {duration}.",
    "results.paused": "(tạm dừng {duration})",
    "results.expired": "Hết giờ: bài được nộp tự động với những câu đã trả lời.",
    "results.review_heading": "Xem lại từng câu (↑↓ chọn, Enter xem):",
    "resume.title": "Bài làm dở",
    "resume.message": (
        "Bạn còn một bài {kind} làm dở, bắt đầu lúc {when}: đã trả lời {answered}/{size} câu."
    ),
    "resume.resume": "Làm tiếp",
    "resume.resume_detail": "Tiếp tục từ câu chưa trả lời",
    "resume.abandon": "Bỏ bài này",
    "resume.abandon_detail": "Bài được ghi là bỏ dở, không tính điểm",
    "resume.later": "Để sau",
    "resume.failed": "Không làm tiếp được bài này: {reason}",
    "resume.changed": "{count} câu hỏi đã được sửa từ khi bắt đầu bài này; bài dùng nội dung mới.",
    "review.title": "Xem lại",
    "review.position": "Câu {number}/{size}",
    "review.right": "Đúng",
    "review.wrong": "Chưa đúng",
    "review.partly": "Đúng một phần",
    "review.unanswered": "Chưa trả lời",
    "review.your_answer": "Bạn trả lời:",
    "review.correct_answer": "Đáp án đúng:",
    "setup.title.practice": "Luyện tập — chọn nội dung",
    "setup.title.test": "Kiểm tra — chọn nội dung",
    "setup.lessons": "Bài học (Space: chọn/bỏ)",
    "setup.mode": "Cách làm bài",
    "setup.mode.practice": "Luyện tập (xem đáp án sau mỗi câu)",
    "setup.mode.test": "Kiểm tra (chấm điểm khi nộp)",
    "setup.count": "Số câu",
    "setup.minutes": "Thời gian (phút; 0 = không giới hạn)",
    "setup.partial_credit": "Tính điểm từng phần",
    "setup.difficulty": "Độ khó",
    "setup.difficulty.1": "Dễ ({count} câu)",
    "setup.difficulty.2": "Vừa ({count} câu)",
    "setup.difficulty.3": "Khó ({count} câu)",
    "setup.banks": "Ngân hàng câu hỏi",
    "setup.tags": "Chủ đề (không chọn = tất cả)",
    "setup.start": "Bắt đầu",
    "setup.kind.practice": "luyện tập",
    "setup.kind.test": "kiểm tra",
    "setup.summary": "Có {available} câu phù hợp. Enter: bắt đầu {kind} {count} câu.",
    "setup.too_few": (
        "Chỉ có {available} câu phù hợp, không đủ {count} câu: hãy chọn thêm bài hoặc giảm số câu."
    ),
    "setup.no_lessons": "Chưa chọn bài nào (Space để chọn, phím a để chọn tất cả).",
    "setup.bad_count": "Số câu phải là một số lớn hơn 0.",
    "setup.bad_minutes": "Thời gian phải là số phút (0 là không giới hạn).",
    "setup.nothing_chosen": "Hãy chọn ít nhất một độ khó và một ngân hàng câu hỏi.",
    "home.menu.choose_learner": "Chọn người học",
    "home.menu.choose_learner.detail": "Tên trong danh sách chi bộ, hoặc khách",
    "quiz.in_progress": (
        "Bạn đang làm dở một bài. Hãy làm xong, hoặc nhấn Esc ở màn hình câu hỏi để lưu lại và làm "
        "tiếp sau."
    ),
    "resume.kept": "Những câu đã trả lời vẫn được giữ nguyên.",
    "history.hint": "↑↓ chọn một bài, Enter để xem lại từng câu.",
    "setup.partial_credit_note": (
        "cho câu nhiều đáp án và câu ghép: đúng bao nhiêu ý, được bấy nhiêu điểm"
    ),
    "key.tick": "Chọn/bỏ",
    "quiz.hurry": "Còn {clock} nữa là hết giờ.",
    "answer.not_a_number": "Hãy gõ một số bằng chữ số, ví dụ 14 hoặc 2,5.",
    "results.verdict_label": "Kết quả:",
    "duration.whole_minutes": "{minutes} phút",
    "help.quiz.choose_keys": "A–H, 1–8",
    "help.quiz.choose": "chọn đáp án (câu ghép: chọn vế phải cho dòng đang chọn)",
    "help.quiz.truth_keys": "D, S",
    "help.quiz.truth": "Đúng, Sai (câu đúng/sai)",
    "help.quiz.space": "chọn/bỏ một đáp án (nhiều đáp án); nhấc/đặt một mục (sắp xếp)",
    "help.quiz.enter": "trả lời; sau phần giải thích: sang câu tiếp theo",
    "key.scroll": "Cuộn",
    # --- interface: cell sessions ---
    "home.menu.sessions": "Sinh hoạt chi bộ",
    "home.menu.sessions.detail": "Điểm danh, kiểm tra lần lượt, tổng kết",
    "key.sessions": "Sinh hoạt chi bộ",
    "palette.sessions": "Sinh hoạt chi bộ",
    "palette.sessions.detail": "mở buổi, điểm danh, kiểm tra lần lượt, tổng kết",
    "sessions.title": "Sinh hoạt chi bộ — {cell}",
    "sessions.intro": (
        "Các buổi sinh hoạt, mới nhất trước. Enter: mở buổi đã chọn (buổi đang mở thì làm tiếp, "
        "buổi đã đóng thì xem tổng kết) · m: mở buổi mới."
    ),
    "sessions.none": "Chi bộ chưa có buổi sinh hoạt nào. Nhấn m để mở buổi mới.",
    "sessions.open": "đang mở",
    "sessions.closed": "đã đóng",
    "sessions.column.date": "Ngày",
    "sessions.column.topic": "Chủ đề",
    "sessions.column.state": "Trạng thái",
    "sessions.column.present": "Có mặt",
    "sessions.column.tested": "Đã làm",
    "sessions.column.average": "Điểm TB",
    "sessions.choose_cell": "Chọn chi bộ",
    "sessions.choose_cell_text": "Buổi sinh hoạt của chi bộ nào?",
    "sessions.new_cell": "Chi bộ mới…",
    "sessions.new_cell_detail": "Tạo chi bộ mới rồi thêm đảng viên khi điểm danh",
    "sessions.new_cell_text": "Tên chi bộ sinh hoạt hôm nay:",
    "key.new_session": "Mở buổi mới",
    "key.open_session": "Mở",
    "open_session.title": "Mở buổi sinh hoạt — {cell}",
    "open_session.lessons": "Bài học hôm nay (Space: chọn/bỏ)",
    "open_session.date": "Ngày (ngày/tháng/năm)",
    "open_session.topic": "Chủ đề",
    "open_session.run_by": "Người chủ trì",
    "open_session.run_by_hint": "Ví dụ: đồng chí bí thư chi bộ",
    "open_session.papers": "Đề kiểm tra",
    "open_session.one_paper": "Một đề chung cho mọi người",
    "open_session.variants": "Mỗi người một đề riêng",
    "open_session.submit": "Mở buổi sinh hoạt",
    "open_session.ready": "Ctrl+S hoặc nút bên phải: mở buổi rồi điểm danh.",
    "open_session.bad_date": (
        "Ngày phải viết dạng ngày/tháng/năm, năm từ 2000 đến 2100, ví dụ 26/11/2026."
    ),
    "open_session.no_topic": "Hãy nhập chủ đề buổi sinh hoạt.",
    "key.open_new_session": "Mở buổi",
    "attendance.title": "Điểm danh — {cell}",
    "attendance.counts": (
        "Có mặt {present}/{total} · vắng có phép {excused} · vắng {absent} · chưa điểm danh "
        "{unmarked}"
    ),
    "attendance.empty": "Danh sách chi bộ còn trống. Nhấn a để thêm từng đảng viên có mặt.",
    "attendance.hint": (
        "c: có mặt · p: vắng có phép · v: vắng · g: ghi chú · a: thêm đảng viên · Enter: sang phần "
        "kiểm tra"
    ),
    "attendance.present": "Có mặt",
    "attendance.excused": "Vắng có phép",
    "attendance.absent": "Vắng",
    "attendance.not_tested": "Có mặt, không làm bài",
    "attendance.unmarked": "— chưa điểm danh",
    "attendance.twin": "{name} (mã {code})",
    "attendance.twin_hint": "Nếu đây là một người khác trùng tên, nhấn Lưu lần nữa để thêm.",
    "attendance.mark_first": "Hãy điểm danh người này trước (c, p hoặc v), rồi mới ghi chú.",
    "attendance.note_title": "Ghi chú: {name}",
    "attendance.note_label": "Ghi chú",
    "attendance.note_hint": "Ví dụ: ốm, đi công tác",
    "attendance.add_title": "Thêm đảng viên",
    "attendance.add_text": "Thêm vào danh sách {cell} và ghi là có mặt.",
    "attendance.unmarked_title": "Còn người chưa điểm danh",
    "attendance.unmarked_text": "{count} người chưa được điểm danh.",
    "attendance.mark_absent": "Ghi là vắng và sang phần kiểm tra",
    "attendance.go_back": "Quay lại điểm danh tiếp",
    "key.present": "Có mặt",
    "key.excused": "Vắng có phép",
    "key.absent": "Vắng",
    "key.note": "Ghi chú",
    "key.add_member": "Thêm đảng viên",
    "key.to_turns": "Sang phần kiểm tra",
    "turns.title": "Kiểm tra lần lượt — {cell}",
    "turns.counts": "Đã làm xong {done}/{present} · đang làm dở {going} · chưa làm {to_go}",
    "turns.hint": (
        "Mỗi người chọn tên mình (↑↓, Enter), xác nhận rồi làm bài. Làm xong, nhấn Enter để chuyển "
        "máy cho người tiếp theo. Bí thư: r cho làm lại · t tổng kết · e sửa điểm danh."
    ),
    "turns.to_go": "chưa làm",
    "turns.in_progress": "đang làm dở — làm tiếp được",
    "turns.done": "✓ đã làm xong",
    "turns.done_retake": "✓ đã làm xong (có làm lại)",
    "turns.confirm_title": "Xác nhận",
    "turns.confirm_text": "Bạn là {name}? Bài kiểm tra sẽ bắt đầu ngay.",
    "turns.confirm_resume": "Bạn là {name}? Bài làm dở sẽ tiếp tục từ câu chưa trả lời.",
    "turns.yes": "Đúng, tôi là {name}",
    "turns.no": "Không phải tôi",
    "turns.already_done": "{name} đã làm xong bài. Muốn làm lại cần bí thư cho phép (phím r).",
    "turns.retake_not_done": "Người này chưa làm bài: chọn tên (Enter) để làm.",
    "turns.retake_title": "Cho làm lại",
    "turns.retake_text": (
        "Cho {name} làm lại với một đề mới? Lần làm lại sẽ được tính thay lần trước; lần trước vẫn "
        "được lưu và ghi rõ là đã làm lại."
    ),
    "turns.retake_yes": "Cho làm lại",
    "turns.no_retake": "Không",
    "turns.nobody": "Chưa có ai có mặt: hãy điểm danh trước.",
    "turns.left": "Bài làm được lưu; chọn lại tên để làm tiếp.",
    "key.take_test": "Làm bài",
    "key.retake": "Cho làm lại",
    "key.summary": "Tổng kết",
    "key.edit_attendance": "Sửa điểm danh",
    "handover.title": "Kết quả của bạn",
    "handover.done": "{name} đã nộp bài.",
    "handover.note": (
        "Điểm của bạn đã được lưu. Đáp án và phần giải thích sẽ được cả chi bộ cùng xem lại khi "
        "tổng kết."
    ),
    "handover.next": "Nhấn Enter để chuyển máy cho người tiếp theo.",
    "key.hand_on": "Chuyển máy",
    "summary.title": "Tổng kết — {cell}",
    "summary.heading": "{date} · {topic}",
    "summary.run_by": "chủ trì: {name}",
    "summary.open": "đang mở",
    "summary.closed": "đã đóng ngày {date}",
    "summary.tab.figures": "1 Tổng hợp",
    "summary.tab.members": "2 Từng người",
    "summary.tab.questions": "3 Từng câu",
    "summary.tested": "Đã làm bài {tested}/{present} người có mặt (chi bộ {total} người).",
    "summary.scores": (
        "Điểm trung bình {average} · trung vị {median} · cao nhất {highest} · thấp nhất {lowest}"
    ),
    "summary.pass_rate": "Tỉ lệ đạt {rate} ({passed}/{tested} người)",
    "summary.bands": "Xếp loại: {bands}",
    "summary.nobody": "Chưa có ai làm xong bài.",
    "summary.column.name": "Họ và tên",
    "summary.column.attendance": "Điểm danh",
    "summary.column.score": "Điểm",
    "summary.column.band": "Xếp loại",
    "summary.column.time": "Thời gian",
    "summary.column.note": "Ghi chú",
    "summary.retake": "làm lại {count} lần",
    "summary.questions_hint": (
        "Câu bị sai nhiều nhất ở trên cùng. Enter: xem câu hỏi, đáp án và giải thích để cùng trao "
        "đổi."
    ),
    "summary.item_line": "{percent} đúng ({right}/{asked})",
    "summary.discrimination": (
        "Độ phân biệt (câu có tách được người nắm bài với người chưa nắm không): {value} "
        "({quality})"
    ),
    "summary.discrimination.good": "tốt: người nắm bài trả lời đúng hơn hẳn",
    "summary.discrimination.fair": "tạm được",
    "summary.discrimination.poor": "thấp: nên xem lại câu hỏi hoặc bài giảng",
    "summary.discrimination_few": (
        "Độ phân biệt (câu có tách được người nắm bài với người chưa nắm không): cần ít nhất 10 "
        "người trả lời mới tính được."
    ),
    "summary.history_hint": "Chọn một người ở thẻ 2 Từng người, rồi nhấn h.",
    "summary.close_title": "Đóng buổi sinh hoạt",
    "summary.close_text": "Sau khi đóng, kết quả và điểm danh của buổi này không sửa được nữa.",
    "summary.close_waiting": "{count} người có mặt chưa làm bài sẽ được ghi là chưa kiểm tra.",
    "summary.keep_open": "Chưa đóng, quay lại",
    "summary.close_confirm": "Đóng buổi sinh hoạt",
    "summary.closed_notice": "Đã đóng buổi sinh hoạt.",
    "key.tab_figures": "Tổng hợp",
    "key.tab_members": "Từng người",
    "key.tab_questions": "Từng câu",
    "key.member_history": "Lịch sử người này",
    "key.close_session": "Đóng buổi",
    "item.title": "Câu hỏi để trao đổi",
    "item.facility": "Trả lời đúng: {percent} ({right}/{asked} người)",
    "item.top_wrong": "Câu trả lời sai gặp nhiều nhất: “{answer}” ({count} người)",
    "item.gone": "Câu hỏi {id} không còn trong nội dung.",
    "chart.bands": "Số người theo xếp loại",
    "pin.title": "Mã PIN của bí thư",
    "pin.text": "Việc này cần mã PIN của {cell}.",
    "pin.label": "Mã PIN",
    "pin.submit": "Xác nhận",
    "pin.tries_left": "Còn {count} lần thử.",
    "pin.locked": "Đã nhập sai mã PIN 3 lần. Hãy thử lại sau {seconds} giây.",
    "members.allow_duplicate": (
        "Nếu đúng là hai người trùng họ tên, hãy thêm với --allow-duplicate."
    ),
    # sessions: review fixes
    "open_session.pin": "Mã PIN của bí thư (4–12 chữ số, nên đặt)",
    "open_session.pin_hint": "để trống nếu không cần",
    "open_session.short_pin": "Mã PIN cần ít nhất {length} chữ số.",
    "open_session.pin_set": (
        "Đã đặt mã PIN: từ nay xem tổng kết, cho làm lại, rời danh sách kiểm tra và đóng buổi đều "
        "cần mã này."
    ),
    "item.wrong_all_different": "Các câu trả lời sai đều khác nhau: không có câu sai nào lặp lại.",
    # sessions: review fixes
    "history.session_open": (
        "Bài này thuộc buổi sinh hoạt chưa đóng: đáp án sẽ được xem cùng cả chi bộ khi tổng kết."
    ),
    # exports and imports (issue 7)
    "cli.cmd.export": (
        "xuất bảng điểm (csv, xlsx), gói dữ liệu (json) hoặc báo cáo để in (md, html)"
    ),
    "cli.cmd.import": "nhập gói dữ liệu (json) từ máy khác hoặc chi bộ khác",
    "cli.arg.bundle": "tệp gói dữ liệu .json do studyapp export --format json tạo ra",
    "cli.opt.export_session": "một buổi sinh hoạt (mã buổi, hoặc vài ký tự đầu của mã)",
    "cli.opt.export_cell": "các buổi sinh hoạt của một chi bộ",
    "cli.opt.export_member": "kết quả của một đảng viên (họ tên hoặc mã)",
    "cli.opt.export_all": "mọi buổi sinh hoạt của mọi chi bộ (báo cáo toàn phường)",
    "cli.opt.date_from": "từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd), tính cả ngày đó",
    "cli.opt.date_to": "đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd), tính cả ngày đó",
    "cli.bad_date": (
        "“{value}” không phải là ngày: viết dd/mm/yyyy (26/11/2026) hoặc yyyy-mm-dd,"
        " năm từ 2000 đến 2100."
    ),
    "cli.export_one_scope": "Chỉ chọn một trong --session, --member, --all.",
    "cli.export_needs_scope": (
        "Cần nói xuất gì: --session MÃ, --cell TÊN, --member TÊN, --all, hoặc khoảng ngày "
        "--from/--to."
    ),
    "cli.export_dates_reversed": "Ngày --from phải trước ngày --to.",
    "cli.no_session": "Không có buổi sinh hoạt nào có mã “{id}”.",
    "cli.ambiguous_session": (
        "Mã “{id}” khớp với nhiều buổi sinh hoạt (hoặc quá ngắn): viết đủ ít nhất 6 ký tự."
    ),
    "cli.no_member": "Không có đảng viên nào tên hoặc mã “{name}”.",
    "cli.ambiguous_member": (
        "Có {count} đảng viên tên “{name}”: {ids}. Thêm --cell TÊN hoặc dùng mã."
    ),
    "cli.xlsx_needs_output": "Tệp xlsx không in ra màn hình được: thêm -o TỆP.xlsx.",
    "cli.exported": "Đã ghi {path} ({what}).",
    "export.no_folder": (
        "Không có thư mục {folder}: tạo thư mục trước hoặc chọn nơi khác. Chưa ghi gì."
    ),
    "export.is_folder": "{path} là một thư mục: hãy cho tên tệp.",
    "export.cannot_write": "Không ghi được {path}: {reason}. Không để lại tệp dở dang nào.",
    "export.file_prefix": "ket-qua",
    "export.own_test": "Tự kiểm tra (ngoài buổi sinh hoạt)",
    "export.yes": "có",
    "export.no": "không",
    "export.sheet.scores": "Bảng điểm",
    "export.sheet.questions": "Thống kê từng câu",
    "export.col.cell": "Chi bộ",
    "export.col.date": "Ngày sinh hoạt",
    "export.col.topic": "Chủ đề",
    "export.col.member": "Đảng viên",
    "export.col.attendance": "Điểm danh",
    "export.col.score": "Điểm",
    "export.col.band": "Xếp loại",
    "export.col.passed": "Đạt",
    "export.col.answered": "Số câu đã trả lời",
    "export.col.correct": "Số câu đúng",
    "export.col.seconds": "Thời gian (giây)",
    "export.col.retake": "Làm lại",
    "export.col.counted": "Tính điểm",
    "export.col.replaced_score": "Điểm bài bị thay (đã làm lại)",
    "export.col.note": "Ghi chú điểm danh",
    "export.qcol.question": "Câu hỏi",
    "export.qcol.lesson": "Bài học",
    "export.qcol.asked": "Số người được hỏi",
    "export.qcol.right": "Số người trả lời đúng",
    "export.qcol.share": "Tỉ lệ đúng",
    "export.qcol.top_wrong": "Câu trả lời sai gặp nhiều nhất",
    "export.qcol.top_count": "Số người chọn câu sai đó",
    "report.title": "Báo cáo kết quả học tập, kiểm tra nghị quyết",
    "report.document": "Tài liệu",
    "report.cell": "Chi bộ",
    "report.member": "Đảng viên",
    "report.period": "Thời gian",
    "report.period_value": "từ {first} đến {last}",
    "report.made_on": "Ngày lập báo cáo",
    "report.empty": "Không có buổi sinh hoạt nào trong phạm vi đã chọn.",
    "report.ward": "So sánh các chi bộ",
    "report.sessions": "Số buổi",
    "report.present": "Có mặt",
    "report.tested": "Đã làm bài",
    "report.tested_value": "{tested}/{present} người có mặt",
    "report.average": "Điểm trung bình",
    "report.median": "Trung vị",
    "report.highest_lowest": "Cao nhất / thấp nhất",
    "report.pass_rate": "Tỉ lệ đạt",
    "report.pass_rate_value": "{rate} ({passed}/{tested} người)",
    "report.session_heading": "Buổi sinh hoạt ngày {date}: {topic}",
    "report.date": "Ngày",
    "report.topic": "Chủ đề",
    "report.run_by": "Chủ trì",
    "report.state": "Tình trạng",
    "report.attendance": "Điểm danh",
    "report.attendance_counts": "Có mặt {present}/{total} · vắng có phép {excused} · vắng {absent}",
    "report.members": "Kết quả từng đảng viên",
    "report.number": "STT",
    "report.figures": "Tổng hợp",
    "report.most_missed": "Các câu bị sai nhiều nhất",
    "report.share_right": "Trả lời đúng: {percent} ({right}/{asked} người)",
    "report.right_answer": "Đáp án đúng: {answer}",
    "report.lesson": "Bài học: {lesson}",
    "report.place_date": "{place}, ngày {day} tháng {month} năm {year}",
    "report.signer": "Bí thư chi bộ (ký, ghi rõ họ tên)",
    "report.signer_ward": "Người lập báo cáo (ký, ghi rõ họ tên)",
    "bundle.rejected": (
        "Không nhập {path}: gói dữ liệu có {count} chỗ sai. Cơ sở dữ liệu không thay đổi."
    ),
    "bundle.more_problems": "… và {count} chỗ sai nữa.",
    "bundle.too_big": "tệp quá lớn ({size} byte): gói dữ liệu không thể lớn hơn 1 GiB.",
    "bundle.unreadable": "Không đọc được {path}: {reason}.",
    "bundle.not_utf8": "tệp không phải văn bản UTF-8 (byte thứ {offset}).",
    "bundle.not_json": (
        "tệp không phải JSON hợp lệ, dòng {line}, cột {column}: {reason} (tệp bị cắt cụt hoặc bị "
        "sửa tay?)."
    ),
    "bundle.too_deep": "tệp lồng nhau quá sâu: không phải gói dữ liệu của studyapp.",
    "bundle.not_a_bundle": (
        "đây không phải gói dữ liệu của studyapp (thiếu \"format\": \"studyapp-bundle\")."
    ),
    "bundle.version": (
        "gói dữ liệu phiên bản {version}; bản studyapp này đọc các phiên bản 1 đến {supported}. "
        "Hãy cập nhật studyapp hoặc xuất lại gói."
    ),
    "bundle.no_content": "gói dữ liệu không có phần nội dung (\"content\").",
    "bundle.hash": (
        "mã kiểm tra SHA-256 không khớp (ghi {expected}, tính được {actual}): gói đã bị sửa sau "
        "khi xuất."
    ),
    "bundle.missing_table": "thiếu bảng “{table}”.",
    "bundle.not_row": "{where}: không phải một dòng dữ liệu (cần một đối tượng JSON).",
    "bundle.missing_field": "{where}: thiếu trường “{field}”.",
    "bundle.unknown_field": "{where}: trường lạ “{field}”.",
    "bundle.not_text": "cần một chuỗi văn bản.",
    "bundle.too_long": "dài {length} ký tự, tối đa {limit}.",
    "bundle.empty": "không được để trống.",
    "bundle.not_id": "không phải một mã hợp lệ.",
    "bundle.not_integer": "cần một số nguyên.",
    "bundle.out_of_range": "{value} nằm ngoài khoảng cho phép ({low} đến {high}).",
    "bundle.not_one_of": "cần một trong: {values}.",
    "bundle.not_date": "không phải ngày dạng yyyy-mm-dd.",
    "bundle.not_time": "không phải thời điểm dạng ISO 8601.",
    "bundle.not_object": "cần một đối tượng JSON.",
    "bundle.not_list": "cần một danh sách JSON.",
    "bundle.attempt_nobody": "{where}: lượt làm bài không thuộc đảng viên hay khách nào.",
    "bundle.finished_without_score": "{where}: bài đã nộp mà không có điểm.",
    "bundle.half_score": "{where}: điểm thiếu tử số hoặc mẫu số.",
    "bundle.bad_paper": "{where}.paper: đề bài không đúng dạng (mỗi câu cần id và hash).",
    "bundle.credit_above_one": "{where}: số điểm đạt được lớn hơn điểm tối đa của câu.",
    "bundle.closed_at": "{where}: buổi đã đóng phải có ngày đóng, buổi đang mở thì không.",
    "bundle.bad_question": "{where}: câu hỏi không đúng dạng (cần id, hash, text).",
    "bundle.duplicate_id": "{where}: mã {id} xuất hiện hai lần.",
    "bundle.duplicate_place": "{where}: dòng này trùng chỗ với một dòng trước.",
    "bundle.dangling": "{where}: trỏ tới {id}, không có trong bảng {target} của gói.",
    "bundle.unknown_question": (
        "{where}: câu hỏi {id} không có trong gói, trong nội dung đang dùng hay trong cơ sở dữ "
        "liệu này."
    ),
    "import.rejected": (
        "Không nhập {path}: {count} dòng khác với dữ liệu đã có ở máy này. Không ghi đè, không "
        "thay đổi gì:"
    ),
    "import.conflicts": "{count} dòng mâu thuẫn với dữ liệu đã có.",
    "import.conflict": "{table} {key}: khác ở {columns}",
    "import.closed_here": "buổi sinh hoạt đã đóng ở máy này",
    "import.ambiguous_member": (
        "đảng viên “{name}”: chi bộ có nhiều người trùng tên này, không biết ghép vào ai"
    ),
    "import.integrity": (
        "Dữ liệu nhập vào không khớp với cơ sở dữ liệu ({error}). Không thay đổi gì."
    ),
    "import.nothing_new": "{path}: mọi dữ liệu đã có sẵn ở máy này. Không có gì mới.",
    "import.done": "Đã nhập {path}:",
    "import.added": "thêm mới: {what}",
    "import.updated": (
        "cập nhật (buổi đang mở ở máy này đã tiếp tục hoặc đã đóng ở máy kia): {what}"
    ),
    "import.unchanged": "đã có sẵn: {what}",
    "import.matched": "nhận ra theo tên (cùng chi bộ, cùng người, khác máy): {what}",
    "import.count.cells": "{count} chi bộ",
    "import.count.members": "{count} đảng viên",
    "import.count.sessions": "{count} buổi sinh hoạt",
    "import.count.attendance": "{count} dòng điểm danh",
    "import.count.attempts": "{count} lượt làm bài",
    "import.count.events": "{count} thao tác",
    "import.count.answers": "{count} câu trả lời",
    # exports and imports (issue 7)
    "bundle.control_characters": (
        "chứa ký tự điều khiển hoặc mã thoát của terminal (không có trong dữ liệu studyapp ghi ra)."
    ),
    # import-questions / export-questions
    "cli.cmd.import_questions": (
        "chuyển tệp câu hỏi GIFT hoặc Aiken (Moodle) thành một ngân hàng câu hỏi"
    ),
    "cli.arg.questions_file": (
        "tệp câu hỏi: Word (.docx) hoặc văn bản (.txt) theo kiểu «Câu 1.», "
        "Excel (.xlsx), GIFT, Aiken"
    ),
    "cli.opt.questions_in_format": (
        "định dạng của tệp: gift, aiken hoặc excel (mặc định: đoán theo đuôi .gift/.aiken/"
        ".xlsx, rồi theo nội dung)"
    ),
    "cli.opt.questions_bank_out": "tệp ngân hàng câu hỏi (.toml) sẽ ghi ra",
    "cli.opt.questions_bank_id": "mã ngân hàng (mặc định: lấy từ tên tệp)",
    "cli.opt.questions_lesson": "mã bài học mặc định của các câu hỏi",
    "cli.cmd.export_questions": (
        "xuất một ngân hàng câu hỏi ra GIFT, Aiken (để nhập vào Moodle) hoặc Excel (để sửa)"
    ),
    "cli.opt.questions_bank": "mã ngân hàng cần xuất",
    "cli.opt.questions_out_format": (
        "gift (mọi loại câu hỏi trừ sắp xếp thứ tự), aiken (chỉ câu một đáp án đúng), "
        "xlsx hoặc docx (mọi loại; cần -o)"
    ),
    "cli.opt.questions_out_file": "tệp kết quả (mặc định: in ra đầu ra chuẩn)",
    "moodle.no_file": "không tìm thấy tệp {path}",
    "moodle.same_file": "tệp kết quả trùng với tệp nguồn {path}; hãy chọn tên khác cho -o",
    "moodle.bad_id": "{option} “{value}” chỉ được gồm chữ thường a-z, chữ số 0-9 và dấu '-'",
    "moodle.unknown_format": (
        "không đoán được định dạng của {path}: hãy thêm --format gift hoặc --format aiken"
    ),
    "moodle.nothing_written": "Không có câu hỏi nào chuyển được; chưa ghi {path}.",
    "moodle.check_failed": (
        "Ngân hàng tạo ra không qua được bước tự kiểm tra (lỗi của chương trình, xin báo lại); "
        "chưa ghi {path}."
    ),
    "moodle.import_summary": (
        "Đã ghi {count} câu hỏi vào {path} (bỏ qua {skipped} mục; {errors} lỗi, {warnings} cảnh "
        "báo)."
    ),
    "moodle.bank_description": "Chuyển từ tệp {format} “{name}” bằng studyapp import-questions.",
    "moodle.export_nothing": (
        "Ngân hàng {bank} không có câu hỏi nào viết được sang {format}; chưa ghi gì."
    ),
    "moodle.export_summary": (
        "Đã xuất {count} câu hỏi ({format}) ra {target}; bỏ qua {skipped} câu."
    ),
    "moodle.no_folder": (
        "thư mục {folder} không tồn tại; hãy tạo thư mục trước hoặc chọn chỗ khác cho {path}"
    ),
    "moodle.is_folder": "{path} là một thư mục; hãy cho tên một tệp",
    "moodle.cannot_write": "không ghi được {path}: {reason}",
    "problem.import_empty": "tệp không có câu hỏi nào (tệp trống, hoặc chỉ có chú thích)",
    "problem.import_choice_count": (
        "câu hỏi có {count} lựa chọn, ngân hàng chỉ nhận từ {low} đến {high}; câu hỏi bị bỏ qua"
    ),
    "problem.import_pair_count": (
        "câu ghép có {count} cặp, ngân hàng chỉ nhận từ {low} đến {high}; câu hỏi bị bỏ qua"
    ),
    "problem.import_duplicate_choice": "lựa chọn bị lặp: «{value}»; câu hỏi bị bỏ qua",
    "problem.import_duplicate_pair": "vế ghép bị lặp: «{value}»; câu hỏi bị bỏ qua",
    "problem.import_empty_option": "câu hỏi có lựa chọn để trống; câu hỏi bị bỏ qua",
    "problem.import_empty_choice": "đáp án để trống; đã bỏ đáp án này",
    "problem.import_empty_text": (
        "câu hỏi không có nội dung (sau khi bỏ định dạng HTML hoặc Markdown); câu hỏi bị bỏ qua"
    ),
    "problem.import_id_changed": (
        "mã câu hỏi “{given}” có ký tự không dùng được trong ngân hàng (chỉ chữ thường a-z, số "
        "0-9, '-', '_', '.'); dùng `{id}`"
    ),
    "problem.import_duplicate_id": (
        "mã câu hỏi `{id}` đã dùng cho một câu phía trên; câu này dùng `{new}`"
    ),
    "problem.import_bad_meta": (
        "bỏ qua chú thích [{key}:{value}]: giá trị không hợp lệ hoặc không dùng cho loại câu hỏi "
        "này"
    ),
    "problem.gift_title_unclosed": (
        "tên câu hỏi mở bằng «::» nhưng không có «::» đóng; phần sau được đọc là nội dung câu hỏi"
    ),
    "problem.gift_description": (
        "đoạn mô tả (không có phần đáp án trong ngoặc nhọn) không phải câu hỏi; bỏ qua"
    ),
    "problem.gift_essay": "câu tự luận (phần đáp án để trống) chưa được hỗ trợ; bỏ qua",
    "problem.gift_unclosed_brace": (
        "dấu «{brace}» mở phần đáp án nhưng không được đóng trước dòng trống hoặc cuối tệp; câu "
        "hỏi bị bỏ qua (nếu dấu ngoặc là chữ, hãy viết \\{brace})"
    ),
    "problem.gift_unopened_brace": (
        "dấu «{brace}» đóng mà không có dấu mở tương ứng; câu hỏi bị bỏ qua (nếu dấu ngoặc là chữ, "
        "hãy viết \\{brace})"
    ),
    "problem.gift_extra_braces": (
        "câu hỏi có hơn một cặp ngoặc nhọn: câu nhiều chỗ trống chưa được hỗ trợ, câu hỏi bị bỏ "
        "qua (nếu dấu ngoặc là chữ, hãy viết \\{open} và \\{close})"
    ),
    "problem.gift_too_few_answers": (
        "câu trắc nghiệm hoặc câu ghép cần ít nhất 2 đáp án, ở đây có {count}; câu hỏi bị bỏ qua"
    ),
    "problem.gift_no_right_answer": (
        "không có đáp án đúng (cần một đáp án «=» hoặc một trọng số dương như «~%50%»); câu hỏi bị "
        "bỏ qua"
    ),
    "problem.gift_partial_credit": (
        "câu một đáp án đúng: điểm từng phần của {answers} không được giữ, chỉ đáp án «=» được "
        "tính là đúng"
    ),
    "problem.gift_several_right": (
        "có {count} đáp án «=»: nhập thành câu nhiều đáp án đúng, người học phải chọn đủ cả "
        "{count} (trong Moodle chọn một là đủ)"
    ),
    "problem.gift_unequal_weights": (
        "các đáp án đúng có trọng số khác nhau; trong ngân hàng mỗi đáp án đúng được tính như nhau"
    ),
    "problem.gift_partial_accepted": (
        "các đáp án chỉ được một phần điểm không được tính là đúng: {answers}"
    ),
    "problem.gift_no_number": "câu hỏi số không có đáp án nào sau «#»; câu hỏi bị bỏ qua",
    "problem.gift_not_a_number": (
        "«{value}» không phải một số (viết x, x:sai_số hoặc thấp..cao, với dấu chấm thập phân); "
        "câu hỏi bị bỏ qua"
    ),
    "problem.gift_numeric_several": (
        "câu hỏi số có nhiều đáp án; chỉ giữ đáp án được {weight}% điểm: {kept}"
    ),
    "problem.gift_match_format": "đáp án «{value}» của câu ghép thiếu «->»; câu hỏi bị bỏ qua",
    "problem.gift_match_distractor": (
        "vế phải thừa «{value}» (không có vế trái) không dùng được trong câu ghép của ngân hàng; "
        "đã bỏ"
    ),
    "problem.aiken_not_started": (
        "dòng lựa chọn hoặc dòng ANSWER nằm ngoài câu hỏi (câu hỏi chưa bắt đầu)"
    ),
    "problem.aiken_looks_like_option": (
        "dòng này bắt đầu như một lựa chọn («{marker}») nên được đọc là lựa chọn, dù lựa chọn tiếp "
        "theo phải là «{next}»; nếu đây là câu hỏi, hãy viết lại đầu dòng (ví dụ «Lênin (V.I. "
        "Lênin) ...»)"
    ),
    "problem.aiken_answer_spelling": (
        "dòng này giống dòng đáp án, nhưng Aiken chỉ nhận đúng dạng «ANSWER: X» (chữ in hoa) nên "
        "nó được đọc là một câu hỏi mới"
    ),
    "problem.aiken_not_completed": (
        "câu hỏi «{question}» (dòng {line}) chưa có dòng ANSWER khi câu hỏi mới bắt đầu ở đây; câu "
        "đó bị bỏ qua"
    ),
    "problem.aiken_unfinished": (
        "câu hỏi «{question}» chưa có dòng ANSWER trước khi hết tệp; câu hỏi bị bỏ qua"
    ),
    "problem.aiken_too_few_answers": (
        "câu hỏi «{question}» cần ít nhất 2 lựa chọn trước dòng ANSWER; câu hỏi bị bỏ qua"
    ),
    "problem.aiken_bad_answer": (
        "«ANSWER: {value}» không ứng với lựa chọn nào (câu hỏi có các lựa chọn A..{last}); câu hỏi "
        "bị bỏ qua"
    ),
    "problem.export_not_gift": "câu hỏi `{id}` loại {type} không viết được sang GIFT; bỏ qua",
    "problem.export_gift_arrow": (
        "câu hỏi `{id}` có «->» trong đáp án hoặc vế trái, GIFT sẽ đọc nhầm thành câu ghép; bỏ qua"
    ),
    "problem.export_not_aiken": (
        "câu hỏi `{id}` loại {type}: Aiken chỉ có câu một đáp án đúng (single); bỏ qua"
    ),
    "problem.export_aiken_prompt": (
        "câu hỏi `{id}` bắt đầu như một lựa chọn hoặc dòng ANSWER (hoặc quá ngắn), Aiken sẽ đọc "
        "sai; bỏ qua"
    ),
    "moodle.unknown_lesson": "không có bài học `{lesson}` trong bộ nội dung {pack}{suggestion}",
    "moodle.stdout": "đầu ra chuẩn",
    "problem.import_unknown_lesson": (
        "bài học `{lesson}` không có trong bộ nội dung sẽ chứa ngân hàng; câu hỏi được nhập mà "
        "không gắn với bài học"
    ),
    # exports and imports (issue 7)
    "export.count.rows": "{count} dòng",
    "export.count.sessions": "{count} buổi sinh hoạt",
    # exports and imports (issue 7)
    "key.export": "Xuất kết quả",
    "export.title": "Xuất kết quả",
    "export.pick_format": "Chọn dạng tệp:",
    "export.format.xlsx": "Bảng tính Excel (.xlsx)",
    "export.format.xlsx.detail": "bảng điểm và thống kê từng câu, gửi Đảng ủy phường",
    "export.format.html": "Báo cáo để in (.html)",
    "export.format.html.detail": "mở bằng trình duyệt, in khổ A4, có chỗ ký",
    "export.format.csv": "Bảng điểm CSV (.csv)",
    "export.format.csv.detail": "cho bảng tính hoặc chương trình khác",
    "export.format.md": "Báo cáo dạng văn bản (.md)",
    "export.format.md.detail": "Markdown, dán được vào văn bản khác",
    "export.format.json": "Gói dữ liệu (.json)",
    "export.format.json.detail": "để nhập vào máy khác: studyapp import TỆP",
    "export.path_message": "Tệp sẽ được ghi vào đường dẫn dưới đây; sửa nếu muốn để nơi khác.",
    "export.path_label": "Lưu vào",
    "export.submit": "Xuất",
    "export.no_path": "Cần một tên tệp.",
    "export.working": "Đang xuất…",
    "export.done": "Đã xuất {what} vào {path}",
    "export.failed": "Không xuất được",
    # --- spaced-repetition schedule (studyapp/review, studyapp/store/review.py) ---
    "schedule.limit_invalid": "Số câu ôn mỗi ngày phải là số nguyên từ 1 trở lên.",
    "schedule.rating.again": "Chưa nhớ",
    "schedule.rating.hard": "Khó",
    "schedule.rating.good": "Nhớ",
    "schedule.rating.easy": "Dễ",
    # review and progress (issue 8)
    "home.menu.review": "Ôn tập",
    "home.menu.review.detail": "Câu đã trả lời sẽ được nhắc ôn lại đúng lúc",
    "home.menu.review.due": "{count} câu đến hạn ôn hôm nay",
    "home.menu.review.next": "Hôm nay không có câu nào; câu tiếp theo đến hạn {date}",
    "home.menu.review.empty": "Chưa có câu nào: luyện tập hoặc kiểm tra trước",
    "key.read_lesson": "Đọc bài",
    "key.practise_lesson": "Luyện bài này",
    "key.daily_limit": "Số câu mỗi ngày",
    "key.quizzes": "Các lần làm bài",
    "key.rate": "Tự đánh giá",
    "review.guest": (
        "Khách không có lịch ôn tập: hãy chọn tên mình (phím n) để chương trình nhắc ôn."
    ),
    "review.nothing_due": "Hôm nay không có câu nào đến hạn ôn. Câu tiếp theo đến hạn ngày {when}.",
    "review.no_cards": (
        "Chưa có câu nào để ôn: luyện tập hoặc kiểm tra trước, các câu đã trả lời sẽ được nhắc lại "
        "đúng lúc."
    ),
    "progress.title": "Tiến độ — {name}",
    "progress.column.lesson": "Bài học (yếu nhất trước)",
    "progress.column.mastery": "Thuộc",
    "progress.column.right": "Đúng/câu",
    "progress.column.due": "Đến hạn",
    "progress.column.read": "Đã đọc",
    "progress.read": "Đã đọc {read}/{total} bài",
    "progress.due": "{count} câu đến hạn ôn hôm nay",
    "progress.next_due": "câu tiếp theo đến hạn {date}",
    "progress.nothing_scheduled": "chưa có câu nào trong lịch ôn",
    "progress.limit": "ôn tối đa {limit} câu mỗi ngày",
    "progress.hint": (
        "“Thuộc”: tỉ lệ câu của bài mà lần trả lời gần nhất đúng. Enter: đọc bài · l: luyện bài "
        "này · o: ôn tập · g: số câu ôn mỗi ngày · x: các lần làm bài."
    ),
    "progress.limit_title": "Số câu ôn mỗi ngày",
    "progress.limit_message": "Mỗi ngày ôn tối đa số câu này (câu quá hạn lâu nhất trước).",
    "progress.limit_label": "Số câu (1–500)",
    "progress.bad_limit": "Cần một số từ 1 đến 500.",
    "quiz.rate_hint": "Tự đánh giá (không bắt buộc): 1 Chưa nhớ · 2 Khó · 3 Nhớ · 4 Dễ",
    "quiz.rated": "Đã ghi “{rating}”: câu này sẽ được nhắc ôn ngày {date}.",
    # review and progress (issue 8)
    "review.limit_reached": (
        "Hôm nay đã ôn đủ {limit} câu (còn {due} câu đến hạn). Muốn ôn thêm, tăng số câu mỗi ngày "
        "ở màn hình Tiến độ (phím g)."
    ),
    # exports and imports (issue 7)
    "report.not_tested": "(trong số người có mặt, {count} người không làm bài kiểm tra)",
    # review and progress (issue 8)
    "home.menu.review.due_capped": (
        "Hôm nay ôn {count} câu ({due} câu đến hạn; số câu mỗi ngày: phím x rồi g)"
    ),
    "home.menu.review.done_today": "Hôm nay đã ôn đủ số câu; còn {due} câu đến hạn",
    "review.screen_title": "Ôn tập",
    # --- nhập bài làm trên giấy (studyapp/quiz/entry.py) -------------------
    "entry.at_question": "câu {number} ({text}): {message}",
    "entry.unclosed": "dấu {mark} chưa được đóng: hãy đóng lại, hoặc xoá dấu mở",
    "entry.not_truefalse": "ghi Đ (hoặc D) cho đúng, S cho sai",
    "entry.not_a_choice": "{letter} không phải một phương án của câu này (A–{last})",
    "entry.empty_text": "câu trả lời trống: ghi - nếu bỏ trống",
    "entry.not_a_number": "không phải một số (ghi 3,5 hoặc 3.5; sau số câu và dấu hai chấm: 7:3,5)",
    "entry.one_character": "chỉ nhận một chữ cái",
    "entry.twice": "{letter} được ghi hai lần",
    "entry.order_numbers": "ghi các số từ 1 đến {size} theo thứ tự các ô, mỗi số một lần",
    "entry.not_an_item": "{letter} không phải một mục của câu này (A–{last})",
    "entry.order_letters": "ghi đủ {size} chữ A–{last} theo đúng thứ tự, mỗi chữ một lần",
    "entry.bad_pairs": "không đọc được các cặp từ {text!r}: hãy ghi 1b,2a,3c",
    "entry.no_left": "không có vế trái {left} (câu này có 1–{size})",
    "entry.left_twice": "vế trái {left} được ghép hai lần",
    "entry.match_letters": (
        "ghi một chữ A–{last} cho mỗi vế trái trong {size} vế, _ nếu bỏ trống (hoặc các cặp 1b,2a)"
    ),
    "entry.right_twice": "một chữ vế phải được dùng hai lần",
    "entry.not_a_right": "{letter} không phải một vế phải của câu này (A–{last})",
    "entry.other_paper": (
        "mã đề #{code} không phải mã của bài này (#{expected}): "
        "có phải bài của đảng viên khác hay của buổi sinh hoạt khác?"
    ),
    "entry.no_question": "không có câu {number}: đề có {size} câu",
    "entry.no_answer": "thiếu câu trả lời sau số câu: ghi {number}- nếu bỏ trống",
    "entry.too_many": "thừa câu trả lời: đề chỉ có {size} câu",
    "entry.answered_twice": "được trả lời hai lần",
    "entry.too_few": "thiếu câu trả lời: đề có {size} câu; chưa có câu trả lời cho câu {missing}",
    "entry.not_present": "{name} chưa được điểm danh có mặt ở buổi này: hãy điểm danh trước",
    "entry.no_such_code": (
        "không có bài nào của buổi này mang mã #{code}: "
        "có phải bài của buổi khác?"
    ),
    "entry.code_shared": "cả buổi dùng chung một đề (#{code}): hãy chọn đảng viên theo tên",
    "entry.taken_otherwise": (
        "{"
        "name} đã làm, hoặc đang làm, bài kiểm tra trên máy hay trên điện thoại"
    ),
    "entry.already_entered": "bài của {name} đã được nhập: hãy sửa bài (cần mã PIN của chi bộ)",
    "paper.fields_named": "Họ và tên: {name} · Chi bộ: {cell} · Ngày: {date}",
    "paper.footer": "{name} · Mã đề {code} · Trang ",
    "paper.session_title": "Đề kiểm tra — {cell}, ngày {date}",
    # --- i21p: content packs from outside, the PIN, dates ---
    "problem.outside_pack": (
        "tệp này dẫn ra ngoài thư mục của gói (tới {target}) nên không được đọc: hãy chép tệp"
        " vào trong gói"
    ),
    "problem.not_regular": (
        "đây không phải tệp thường (thiết bị, ống dẫn hay socket) nên không được đọc: hãy đặt"
        " một tệp văn bản vào đây"
    ),
    "problem.link_loop": "liên kết này dẫn vòng quanh nên không được đọc: hãy thay bằng chính tệp",
    "problem.broken_link": "liên kết này không dẫn tới tệp nào nên không được đọc",
    "problem.lesson_too_deep": (
        "bài này lồng sâu {depth} cấp, tối đa {limit} cấp, nên bị bỏ qua: hãy chọn `parent`"
        " ở cấp cao hơn"
    ),
    "pin.rule": (
        "Mã PIN cần ít nhất {digits} chữ số, hoặc một cụm mật khẩu ít nhất {letters} ký tự"
        " (không có dấu cách ở đầu hay cuối)."
    ),
    "pin.rule_repeated": "Mã PIN không được chỉ là một ký tự lặp lại: hãy chọn mã khác.",
    "pin.weak_change": (
        "Mã PIN của chi bộ này ngắn hơn quy định ({digits} chữ số hoặc cụm mật khẩu {letters}"
        " ký tự): hãy đổi mã (members pin --cell TÊN)."
    ),
    "pin.weak_change_ui": (
        "Mã PIN của chi bộ này ngắn hơn quy định ({digits} chữ số hoặc cụm mật khẩu {letters}"
        " ký tự): hãy đổi mã khi mở buổi họp (hoặc bằng lệnh members pin)."
    ),
    "cli.unrecognized": "không hiểu các tham số: {args}.",
    "cli.dash_name_hint": (
        "Tên bắt đầu bằng “-” thì viết cuối cùng, sau “--”: studyapp members add --cell TÊN"
        " -- -3+4"
    ),
    # --- i20: safe files, full disks, read-only media, one window per attempt ---
    "file.is_link": (
        "{path} là một liên kết (symlink): không ghi qua liên kết; hãy cho đường dẫn của chính tệp."
    ),
    "file.not_regular": (
        "{path} không phải một tệp thường (thiết bị, FIFO…): không ghi vào đó; "
        "hãy chọn tên tệp khác."
    ),
    "file.exists": "Tệp {path} đã có; thêm --force để ghi đè, hoặc chọn tên khác.",
    "cli.opt.force": "ghi đè tệp kết quả đã có",
    "export.exists": "Tệp {path} đã có. Ghi đè lên tệp đó?",
    "export.overwrite": "Ghi đè",
    "export.keep": "Giữ tệp cũ (không xuất)",
    "db.full": (
        "Không lưu được vào {path}: ổ đĩa đã đầy. Những gì đã lưu trước đó vẫn còn nguyên; "
        "hãy giải phóng chỗ trống trên ổ đĩa rồi thử lại."
    ),
    "lease.busy": (
        "Bài của {who} đang được làm trong một cửa sổ khác (máy {host}, từ {since}): "
        "không làm tiếp ở đây để hai cửa sổ không ghi lẫn vào nhau. Hãy làm tiếp trong cửa sổ "
        "đó, hoặc đóng nó rồi thử lại."
    ),
    "lease.lost": (
        "Bài này vừa được mở trong một cửa sổ khác: các câu trả lời đã lưu vẫn còn nguyên; "
        "hãy làm tiếp trong cửa sổ đó."
    ),
    # --- i13paper: paper entry (CLI, screen, via column) ---
    "cli.cmd.session": "buổi sinh hoạt: in đề cho từng đảng viên, nhập bài làm trên giấy",
    "cli.cmd.session_papers": "in đề của buổi: mỗi đảng viên có mặt một đề (HTML khổ A4)",
    "cli.cmd.session_enter": (
        "nhập bài làm trên giấy của một đảng viên (cú pháp: docs/paper-entry.md)"
    ),
    "cli.opt.session_id": "mã buổi sinh hoạt (hoặc ít nhất 6 ký tự đầu của mã)",
    "cli.opt.papers_output": "tệp HTML để ghi các đề (in ra khổ A4)",
    "cli.opt.papers_force": "ghi đè tệp đã có",
    "cli.opt.entry_member": "họ tên đảng viên (gõ không dấu cũng được) hoặc mã đảng viên",
    "cli.opt.entry_code": "mã đề in trên bài (6 chữ số)",
    "cli.arg.entry_answers": "các câu trả lời, ví dụ \"1B 2AC 3Đ 4CAB\" hoặc \"BACDABCDAB\"",
    "cli.opt.entry_correct": "sửa bài đã nhập (cần mã PIN của chi bộ; chỉ khi buổi chưa đóng)",
    "cli.papers_nobody": "Chưa có ai được điểm danh có mặt ở buổi này: hãy điểm danh trước.",
    "cli.papers_written": "Đã ghi {count} đề vào {path}.",
    "cli.entry_no_member": "Không có ai tên “{name}” trong số người có mặt ở buổi này.",
    "cli.entry_twins": (
        "Có nhiều người có mặt tên “{name}”: hãy dùng --member với mã đảng viên hoặc --code "
        "({ids})."
    ),
    "cli.entry_problems": "Chưa lưu bài của {name}: có {count} chỗ cần sửa.",
    "cli.entry_saved": (
        "Đã lưu bài của {name} (mã đề {code}): {answered}/{size} câu có trả lời, điểm {score} "
        "{band}"
    ),
    "key.enter_papers": "Nhập bài giấy",
    "key.print_papers": "In đề",
    "key.enter_paper": "Nhập bài",
    "key.review_paper": "Xem lại, lưu",
    "key.next_line": "Câu sau",
    "key.previous_line": "Câu trước",
    "key.save_paper": "Lưu bài",
    "key.edit_paper": "Sửa tiếp",
    "papers.file_prefix": "de-kiem-tra",
    "papers.print_title": "In đề cho từng người",
    "papers.print_message": (
        "Mỗi đảng viên có mặt một đề (có tên, mã đề, số trang), ghi vào một tệp HTML để in khổ A4 "
        "bằng trình duyệt."
    ),
    "papers.print_submit": "Ghi tệp",
    "papers.print_failed": "Không ghi được các đề",
    "papers.title": "Nhập bài làm trên giấy — {cell}",
    "papers.counts": "Đã nhập {entered}/{present} bài · làm trên máy hoặc điện thoại {other}",
    "papers.find_placeholder": "Gõ tên hoặc mã đề (6 chữ số) để tìm",
    "papers.pick_hint": (
        "Chọn người (↑↓ rồi Enter) hoặc gõ mã đề in trên bài. Bài đã nhập vẫn sửa được (cần mã "
        "PIN) cho đến khi đóng buổi."
    ),
    "papers.state.todo": "chưa nhập",
    "papers.state.entered": "✓ đã nhập",
    "papers.state.other": "làm trên máy/điện thoại",
    "papers.entry_title": "Nhập bài trên giấy",
    "papers.entry_heading": "Bài của {name} · mã đề #{code}",
    "papers.correcting": "(sửa bài đã nhập)",
    "papers.entry_hint": (
        "Ghi như trên bài: B · AC · Đ/S · CAB (sắp xếp) · 1b 2a 3c (ghép) · chữ hoặc số; - nếu bỏ "
        "trống. Enter: câu sau; ở câu cuối: xem lại."
    ),
    "papers.kind.single": "1 lựa chọn",
    "papers.kind.multi": "nhiều lựa chọn",
    "papers.kind.truefalse": "đúng/sai (Đ/S)",
    "papers.kind.fill": "điền từ",
    "papers.kind.number": "số",
    "papers.kind.order": "sắp xếp",
    "papers.kind.match": "ghép đôi",
    "papers.no_quotes": "câu trả lời có dấu ngoặc kép: hãy bỏ dấu ngoặc kép",
    "papers.missing": "chưa nhập câu {numbers}: ghi - nếu người làm bỏ trống",
    "papers.problems": "Chưa lưu: có {count} chỗ cần sửa (tô đỏ).",
    "papers.review_title": "Xem lại bài của {name}",
    "papers.review_summary": "{answered}/{size} câu có trả lời · điểm {score} {band}",
    "papers.review_correction": (
        "Đây là sửa bài đã nhập: cần mã PIN của chi bộ; bài cũ vẫn được lưu lại."
    ),
    "papers.review_keys": "Enter: lưu bài · Esc: sửa tiếp",
    "papers.saved": "Đã lưu bài của {name} (điểm {score}).",
    "key.clear_line": "Xoá dòng",
    "export.col.via": "Cách làm bài",
    "export.via.laptop": "trên máy",
    "export.via.phone": "điện thoại",
    "export.via.paper": "trên giấy",
    "summary.column.via": "Cách làm",
    # --- i16: question sets in Excel ---
    "cli.opt.questions_template": "ghi tệp mẫu để soạn câu hỏi (xlsx), có dòng ví dụ và hướng dẫn",
    "sheet.needs_output": "tệp Excel cần có tên tệp để ghi: thêm -o TỆP.xlsx",
    "sheet.needs_format": "hãy chọn --format gift, aiken hoặc xlsx",
    "package.not_zip": (
        "{path} không phải là tệp .{want} (không đọc được như một tệp nén); hãy mở bằng "
        "Word/Excel hoặc LibreOffice và lưu lại dưới dạng .{want}"
    ),
    "package.ole": (
        "{path} là tệp Office đời cũ (.doc/.xls) hoặc tệp có đặt mật khẩu; hãy mở bằng "
        "Word/Excel hoặc LibreOffice, bỏ mật khẩu nếu có, rồi lưu lại dưới dạng .{want}"
    ),
    "package.opendocument": (
        "{path} là tệp OpenDocument (.{kind}); hãy mở bằng LibreOffice và lưu lại dưới dạng "
        ".{want}"
    ),
    "package.wrong_kind": "{path} là tệp nén nhưng không phải tệp .{want}",
    "package.bomb": (
        "{path} khi giải nén lớn hơn nhiều so với một bộ câu hỏi ({size} byte, giới hạn "
        "{limit} byte); tệp không được đọc"
    ),
    "package.damaged": "{path} bị hỏng, không đọc được: {reason}",
    "package.no_header": (
        "{path}: không trang tính nào có dòng tiêu đề với cột «Câu hỏi» (hoặc «Nội dung») và "
        "cột «Đáp án» hoặc các cột phương án A, B…; các trang đã xem: {sheets}"
    ),
    "sheet.template_written": "Đã ghi tệp mẫu vào {path}",
    "problem.sheet_too_many_rows": "chỉ đọc {limit} dòng đầu của trang tính, bỏ qua các dòng sau",
    "problem.sheet_formula_no_value": (
        "ô có công thức nhưng chưa có giá trị đã lưu (chương trình không tính công thức); "
        "hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại"
    ),
    "problem.sheet_number_twice": "số thứ tự {number} đã dùng ở dòng {first}",
    "problem.sheet_no_prompt": "dòng có phương án hoặc đáp án nhưng thiếu câu hỏi; bỏ qua dòng",
    "problem.sheet_unknown_kind": (
        "không biết loại câu hỏi «{value}» (Một lựa chọn, Nhiều lựa chọn, Đúng/Sai, Điền, Số, "
        "Sắp xếp, Ghép); câu hỏi bị bỏ qua"
    ),
    "problem.sheet_no_answer": "câu hỏi không có đáp án đúng; câu hỏi bị bỏ qua",
    "problem.sheet_answer_not_a_choice": (
        "đáp án {letter} không có trong {count} phương án của câu; câu hỏi bị bỏ qua"
    ),
    "problem.sheet_single_many": (
        "câu một lựa chọn nhưng đáp án có nhiều chữ cái ({letters}); câu hỏi bị bỏ qua"
    ),
    "problem.sheet_no_truth": "câu Đúng/Sai cần đáp án Đúng hoặc Sai, không phải «{value}»",
    "problem.sheet_not_a_number": (
        "câu Số cần đáp án là một số (2,5; 5 ± 0,5; 1,5 .. 2), không phải «{value}»"
    ),
    "problem.sheet_bad_order": (
        "thứ tự đúng «{value}» phải dùng mỗi chữ cái của {count} ý đúng một lần; câu hỏi bị bỏ qua"
    ),
    "problem.sheet_bad_pair": "ô «{value}» không phải một cặp «vế trái → vế phải»; bỏ qua câu",
    "problem.sheet_unknown_level": "không hiểu mức độ «{value}» (NB, TH, VD, VDC, 1-3); coi là TH",
    "problem.sheet_bad_points": "điểm «{value}» phải là một số dương; dùng 1 điểm",
    "gift.if_answered": "Nếu trả lời {answer}: {feedback}",
    "gift.if_other": "Nếu trả lời số khác: {feedback}",
    "gift.true": "Đúng",
    "gift.false": "Sai",
    # --- i16: question sets in Word ---
    "problem.word_number_twice": "câu số {number} đã có ở đoạn {first} trong cùng phần",
    "problem.word_media": (
        "câu {number} cần hình ảnh hoặc công thức, chương trình không giữ được; câu hỏi bị bỏ qua"
    ),
    "problem.word_no_answer": (
        "câu {number} không có đáp án đúng (dòng «Đáp án:», dấu *, chữ gạch chân/tô màu, hay bảng"
        " đáp án); câu hỏi bị bỏ qua"
    ),
    "problem.word_answer_not_a_choice": (
        "đáp án {letter} của câu {number} không có trong {count} phương án; câu hỏi bị bỏ qua"
    ),
    "problem.word_essay": (
        "câu {number} không có phương án và đáp án (câu tự luận?); câu hỏi bị bỏ qua"
    ),
    "problem.word_marks_disagree": (
        "câu {number}: dòng «Đáp án» ghi {line} nhưng phương án được đánh dấu là {mark}; theo "
        "dòng «Đáp án»"
    ),
    "problem.word_bad_order": (
        "thứ tự đúng «{value}» phải dùng mỗi chữ cái của {count} ý đúng một lần; câu hỏi bị bỏ "
        "qua"
    ),
    "problem.word_bad_pair": (
        "câu {number}: cặp «{value}» không có vế trái hoặc vế phải như vậy; câu hỏi bị bỏ qua"
    ),
    "problem.word_bad_pairs": (
        "câu {number}: đáp án phải ghép mỗi ý 1, 2… với đúng một ý a), b)…; câu hỏi bị bỏ qua"
    ),
    "problem.word_preamble": "bỏ qua {count} đoạn trước câu hỏi đầu tiên (lời dẫn, hướng dẫn)",
    "problem.word_key_unknown": "bảng đáp án có câu {number} nhưng tệp không có câu này",
    "problem.word_key_disagrees": (
        "câu {number}: bảng đáp án ghi {key} nhưng câu đã có đáp án {own}; giữ đáp án của câu"
    ),
    "cli.opt.questions_answers": (
        "docx: đáp án ghi ngay dưới mỗi câu (inline), trong bảng đáp án cuối tệp (table) "
        "hoặc không ghi (none, để in đề thi)"
    ),
    "problem.word_number_skips": "sau câu {previous} là câu {number}: thiếu câu ở giữa?",
    "problem.source_file_missing": (
        "`source_file = \"{value}\"`: không có tệp này trong thư mục của bộ nội dung"
    ),
    # --- i15: a pack from a document ---
    "cli.cmd.pack": "tạo bộ nội dung học tập từ văn bản Word, PDF hoặc văn bản thường (pack new)",
    "cli.arg.pack_action": "new: tạo bộ nội dung mới từ một văn bản",
    "cli.arg.pack_document": "văn bản nguồn: .docx, .pdf (có lớp chữ), .txt hoặc .md",
    "cli.opt.pack_output": "thư mục sẽ tạo cho bộ nội dung (chưa được có sẵn)",
    "cli.opt.pack_id": "mã bộ nội dung (mặc định: theo tên thư mục)",
    "cli.opt.pack_title": "tên bộ nội dung (mặc định: loại văn bản và trích yếu)",
    "cli.opt.pack_depth": "mỗi mục đến cấp này là một bài học (mặc định: cấp cho bài dài vừa đọc)",
    "pack.bad_id": "mã «{value}» chỉ được gồm chữ thường không dấu, chữ số và dấu -",
    "pack.target_exists": "{path} đã có; hãy chọn một thư mục chưa có để tạo bộ nội dung",
    "pack.level": "cấp {depth}: {count} mục",
    "pack.report": "Đã tạo {path}: {lessons} bài học (mỗi mục đến cấp {depth}); cấu trúc: {levels}",
    "pack.invalid": "{path} chưa dùng được: xem các lỗi ở trên",
    "pack.next": (
        "Bước tiếp: đọc lại ERRATA.md và các bài học trong {path}/lessons, soạn câu nháp bằng "
        "studyapp pack draft-questions {path}, rồi chạy "
        "studyapp validate {path}"
    ),
    "document.missing": "không tìm thấy tệp {path}",
    "document.too_large": "{path} quá lớn ({size} byte, giới hạn {limit} byte)",
    "document.unknown_kind": (
        "không đọc được loại tệp «{suffix}»: hãy dùng .docx, .pdf (có lớp chữ), .txt hoặc .md"
    ),
    "document.not_text": (
        "{path}: byte {byte} ở dòng {line} không phải UTF-8 hay UTF-16; hãy lưu lại tệp "
        "dưới dạng UTF-8"
    ),
    "document.legacy_font": (
        "{path} được gõ bằng phông cũ ({font}, bảng mã TCVN3 hoặc VNI): chữ sẽ bị sai; hãy "
        "chuyển sang Unicode (Unikey: Công cụ chuyển mã) rồi thử lại"
    ),
    "document.pdf_encrypted": "{path} có đặt mật khẩu; hãy mở và lưu lại một bản không có mật khẩu",
    "document.pdf_damaged": "{path} bị hỏng, không đọc được: {reason}",
    "document.pdf_no_text": (
        "{path} ({pages} trang) không có lớp chữ, có lẽ là bản quét ảnh; hãy nhận dạng chữ "
        "(OCR) hoặc dùng bản Word"
    ),
    "document.empty": "{path} không có chữ nào",
    "document.doc_number_repeats": "mục {reference} trùng số với mục liền trước",
    "document.doc_number_skips": "mục {reference} đứng sau mục số {after}: thiếu mục ở giữa?",
    "document.doc_heading_no_body": "mục {reference} chỉ có tiêu đề, không có nội dung",
    "document.doc_no_structure": (
        "không nhận ra mục đánh số nào: cả văn bản thành một bài học; hãy kiểm tra và chia "
        "bài học bằng tay"
    ),
    "cli.validate_coverage": (
        "{pack}: {quoted}/{sentences} câu của văn bản nguồn có trong bài học ({share}%)"
    ),
    "problem.errata_not_in_source": "ERRATA: dòng {line} của văn bản nguồn không có «{text}»",
    "problem.errata_unknown_lesson": "ERRATA: không có bài học `{lesson}`",
    "problem.errata_not_applied": "ERRATA: bài học `{lesson}` chưa có chỗ đã sửa «{text}»",
    "problem.not_in_source": (
        "đoạn này không có trong văn bản nguồn (kể cả sau các chỗ sửa của ERRATA.md): "
        "«{words}…»; lời giải thích phải để trong khối «> Ghi chú:»"
    ),
    "problem.coverage_below_full": (
        "các bài học trích {share}% văn bản nguồn: còn {missing} câu chưa có, câu đầu tiên "
        "«{words}…»"
    ),
    "problem.bad_status": "`status = \"{value}\"`: chỉ nhận \"draft\" (câu hỏi nháp)",
    "cli.pack_drafts": "{pack}: {count} câu hỏi nháp chờ duyệt (không được đưa vào đề)",
    "pack.needs_output": "pack new cần thư mục để tạo bộ nội dung: thêm -o THƯ_MỤC",
    "pack.not_a_pack": "{path} không phải thư mục bộ nội dung (không có pack.toml)",
    "pack.drafts_exist": "{path} đã có; hãy duyệt hoặc xóa các câu nháp cũ trước",
    "pack.no_drafts": "không soạn được câu nháp nào từ các bài học của {path}",
    "pack.drafts_description": "Câu hỏi nháp soạn tự động từ văn bản: cần người soạn duyệt",
    "pack.drafts_written": (
        "Đã ghi {count} câu hỏi nháp vào {path}; câu nháp không được đưa vào đề cho đến khi "
        "được duyệt (bỏ dòng status = \"draft\")"
    ),
    "package.no_word_reader": (
        "{path}: bản studyapp.pyz này không đọc, ghi được tệp Word (cần thư viện lxml); hãy "
        "cài studyapp bằng cai-dat.bat hoặc cai-dat.sh rồi chạy lại"
    ),
    # --- i17: question groups (content-format-extensions.md) ---
    "problem.group_of_one": ("nhóm `{group}` chỉ có một câu hỏi (`{id}`): có thể tên nhóm bị "
                             "gõ sai"),
    # --- import in the interface ---
    "key.import_questions": "Nhập câu hỏi",
    "palette.import_questions": "Nhập câu hỏi từ Word/Excel",
    "palette.import_questions.detail": "Bộ câu hỏi trong tệp Word, Excel hoặc văn bản",
    "import_ui.title": "Nhập câu hỏi từ Word/Excel",
    "import_ui.hint": (
        "Chọn tệp câu hỏi (Word .docx, Excel .xlsx, văn bản .txt, GIFT, Aiken) trong cây thư "
        "mục rồi nhấn Enter, hoặc gõ đường dẫn vào ô bên dưới. Tab: chuyển giữa ô và cây."
    ),
    "import_ui.path_placeholder": "đường dẫn đến tệp câu hỏi",
    "import_ui.no_file": "Không có tệp {path}",
    "import_ui.working": "Đang đọc {name}…",
    "import_ui.done": "Đã nhập {count} câu hỏi",
    "import_ui.nothing": "Chưa nhập được câu hỏi nào",
    "import_ui.pack_title": "Câu hỏi đã nhập",
    "import_ui.pack_source": "Các bộ câu hỏi nhập từ tệp Word, Excel hoặc văn bản",
    "item.top_wrong_uncounted": "Câu trả lời sai gặp nhiều nhất: “{answer}”",
    "answer.match_first": "Hãy ghép ít nhất một dòng (gõ chữ cái của vế phải) rồi nhấn Enter.",
    # --- i21b: bundles checked for real ---
    "bundle.other_cell": "{where}: đảng viên {id} không thuộc chi bộ của buổi {session}.",
    "bundle.self_retake": "{where}: bài {id} được ghi là làm lại chính nó.",
    "bundle.retake_of_other": (
        "{where}: bài làm lại thay cho bài {id} của người khác hoặc của buổi khác."
    ),
    "bundle.retake_cycle": "{where}: các bài làm lại thay nhau thành vòng tròn (từ bài {id}).",
    "import.integrity_net": (
        "Gói dữ liệu không khớp với cơ sở dữ liệu ở máy này. Không thay đổi gì. "
        "Hãy báo lỗi này kèm tệp gói dữ liệu."
    ),
    "bundle.outside_paper": "{where}: câu thứ {position} không có trong đề {size} câu.",
    "bundle.not_on_paper": "{where}: câu {id} không phải câu ở vị trí này của đề.",
    "bundle.line_break": "phải nằm trên một dòng (có ký tự xuống dòng).",
    "bundle.no_zone": "thời điểm thiếu múi giờ (cần dạng 2026-11-26T19:00:00+07:00).",
    "bundle.not_a_number": "tệp có giá trị {value}: JSON không có giá trị này, gói bị từ chối.",
    "bundle.schema": "{where}: không đúng dạng chương trình ghi (quy tắc “{rule}”).",
    "bundle.more_than_paper": "{where}: {value} câu, nhiều hơn {size} câu của đề.",
    "bundle.correct_above_answered": "{where}: số câu đúng nhiều hơn số câu đã trả lời.",
    "bundle.scale_zero": "{where}: thang điểm phải lớn hơn 0.",
    "bundle.above_scale": "{where}: điểm đạt hay mức xếp loại vượt thang điểm {scale}.",
    "bundle.score_above_scale": "{where}: điểm vượt thang điểm {scale}.",
    "bundle.recomputed_answer": (
        "{where}: điểm của câu trả lời khác với khi chấm lại (bài {attempt}): "
        "gói đã bị sửa sau khi xuất."
    ),
    "bundle.recomputed_counts": (
        "{where}: số câu đã trả lời hay số câu đúng của bài {id} khác với các câu trả lời: "
        "gói đã bị sửa sau khi xuất."
    ),
    "bundle.recomputed_score": (
        "{where}: điểm, xếp loại hay kết quả đạt của bài {id} khác với khi tính lại "
        "từ các câu trả lời: gói đã bị sửa sau khi xuất."
    ),
    "bundle.no_signature": (
        "gói phiên bản {version} phải có chữ ký (\"signature\": ed25519, khóa công khai, chữ ký)."
    ),
    "bundle.bad_signature": (
        "chữ ký không khớp với nội dung: gói đã bị sửa sau khi xuất, hoặc không phải "
        "do studyapp ký."
    ),
    "import.unsigned": (
        "Cảnh báo: {path} là gói phiên bản 1, không có chữ ký: không xác minh được "
        "máy nào đã xuất, và gói có bị sửa hay không."
    ),
    "import.key_first": "{cell} — khóa {key}, lần đầu",
    "import.key_known": "{cell} — khóa {key}, đã biết",
    "import.key_changed": (
        "{cell}: gói được ký bằng khóa {key}, khác khóa {known} đã nhận từ chi bộ này "
        "trước đây. Chưa nhập gì. Hãy gọi cho bí thư chi bộ để đối chiếu khóa; nếu chi bộ "
        "đã đổi máy, nhập lại với --accept-new-key."
    ),
    "import.key_accepted": "{cell} — khóa mới {key} được chấp nhận (thay khóa {known})",
    "cli.opt.accept_new_key": (
        "nhận gói của một chi bộ đã biết dù được ký bằng khóa khác (sau khi đã đối chiếu)"
    ),
    "import.merge_cell": (
        "chi bộ “{name}” của gói (mã {theirs}) sẽ được gộp với chi bộ cùng tên ở máy này "
        "(mã {ours})"
    ),
    "import.merge_member": (
        "đảng viên “{name}” của gói (mã {theirs}) sẽ được coi là người cùng tên ở máy này "
        "(mã {ours})"
    ),
    "import.merge_by_name": (
        "Chưa nhập gì: {count} chi bộ hay đảng viên của gói chỉ khớp với máy này theo tên. "
        "Nếu đúng là cùng chi bộ, cùng người (ví dụ hai máy của một chi bộ), nhập lại với "
        "--merge-by-name; nếu là chi bộ khác trùng tên, hãy đổi tên một bên trước:"
    ),
    "cli.opt.merge_by_name": (
        "gộp chi bộ và đảng viên chỉ khớp theo tên (sau khi đã xem danh sách sẽ gộp)"
    ),
    # --- i13web2: phone round ---
    'phone.round_ended': 'Vòng thi trên điện thoại đã kết thúc. Không nhận thêm câu trả lời.',
    'phone.throttled': 'Nhập sai mã quá nhiều lần. Hãy đợi {seconds} giây rồi thử lại.',
    'phone.wrong_code': 'Mã vòng thi không đúng. Hãy xem lại 6 chữ số trên màn hình máy tính.',
    'phone.code_first': 'Hãy nhập mã vòng thi trước.',
    'phone.device_has_claim': 'Điện thoại này đã chọn một người khác.',
    'phone.name_taken': (
        'Tên này đã được chọn trên một điện thoại khác. '
        'Nếu đó là bạn, hãy nhờ bí thư giải phóng tên.'
    ),
    'phone.not_choosable': 'Người này không có trong danh sách làm bài của buổi sinh hoạt.',
    'phone.already_tested': '{name} đã làm bài (hoặc đang làm bằng cách khác).',
    'phone.no_claim': 'Điện thoại này chưa chọn tên. Hãy bắt đầu lại từ trang đầu.',
    'phone.other_member': 'Không thể trả lời thay cho người khác.',
    'phone.not_on_paper': 'Câu hỏi này không có trong đề của bạn. Câu trả lời không được lưu.',
    'phone.already_finished': 'Bạn đã nộp bài. Câu trả lời không được lưu.',
    'phone.time_up': 'Đã hết giờ làm bài. Câu trả lời không được lưu.',
    'phone.bad_form': 'Trang đã cũ hoặc không hợp lệ. Hãy mở lại trang và thử lại.',
    'phone.too_large': 'Nội dung gửi lên quá lớn.',
    'phone.not_found': 'Không có trang này.',
    'phone.title': 'Làm bài trên điện thoại',
    'phone.enter_code': 'Nhập mã vòng thi (6 chữ số trên màn hình máy tính)',
    'phone.code_button': 'Vào',
    'phone.choose_name': 'Chọn tên của bạn',
    'phone.nobody': 'Không còn ai chờ làm bài.',
    'phone.confirm': 'Bạn là {name}?',
    'phone.confirm_yes': 'Đúng, tôi bắt đầu làm bài',
    'phone.confirm_no': 'Không, chọn lại',
    'phone.question_of': 'Câu {k}/{n}',
    'phone.time_left': 'Còn {minutes} phút',
    'phone.save': 'Lưu câu trả lời',
    'phone.saved': 'Đã lưu.',
    'phone.previous': 'Câu trước',
    'phone.next': 'Câu sau',
    'phone.hand_in': 'Nộp bài',
    'phone.hand_in_confirm': 'Nộp bài? Sau khi nộp không sửa được nữa.',
    'phone.unanswered': 'Còn {count} câu chưa trả lời.',
    'phone.true': 'Đúng',
    'phone.false': 'Sai',
    'phone.order_hint': 'Chọn số thứ tự cho từng ý (1 là đầu tiên).',
    'phone.match_hint': 'Chọn vế phải ghép với từng vế trái.',
    'phone.fill_hint': 'Gõ câu trả lời (gõ không dấu hoặc Telex/VNI cũng được).',
    'phone.number_hint': 'Gõ một số.',
    'phone.multi_hint': 'Chọn mọi đáp án đúng rồi bấm Lưu.',
    'phone.result_title': 'Kết quả của bạn',
    'phone.result_score': 'Điểm: {score}',
    'phone.result_note': 'Đáp án sẽ được xem cùng cả chi bộ sau khi mọi người làm xong.',
    'phone.back': 'Quay lại',
    'phone.order_incomplete': 'Mỗi số thứ tự chỉ được chọn một lần, và phải chọn đủ.',
    'phone.serve_address': 'Địa chỉ cho điện thoại: {url}',
    'phone.serve_code': 'Mã vòng thi: {code}',
    'phone.serve_stop': 'Nhấn Ctrl+C để kết thúc vòng thi.',
    'phone.serve_ended': 'Đã kết thúc vòng thi; máy chủ đã ngừng.',
    'cli.cmd.session_serve': 'mở vòng thi trên điện thoại của một buổi sinh hoạt',
    'cli.opt.serve_host': 'địa chỉ để nghe (mặc định: mọi mạng của máy)',
    'cli.opt.serve_port': 'cổng (mặc định: 8080)',
    # --- i13web: phone pages, serving, the round screen ---
    "phone.html_lang": "vi",
    "phone.saved_number": "Đã lưu câu {number}.",
    "phone.single_hint": "Chạm vào đáp án đúng: câu trả lời được lưu ngay.",
    "phone.answer_first": "Chưa có câu trả lời: hãy chọn hoặc gõ câu trả lời rồi bấm Lưu.",
    "phone.place_of": "Thứ tự của ý {letter}",
    "phone.questions": "Các câu hỏi",
    "phone.result_band": "Xếp loại: {band}",
    "phone.result_answered": "Đã trả lời {answered}/{size} câu.",
    "phone.round_running": (
        "Đang có một vòng thi trên điện thoại khác ({who}, máy {host}, từ {since}): mỗi lúc "
        "chỉ mở được một vòng. Hãy kết thúc vòng đó trước."
    ),
    "phone.cannot_listen": (
        "Không mở được máy chủ cho điện thoại ở {host}:{port}: {reason}. Hãy chọn cổng khác "
        "(--port) hoặc đóng chương trình đang dùng cổng này."
    ),
    "cli.opt.serve_pin": "PIN của chi bộ, để Ctrl+C kết thúc hẳn vòng thi (hoặc STUDYAPP_PIN)",
    "cli.bad_port": "Cổng {port} không hợp lệ: hãy chọn một số từ 1 đến 65535.",
    "phone.stage.joined": "{name}: đã vào, chưa trả lời câu nào",
    "phone.stage.answering": "{name}: đang ở câu {k}/{n} (đã trả lời {answered})",
    "phone.stage.finished": "{name}: đã nộp bài",
    "phone.stage.disconnected": "{name}: mất kết nối (đã trả lời {answered}/{n})",
    "phone.serve_paused": (
        "Máy chủ đã ngừng; vòng thi vẫn mở. Chạy lại lệnh này để các điện thoại làm tiếp, "
        "hoặc kết thúc vòng thi bằng PIN."
    ),
    "key.phone_round": "Điện thoại",
    "key.release_phone": "Đổi điện thoại",
    "key.end_round": "Kết thúc vòng",
    "key.back_to_turns": "Về lượt làm bài",
    "phone_ui.title": "Vòng thi trên điện thoại — {cell}",
    "phone_ui.address": "Mở trên điện thoại (hoặc quét mã QR):",
    "phone_ui.code": "Mã vòng thi:",
    "phone_ui.counts": (
        "Chưa vào: {waiting} · Đang làm: {joined} · Đã nộp: {finished} · Mất kết nối: {lost}"
    ),
    "phone_ui.stage.joined": "đã vào",
    "phone_ui.stage.answering": "câu {k}/{n}",
    "phone_ui.stage.finished": "đã nộp bài",
    "phone_ui.stage.disconnected": "mất kết nối ({answered}/{n})",
    "phone_ui.start_title": "Làm bài trên điện thoại",
    "phone_ui.start_message": (
        "Các đảng viên dùng điện thoại của mình, kết nối cùng mạng Wi-Fi với máy này "
        "(hoặc điểm phát Wi-Fi của máy), không cần Internet. Địa chỉ của máy: {addresses}. "
        "Để trống ô địa chỉ để nghe trên mọi mạng của máy."
    ),
    "phone_ui.host": "Địa chỉ nghe",
    "phone_ui.all_networks": "mọi mạng của máy",
    "phone_ui.port": "Cổng",
    "phone_ui.start": "Bắt đầu",
    "phone_ui.other_running": (
        "Đang có vòng thi trên điện thoại của một buổi khác: hãy kết thúc nó trước."
    ),
    "phone_ui.release_title": "Đổi điện thoại",
    "phone_ui.release_message": (
        "Giải phóng tên {name} để người đó vào lại từ một điện thoại khác? Các câu đã trả lời "
        "vẫn được giữ."
    ),
    "phone_ui.release": "Giải phóng",
    "phone_ui.released": "Đã giải phóng tên {name}: vào lại từ điện thoại khác bằng mã vòng thi.",
    "phone_ui.nobody_to_release": "Chưa có ai vào từ điện thoại.",
    "phone_ui.end_title": "Kết thúc vòng thi",
    "phone_ui.end_message": (
        "Kết thúc vòng thi trên điện thoại? Các điện thoại không gửi thêm được câu trả lời; "
        "bài chưa nộp được giữ nguyên và có thể làm tiếp trên máy tính."
    ),
    "phone_ui.end": "Kết thúc",
    "phone_ui.ended": "Đã kết thúc vòng thi trên điện thoại; máy chủ đã ngừng.",
    "phone_ui.running_line": "Vòng thi trên điện thoại đang chạy (mã {code}) — d: xem",
    "phone_ui.kept_line": "Vòng thi trên điện thoại đang mở dở — d: mở lại",
    "turns.on_phone": "đang làm trên điện thoại",
    "turns.taking_on_phone": (
        "{name} đang làm bài trên điện thoại. Để làm tiếp trên máy này, bí thư giải phóng tên "
        "(d, rồi g) hoặc kết thúc vòng thi trên điện thoại."
    ),
    # --- i14a ---
    "quit.title": "Thoát chương trình?",
    "quit.text": (
        "Đang làm bài dở. Các câu đã trả lời đều đã được lưu; lần sau mở chương trình, bài sẽ "
        "tiếp tục từ câu chưa trả lời."
    ),
    "quit.stay": "Tiếp tục làm bài",
    "quit.confirm": "Thoát",
    "quit.confirm_detail": "Đồng hồ dừng lại cho đến khi làm tiếp",
    "home.turn_interrupted": "{name} đang làm dở bài kiểm tra của buổi {date} — làm tiếp",
    "turns.interrupted": "{name} đang làm dở bài kiểm tra: chọn tên rồi nhấn Enter để làm tiếp.",
    "resume.title_of": "Bài làm dở của {name}",
    "resume.message_of": (
        "{name} còn một bài {kind} làm dở, bắt đầu lúc {when}: đã trả lời {answered}/{size} câu."
    ),
    "attendance.tested_title": "Người này đã làm bài",
    "attendance.tested_text": (
        "{name} đã làm bài kiểm tra của buổi này. Ghi là {status} thì bài làm và điểm vẫn được "
        "giữ và vẫn tính vào kết quả của buổi; chỉ điểm danh thay đổi. Ghi lại là có mặt lúc nào "
        "cũng được."
    ),
    "attendance.tested_going": (
        "{name} đang làm dở bài kiểm tra của buổi này. Ghi là {status} thì bài làm dở vẫn được "
        "giữ, làm tiếp được; chỉ điểm danh thay đổi."
    ),
    "attendance.tested_keep": "Giữ nguyên điểm danh",
    "attendance.tested_change": "Vẫn ghi là {status}",
    "summary.retake_mark": "(lần {number})",
    "help.quiz.type_keys": "Gõ chữ",
    "help.quiz.type": "gõ câu trả lời (không dấu, Telex hay VNI đều được)",
    "help.quiz.enter_test": "trả lời và sang câu chưa trả lời tiếp theo",
    # --- i21 ---
    "chart.clipped": "{count} điểm ngoài thang, vẽ ở mép.",
    "chart.left_out": "{count} điểm không đọc được, không vẽ.",
    "chart.bad_scale": "Không đọc được thang điểm, vẽ theo thang {scale}.",
    # --- i15r ---
    "drafts.cannot_read": "không đọc được {path}: {reason}",
    "drafts.not_found": "không có câu hỏi {id} trong {path}",
    "drafts.edit_refused": "Chưa lưu: câu hỏi sửa như vậy không hợp lệ; tệp {path} giữ nguyên.",
    "drafts.title": "Soạn câu hỏi: {pack}",
    "drafts.count": "{count} câu nháp chờ duyệt. Câu nháp không bao giờ được đưa vào đề.",
    "drafts.none": (
        "Không còn câu nháp nào chờ duyệt. Các câu đã nhận được đưa vào đề từ nay. "
        "Esc để quay lại."
    ),
    "drafts.passage": "Đoạn văn bản mà lời giải thích trích",
    "drafts.no_passage": "(không tìm thấy đoạn được trích trong bài {lesson})",
    "drafts.lesson": "Bài {source}: {title}",
    "drafts.answer": "Đáp án: {answer}",
    "drafts.explanation": "Giải thích: {text}",
    "drafts.pair": "{left} → {right}",
    "drafts.accepted": "Đã nhận câu {id}: từ nay câu này được đưa vào đề.",
    "drafts.rejected": "Đã bỏ câu {id} khỏi tệp câu hỏi.",
    "drafts.saved": "Đã lưu câu {id}.",
    "drafts.reject_title": "Bỏ câu nháp này?",
    "drafts.reject_text": "Câu {id} sẽ bị xóa khỏi tệp {path}. Không lấy lại được.",
    "drafts.reject_confirm": "Bỏ câu này",
    "drafts.reject_keep": "Giữ lại",
    "key.accept_draft": "Nhận",
    "key.edit_draft": "Sửa",
    "key.reject_draft": "Bỏ",
    "key.save_draft": "Lưu",
    "draft_edit.title": "Sửa câu {id}",
    "draft_edit.prompt": "Câu hỏi",
    "draft_edit.choices": "Phương án (mỗi dòng một phương án, theo thứ tự A, B, C…)",
    "draft_edit.answer.single": "Đáp án (một chữ cái, ví dụ B)",
    "draft_edit.answer.multi": "Đáp án (các chữ cái, cách nhau bởi dấu phẩy, ví dụ A, C)",
    "draft_edit.answer.fill": "Đáp án (nhiều cách viết được chấp nhận: cách nhau bởi dấu |)",
    "draft_edit.pairs": "Các cặp ghép (mỗi dòng một cặp: vế trái | vế phải)",
    "draft_edit.explanation": "Giải thích (trích văn bản)",
    "draft_edit.hint": "Tab sang ô tiếp theo · Ctrl+S lưu · Esc bỏ qua, không lưu",
    "draft_edit.bad_pair": "Dòng {line} của các cặp ghép thiếu dấu | giữa hai vế",
    "palette.drafts": "Soạn câu hỏi",
    "palette.drafts.detail": "Duyệt câu hỏi nháp của gói {pack}",
    "home.menu.new_document": "Thêm tài liệu mới",
    "home.menu.new_document.detail": "Soạn bài học và câu hỏi từ tệp Word, PDF, văn bản",
    "key.new_document": "Tài liệu mới",
    "palette.new_document": "Thêm tài liệu mới",
    "palette.new_document.detail": "Soạn gói bài học từ văn bản cấp trên gửi (Word, PDF)",
    "new_doc.title": "Thêm tài liệu mới",
    "new_doc.hint": (
        "Chọn tệp văn bản (Word .docx, PDF có chữ, .txt) bằng ↑↓ và Enter, hoặc gõ đường dẫn "
        "rồi nhấn Enter. Ctrl+O: sang thư mục khác (Tài liệu, Tải về, thư mục nhà)."
    ),
    "new_doc.path_placeholder": "đường dẫn đến tệp văn bản",
    "key.other_folder": "Thư mục khác",
    "new_doc.reading": "Đang đọc {name}…",
    "new_doc.cannot_read": "Không đọc được văn bản",
    "new_doc.structure": "Cấu trúc tìm thấy trong {name}",
    "new_doc.kind": "{kind} {number}",
    "new_doc.level": "Cấp {depth}: {count} mục",
    "new_doc.lessons": "Chia đến cấp {depth}: {lessons} bài học (kể cả bài giới thiệu)",
    "new_doc.depth_label": "Chia bài học đến cấp (từ 1 đến {deepest})",
    "new_doc.title_label": "Tên gói bài học",
    "new_doc.create": "Tạo gói",
    "new_doc.bad_depth": "Cấp phải là một số từ 1 đến {deepest}",
    "new_doc.no_title": "Hãy đặt tên cho gói bài học",
    "new_doc.notes": "Cần xem lại: {count} chỗ (đánh số nhảy cóc, lặp, tiêu đề không có nội dung…)",
    "new_doc.hint_structure": "Tab sang ô tiếp theo · Enter hoặc Ctrl+S tạo gói · Esc quay lại",
    "new_doc.creating": "Đang tạo gói {title}…",
    "new_doc.created_title": "Đã tạo gói bài học",
    "new_doc.created": "Đã tạo gói “{title}”: {lessons} bài học, trong {path}.",
    "new_doc.invalid": "Gói vừa tạo chưa hợp lệ; đã xóa. Các lỗi:",
    "new_doc.offer_text": (
        "Gói “{title}” đã có {lessons} bài học, mở được ngay trong mục Bài học. Soạn câu hỏi "
        "nháp từ chính văn bản rồi duyệt từng câu?"
    ),
    "new_doc.offer_drafts": "Soạn câu hỏi nháp",
    "new_doc.offer_drafts.detail": "Rồi nhận, sửa hoặc bỏ từng câu",
    "new_doc.offer_later": "Để sau",
    "new_doc.drafting": "Đang soạn câu hỏi nháp…",
    "new_doc.no_drafts": "Không soạn được câu nháp nào từ các bài học của gói này.",
    "new_doc.drafts_made": "Đã soạn {count} câu hỏi nháp.",
    # --- i14r ---
    "key.roster": "Danh sách đảng viên",
    "key.roster_add": "Thêm",
    "key.roster_rename": "Sửa tên",
    "key.roster_note": "Ghi chú",
    "key.roster_inactive": "Đã nghỉ",
    "key.roster_active": "Trở lại",
    "key.roster_import": "Nhập tệp",
    "roster.title": "Danh sách đảng viên — {cell}",
    "roster.column.name": "Họ và tên",
    "roster.column.note": "Ghi chú phân biệt",
    "roster.column.state": "Trạng thái",
    "roster.active": "đang sinh hoạt",
    "roster.inactive": "đã nghỉ",
    "roster.counts": "{active} người đang sinh hoạt · {inactive} đã nghỉ",
    "roster.empty": "Chi bộ chưa có đảng viên nào. Nhấn a để thêm, t để nhập từ tệp.",
    "roster.no_pin": (
        "Chi bộ chưa đặt mã PIN (studyapp members pin): ai ngồi máy cũng sửa được danh "
        "sách."
    ),
    "roster.unlocked": (
        "Đã nhập mã PIN: sửa danh sách không phải nhập lại. Tự khóa khi rời màn hình của "
        "bí thư hoặc sau {minutes} phút không dùng."
    ),
    "roster.locked": "Đã khóa: lần sửa tiếp theo sẽ hỏi mã PIN.",
    "roster.locked_idle": "Danh sách đảng viên đã khóa sau {minutes} phút không dùng.",
    "roster.add_title": "Thêm đảng viên",
    "roster.add_text": (
        "Thêm vào danh sách {cell}. Nếu đã có người cùng họ tên, hãy ghi chú để phân "
        "biệt."
    ),
    "roster.note_label": "Ghi chú phân biệt (không bắt buộc)",
    "roster.note_hint": "năm sinh, tổ, “bố”/“con”… (tối đa 40 ký tự)",
    "roster.twin_needs_note": (
        "Đã có “{name}” trong danh sách. Nếu là người khác cùng tên, hãy ghi chú để phân "
        "biệt (năm sinh, tổ…)."
    ),
    "roster.twin_keeps_note": "Chi bộ còn người khác tên “{name}”: cần giữ ghi chú để phân biệt.",
    "roster.rename_title": "Sửa tên",
    "roster.rename_text": "Tên đúng của “{name}” (kết quả cũ vẫn giữ nguyên):",
    "roster.note_title": "Ghi chú cho {name}",
    "roster.note_text": "Ghi chú ngắn để phân biệt với người cùng tên; để trống là bỏ ghi chú.",
    "roster.made_inactive": (
        "Đã ghi “{name}” là đã nghỉ: không còn trong điểm danh, kết quả cũ vẫn giữ. Nhấn "
        "n lần nữa để đưa trở lại."
    ),
    "roster.made_active": "Đã đưa “{name}” trở lại danh sách sinh hoạt.",
    "roster.import_title": "Nhập danh sách từ tệp",
    "roster.import_text": (
        "Tệp văn bản (UTF-8), mỗi dòng một họ và tên. Chỉ gõ tên tệp thì tệp được tìm "
        "trong {folder}."
    ),
    "roster.import_path": "Tệp",
    "roster.import_example": "danh-sach.txt",
    "roster.import_submit": "Nhập",
    "roster.import_no_path": "hãy gõ đường dẫn tới tệp",
    "roster.import_is_folder": "{path} là một thư mục; hãy gõ cả tên tệp",
    "roster.import_too_big": "tệp {path} quá lớn để là một danh sách (tối đa 1 MB)",
    "roster.import_refused": "dòng {line}: {reason}",
    "roster.import_report": "Nhập danh sách từ {name}",
    "store.note_too_long": "ghi chú phân biệt dài {length} ký tự, tối đa {limit}",
    "roster.twin_without_note": (
        "Người tên “{name}” có từ trước chưa có ghi chú: chọn tên đó rồi nhấn g để ghi, "
        "cho khỏi lẫn hai người."
    ),
    # --- i14u ---
    "progress.not_practised": "chưa luyện",
    "summary.column.name_note": "Họ và tên · ghi chú",
    "help.quiz.pause_pin": "Tạm dừng (cần mã PIN của bí thư)",
    "help.quiz.quit_pin": "Thoát (cần mã PIN của bí thư)",
    "palette.placeholder_meeting": "Gõ để tìm lệnh: trợ giúp, giao diện sáng/tối (không cần dấu)…",
    # --- i14w ---
    "report.period_from": "từ {first}",
    "report.period_to": "đến {last}",
    "report.excused": "Vắng có phép",
    "report.absent": "Vắng",
    "report.present_not_tested": "Có mặt, không làm bài",
    "report.missed": "Danh sách vắng và không làm bài trong kỳ",
    "import.details": "điểm danh và câu trả lời",
    "import.session_line": (
        "{cell}, buổi {date}: có mặt {present}/{total}, vắng có phép {excused}, vắng {absent}; "
        "{tested} người đã làm bài kiểm tra"
    ),
    "report.verification": "Số liệu",
    "report.verified": "đã xác minh (khóa {key})",
    "report.unverified_unsigned": "chưa xác minh: gói dữ liệu không có chữ ký",
    "report.unverified_unknown_key": (
        "chưa xác minh: ký bằng khóa {key}, không phải khóa đã biết của chi bộ"
    ),
    "report.unverified_here": "chưa xác minh: nhập trực tiếp trên máy này, không qua gói dữ liệu",
    "report.verification_part": "{what} ({count} buổi)",
    "export.col.verified": "Xác minh số liệu",
    # --- i14n ---
    "member.label": "{name} ({note})",
    "store.twin_needs_note": (
        "Nếu đây là một người khác trùng họ tên, hãy ghi thêm một ghi chú phân biệt (năm sinh, tổ, "
        "“con”/“bố”…), tối đa 40 ký tự."
    ),
    "store.twin_same_note": (
        "Đã có “{name}” với ghi chú “{note}”; hãy ghi một ghi chú khác để phân biệt hai người."
    ),
    "cli.opt.member_note": "ghi chú phân biệt người trùng họ tên (năm sinh, tổ…), tối đa 40 ký tự",
    "cli.members_note_only_add": "--note chỉ dùng với members add",
    "members.give_note": "Thêm với --note, ví dụ: --note \"sinh 1960\".",
    "member.note_label": "Ghi chú phân biệt (năm sinh, tổ, “con”/“bố”…)",
    "member.note_hint": "ví dụ: sinh 1960",
    "bundle.schema_rule": "không đúng dạng chương trình ghi (quy tắc “{rule}”).",
    "export.col.member_note": "Ghi chú phân biệt",
    "members.name_with_note": "Hoặc gọi đúng tên kèm ghi chú: {names}.",
    # --- i20s ---
    "bundle.too_deep_at": (
        "{where}: lồng nhau quá sâu (quá 64 tầng): không phải gói dữ liệu của studyapp."
    ),
    "bundle.reason.truncated": "tệp dừng giữa chừng",
    "bundle.reason.unexpected": "có ký tự không đúng chỗ",
    "bundle.second_value": (
        "sau khi gói dữ liệu kết thúc, tệp vẫn còn dữ liệu khác (một giá trị JSON thứ hai): tệp bị "
        "ghép hoặc bị sửa tay?"
    ),
    "bundle.duplicate_key": "content.{key}: có hai lần trong gói (tệp bị ghép hoặc bị sửa tay?).",
    # --- main: twins without a note in the sheets ---
    "member.code": "mã {code}",
    "papers.leave_title": "Bỏ bài đang nhập?",
    "papers.leave_message": "Các câu trả lời vừa nhập cho bài của {name} chưa được lưu.",
    "papers.leave_stay": "Nhập tiếp",
    "papers.leave_discard": "Bỏ, quay lại danh sách bài",
    # --- main: bundle version 3 ---
    "cli.opt.bundle_version": ("JSON: phiên bản gói, 3 (mặc định) hoặc 2 cho văn phòng đảng ủy "
                               "còn dùng bản studyapp chưa đọc được phiên bản 3"),
    # --- lo ---
    "pack.ids_prefixed": "Mã bài học trùng với bài đã có trong nội dung đang dùng, nên mọi mã "
                         "được thêm tiền tố “{prefix}” (như khi thêm tài liệu trong giao diện)",
    "search.read_as": "Đã hiểu là: {reading}",
    # --- mtg ---
    "meeting.locked_idle": (
        "Đã khóa lại sau {minutes} phút không dùng: việc tiếp theo của bí thư sẽ hỏi lại mã PIN."
    ),
    # --- attack ---
    "bundle.not_normal": "không ở dạng studyapp ghi (Unicode NFC, không thừa khoảng trắng).",
    "bundle.unknown_content_key": (
        "content.{key}: studyapp không ghi mục này vào gói (tệp bị ghép hoặc bị sửa tay?)."
    ),
    "bundle.cell_name_twice": "{where}: chi bộ “{name}” trùng tên với {other}.",
    "bundle.too_many_values_at": (
        "{where}: hơn {limit} giá trị trong một dòng: studyapp không ghi dòng nào như vậy."
    ),
    # --- main: a test retaken twice ---
    "bundle.retake_twice": (
        "{where}: bài {id} đã được thay bằng một lần làm lại khác đã nộp; mỗi bài chỉ được "
        "thay bằng một lần làm lại."
    ),
}
