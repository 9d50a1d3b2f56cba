# An invalid byte is an error naming file, line and column; nothing else runs.
base most-tic-2021
run printf '# 四、存在的问题\n\n第二行\n问题\377在这里。\n' > sections/annual-4-problems.md
exit 2
expect
expect-err annual-4-problems.md:4:3
