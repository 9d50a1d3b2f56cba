# 353号: a cycle over three years is a warning only.
base most-tic-2017
run sed -i 's#end="2026-08-31"#end="2026-12-31"#' centre.xml
exit 0
expect TIC17-DATE-01 TIC17-TAB-05
