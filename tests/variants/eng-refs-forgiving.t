# References as people type them are filled in, not refused: spaces inside
# the braces, full-width braces and colon (in any mix), the kind in capitals.
base ndrc-engineering-2025
run printf '\n研发人员{{ fig:rd_staff }}，职工｛｛fig：staff_total｝｝，{{FIG : rd_staff}}，｛{　fig:rd_staff　}｝。\n\n｛｛ table：funding ｝｝\n' >> sections/summary-8-other.md
exit 0
expect ENG-ID-06
