"""Question banks from and to Moodle's GIFT and Aiken text formats (no UI, no SQL).

`gift.parse_gift` and `aiken.parse_aiken` read a file's text into an `ImportResult`
(questions as bank tables, skipped items, problems at their lines); `common.bank_table`
and `common.dump_bank` make the bank TOML; `moodle_out` writes banks back out.
"""
