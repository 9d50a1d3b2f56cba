# A scheme with no outline.
base dalian-tic-2025
run sed -i 's#scheme="dalian-tic-2025"#scheme="atlantis-2099"#' centre.xml
exit 2
expect
expect-err no outline for scheme atlantis-2099
