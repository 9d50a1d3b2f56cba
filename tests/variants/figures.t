# Figures typed in the narrative against the data table (the figures kind):
# Chinese numerals, "累计", "A与B合计", and two-cell table rows.
base dalian-tic-2025

=== chinese-numeral
run printf '\n本年度孵化企业数为九家。\n' >> sections/annual-3-transfer.md
exit 1
fires DL-NAR-02
expect-text the narrative gives "Firms incubated" as 9 家, the data table has 2 家

=== chinese-numeral-twin
run printf '\n本年度孵化企业数为两家，研发人员数为七十二人。\n' >> sections/annual-3-transfer.md
passes DL-NAR-02

=== cumulative-is-another-number
run printf '\n组建以来孵化企业累计十七家。\n' >> sections/annual-3-transfer.md
passes DL-NAR-02

=== a-and-b-together-is-their-sum
run printf '\n依托单位自筹与社会资本合计2,480.00万元。\n' >> sections/annual-7-finance.md
passes DL-NAR-02

=== a-and-b-without-heji-is-their-sum-too
run printf '\n依托单位自筹与社会资本2,480.00万元。\n' >> sections/annual-7-finance.md
passes DL-NAR-02

=== b-alone-is-checked
run printf '\n本年度社会资本2,480.00万元。\n' >> sections/annual-7-finance.md
exit 1
fires DL-NAR-02

=== table-row
run printf '\n| 指标 | 数值 |\n|---|---|\n| 研发人员数 | 99人 |\n' >> sections/annual-5-talent.md
exit 1
fires DL-NAR-02
expect-text the narrative gives "R&D staff" as 99 人

=== table-row-twin
run printf '\n| 指标 | 数值 |\n|---|---|\n| 研发人员数 | 72人 |\n' >> sections/annual-5-talent.md
passes DL-NAR-02

=== table-with-more-columns-is-not-read-as-a-pair
run printf '\n| 指标 | 2024年 | 2025年 |\n|---|---|---|\n| 研发人员数 | 60人 | 72人 |\n' >> sections/annual-5-talent.md
passes DL-NAR-02
