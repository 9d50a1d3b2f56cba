# 100,000 nested elements: refused by the parser's depth limit, quickly.
base dalian-tic-2025
run { echo '<centre version="2" scheme="dalian-tic-2025" stage="annual">'; for i in $(seq 1 1000); do printf '<a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a>'; done; echo '</centre>'; } > centre.xml
exit 2
expect
expect-err malformed XML
