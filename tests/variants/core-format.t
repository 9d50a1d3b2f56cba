# dossier's own format, whatever the scheme: a stage the outline does not
# define, a document of no stage or of another stage, dates out of order,
# a section file of no section; on the 2025 annual report of 国科发区〔2021〕17号.
base most-tic-2021

=== stage-unknown
# rules are not run for a stage the scheme does not have; the message lists its stages
run xedit centre.xml set /centre/@stage confirm
exit 1
expect CORE-STAGE
expect-text stage "confirm" is not a stage of this scheme; its stages are: apply (Statement of intent (field centres)), plan

=== stage-unknown-on-the-command-line
args --stage confirm
exit 1
expect CORE-STAGE

=== document-of-another-stage
run xedit centre.xml add /centre/submissions '<submission document="plan" date="2026-02-27"/>'
exit 1
expect CORE-DOCUMENT
expect-text document "Construction and operation plan" (plan) is not part of stage "Annual report"

=== document-of-no-scheme
run xedit centre.xml add /centre/submissions '<submission document="summary-report" date="2026-02-27"/>'
exit 1
expect CORE-DOCUMENT
expect-text document summary-report is not a document of this scheme

=== dates-out-of-order
# a project that ends before it starts, a cycle and a data period reversed
run xedit centre.xml set "(/centre/projects/project)[1]/@end" 2023-11-30 set /centre/dates/cycle/@end 2022-12-31 set /centre/indicators/@period-end 2024-12-31
exit 1
fires CORE-DATES TIC21-PER-01
expect-text <project>: start 2023-12-01 is after end 2023-11-30
expect-text <cycle>: start 2023-01-01 is after end 2022-12-31
expect-text <indicators>: period-start 2025-01-01 is after period-end 2024-12-31

=== dates-twin-one-day-ranges
# a range of one day is in order
run xedit centre.xml set "(/centre/projects/project)[1]/@end" 2023-12-01
passes CORE-DATES

=== section-of-no-outline-section
run printf '# 七、附件清单\n\n见证明材料目录。\n' > sections/annual-7-annexes.md
exit 0
expect CORE-SECTION-UNKNOWN
