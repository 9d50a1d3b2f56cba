# A hand-typed figure disagrees with the table (账表一致); correct and approximate ones pass.
base ndrc-engineering-2025
run printf '\n筹建期研发经费支出9,999.00万元，研发人员152人，专利授权数约40件，其中：发明专利授权数21件。\n' >> sections/summary-2-overview.md
exit 1
expect ENG-ID-06 ENG-NAR-02
expect-text the narrative gives "R&D expenditure" as 9,999 万元, the data table has 18,536.72 万元
